package org.jkeepalived.config.bind.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.bind.Scripts;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.lvs.Forwarding;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** {@code real_server IP [PORT] { ... }} inside a virtual_server. */
final class RealServerBinder {
    private RealServerBinder() {
    }

    static void declare(Syntax vs) {
        vs.block("real_server", b -> {
            // Only lvs_method here: keepalived 2.2.7 and HEAD reject lb_kind inside a real_server.
            b.leaf("weight").leaf("lvs_method").leaf("uthreshold").leaf("lthreshold")
                    .leaf("inhibit_on_failure").leaf("notify_up").leaf("notify_down").leaf("alpha").leaf("retry")
                    .leaf("delay_before_retry").leaf("warmup").leaf("connect_timeout").leaf("delay_loop")
                    .leaf("smtp_alert").leaf("virtualhost").leaf("snmp_name");
            Checkers.declare(b);
        });
    }

    /** Reads one real_server into {@code vs} (or reports why it is skipped). */
    static void read(Node n, Drafts.Vs vs, List<Node> top, BindContext ctx) {
        if (!Values.requireArgs(n, 1, ctx)) {
            return; // keepalived stops reading here (exit 2)
        }
        String portWord = n.hasArg(1) ? n.arg(1) : null;
        Optional<InetAddress> address = LvsValues.address(n.arg(0));
        int port = LvsValues.port(n, portWord, ctx);
        if (address.isEmpty() || port < 0) {
            ctx.error(n, "Invalid real server ip address/port " + n.arg(0) + "/" + (portWord == null ? "" : portWord)
                    + " - skipping");
            return;
        }
        // Created with the virtual server's lvs_method as set so far, as keepalived's alloc_rs does.
        Drafts.Rs rs = new Drafts.Rs(n, address.get(), port, vs.forwarding);
        CheckerScope scope = new CheckerScope(ctx, top, vs, rs);
        for (Node k : n.children()) {
            List<Drafts.Check> checks = Checkers.read(k, scope);
            if (checks != null) {
                rs.checkers.addAll(checks);
            } else {
                keyword(k, rs, ctx);
            }
        }
        // Only tunnelled servers may differ in family from the service.
        if (rs.forwarding == null || rs.forwarding.method() != Forwarding.Method.TUN) {
            if (vs.family == null) {
                vs.family = LvsValues.family(rs.address);
            } else if (vs.family != LvsValues.family(rs.address)) {
                ctx.error(n, "Address family of virtual server and real server " + AddressText.of(rs.address)
                        + " don't match - skipping real server.");
                return;
            }
        }
        vs.realServers.add(rs);
    }

    private static void keyword(Node k, Drafts.Rs rs, BindContext ctx) {
        String arg = CheckerKeys.arg(k);
        switch (k.keyword()) {
            case "weight" -> {
                Long v = LvsValues.number(k, 0, 0, LvsValues.WEIGHT_LIMIT, ctx,
                        "Real server weight " + arg + " is outside range 0-" + LvsValues.WEIGHT_LIMIT);
                rs.weight = v != null ? v : rs.weight;
            }
            case "lvs_method" -> rs.forwarding = Forwardings.parse(k, rs.forwarding, "real", ctx);
            case "uthreshold" -> {
                Long v = LvsValues.number(k, 0, 0, LvsValues.UINT_MAX, ctx,
                        "Invalid real_server uthreshold '" + arg + "' - ignoring");
                rs.uthreshold = v != null ? v : rs.uthreshold;
            }
            case "lthreshold" -> {
                Long v = LvsValues.number(k, 0, 0, LvsValues.UINT_MAX, ctx,
                        "Invalid real_server lthreshold '" + arg + "' - ignoring");
                rs.lthreshold = v != null ? v : rs.lthreshold;
            }
            case "inhibit_on_failure" -> {
                Boolean v = LvsValues.bool(k, ctx, "Invalid inhibit_on_failure parameter");
                rs.inhibit = v != null ? v : rs.inhibit;
            }
            case "alpha" -> {
                Boolean v = LvsValues.bool(k, ctx, "Invalid alpha parameter");
                rs.alpha = v != null ? v : rs.alpha;
            }
            case "smtp_alert" -> {
                Boolean v = LvsValues.bool(k, ctx, "Invalid real_server smtp_alert parameter");
                rs.smtpAlert = v != null ? v : rs.smtpAlert;
            }
            case "notify_up" -> {
                if (rs.notifyUp != null) {
                    ctx.error(k, "notify_up script already specified - ignoring " + arg);
                } else {
                    rs.notifyUp = Scripts.parse(k, 0, ctx);
                }
            }
            case "notify_down" -> {
                if (rs.notifyDown != null) {
                    ctx.error(k, "notify_down script already specified - ignoring " + arg);
                } else {
                    rs.notifyDown = Scripts.parse(k, 0, ctx);
                }
            }
            case "retry" -> {
                Long v = LvsValues.number(k, 0, 1, LvsValues.UINT_MAX, ctx, "retry value invalid - " + arg);
                rs.retry = v != null ? v : rs.retry;
            }
            case "delay_before_retry" -> {
                Long v = LvsValues.timer(k, 0, Long.MAX_VALUE, ctx,
                        "real server delay_before_retry '" + arg + "' invalid - ignoring");
                rs.delayBeforeRetry = v != null ? v : rs.delayBeforeRetry;
            }
            case "warmup" -> {
                Long v = LvsValues.timer(k, 0, Long.MAX_VALUE, ctx, "real server warmup '" + arg
                        + "' invalid - ignoring");
                rs.warmup = v != null ? v : rs.warmup;
            }
            case "connect_timeout" -> {
                Long v = LvsValues.timer(k, 1, LvsValues.UINT_MAX, ctx,
                        "real server connect_timeout " + arg + " invalid - ignoring");
                rs.connectTimeout = v != null ? v : rs.connectTimeout;
            }
            case "delay_loop" -> {
                Long v = LvsValues.timer(k, 1, Long.MAX_VALUE, ctx, "real server delay_loop '" + arg
                        + "' invalid - ignoring");
                rs.delayLoop = v != null ? v : rs.delayLoop;
            }
            case "virtualhost" -> {
                if (!k.hasArg(0)) {
                    ctx.error(k, "real server virtualhost missing");
                } else {
                    rs.virtualhost = LvsValues.text(k);
                }
            }
            case "snmp_name" -> {
                if (k.args().size() != 1) {
                    ctx.error(k, "real server snmp_name missing or extra parameters");
                } else {
                    rs.snmpName = k.arg(0);
                }
            }
            default -> ctx.error(k, "Unknown keyword '" + k.written() + "'");
        }
    }
}
