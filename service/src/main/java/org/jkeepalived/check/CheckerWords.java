package org.jkeepalived.check;

import java.net.InetSocketAddress;
import org.jkeepalived.config.model.AddressText;

/**
 * keepalived's log words for one checker (observed in keepalived 2.2.7's messages): the success line and
 * the "failed after N retries" line, which differ by kind, and its service notation {@code [ip]:tcp:port}.
 *
 * @param success the line logged when the checker comes up, e.g. {@code TCP connection to [10.0.0.2]:tcp:80 success.}
 * @param failedPrefix the start of the line logged when it goes down, e.g. {@code TCP_CHECK on service [10.0.0.2]:tcp:80}
 */
public record CheckerWords(String success, String failedPrefix) {

    /** {@code <prefix> failed after N retries.}, or {@code <prefix> failed.} when there was no retry. */
    public String failed(long retries) {
        return retries > 0 ? failedPrefix + " failed after " + retries + " retries." : failedPrefix + " failed.";
    }

    /** The words of a checker kind ({@code TCP_CHECK}, {@code HTTP_GET}, ...) probing {@code service}. */
    public static CheckerWords of(String kind, String service) {
        return switch (kind) {
            case "TCP_CHECK" -> new CheckerWords("TCP connection to " + service + " success.",
                    "TCP_CHECK on service " + service);
            case "HTTP_GET", "SSL_GET" -> new CheckerWords("Remote Web server " + service + " succeed on service.",
                    "HTTP_CHECK on service " + service);
            case "PING_CHECK" -> new CheckerWords("ICMP CHECK to " + service + " succeeded.",
                    "ICMP CHECK on service " + service);
            default -> new CheckerWords(kind + " to " + service + " success.", kind + " on service " + service);
        };
    }

    /** keepalived's {@code [10.0.0.2]:tcp:80} (IPv6 as inet_ntop prints it, also in brackets). */
    public static String service(InetSocketAddress target, String protocol) {
        return "[" + AddressText.of(target.getAddress()) + "]:" + protocol + ":" + target.getPort();
    }
}
