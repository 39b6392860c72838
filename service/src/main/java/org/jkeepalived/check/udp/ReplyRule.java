package org.jkeepalived.check.udp;

import java.util.HexFormat;

/**
 * UDP_CHECK's rule for a reply (keepalived.conf(5)): with {@code require_reply} its length must lie in
 * [min_reply_length, max_reply_length], and when a HEX_STR is given the reply must match it over the
 * shorter of the two lengths, nibbles written X being wildcards. Pure.
 *
 * @param data bytes to compare, null for none
 * @param mask per byte, which bits of {@code data} count (0xf0, 0x0f, 0xff or 0); null with data
 */
public record ReplyRule(byte[] data, byte[] mask, int minLength, int maxLength) {
    private static final HexFormat HEX = HexFormat.of();

    /** From the model's lower-case hex strings (null when no data is compared). */
    public static ReplyRule of(String dataHex, String maskHex, int minLength, int maxLength) {
        if (dataHex == null) {
            return new ReplyRule(null, null, minLength, maxLength);
        }
        byte[] d = HEX.parseHex(dataHex);
        byte[] m = maskHex == null ? filled(d.length) : HEX.parseHex(maskHex);
        if (m.length != d.length) {
            throw new IllegalArgumentException("UDP_CHECK: require_reply mask and data differ in length");
        }
        return new ReplyRule(d, m, minLength, maxLength);
    }

    private static byte[] filled(int n) {
        byte[] m = new byte[n];
        java.util.Arrays.fill(m, (byte) 0xff);
        return m;
    }

    /** Null when {@code reply} passes, else why not. */
    public String judge(byte[] reply) {
        if (reply.length < minLength || reply.length > maxLength) {
            return "reply length " + reply.length + " not in [" + minLength + ", " + maxLength + "]";
        }
        if (data != null) {
            int n = Math.min(reply.length, data.length);
            for (int i = 0; i < n; i++) {
                if (((reply[i] ^ data[i]) & mask[i]) != 0) {
                    return "reply data mismatch at byte " + i;
                }
            }
        }
        return null;
    }
}
