package org.jkeepalived.config.model.lvs;

/** {@code SSL_GET}: HTTP_GET over TLS, using the top-level SSL context. */
public record SslGetCheck(String kind, CheckerTiming timing, CheckerConnection connection, HttpRequest http)
        implements Checker.NetworkChecker {
    public static final String KIND = "SSL_GET";

    public SslGetCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public SslGetCheck(CheckerTiming timing, CheckerConnection connection, HttpRequest http) {
        this(KIND, timing, connection, http);
    }
}
