package org.jkeepalived.vrrp.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure codec for VRRP advertisements: version 2 (RFC 3768 §5, IPv4 only) and version 3 (RFC 5798 §5 /
 * RFC 9568 §5, IPv4 and IPv6).
 *
 * <p>Input forms follow what Linux raw sockets deliver: an IPv4 raw socket hands over the whole IP packet
 * (header included), so {@link #decodeIpv4} reads source, destination and TTL from the header; an IPv6 raw
 * socket hands over only the VRRP message, with source, destination and hop limit from ancillary data, so
 * {@link #decodeIpv6} takes them as arguments. Output: {@link #encode} builds the VRRP message only (the
 * kernel adds the IP header: IPv4 raw socket without IP_HDRINCL); {@link #ipv4Packet} wraps it for tests.
 *
 * <p>Only checks that depend on the packet are done here (RFC 5798 §7.1, RFC 3768 §7.1): TTL/Hop Limit 255
 * for a multicast destination, version 2 or 3 (v2 only over IPv4), type 1, lengths against Count IPvX Addr
 * (and v2 auth data), known v2 auth type, checksum. VRID, authentication, interval and address-list checks
 * depend on the instance and belong to the state machine. Decoding never throws: every malformed input
 * becomes a {@link DecodeResult.Drop}.
 */
public final class VrrpCodec {
    /** Fixed part of the VRRP header: version/type, VRID, priority, count, (auth type, adv int | rsvd+max adv int), checksum. */
    public static final int HEADER_LENGTH = 8;
    /** RFC 3768 §5.3.10: VRRPv2 carries 8 bytes of authentication data after the addresses. */
    public static final int V2_AUTH_DATA_LENGTH = 8;
    /** RFC 5798 §5.1.1.3 / §5.1.2.3: TTL / Hop Limit of every advert; multicast receivers drop anything else. */
    public static final int TTL = 255;
    /** keepalived's pseudo-header destination for {@link V3ChecksumMode#OLD_UNICAST} (the default IPv4 group). */
    static final byte[] GROUP4 = {(byte) 224, 0, 0, 18};

    private static final int IPV4_MIN_HEADER = 20;
    private static final int V3_MAX_ADVER_INT_MASK = 0x0fff;

    static {
        warmUp();
    }

    private VrrpCodec() {
    }

    /**
     * Encodes one advert of each form (v2, v3 over IPv4 and IPv6) when the class is loaded, i.e. at a backup's
     * first decode: a backup encodes nothing until its first advert as MASTER, which would otherwise run this
     * code cold (~2 ms of class loading and interpretation measured on JDK 17, added to the takeover).
     */
    private static void warmUp() {
        try {
            InetAddress src4 = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
            InetAddress src6 = InetAddress.getByAddress(new byte[] {(byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 1});
            InetAddress group6 = InetAddress.getByAddress(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0x12});
            InetAddress group4 = InetAddress.getByAddress(GROUP4);
            encode(new VrrpAdvert(2, 1, 100, 100, 1, new byte[] {'x'}, List.of(src4), 0), src4, group4,
                    V3ChecksumMode.PSEUDO_HEADER);
            encode(new VrrpAdvert(3, 1, 100, 100, 0, new byte[0], List.of(src4), 0), src4, group4,
                    V3ChecksumMode.PSEUDO_HEADER);
            encode(new VrrpAdvert(3, 1, 100, 100, 0, new byte[0], List.of(src6), 0), src6, group6,
                    V3ChecksumMode.PSEUDO_HEADER);
        } catch (UnknownHostException | RuntimeException e) {
            // only an optimisation: the real encode reports its own errors
        }
    }

    // ---------------------------------------------------------------- decode

    /**
     * Decodes a whole IPv4 packet as delivered by an IPv4 raw socket (IP header included). The IPv4 header
     * checksum is not verified: the kernel has already dropped packets whose header checksum is wrong.
     */
    public static DecodeResult decodeIpv4(byte[] packet, V3ChecksumMode mode) {
        if (packet == null || packet.length < IPV4_MIN_HEADER) {
            return drop(DropReason.PACKET_LENGTH, "IPv4 packet of " + len(packet) + " bytes, shorter than an IPv4 header");
        }
        int ipVersion = (packet[0] & 0xff) >>> 4;
        int ihl = (packet[0] & 0x0f) * 4;
        int totalLength = u16(packet, 2);
        int protocol = packet[9] & 0xff;
        if (ipVersion != 4) {
            return drop(DropReason.IP_HEADER, "IP version " + ipVersion + " in an IPv4 packet");
        }
        if (ihl < IPV4_MIN_HEADER || ihl > packet.length) {
            return drop(DropReason.IP_HEADER, "IPv4 header length " + ihl + " in a packet of " + packet.length + " bytes");
        }
        if (totalLength < ihl || totalLength > packet.length) {
            return drop(DropReason.IP_HEADER, "IPv4 total length " + totalLength + " with header length " + ihl
                    + " in a packet of " + packet.length + " bytes");
        }
        if (protocol != InternetChecksum.PROTO_VRRP) {
            return drop(DropReason.IP_HEADER, "IP protocol " + protocol + ", expected 112 (VRRP)");
        }
        InetAddress src = address(packet, 12, 4);
        InetAddress dst = address(packet, 16, 4);
        int ttl = packet[8] & 0xff;
        // Bytes after Total Length (link-layer padding) are not part of the packet.
        return decode(packet, ihl, totalLength - ihl, src, dst, ttl, mode);
    }

    /**
     * Decodes a VRRP message whose IPv4 header was already stripped by the socket layer (as
     * {@code net.VrrpSocket} delivers it), with source, destination and TTL taken from that header.
     */
    public static DecodeResult decodeIpv4Message(byte[] message, Inet4Address src, Inet4Address dst, int ttl,
                                                 V3ChecksumMode mode) {
        if (message == null || src == null || dst == null) {
            return drop(DropReason.PACKET_LENGTH, "missing IPv4 message or addresses");
        }
        return decode(message, 0, message.length, src, dst, ttl, mode);
    }

    /**
     * Decodes a VRRP message received on an IPv6 raw socket: the payload only, with source, destination and
     * hop limit from ancillary data (IPV6_PKTINFO / IPV6_HOPLIMIT). Always version 3 with the pseudo-header
     * checksum (RFC 5798 §5.2.8); {@code v3_checksum_as_v2} and {@code old_unicast_checksum} concern IPv4 only.
     */
    public static DecodeResult decodeIpv6(byte[] payload, Inet6Address src, Inet6Address dst, int hopLimit) {
        if (payload == null || src == null || dst == null) {
            return drop(DropReason.PACKET_LENGTH, "missing IPv6 payload or addresses");
        }
        return decode(payload, 0, payload.length, src, dst, hopLimit, V3ChecksumMode.PSEUDO_HEADER);
    }

    /**
     * Decodes a whole IPv6 packet (fixed 40-byte header directly followed by VRRP, as captured on the wire).
     * The daemon never sees this form; it is for tests and fixtures.
     */
    public static DecodeResult decodeIpv6Packet(byte[] packet) {
        if (packet == null || packet.length < 40) {
            return drop(DropReason.PACKET_LENGTH, "IPv6 packet of " + len(packet) + " bytes, shorter than an IPv6 header");
        }
        int ipVersion = (packet[0] & 0xff) >>> 4;
        int payloadLength = u16(packet, 4);
        int nextHeader = packet[6] & 0xff;
        if (ipVersion != 6 || nextHeader != InternetChecksum.PROTO_VRRP || 40 + payloadLength > packet.length) {
            return drop(DropReason.IP_HEADER, "IPv6 header: version " + ipVersion + ", next header " + nextHeader
                    + ", payload length " + payloadLength + " in " + packet.length + " bytes");
        }
        byte[] payload = java.util.Arrays.copyOfRange(packet, 40, 40 + payloadLength);
        return decodeIpv6(payload, (Inet6Address) address(packet, 8, 16), (Inet6Address) address(packet, 24, 16),
                packet[7] & 0xff);
    }

    private static DecodeResult decode(byte[] b, int off, int len, InetAddress src, InetAddress dst, int ttl,
                                       V3ChecksumMode mode) {
        boolean ipv4 = src instanceof Inet4Address;
        if (len < HEADER_LENGTH) {
            return drop(DropReason.PACKET_LENGTH, "VRRP message of " + len + " bytes, shorter than the "
                    + HEADER_LENGTH + "-byte header");
        }
        // RFC 5798 §7.1 / RFC 3768 §7.1: a multicast advert must arrive with TTL / Hop Limit 255 (it proves
        // the sender is on-link). Unicast adverts may legitimately cross routers: the instance judges.
        if (dst.isMulticastAddress() && ttl != TTL) {
            return drop(DropReason.IP_TTL, (ipv4 ? "TTL " : "hop limit ") + ttl + " from " + src.getHostAddress()
                    + " to multicast " + dst.getHostAddress() + ", expected 255");
        }
        int version = (b[off] & 0xff) >>> 4;
        int type = b[off] & 0x0f;
        if (version != 2 && version != 3) {
            return drop(DropReason.VERSION, "VRRP version " + version + ", expected 2 or 3");
        }
        if (version == 2 && !ipv4) {
            // RFC 3768 is IPv4 only; RFC 5798 §5.1.2 carries IPv6 in version 3 only.
            return drop(DropReason.VERSION, "VRRP version 2 over IPv6");
        }
        if (type != VrrpAdvert.TYPE_ADVERTISEMENT) {
            return drop(DropReason.INVALID_TYPE, "VRRP type " + type + ", expected 1 (ADVERTISEMENT)");
        }
        int vrid = b[off + 1] & 0xff;
        int priority = b[off + 2] & 0xff;
        int count = b[off + 3] & 0xff;
        int addressLength = ipv4 ? 4 : 16;
        int expected = HEADER_LENGTH + count * addressLength + (version == 2 ? V2_AUTH_DATA_LENGTH : 0);
        // RFC 5798 §7.1 asks for "greater than or equal to the VRRP header"; we also require room for the
        // advertised addresses (and v2 auth data). Extra trailing bytes are tolerated (and checksummed).
        if (len < expected) {
            return drop(DropReason.PACKET_LENGTH, "VRRP message of " + len + " bytes, Count IPv" + (ipv4 ? 4 : 6)
                    + " Addr " + count + " needs " + expected);
        }
        int authType = version == 2 ? b[off + 4] & 0xff : 0;
        if (version == 2 && authType > 2) {
            // RFC 3768 §5.3.6: 0 no authentication, 1 and 2 reserved (keepalived: PASS and AH).
            return drop(DropReason.INVALID_AUTH_TYPE, "VRRPv2 auth type " + authType + ", expected 0, 1 or 2");
        }
        int received = u16(b, off + 6);
        int computed = checksum(b, off, len, version, src, dst, mode);
        if (received != computed) {
            return drop(DropReason.CHECKSUM, String.format("bad checksum 0x%04x, expected 0x%04x (%s)%s",
                    received, computed, version == 2 ? "v2" : ipv4 ? mode : V3ChecksumMode.PSEUDO_HEADER,
                    version == 3 && ipv4 ? otherModeHint(b, off, len, src, dst, mode, received) : ""));
        }
        // v2: 8-bit Adver Int in seconds (RFC 3768 §5.3.7); v3: 4 reserved bits (ignored on receipt,
        // RFC 5798 §5.2.5) then the 12-bit Max Adver Int in centiseconds (§5.2.7).
        int intervalCentis = version == 2 ? (b[off + 5] & 0xff) * 100 : u16(b, off + 4) & V3_MAX_ADVER_INT_MASK;
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(address(b, off + HEADER_LENGTH + i * addressLength, addressLength));
        }
        byte[] authData = version == 2
                ? java.util.Arrays.copyOfRange(b, off + HEADER_LENGTH + count * 4, off + expected)
                : new byte[0];
        VrrpAdvert advert = new VrrpAdvert(version, vrid, priority, intervalCentis, authType, authData, addresses,
                received);
        return new DecodeResult.Advert(src, dst, ttl, advert);
    }

    // ---------------------------------------------------------------- encode

    /**
     * Builds the VRRP message (no IP header) for {@code advert}, with the checksum for {@code src}/{@code dst}
     * under {@code mode} (ignored for v2 and for IPv6). The advert's own checksum field is ignored.
     *
     * @throws IllegalArgumentException when the advert cannot be represented (programming error, not input)
     */
    public static byte[] encode(VrrpAdvert advert, InetAddress src, InetAddress dst, V3ChecksumMode mode) {
        int version = advert.version();
        boolean ipv4 = src instanceof Inet4Address;
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("VRRP version " + version);
        }
        if (ipv4 != (dst instanceof Inet4Address) || (version == 2 && !ipv4)) {
            throw new IllegalArgumentException("v" + version + " from " + src + " to " + dst);
        }
        List<InetAddress> addresses = advert.addresses();
        int addressLength = ipv4 ? 4 : 16;
        if (addresses.size() > 255 || addresses.stream().anyMatch(a -> a.getAddress().length != addressLength)) {
            throw new IllegalArgumentException("addresses must be at most 255 of the IP family: " + addresses);
        }
        int interval = advert.advertIntervalCentis();
        if (version == 2 ? interval % 100 != 0 || interval < 0 || interval > 255 * 100
                : interval < 0 || interval > V3_MAX_ADVER_INT_MASK) {
            throw new IllegalArgumentException("v" + version + " advert interval " + interval + " cs");
        }
        byte[] authData = advert.authData();
        if (version == 2 && authData.length > V2_AUTH_DATA_LENGTH) {
            throw new IllegalArgumentException("v2 auth data longer than 8 bytes");
        }
        int length = HEADER_LENGTH + addresses.size() * addressLength + (version == 2 ? V2_AUTH_DATA_LENGTH : 0);
        byte[] b = new byte[length];
        b[0] = (byte) (version << 4 | VrrpAdvert.TYPE_ADVERTISEMENT);
        b[1] = (byte) advert.vrid();
        b[2] = (byte) advert.priority();
        b[3] = (byte) addresses.size();
        if (version == 2) {
            b[4] = (byte) advert.authType();
            b[5] = (byte) (interval / 100);
        } else {
            put16(b, 4, interval); // reserved bits 0 (RFC 5798 §5.2.5)
        }
        int pos = HEADER_LENGTH;
        for (InetAddress a : addresses) {
            System.arraycopy(a.getAddress(), 0, b, pos, addressLength);
            pos += addressLength;
        }
        if (version == 2) {
            System.arraycopy(authData, 0, b, pos, authData.length); // zero-padded to 8 (RFC 3768 §5.3.10)
        }
        put16(b, 6, checksum(b, 0, length, version, src, dst, mode));
        return b;
    }

    /**
     * Wraps a VRRP message in an IPv4 header as the kernel does for a raw socket without IP_HDRINCL:
     * TOS 0xc0 (keepalived sets IPTOS_PREC_INTERNETCONTROL), identification {@code id}, no fragmentation
     * flags, TTL {@code ttl}, protocol 112, header checksum computed. For tests and fixtures.
     */
    public static byte[] ipv4Packet(Inet4Address src, Inet4Address dst, int ttl, int id, byte[] vrrp) {
        byte[] p = new byte[IPV4_MIN_HEADER + vrrp.length];
        p[0] = 0x45;
        p[1] = (byte) 0xc0;
        put16(p, 2, p.length);
        put16(p, 4, id);
        p[8] = (byte) ttl;
        p[9] = (byte) InternetChecksum.PROTO_VRRP;
        System.arraycopy(src.getAddress(), 0, p, 12, 4);
        System.arraycopy(dst.getAddress(), 0, p, 16, 4);
        put16(p, 10, InternetChecksum.compute(p, 0, IPV4_MIN_HEADER));
        System.arraycopy(vrrp, 0, p, IPV4_MIN_HEADER, vrrp.length);
        return p;
    }

    // ---------------------------------------------------------------- checksum

    /**
     * The checksum of the VRRP message {@code b[off, off+len)} as it should be on the wire, computed with the
     * checksum field taken as zero. v2: message only (RFC 3768 §5.3.8). v3: RFC 5798 §5.2.8 pseudo-header,
     * varied for IPv4 by {@code mode}.
     */
    public static int checksum(byte[] b, int off, int len, int version, InetAddress src, InetAddress dst,
                               V3ChecksumMode mode) {
        byte[] m = java.util.Arrays.copyOfRange(b, off, off + len);
        m[6] = 0;
        m[7] = 0;
        boolean ipv4 = src instanceof Inet4Address;
        if (version == 2 || (ipv4 && mode == V3ChecksumMode.AS_V2)) {
            return InternetChecksum.compute(m, 0, len);
        }
        InetAddress pseudoDst = ipv4 && mode == V3ChecksumMode.OLD_UNICAST ? address(GROUP4, 0, 4) : dst;
        return InternetChecksum.computeWithPseudoHeader(src, pseudoDst, InternetChecksum.PROTO_VRRP, m, 0, len);
    }

    /**
     * When a v3 IPv4 checksum fails in the configured mode but verifies in another, says so: the usual cause is
     * a peer with a different v3_checksum_as_v2 / old_unicast_checksum setting (keepalived issues #642, #2324).
     * The packet is still dropped; only the operator's message is richer.
     */
    private static String otherModeHint(byte[] b, int off, int len, InetAddress src, InetAddress dst,
                                        V3ChecksumMode mode, int received) {
        for (V3ChecksumMode other : V3ChecksumMode.values()) {
            if (other != mode && checksum(b, off, len, 3, src, dst, other) == received) {
                return "; it verifies as " + other + " (peer's checksum setting differs?)";
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- bytes

    static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    /** An address from raw bytes; 16 bytes always give an Inet6Address (even for ::ffff:a.b.c.d). */
    static InetAddress address(byte[] b, int off, int len) {
        byte[] a = java.util.Arrays.copyOfRange(b, off, off + len);
        try {
            return len == 4 ? InetAddress.getByAddress(a) : Inet6Address.getByAddress(null, a, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("impossible: " + len + "-byte address", e);
        }
    }

    private static int len(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static DecodeResult drop(DropReason reason, String message) {
        return new DecodeResult.Drop(reason, message);
    }
}
