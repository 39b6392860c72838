package org.jkeepalived.check.ping;

/**
 * ICMP echo messages (RFC 792; ICMPv6 RFC 4443 section 4): type, code, checksum, identifier, sequence,
 * data. Pure. For ICMPv6 the kernel fills in the checksum (it covers a pseudo-header we do not see); on
 * a ping (SOCK_DGRAM) socket it also replaces the identifier with the socket's own.
 */
public final class IcmpEcho {
    static final int ECHO_REQUEST_V4 = 8;
    static final int ECHO_REPLY_V4 = 0;
    static final int ECHO_REQUEST_V6 = 128;
    static final int ECHO_REPLY_V6 = 129;
    static final int HEADER_BYTES = 8;

    private IcmpEcho() {
    }

    /** An echo request; the checksum is set for IPv4, left 0 for the kernel with IPv6. */
    public static byte[] request(boolean v6, int id, int seq, byte[] data) {
        byte[] m = new byte[HEADER_BYTES + data.length];
        m[0] = (byte) (v6 ? ECHO_REQUEST_V6 : ECHO_REQUEST_V4);
        m[4] = (byte) (id >> 8);
        m[5] = (byte) id;
        m[6] = (byte) (seq >> 8);
        m[7] = (byte) seq;
        System.arraycopy(data, 0, m, HEADER_BYTES, data.length);
        if (!v6) {
            int sum = checksum(m);
            m[2] = (byte) (sum >> 8);
            m[3] = (byte) sum;
        }
        return m;
    }

    /** The Internet checksum (RFC 1071): one's complement of the one's complement sum of 16-bit words. */
    public static int checksum(byte[] b) {
        long sum = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if ((b.length & 1) != 0) {
            sum += (b[b.length - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** An echo reply's identifier and sequence. */
    public record Reply(int id, int seq) {
    }

    /**
     * The echo reply in a received datagram, or null when it is something else (another ICMP type, too
     * short). {@code withIpHeader}: a raw IPv4 socket delivers the IP header first (its length in IHL).
     */
    public static Reply parseReply(byte[] d, boolean v6, boolean withIpHeader) {
        int off = 0;
        if (withIpHeader && !v6) {
            if (d.length < 20 || (d[0] & 0xf0) != 0x40) {
                return null;
            }
            off = (d[0] & 0x0f) * 4;
        }
        if (d.length < off + HEADER_BYTES) {
            return null;
        }
        int type = d[off] & 0xff;
        if (type != (v6 ? ECHO_REPLY_V6 : ECHO_REPLY_V4) || d[off + 1] != 0) {
            return null;
        }
        return new Reply(u16(d, off + 4), u16(d, off + 6));
    }

    private static int u16(byte[] d, int at) {
        return ((d[at] & 0xff) << 8) | (d[at + 1] & 0xff);
    }
}
