package org.jkeepalived.vrrp.packet;

import java.net.Inet6Address;
import java.util.Arrays;
import java.util.Optional;

/**
 * An unsolicited Neighbor Advertisement for a virtual IPv6 address (RFC 4861 §4.4, §7.2.6), byte-exact to
 * what keepalived 2.2.7 sends on a packet socket (fixture na.hex, captured): Ethernet to 33:33:00:00:00:01,
 * IPv6 from the VIP to all-nodes ff02::1 with Hop Limit 255, traffic class and flow label 0; ICMPv6 type 136
 * code 0 with Override set, Solicited clear (§7.2.6), Router set only when the interface forwards, Target =
 * the VIP, and a Target Link-Layer Address option (type 2) with the interface MAC. ICMPv6 checksum over the
 * IPv6 pseudo-header (RFC 4443 §2.3).
 *
 * @param mac    6-byte interface MAC (Ethernet source and target link-layer address option)
 * @param source IPv6 source (keepalived uses the VIP itself)
 * @param target the announced address
 * @param router the Router flag (keepalived sets it when IPv6 forwarding is on for the interface)
 */
public record UnsolicitedNa(byte[] mac, Inet6Address source, Inet6Address target, boolean router) {
    public static final int ICMPV6_LENGTH = 32;
    public static final int FRAME_LENGTH = 14 + 40 + ICMPV6_LENGTH;
    static final int TYPE_NEIGHBOR_ADVERTISEMENT = 136;
    private static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static final int FLAG_ROUTER = 0x80;
    private static final int FLAG_SOLICITED = 0x40;
    private static final int FLAG_OVERRIDE = 0x20;

    public UnsolicitedNa {
        if (mac.length != 6) {
            throw new IllegalArgumentException("MAC of " + mac.length + " bytes");
        }
        mac = mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** The ICMPv6 message (what an ICMPv6 raw socket would send), checksum included. */
    public byte[] toIcmpv6() {
        byte[] m = new byte[ICMPV6_LENGTH];
        m[0] = (byte) TYPE_NEIGHBOR_ADVERTISEMENT;
        m[4] = (byte) (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0));
        System.arraycopy(target.getAddress(), 0, m, 8, 16);
        m[24] = 2;  // option: Target Link-Layer Address (RFC 4861 §4.6.1)
        m[25] = 1;  // length in units of 8 bytes
        System.arraycopy(mac, 0, m, 26, 6);
        VrrpCodec.put16(m, 2, InternetChecksum.computeWithPseudoHeader(source, allNodes(),
                InternetChecksum.PROTO_ICMPV6, m, 0, m.length));
        return m;
    }

    /** The whole Ethernet frame. */
    public byte[] toFrame() {
        byte[] f = new byte[FRAME_LENGTH];
        f[0] = 0x33;
        f[1] = 0x33;
        f[5] = 1;  // 33:33 + low 32 bits of ff02::1 (RFC 2464 §7)
        System.arraycopy(mac, 0, f, 6, 6);
        VrrpCodec.put16(f, 12, 0x86dd);
        f[14] = 0x60;
        VrrpCodec.put16(f, 18, ICMPV6_LENGTH);
        f[20] = (byte) InternetChecksum.PROTO_ICMPV6;
        f[21] = (byte) 255; // RFC 4861 §7.1.2: receivers drop NAs with another hop limit
        System.arraycopy(source.getAddress(), 0, f, 22, 16);
        System.arraycopy(ALL_NODES, 0, f, 38, 16);
        System.arraycopy(toIcmpv6(), 0, f, 54, ICMPV6_LENGTH);
        return f;
    }

    /**
     * Parses an Ethernet frame as an unsolicited NA (type 136, Solicited clear, hop limit 255, valid
     * checksum, a Target Link-Layer Address option first). Empty otherwise; never throws.
     */
    public static Optional<UnsolicitedNa> parse(byte[] f) {
        if (f == null || f.length < FRAME_LENGTH || VrrpCodec.u16(f, 12) != 0x86dd || (f[14] & 0xf0) != 0x60
                || f[20] != InternetChecksum.PROTO_ICMPV6 || (f[21] & 0xff) != 255
                || VrrpCodec.u16(f, 18) < ICMPV6_LENGTH || 54 + VrrpCodec.u16(f, 18) > f.length) {
            return Optional.empty();
        }
        int len = VrrpCodec.u16(f, 18);
        Inet6Address src = (Inet6Address) VrrpCodec.address(f, 22, 16);
        Inet6Address dst = (Inet6Address) VrrpCodec.address(f, 38, 16);
        if ((f[54] & 0xff) != TYPE_NEIGHBOR_ADVERTISEMENT || f[55] != 0 || (f[58] & FLAG_SOLICITED) != 0
                || f[78] != 2 || f[79] != 1
                || InternetChecksum.computeWithPseudoHeader(src, dst, InternetChecksum.PROTO_ICMPV6, f, 54, len) != 0) {
            return Optional.empty();
        }
        return Optional.of(new UnsolicitedNa(Arrays.copyOfRange(f, 80, 86), src,
                (Inet6Address) VrrpCodec.address(f, 62, 16), (f[58] & FLAG_ROUTER) != 0));
    }

    private static Inet6Address allNodes() {
        return (Inet6Address) VrrpCodec.address(ALL_NODES, 0, 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnsolicitedNa n && Arrays.equals(mac, n.mac) && source.equals(n.source)
                && target.equals(n.target) && router == n.router;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mac) * 31 + target.hashCode();
    }

    @Override
    public String toString() {
        return "UnsolicitedNa[" + Mac.format(mac) + " " + target.getHostAddress() + (router ? " R" : "") + " O]";
    }
}
