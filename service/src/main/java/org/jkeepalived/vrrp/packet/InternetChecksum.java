package org.jkeepalived.vrrp.packet;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum of the data
 * taken as big-endian 16-bit words, an odd last byte padded with zero. Used by VRRP (RFC 3768 §5.3.8,
 * RFC 5798 §5.2.8) and ICMPv6 (RFC 4443 §2.3), both optionally over an IP pseudo-header.
 */
public final class InternetChecksum {
    /** IANA protocol number of VRRP (RFC 5798 §5.1.1.4). */
    public static final int PROTO_VRRP = 112;
    /** IANA next-header number of ICMPv6. */
    public static final int PROTO_ICMPV6 = 58;

    private InternetChecksum() {
    }

    /** The one's complement sum (not yet complemented) of {@code data[off, off+len)}, added to {@code sum}. */
    static long sum(long sum, byte[] data, int off, int len) {
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (data[i] & 0xff) << 8;
        }
        return sum;
    }

    /** Folds the carries into 16 bits and complements. */
    static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** The checksum of {@code data[off, off+len)} with no pseudo-header (VRRPv2, v3_checksum_as_v2). */
    public static int compute(byte[] data, int off, int len) {
        return finish(sum(0, data, off, len));
    }

    /**
     * The checksum of {@code data[off, off+len)} preceded by the pseudo-header for {@code src}/{@code dst}:
     * for IPv4 source, destination, zero, protocol, upper-layer length (16 bits) (RFC 768 style, as RFC 5798
     * §5.2.8 asks); for IPv6 source, destination, upper-layer length (32 bits), three zero bytes, next header
     * (RFC 2460 §8.1 / RFC 8200 §8.1). Both addresses must be of the same family.
     */
    public static int computeWithPseudoHeader(InetAddress src, InetAddress dst, int protocol,
                                              byte[] data, int off, int len) {
        byte[] s = src.getAddress();
        byte[] d = dst.getAddress();
        if (s.length != d.length) {
            throw new IllegalArgumentException("pseudo-header addresses of different families: " + src + ", " + dst);
        }
        long sum = sum(0, s, 0, s.length);
        sum = sum(sum, d, 0, d.length);
        // IPv4: zero byte + protocol, 16-bit length. IPv6: 32-bit length, 24 zero bits + next header.
        // Both add up to the same two 16-bit words when the length fits 16 bits; an IPv6 length above
        // 65535 (jumbogram) also carries its upper word.
        sum += protocol;
        sum += len & 0xffff;
        if (!(src instanceof Inet4Address)) {
            sum += (len >>> 16) & 0xffff;
        }
        return finish(sum(sum, data, off, len));
    }
}
