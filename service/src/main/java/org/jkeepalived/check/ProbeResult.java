package org.jkeepalived.check;

import java.util.Objects;

/**
 * The outcome of one probe attempt.
 *
 * @param up     the real server answered as configured
 * @param reason why it failed, in keepalived's log words where it has them (e.g. "connection refused",
 *               "HTTP status code error to [10.0.0.2]:tcp:80 url(/index.html), status_code [503]"); empty when up
 * @param weight a new weight from {@code misc_dynamic} (exit status 2..255 means weight status-2), else null
 */
public record ProbeResult(boolean up, String reason, Integer weight) {
    public ProbeResult {
        Objects.requireNonNull(reason, "reason");
    }

    public static ProbeResult success() {
        return new ProbeResult(true, "", null);
    }

    public static ProbeResult failure(String reason) {
        return new ProbeResult(false, reason, null);
    }
}
