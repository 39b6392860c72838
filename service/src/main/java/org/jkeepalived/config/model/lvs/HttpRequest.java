package org.jkeepalived.config.model.lvs;

import java.util.List;

/**
 * The HTTP part of HTTP_GET and SSL_GET.
 *
 * @param httpProtocol {@code http_protocol} (1.0)
 * @param virtualhost  {@code virtualhost} of the checker, else of the real server, else of the virtual
 *                     server; null when none (the Host header is then the target address)
 * @param fastRecovery {@code fast_recovery}: check all URLs at once when recovering
 * @param enableSni    {@code enable_sni}
 * @param sniName      {@code sni_name} (after 2.2.7), null when unset
 * @param tlsCompliant {@code tls_compliant} (after 2.2.7)
 * @param urls         the {@code url} blocks that have a path
 */
public record HttpRequest(HttpProtocol httpProtocol, String virtualhost, boolean fastRecovery, boolean enableSni,
                          String sniName, boolean tlsCompliant, List<Url> urls) {
    public HttpRequest {
        urls = List.copyOf(urls);
    }

    /** {@code http_protocol 1.0|1.0C|1.1}; 1.0C adds "Connection: close". */
    public enum HttpProtocol { HTTP_1_0, HTTP_1_0C, HTTP_1_1 }

    /**
     * One {@code url} block.
     *
     * @param path        {@code path}
     * @param digest      {@code digest}: MD5 of the body, 32 lower-case hex digits; null when unset
     * @param statusCodes {@code status_code} values and ranges (200-299 when unset)
     * @param virtualhost {@code virtualhost} of the url, else the checker's effective one; null when none
     * @param regex       the regex settings, null when no {@code regex}
     */
    public record Url(String path, String digest, List<StatusRange> statusCodes, String virtualhost, Regex regex) {
        public Url {
            statusCodes = List.copyOf(statusCodes);
        }
    }

    /** An inclusive range of HTTP status codes; a single code has {@code from == to}. */
    public record StatusRange(int from, int to) {
    }

    /**
     * {@code regex} with {@code regex_no_match}, {@code regex_options}, {@code regex_min_offset},
     * {@code regex_max_offset} and {@code regex_stack}.
     *
     * @param pattern    the PCRE2 pattern
     * @param noMatch    fail when the pattern matches
     * @param options    PCRE2 option names as written (unknown names are ignored, as keepalived does)
     * @param minOffset  first body offset searched (0)
     * @param maxOffset  last offset a match may start at; null when unbounded
     * @param stackStart JIT stack start size in bytes, 0 when unset
     * @param stackMax   JIT stack maximum size in bytes, 0 when unset
     */
    public record Regex(String pattern, boolean noMatch, List<String> options, long minOffset, Long maxOffset,
                        long stackStart, long stackMax) {
        public Regex {
            options = List.copyOf(options);
        }
    }
}
