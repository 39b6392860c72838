package org.jkeepalived.config.model.lvs;

/** {@code HTTP_GET}: every URL must answer with an accepted status (and digest/regex when given). */
public record HttpGetCheck(String kind, CheckerTiming timing, CheckerConnection connection, HttpRequest http)
        implements Checker.NetworkChecker {
    public static final String KIND = "HTTP_GET";

    public HttpGetCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public HttpGetCheck(CheckerTiming timing, CheckerConnection connection, HttpRequest http) {
        this(KIND, timing, connection, http);
    }
}
