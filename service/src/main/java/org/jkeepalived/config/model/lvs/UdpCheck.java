package org.jkeepalived.config.model.lvs;

/**
 * {@code UDP_CHECK}: sends a datagram; fails on ICMP unreachable, and optionally checks the reply.
 *
 * @param kind           always {@value #KIND}
 * @param payload        {@code payload} bytes as lower-case hex; null when unset (random data is sent)
 * @param requireReply   {@code require_reply}: a reply must arrive
 * @param replyData      the {@code require_reply} bytes as lower-case hex (wildcard nibbles as 0); null
 *                       when no data is compared
 * @param replyMask      which nibbles of {@code replyData} are compared (f) or wildcards (0); null with it
 * @param minReplyLength {@code min_reply_length} (0)
 * @param maxReplyLength {@code max_reply_length} (255)
 */
public record UdpCheck(String kind, CheckerTiming timing, CheckerConnection connection, String payload,
                       boolean requireReply, String replyData, String replyMask, int minReplyLength,
                       int maxReplyLength)
        implements Checker.NetworkChecker {
    public static final String KIND = "UDP_CHECK";

    public UdpCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public UdpCheck(CheckerTiming timing, CheckerConnection connection, String payload, boolean requireReply,
            String replyData, String replyMask, int minReplyLength, int maxReplyLength) {
        this(KIND, timing, connection, payload, requireReply, replyData, replyMask, minReplyLength, maxReplyLength);
    }
}
