package org.jkeepalived.config.bind.lvs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * The keys every checker shares, declared and read in one place: the connection keys (all checkers but
 * MISC_CHECK, FILE_CHECK and BFD_CHECK) and the retry/timing keys (all but FILE_CHECK and BFD_CHECK).
 * Messages and ranges are keepalived 2.2.7's (checker retry may be 0, unlike a server's).
 */
final class CheckerKeys {
    /** IFNAMSIZ - 1. */
    private static final int MAX_IFNAME = 15;

    private CheckerKeys() {
    }

    static void declare(Syntax b, boolean connection) {
        if (connection) {
            b.leaf("connect_ip").leaf("connect_port").leaf("bindto").leaf("bind_port").leaf("bind_if")
                    .leaf("connect_timeout").leaf("fwmark");
        }
        b.leaf("retry").leaf("delay_before_retry").leaf("warmup").leaf("delay_loop").leaf("alpha")
                .leaf("log_all_failures");
    }

    /**
     * Reads {@code n} if it is a common key. {@code connection} is null for checkers without one;
     * {@code rsAddress} is what connect_ip defaults to (bindto must match its family).
     *
     * @return false when {@code n} is not a common key
     */
    static boolean read(Node n, Drafts.Timing t, Drafts.Connection c, InetAddress rsAddress, BindContext ctx) {
        switch (n.keyword()) {
            case "retry" -> {
                if (n.written().equals("nb_get_retry")) {
                    ctx.error(n, "nb_get_retry is deprecated - please use 'retry'");
                }
                Long v = LvsValues.number(n, 0, 0, LvsValues.UINT_MAX, ctx, n.written().equals("nb_get_retry")
                        ? "Invalid nb_get_retry value '" + arg(n) + "'"
                        : "Invalid retry connection value '" + arg(n) + "'");
                if (v != null) {
                    t.retry = v;
                }
            }
            case "delay_before_retry" -> {
                Long v = LvsValues.timer(n, 0, Long.MAX_VALUE, ctx,
                        "Invalid delay_before_retry connection value '" + arg(n) + "'");
                if (v != null) {
                    t.delayBeforeRetry = v;
                }
            }
            case "warmup" -> {
                Long v = LvsValues.timer(n, 0, Long.MAX_VALUE, ctx, "Invalid warmup connection value '" + arg(n) + "'");
                if (v != null) {
                    t.warmup = v;
                }
            }
            case "delay_loop" -> {
                Long v = LvsValues.timer(n, 1, Long.MAX_VALUE, ctx, "delay_loop '" + arg(n)
                        + "' is invalid - ignoring");
                if (v != null) {
                    t.delayLoop = v;
                }
            }
            case "alpha" -> {
                Boolean v = LvsValues.bool(n, ctx, "Invalid alpha parameter");
                if (v != null) {
                    t.alpha = v;
                }
            }
            case "log_all_failures" -> {
                Boolean v = LvsValues.bool(n, ctx, "Invalid log_all_failures parameter");
                if (v != null) {
                    t.logAllFailures = v;
                }
            }
            default -> {
                return c != null && readConnection(n, c, rsAddress, ctx);
            }
        }
        return true;
    }

    private static boolean readConnection(Node n, Drafts.Connection c, InetAddress rsAddress, BindContext ctx) {
        switch (n.keyword()) {
            case "connect_ip" -> {
                Optional<InetAddress> a = LvsValues.address(arg(n));
                if (a.isEmpty()) {
                    ctx.error(n, "Invalid connect_ip address " + arg(n) + " - ignoring");
                } else if (c.bindto != null && LvsValues.family(c.bindto) != LvsValues.family(a.get())) {
                    ctx.error(n, "connect_ip address " + arg(n)
                            + " does not match address family of bindto - skipping");
                    c.connectIp = null;
                } else {
                    c.connectIp = a.get();
                }
            }
            case "connect_port" -> {
                Long v = LvsValues.number(n, 0, 1, 65535, ctx, "Invalid checker connect_port '" + arg(n) + "'");
                if (v != null) {
                    c.connectPort = v.intValue();
                }
            }
            case "bindto" -> {
                Optional<InetAddress> a = LvsValues.address(arg(n));
                InetAddress dst = c.connectIp != null ? c.connectIp : rsAddress;
                if (a.isEmpty()) {
                    ctx.error(n, "Invalid bindto address " + arg(n) + " - ignoring");
                } else if (LvsValues.family(dst) != LvsValues.family(a.get())) {
                    ctx.error(n, "bindto address " + arg(n)
                            + " does not match address family of connect_ip - skipping");
                    c.bindto = null;
                } else {
                    c.bindto = a.get();
                }
            }
            case "bind_port" -> {
                Long v = LvsValues.number(n, 0, 1, 65535, ctx, "Invalid checker bind_port '" + arg(n) + "'");
                if (v != null) {
                    c.bindPort = v.intValue();
                }
            }
            case "bind_if" -> {
                if (!n.hasArg(0)) {
                    ctx.error(n, "Missing interface name for bind_if");
                } else if (n.arg(0).length() > MAX_IFNAME) {
                    ctx.error(n, "Interface name " + n.arg(0) + " is too long - ignoring");
                } else {
                    c.bindIf = n.arg(0);
                }
            }
            case "connect_timeout" -> {
                Long v = LvsValues.timer(n, 1, LvsValues.UINT_MAX, ctx, "connect_timeout " + arg(n)
                        + " invalid - ignoring");
                if (v != null) {
                    c.connectTimeout = v;
                }
            }
            case "fwmark" -> {
                Long v = LvsValues.number(n, 0, 0, LvsValues.UINT_MAX, ctx,
                        "Invalid fwmark connection value '" + arg(n) + "'");
                if (v != null) {
                    c.fwmark = v;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * keepalived refuses an IPv6 link-local target without {@code bind_if}; the checker is dropped.
     *
     * @return false (reported) when the connection cannot be used
     */
    static boolean usable(Node block, Drafts.Connection c, InetAddress rsAddress, BindContext ctx) {
        InetAddress dst = c.connectIp != null ? c.connectIp : rsAddress;
        if (dst instanceof Inet6Address a && a.isLinkLocalAddress() && c.bindIf == null) {
            ctx.error(block, "Checker link local address " + AddressText.of(dst) + " requires a bind_if");
            return false;
        }
        return true;
    }

    static String arg(Node n) {
        return n.hasArg(0) ? n.arg(0) : "";
    }
}
