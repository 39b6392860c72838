package org.jkeepalived.config.model.lvs;

/** {@code TCP_CHECK}: up when a TCP connection opens within the connect timeout. */
public record TcpCheck(String kind, CheckerTiming timing, CheckerConnection connection)
        implements Checker.NetworkChecker {
    public static final String KIND = "TCP_CHECK";

    public TcpCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public TcpCheck(CheckerTiming timing, CheckerConnection connection) {
        this(KIND, timing, connection);
    }
}
