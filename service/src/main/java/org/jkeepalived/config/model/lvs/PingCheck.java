package org.jkeepalived.config.model.lvs;

/** {@code PING_CHECK}: up when an ICMP/ICMPv6 echo is answered. */
public record PingCheck(String kind, CheckerTiming timing, CheckerConnection connection)
        implements Checker.NetworkChecker {
    public static final String KIND = "PING_CHECK";

    public PingCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public PingCheck(CheckerTiming timing, CheckerConnection connection) {
        this(KIND, timing, connection);
    }
}
