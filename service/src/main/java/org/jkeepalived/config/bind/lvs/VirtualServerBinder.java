package org.jkeepalived.config.bind.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.bind.Scripts;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.lvs.Forwarding;
import org.jkeepalived.config.model.lvs.IpFamily;
import org.jkeepalived.config.model.lvs.Protocol;
import org.jkeepalived.config.model.lvs.SchedulerFlag;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** Reads one {@code virtual_server} block into a draft, keyword by keyword, as keepalived's parser does. */
final class VirtualServerBinder {
    /** IPVS schedulers keepalived accepts (2.2.7 and HEAD). */
    static final Set<String> SCHEDULERS = Set.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf",
            "lblcr", "sed", "nq", "twos");
    /** IP_VS_PENAME_MAXLEN. */
    private static final int PE_NAME_MAX = 15;
    static final long DEFAULT_PERSISTENCE = 360;
    private static final long MAX_PERSISTENCE = 2_678_400;

    private VirtualServerBinder() {
    }

    static void declare(Syntax root) {
        root.block("virtual_server", b -> {
            b.leaf("ip_family").leaf("retry").leaf("delay_before_retry").leaf("warmup").leaf("connect_timeout")
                    .leaf("delay_loop").leaf("inhibit_on_failure").leaf("lvs_sched", "lb_algo").leaf("hashed")
                    .leaf("ops").leaf("flag-1").leaf("flag-2").leaf("flag-3").leaf("sh-port").leaf("sh-fallback")
                    .leaf("mh-port").leaf("mh-fallback").leaf("lvs_method", "lb_kind").leaf("persistence_engine")
                    .leaf("persistence_timeout").leaf("persistence_granularity").leaf("protocol").leaf("ha_suspend")
                    .leaf("smtp_alert").leaf("virtualhost").leaf("snmp_name").leaf("alpha").leaf("omega")
                    .leaf("quorum_up").leaf("quorum_down").leaf("quorum").leaf("hysteresis").leaf("weight")
                    .leaf("sorry_server").leaf("sorry_server_inhibit").leaf("sorry_server_lvs_method");
            RealServerBinder.declare(b);
        });
    }

    /** The draft for one virtual_server node, or null (reported) when its header is unusable. */
    static Drafts.Vs read(Node n, List<Node> top, BindContext ctx) {
        Drafts.Vs vs = header(n, ctx);
        if (vs == null) {
            return null;
        }
        for (Node k : n.children()) {
            if (k.keyword().equals("real_server")) {
                RealServerBinder.read(k, vs, top, ctx);
            } else {
                keyword(k, vs, ctx);
            }
        }
        end(vs, ctx);
        return vs;
    }

    private static Drafts.Vs header(Node n, BindContext ctx) {
        if (!Values.requireArgs(n, 1, ctx)) {
            return null; // keepalived stops reading here (exit 2)
        }
        String first = n.arg(0);
        String second = n.hasArg(1) ? n.arg(1) : null;
        if (first.equals("group")) {
            if (second == null) {
                ctx.error(n, "virtual_server group is missing its name - skipping");
                return null;
            }
            return new Drafts.Vs(n, new ServiceTarget.Group(second));
        }
        if (first.equals("fwmark")) {
            Long mark = second == null ? null : LvsValues.integer(n, second, 0, LvsValues.UINT_MAX, ctx);
            if (mark == null || mark == 0) {
                // keepalived takes fwmark 0 for "no fwmark" and then mis-handles the service; refuse it.
                ctx.error(n, "virtual server fwmark '" + (second == null ? "" : second) + "' must be in [1, "
                        + LvsValues.UINT_MAX + "] - ignoring");
                return null;
            }
            return new Drafts.Vs(n, new ServiceTarget.Fwmark(mark));
        }
        Optional<InetAddress> address = LvsValues.address(first);
        int port = LvsValues.port(n, second, ctx);
        if (address.isEmpty() || port < 0) {
            ctx.error(n, "Invalid virtual server IP address" + (second != null ? "/port " : " ") + first
                    + (second != null ? "/" + second : "") + " - skipping");
            return null;
        }
        return new Drafts.Vs(n, new ServiceTarget.Address(address.get(), port));
    }

    private static void keyword(Node k, Drafts.Vs vs, BindContext ctx) {
        String arg = CheckerKeys.arg(k);
        switch (k.keyword()) {
            case "ip_family" -> {
                IpFamily f = arg.equals("inet") ? IpFamily.INET : arg.equals("inet6") ? IpFamily.INET6 : null;
                if (f == null) {
                    ctx.error(k, "unknown address family " + arg);
                } else if (vs.family != null && vs.family != f) {
                    ctx.error(k, "Virtual server specified family " + arg + " conflicts with server family");
                } else {
                    vs.family = f;
                }
            }
            case "retry" -> {
                Long v = LvsValues.number(k, 0, 1, LvsValues.UINT_MAX, ctx, "retry value invalid - " + arg);
                vs.retry = v != null ? v : vs.retry;
            }
            case "delay_before_retry" -> {
                Long v = LvsValues.timer(k, 0, Long.MAX_VALUE, ctx,
                        "virtual server delay before retry '" + arg + "' invalid - ignoring");
                vs.delayBeforeRetry = v != null ? v : vs.delayBeforeRetry;
            }
            case "warmup" -> {
                Long v = LvsValues.timer(k, 0, Long.MAX_VALUE, ctx, "virtual server warmup '" + arg
                        + "' invalid - ignoring");
                vs.warmup = v != null ? v : vs.warmup;
            }
            case "connect_timeout" -> {
                Long v = LvsValues.timer(k, 1, LvsValues.UINT_MAX, ctx,
                        "virtual server connect_timeout " + arg + " invalid - ignoring");
                vs.connectTimeout = v != null ? v : vs.connectTimeout;
            }
            case "delay_loop" -> {
                Long v = LvsValues.timer(k, 1, Long.MAX_VALUE, ctx, "virtual server delay loop '" + arg
                        + "' invalid - ignoring");
                vs.delayLoop = v != null ? v : vs.delayLoop;
            }
            // keepalived 2.2.7 takes these as plain flags at this level: any argument is ignored.
            case "inhibit_on_failure" -> vs.inhibit = true;
            case "ha_suspend" -> vs.haSuspend = true;
            case "alpha" -> vs.alpha = true;
            case "omega" -> vs.omega = true;
            case "lvs_sched" -> {
                if (!SCHEDULERS.contains(arg)) {
                    ctx.error(k, "Invalid lvs_scheduler '" + arg + "' - ignoring");
                } else {
                    vs.sched = arg;
                }
            }
            case "hashed", "ops", "flag-1", "flag-2", "flag-3", "sh-port", "sh-fallback", "mh-port", "mh-fallback" ->
                    flag(k, vs, ctx);
            case "lvs_method" -> vs.forwarding = Forwardings.parse(k, vs.forwarding, "virtual", ctx);
            case "persistence_engine" -> {
                if (arg.length() > PE_NAME_MAX) {
                    ctx.error(k, "persistence_name too long, truncating - " + arg);
                }
                vs.persistenceEngine = arg.isEmpty() ? null : arg.substring(0, Math.min(arg.length(), PE_NAME_MAX));
            }
            case "persistence_timeout" -> {
                if (!k.hasArg(0)) {
                    vs.persistenceTimeout = DEFAULT_PERSISTENCE;
                } else {
                    Long v = LvsValues.number(k, 0, 1, MAX_PERSISTENCE, ctx, "persistence_timeout invalid");
                    vs.persistenceTimeout = v != null ? v : vs.persistenceTimeout;
                }
            }
            case "persistence_granularity" -> granularity(k, vs, ctx);
            case "protocol" -> {
                switch (arg.toUpperCase(Locale.ROOT)) {
                    case "TCP" -> vs.protocol = Protocol.TCP;
                    case "UDP" -> vs.protocol = Protocol.UDP;
                    case "SCTP" -> vs.protocol = Protocol.SCTP;
                    default -> ctx.error(k, "Unknown protocol " + arg + " - ignoring");
                }
            }
            case "smtp_alert" -> {
                Boolean v = LvsValues.bool(k, ctx, "Invalid virtual_server smtp_alert parameter");
                vs.smtpAlert = v != null ? v : vs.smtpAlert;
            }
            case "virtualhost" -> {
                if (!k.hasArg(0)) {
                    ctx.error(k, "virtual server virtualhost missing");
                } else {
                    vs.virtualhost = LvsValues.text(k);
                }
            }
            case "snmp_name" -> {
                if (k.args().size() != 1) {
                    ctx.error(k, "virtual server snmp_name missing or extra parameters");
                } else {
                    vs.snmpName = arg;
                }
            }
            case "quorum_up" -> {
                if (vs.quorumUp != null) {
                    ctx.error(k, "quorum_up script already specified - ignoring " + arg);
                } else {
                    vs.quorumUp = Scripts.parse(k, 0, ctx);
                }
            }
            case "quorum_down" -> {
                if (vs.quorumDown != null) {
                    ctx.error(k, "quorum_down script already specified - ignoring " + arg);
                } else {
                    vs.quorumDown = Scripts.parse(k, 0, ctx);
                }
            }
            case "quorum" -> {
                Long v = LvsValues.number(k, 0, 1, LvsValues.UINT_MAX, ctx,
                        "Quorum " + arg + " must be in [1, " + LvsValues.UINT_MAX + "]. Setting to 1.");
                vs.quorum = v != null ? v : 1;
            }
            case "hysteresis" -> {
                Long v = LvsValues.number(k, 0, 0, LvsValues.UINT_MAX, ctx,
                        "Hysteresis " + arg + " must be in [0, " + LvsValues.UINT_MAX + "] - ignoring");
                vs.hysteresis = v != null ? v : vs.hysteresis;
            }
            case "weight" -> {
                Long v = LvsValues.number(k, 0, 1, LvsValues.WEIGHT_LIMIT, ctx,
                        "Virtual server weight " + arg + " is outside range 1-" + LvsValues.WEIGHT_LIMIT);
                vs.weight = v != null ? v : vs.weight;
            }
            case "sorry_server" -> sorry(k, vs, ctx);
            case "sorry_server_inhibit" -> {
                if (vs.sorry == null) {
                    ctx.error(k, "Ignoring sorry_server inhibit used before or without sorry_server");
                } else {
                    vs.sorry.inhibit = true;
                }
            }
            case "sorry_server_lvs_method" -> {
                if (vs.sorry == null) {
                    ctx.error(k, "sorry_server forwarding used without sorry_server");
                } else {
                    vs.sorry.forwarding = Forwardings.parse(k, vs.sorry.forwarding, "sorry", ctx);
                }
            }
            default -> ctx.error(k, "Unknown keyword '" + k.written() + "'");
        }
    }

    /**
     * Scheduler flags, order-sensitive as in keepalived: sh-/mh- flags need the sh/mh scheduler set
     * before them; hashed is accepted but never set (2.2.7).
     */
    private static void flag(Node k, Drafts.Vs vs, BindContext ctx) {
        String w = k.keyword();
        switch (w) {
            case "ops" -> vs.flags.add(SchedulerFlag.ONE_PACKET);
            case "flag-1" -> vs.flags.add(SchedulerFlag.FLAG_1);
            case "flag-2" -> vs.flags.add(SchedulerFlag.FLAG_2);
            case "flag-3" -> vs.flags.add(SchedulerFlag.FLAG_3);
            default -> {
                if ("sh".equals(vs.sched)) {
                    if (w.equals("sh-port")) {
                        vs.flags.add(SchedulerFlag.SH_PORT);
                    } else if (w.equals("sh-fallback")) {
                        vs.flags.add(SchedulerFlag.SH_FALLBACK);
                    }
                } else if ("mh".equals(vs.sched)) {
                    if (w.equals("mh-port")) {
                        vs.flags.add(SchedulerFlag.MH_PORT);
                    } else if (w.equals("mh-fallback")) {
                        vs.flags.add(SchedulerFlag.MH_FALLBACK);
                    }
                } else {
                    ctx.error(k, w + " only applies to sh scheduler - ignoring");
                }
            }
        }
    }

    /** An IPv4 netmask (inet_aton forms) or an IPv6 prefix length; it also makes the service persistent. */
    private static void granularity(Node k, Drafts.Vs vs, BindContext ctx) {
        String arg = CheckerKeys.arg(k);
        IpFamily f = vs.family != null ? vs.family : arg.indexOf('.') >= 0 ? IpFamily.INET : IpFamily.INET6;
        if (f == IpFamily.INET6) {
            Long v = LvsValues.number(k, 0, 1, 128, ctx, "Invalid IPv6 persistence_granularity specified - " + arg);
            if (v == null) {
                return;
            }
            vs.granularity = new VirtualServer.PersistenceGranularity(null, v.intValue());
        } else {
            InetAddress mask = InetAton.parse(arg);
            if (mask == null) {
                ctx.error(k, "Invalid IPv4 persistence_granularity specified - " + arg);
                return;
            }
            vs.granularity = new VirtualServer.PersistenceGranularity(mask, 0);
        }
        if (vs.family == null) {
            vs.family = f;
        }
        if (vs.persistenceTimeout == 0) {
            vs.persistenceTimeout = DEFAULT_PERSISTENCE;
        }
    }

    private static void sorry(Node k, Drafts.Vs vs, BindContext ctx) {
        String portWord = k.hasArg(1) ? k.arg(1) : null;
        Optional<InetAddress> a = LvsValues.address(CheckerKeys.arg(k));
        int port = LvsValues.port(k, portWord, ctx);
        if (a.isEmpty() || port < 0) {
            ctx.error(k, "Invalid sorry server IP address " + CheckerKeys.arg(k) + " - skipping");
            return;
        }
        vs.sorry = new Drafts.Sorry(a.get(), port, vs.forwarding);
    }

    /** keepalived's end of a virtual_server block: the sorry server's family, then a default family. */
    private static void end(Drafts.Vs vs, BindContext ctx) {
        if (vs.sorry != null
                && (vs.sorry.forwarding == null || vs.sorry.forwarding.method() != Forwarding.Method.TUN)) {
            IpFamily sf = LvsValues.family(vs.sorry.address);
            if (vs.family == null) {
                vs.family = sf;
            } else if (vs.family != sf) {
                ctx.error(vs.node, "Address family of virtual server and sorry server "
                        + AddressText.of(vs.sorry.address) + " don't match - skipping sorry server.");
                vs.sorry = null;
            }
        }
        if (vs.family == null && !(vs.target instanceof ServiceTarget.Group)) {
            // A fwmark service whose servers all tunnel: their common family, else IPv4.
            IpFamily f = vs.sorry != null ? LvsValues.family(vs.sorry.address) : null;
            boolean mixed = false;
            for (Drafts.Rs rs : vs.realServers) {
                IpFamily rf = LvsValues.family(rs.address);
                if (f == null) {
                    f = rf;
                } else if (f != rf) {
                    mixed = true;
                }
            }
            vs.family = mixed || f == null ? IpFamily.INET : f;
        }
    }
}
