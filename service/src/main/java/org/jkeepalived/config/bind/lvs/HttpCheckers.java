package org.jkeepalived.config.bind.lvs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.lvs.HttpGetCheck;
import org.jkeepalived.config.model.lvs.HttpRequest;
import org.jkeepalived.config.model.lvs.HttpRequest.HttpProtocol;
import org.jkeepalived.config.model.lvs.HttpRequest.StatusRange;
import org.jkeepalived.config.model.lvs.SslGetCheck;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** HTTP_GET and SSL_GET with their url blocks. */
final class HttpCheckers {
    private static final Pattern STATUS = Pattern.compile("(\\d+)(?:-(\\d*))?");
    private static final int STATUS_MIN = 100;
    private static final int STATUS_MAX = 599;

    private HttpCheckers() {
    }

    static void declare(Syntax rs) {
        for (String kind : List.of("HTTP_GET", "SSL_GET")) {
            rs.block(kind, b -> {
                CheckerKeys.declare(b, true);
                // nb_get_retry: the deprecated spelling of retry, still accepted (with a warning).
                b.leaf("retry", "nb_get_retry");
                b.leaf("virtualhost").leaf("http_protocol").leaf("enable_sni").leaf("sni_name")
                        .leaf("tls_compliant").leaf("fast_recovery");
                b.block("url", u -> u.leaf("path").leaf("digest").leaf("status_code").leaf("virtualhost")
                        .leaf("regex").leaf("regex_no_match").leaf("regex_options").leaf("regex_min_offset")
                        .leaf("regex_max_offset").leaf("regex_stack"));
            });
        }
    }

    static List<Drafts.Check> read(Node n, CheckerScope s) {
        BindContext ctx = s.ctx();
        Drafts.Check c = new Drafts.Check(n.keyword());
        c.connection = new Drafts.Connection();
        c.defaultDelayBeforeRetry = 3 * LvsValues.SECOND;
        String[] virtualhost = {null};
        String sniName = null;
        HttpProtocol protocol = HttpProtocol.HTTP_1_0;
        boolean fastRecovery = false;
        boolean enableSni = false;
        boolean tlsCompliant = false;
        List<UrlDraft> urls = new ArrayList<>();
        for (Node k : n.children()) {
            if (CheckerKeys.read(k, c.timing, c.connection, s.rs().address, ctx)) {
                continue;
            }
            switch (k.keyword()) {
                case "virtualhost" -> {
                    if (!k.hasArg(0)) {
                        ctx.error(k, "HTTP_GET virtualhost name missing");
                    } else {
                        virtualhost[0] = LvsValues.text(k);
                    }
                }
                case "http_protocol" -> {
                    HttpProtocol p = k.hasArg(0) ? protocol(k.arg(0)) : null;
                    if (!k.hasArg(0)) {
                        ctx.error(k, "Missing http_protocol version");
                    } else if (p == null) {
                        ctx.error(k, "Invalid http_protocol version " + k.arg(0));
                    } else {
                        protocol = p;
                    }
                }
                case "enable_sni" -> enableSni = flag(k, enableSni, ctx);
                case "fast_recovery" -> fastRecovery = flag(k, fastRecovery, ctx);
                case "tls_compliant" -> tlsCompliant = flag(k, tlsCompliant, ctx);
                case "sni_name" -> {
                    if (!k.hasArg(0)) {
                        ctx.error(k, "sni_name missing");
                    } else {
                        sniName = k.arg(0);
                    }
                }
                case "url" -> {
                    UrlDraft u = url(k, ctx);
                    if (u != null) {
                        urls.add(u);
                    }
                }
                default -> ctx.error(k, "Unknown keyword '" + k.written() + "'");
            }
        }
        if (urls.isEmpty()) {
            ctx.error(n, "HTTP/SSL_GET checker has no urls specified - ignoring");
            return List.of();
        }
        if (!CheckerKeys.usable(n, c.connection, s.rs().address, ctx)) {
            return List.of();
        }
        boolean ssl = n.keyword().equals("SSL_GET");
        HttpProtocol p = protocol;
        boolean fast = fastRecovery;
        boolean sni = enableSni;
        boolean tls = tlsCompliant;
        String sniN = sniName;
        c.build = (timing, connection) -> {
            // The Host header: url, else checker, else real server, else virtual server (read at build
            // time, so keywords after the checker block count too, as at keepalived's run time).
            String vh = first(virtualhost[0], s.rs().virtualhost, s.vs().virtualhost);
            List<HttpRequest.Url> built = urls.stream().map(u -> u.build(vh)).toList();
            HttpRequest http = new HttpRequest(p, vh, fast, sni, sniN, tls, built);
            return ssl ? new SslGetCheck(timing, connection, http) : new HttpGetCheck(timing, connection, http);
        };
        return List.of(c);
    }

    private static boolean flag(Node k, boolean current, BindContext ctx) {
        Boolean v = LvsValues.bool(k, ctx, "Invalid " + k.written() + " parameter");
        return v == null ? current : v;
    }

    static HttpProtocol protocol(String w) {
        return switch (w) {
            case "1.0" -> HttpProtocol.HTTP_1_0;
            case "1.1" -> HttpProtocol.HTTP_1_1;
            case "1.0C", "1.0c" -> HttpProtocol.HTTP_1_0C;
            default -> null;
        };
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** One url block as read. */
    private static final class UrlDraft {
        String path;
        String digest;
        final List<StatusRange> status = new ArrayList<>();
        String virtualhost;
        String regex;
        boolean noMatch;
        final List<String> options = new ArrayList<>();
        long minOffset;
        Long maxOffset;
        long stackStart;
        long stackMax;

        HttpRequest.Url build(String checkerHost) {
            List<StatusRange> codes = status.isEmpty() ? List.of(new StatusRange(200, 299)) : status;
            HttpRequest.Regex r = regex == null ? null
                    : new HttpRequest.Regex(regex, noMatch, options, minOffset, maxOffset, stackStart, stackMax);
            return new HttpRequest.Url(path, digest, codes, virtualhost != null ? virtualhost : checkerHost, r);
        }
    }

    private static UrlDraft url(Node n, BindContext ctx) {
        UrlDraft u = new UrlDraft();
        boolean regexParams = false;
        for (Node k : n.children()) {
            switch (k.keyword()) {
                case "path" -> {
                    if (!k.hasArg(0)) {
                        ctx.error(k, "Missing path for url");
                    } else {
                        u.path = LvsValues.text(k);
                    }
                }
                case "digest" -> digest(k, u, ctx);
                case "status_code" -> status(k, u, ctx);
                case "virtualhost" -> {
                    if (!k.hasArg(0)) {
                        ctx.error(k, "Missing HTTP_GET virtualhost name");
                    } else {
                        u.virtualhost = LvsValues.text(k);
                    }
                }
                // The regex keywords are only logged by keepalived 2.2.7 (log_message), never errors.
                case "regex" -> {
                    if (k.args().size() != 1) {
                        ctx.note(k, "regex missing or too many fields");
                    } else {
                        u.regex = k.arg(0);
                    }
                }
                case "regex_no_match" -> {
                    u.noMatch = true;
                    regexParams = true;
                }
                case "regex_options" -> {
                    u.options.addAll(k.args());
                    regexParams |= !k.args().isEmpty();
                }
                case "regex_min_offset" -> {
                    Long v = offset(k, "min", ctx);
                    u.minOffset = v == null ? 0 : v;
                    regexParams = true;
                }
                case "regex_max_offset" -> {
                    u.maxOffset = offset(k, "max", ctx);
                    regexParams = true;
                }
                case "regex_stack" -> {
                    regexStack(k, u, ctx);
                    regexParams = true;
                }
                default -> ctx.error(k, "Unknown keyword '" + k.written() + "'");
            }
        }
        if (u.regex == null && regexParams) {
            ctx.note(n, "regex parameters specified without regex");
        }
        if (u.maxOffset != null && u.minOffset > u.maxOffset) {
            ctx.note(n, "regex min offset " + u.minOffset + " > regex_max_offset " + u.maxOffset + " - ignoring");
            u.minOffset = 0;
            u.maxOffset = null;
        }
        if (u.path == null) {
            ctx.error(n, "HTTP/SSL_GET checker url has no path - ignoring");
            return null;
        }
        return u;
    }

    private static void digest(Node k, UrlDraft u, BindContext ctx) {
        String d = CheckerKeys.arg(k);
        if (u.digest != null) {
            ctx.error(k, "Digest '" + d + "' is a duplicate");
            return;
        }
        if (d.length() != 32) {
            ctx.error(k, "digest '" + d + "' character length should be 32 rather than " + d.length());
            return;
        }
        for (int i = 0; i < 32; i += 2) {
            if (Character.digit(d.charAt(i), 16) < 0 || Character.digit(d.charAt(i + 1), 16) < 0) {
                ctx.error(k, "Unable to interpret hex digit in '" + d + "' at offset " + i + "/" + (i + 1));
                return;
            }
        }
        u.digest = d.toLowerCase(Locale.ROOT);
    }

    private static void status(Node k, UrlDraft u, BindContext ctx) {
        for (String w : k.args()) {
            Matcher m = STATUS.matcher(w);
            int min = -1;
            int max = -1;
            if (m.matches() && m.group(1).length() <= 4 && (m.group(2) == null || m.group(2).length() <= 4)) {
                min = Integer.parseInt(m.group(1));
                // "200-" is read as 200-0 by keepalived (strtoul of nothing), i.e. invalid.
                max = m.group(2) == null ? min : m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
            }
            if (min < STATUS_MIN || min > STATUS_MAX || max < STATUS_MIN || max > STATUS_MAX || min > max) {
                ctx.error(k, "Invalid HTTP_GET status code '" + w + "'");
                continue;
            }
            u.status.add(new StatusRange(min, max));
        }
    }

    private static Long offset(Node k, String type, BindContext ctx) {
        if (k.args().size() != 1) {
            ctx.note(k, "Missing or too may options for regex_" + type + "_offset");
            return null;
        }
        try {
            long v = Long.parseLong(k.arg(0));
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        ctx.note(k, "Invalid regex_" + type + "_offset " + k.arg(0) + " specified");
        return null;
    }

    private static void regexStack(Node k, UrlDraft u, BindContext ctx) {
        if (k.args().size() != 2) {
            ctx.note(k, "regex_stack requires start and max values");
            return;
        }
        long start;
        long max;
        try {
            start = Long.parseLong(k.arg(0));
            max = Long.parseLong(k.arg(1));
        } catch (NumberFormatException e) {
            ctx.note(k, "regex_stack invalid value");
            return;
        }
        if (start < 0 || max < 0 || start > max) {
            ctx.note(k, "regex stack start cannot exceed max value");
            return;
        }
        u.stackStart = start;
        u.stackMax = max;
    }
}
