package org.jkeepalived.config.bind.lvs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.lvs.DnsCheck;
import org.jkeepalived.config.model.lvs.PingCheck;
import org.jkeepalived.config.model.lvs.SmtpCheck;
import org.jkeepalived.config.model.lvs.TcpCheck;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** TCP_CHECK, PING_CHECK, SMTP_CHECK (with legacy host blocks) and DNS_CHECK. */
final class NetworkCheckers {
    private static final Set<String> DNS_TYPES = Set.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA");

    private NetworkCheckers() {
    }

    static void declare(Syntax rs) {
        rs.block("TCP_CHECK", b -> CheckerKeys.declare(b, true));
        rs.block("PING_CHECK", b -> CheckerKeys.declare(b, true));
        rs.block("SMTP_CHECK", b -> {
            CheckerKeys.declare(b, true);
            b.leaf("helo_name");
            b.block("host", h -> CheckerKeys.declare(h, true));
        });
        rs.block("DNS_CHECK", b -> {
            CheckerKeys.declare(b, true);
            b.leaf("type").leaf("name");
        });
    }

    /** TCP_CHECK and PING_CHECK have only the common keys. */
    static List<Drafts.Check> readSimple(Node n, CheckerScope s) {
        Drafts.Check c = common(n, s);
        for (Node k : n.children()) {
            if (!CheckerKeys.read(k, c.timing, c.connection, s.rs().address, s.ctx())) {
                s.ctx().error(k, "Unknown keyword '" + k.written() + "'");
            }
        }
        if (!CheckerKeys.usable(n, c.connection, s.rs().address, s.ctx())) {
            return List.of();
        }
        boolean ping = n.keyword().equals("PING_CHECK");
        c.build = (timing, connection) -> ping ? new PingCheck(timing, connection) : new TcpCheck(timing, connection);
        return List.of(c);
    }

    /**
     * SMTP_CHECK. keepalived turns each legacy {@code host {}} block into a checker of its own whose
     * connection starts again from the real server; the block's own connection is only checked when it
     * sets a connection key or there are no hosts. Timing keys, even inside a host, are the checker's
     * (observed with 2.2.7's -d dump). keepalived 2.2.7 leaves a host's connect timeout at 0 unless the
     * host sets one; we use the block's timeout, else the server's, instead.
     */
    static List<Drafts.Check> readSmtp(Node n, CheckerScope s) {
        BindContext ctx = s.ctx();
        Drafts.Check c = common(n, s);
        String[] helo = {SmtpCheck.DEFAULT_HELO};
        boolean ownConnection = false;
        List<Drafts.Check> hosts = new ArrayList<>();
        for (Node k : n.children()) {
            if (k.keyword().equals("host")) {
                Drafts.Check hc = new Drafts.Check("SMTP_CHECK", c.timing);
                hc.connection = new Drafts.Connection();
                for (Node hk : k.children()) {
                    CheckerKeys.read(hk, c.timing, hc.connection, s.rs().address, ctx);
                }
                if (CheckerKeys.usable(k, hc.connection, s.rs().address, ctx)) {
                    hosts.add(hc);
                }
            } else if (k.keyword().equals("helo_name")) {
                if (!k.hasArg(0)) {
                    ctx.error(k, "SMTP_CHECK helo name missing");
                } else {
                    helo[0] = LvsValues.text(k);
                }
            } else if (CheckerKeys.read(k, c.timing, c.connection, s.rs().address, ctx)) {
                ownConnection |= isConnectionKey(k.keyword());
            } else {
                ctx.error(k, "Unknown keyword '" + k.written() + "'");
            }
        }
        boolean anyHost = n.children().stream().anyMatch(k -> k.keyword().equals("host"));
        List<Drafts.Check> out = new ArrayList<>();
        if ((ownConnection || !anyHost) && CheckerKeys.usable(n, c.connection, s.rs().address, ctx)) {
            out.add(c);
        }
        for (Drafts.Check h : hosts) {
            if (h.connection.connectTimeout == null) {
                h.connection.connectTimeout = c.connection.connectTimeout;
            }
            out.add(h);
        }
        for (Drafts.Check x : out) {
            x.build = (timing, connection) -> new SmtpCheck(timing, connection, helo[0]);
        }
        return out;
    }

    private static boolean isConnectionKey(String k) {
        return switch (k) {
            case "connect_ip", "connect_port", "bindto", "bind_port", "bind_if", "connect_timeout", "fwmark" -> true;
            default -> false;
        };
    }

    /** DNS_CHECK: retry 3 and delay_before_retry = delay_loop by default (keepalived -d). */
    static List<Drafts.Check> readDns(Node n, CheckerScope s) {
        BindContext ctx = s.ctx();
        Drafts.Check c = common(n, s);
        c.defaultRetry = 3;
        c.defaultDelayBeforeRetry = null;
        String type = "SOA";
        String name = ".";
        for (Node k : n.children()) {
            if (CheckerKeys.read(k, c.timing, c.connection, s.rs().address, ctx)) {
                continue;
            }
            switch (k.keyword()) {
                case "type" -> {
                    String t = CheckerKeys.arg(k).toUpperCase(Locale.ROOT);
                    if (DNS_TYPES.contains(t)) {
                        type = t;
                    } else {
                        ctx.error(k, "Unknown DNS check type " + CheckerKeys.arg(k) + " - ignoring");
                    }
                }
                case "name" -> {
                    String v = CheckerKeys.arg(k);
                    if (!k.hasArg(0)) {
                        ctx.error(k, "DNS_CHECK name missing");
                    } else if (emptyLabel(v)) {
                        ctx.error(k, "DNS_CHECK name '" + v + "' has empty label - ignoring");
                    } else {
                        name = v;
                    }
                }
                default -> ctx.error(k, "Unknown keyword '" + k.written() + "'");
            }
        }
        if (!CheckerKeys.usable(n, c.connection, s.rs().address, ctx)) {
            return List.of();
        }
        String t = type;
        String nm = name;
        c.build = (timing, connection) -> new DnsCheck(timing, connection, t, nm);
        return List.of(c);
    }

    /**
     * keepalived 2.2.7's label check: a leading dot or ".." is refused, and so (a quirk we keep for the
     * same verdict) is a one-character first label such as "a.example.com"; a trailing dot is fine.
     */
    static boolean emptyLabel(String name) {
        return !name.equals(".") && (name.startsWith(".") || name.contains("..")
                || name.length() > 1 && name.charAt(1) == '.');
    }

    static Drafts.Check common(Node n, CheckerScope s) {
        Drafts.Check c = new Drafts.Check(n.keyword());
        c.connection = new Drafts.Connection();
        return c;
    }
}
