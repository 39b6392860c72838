package org.jkeepalived.config.model.lvs;

/**
 * {@code lvs_method NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]}.
 *
 * @param method     the IPVS forwarding method
 * @param tunnelType the tunnel encapsulation (IPIP unless set; kept for every method as keepalived does)
 * @param tunnelPort the GUE destination port, 0 for other tunnel types
 * @param checksum   the tunnel checksum option (NOCSUM unless set)
 */
public record Forwarding(Method method, TunnelType tunnelType, int tunnelPort, TunnelChecksum checksum) {
    public enum Method { NAT, DR, TUN }

    public enum TunnelType { IPIP, GUE, GRE }

    public enum TunnelChecksum { NOCSUM, CSUM, REMCSUM }

    /** keepalived's default: NAT. */
    public static final Forwarding NAT = new Forwarding(Method.NAT, TunnelType.IPIP, 0, TunnelChecksum.NOCSUM);
}
