package org.jkeepalived.ipvs.kernel;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A real server of a virtual service as the kernel holds it (IPVS_CMD_ATTR_DEST).
 *
 * @param upperThreshold  connections above which the kernel stops sending new ones (0: no limit)
 * @param lowerThreshold  connections below which it resumes (0: not set)
 * @param tunnelType      for {@link IpvsForwarding#TUNNEL}: IPIP, GUE or GRE
 * @param tunnelPort      GUE's UDP port, else 0
 * @param tunnelFlags     IP_VS_TUNNEL_ENCAP_FLAG_* (CSUM 1, REMCSUM 2)
 */
public record IpvsDestination(InetAddress address, int port, IpvsForwarding forwarding, int weight,
                              int upperThreshold, int lowerThreshold, TunnelType tunnelType, int tunnelPort,
                              int tunnelFlags) {
    /** IP_VS_CONN_F_TUNNEL_TYPE_*. */
    public enum TunnelType { IPIP, GUE, GRE }

    public IpvsDestination {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(tunnelType, "tunnelType");
        if (port < 0 || port > 0xffff || tunnelPort < 0 || tunnelPort > 0xffff) {
            throw new IllegalArgumentException("port " + port + " / tunnel port " + tunnelPort);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weight " + weight);
        }
    }

    public static IpvsDestination of(InetAddress address, int port, IpvsForwarding forwarding, int weight) {
        return new IpvsDestination(address, port, forwarding, weight, 0, 0, TunnelType.IPIP, 0, 0);
    }

    public int addressFamily() {
        return IpvsAddressFamily.of(address);
    }

    public IpvsDestination withWeight(int w) {
        return new IpvsDestination(address, port, forwarding, w, upperThreshold, lowerThreshold, tunnelType,
                tunnelPort, tunnelFlags);
    }

    public IpvsDestination withThresholds(int upper, int lower) {
        return new IpvsDestination(address, port, forwarding, weight, upper, lower, tunnelType, tunnelPort,
                tunnelFlags);
    }

    public IpvsDestination withTunnel(TunnelType type, int port, int flags) {
        return new IpvsDestination(address, this.port, forwarding, weight, upperThreshold, lowerThreshold, type,
                port, flags);
    }
}
