package org.jkeepalived.config.bind.lvs;

import java.util.List;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * The checker blocks of a real_server: declaration, reading by kind, and the resolution of timing and
 * connection through checker -> real server -> virtual server -> the kind's defaults (keepalived's
 * validate_check_config).
 */
final class Checkers {
    private Checkers() {
    }

    static void declare(Syntax rs) {
        NetworkCheckers.declare(rs);
        HttpCheckers.declare(rs);
        UdpChecker.declare(rs);
        MiscChecker.declare(rs);
        TrackingCheckers.declare(rs);
    }

    /** The checkers a block declares (none when it is dropped, several for SMTP host blocks); null if not a checker. */
    static List<Drafts.Check> read(Node n, CheckerScope s) {
        return switch (n.keyword()) {
            case "TCP_CHECK", "PING_CHECK" -> NetworkCheckers.readSimple(n, s);
            case "SMTP_CHECK" -> NetworkCheckers.readSmtp(n, s);
            case "DNS_CHECK" -> NetworkCheckers.readDns(n, s);
            case "HTTP_GET", "SSL_GET" -> HttpCheckers.read(n, s);
            case "UDP_CHECK" -> UdpChecker.read(n, s);
            case "MISC_CHECK" -> MiscChecker.read(n, s);
            case "FILE_CHECK" -> TrackingCheckers.readFile(n, s);
            case "BFD_CHECK" -> TrackingCheckers.readBfd(n, s);
            default -> null;
        };
    }

    /** Builds the checker record with its effective timing and connection. */
    static Checker build(Drafts.Check c, Drafts.Rs rs, Drafts.Vs vs, boolean rsAlpha, GlobalDefs global) {
        Drafts.Timing t = c.timing;
        long delayLoop = first(t.delayLoop, rs.delayLoop, vs.delayLoop);
        Long inheritedRetry = rs.retry != null ? rs.retry : vs.retry;
        Long inheritedDbr = rs.delayBeforeRetry != null ? rs.delayBeforeRetry : vs.delayBeforeRetry;
        Long inheritedWarmup = rs.warmup != null ? rs.warmup : vs.warmup;
        long retry = t.retry != null ? t.retry : inheritedRetry != null ? inheritedRetry : c.defaultRetry;
        long warmup = t.warmup != null ? t.warmup : inheritedWarmup != null ? inheritedWarmup : delayLoop;
        long dbr = t.delayBeforeRetry != null ? t.delayBeforeRetry
                : inheritedDbr != null ? inheritedDbr
                : c.defaultDelayBeforeRetry != null ? c.defaultDelayBeforeRetry : delayLoop;
        boolean alpha = t.alpha != null ? t.alpha : rsAlpha;
        // keepalived logs every failure when either the checker or global_defs asks for it.
        boolean logAll = t.logAllFailures || global.smtp().checkerLogAllFailures();
        CheckerTiming timing = new CheckerTiming(delayLoop, warmup, retry, dbr, alpha, logAll);
        CheckerConnection connection = null;
        Drafts.Connection k = c.connection;
        if (k != null) {
            long timeout = first(k.connectTimeout, rs.connectTimeout, vs.connectTimeout);
            // The port defaults to the real server's port as written: keepalived creates the checker
            // before it gives a port-less real server the service's port.
            connection = new CheckerConnection(k.connectIp != null ? k.connectIp : rs.address,
                    k.connectPort != null ? k.connectPort : rs.writtenPort, k.bindto, k.bindPort, k.bindIf,
                    k.fwmark, timeout);
        }
        return c.build.apply(timing, connection);
    }

    private static long first(Long a, Long b, long c) {
        return a != null ? a : b != null ? b : c;
    }
}
