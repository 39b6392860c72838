package org.jkeepalived.config.bind.lvs;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.Forwarding;
import org.jkeepalived.config.model.lvs.IpFamily;
import org.jkeepalived.config.model.lvs.Protocol;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.SchedulerFlag;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.config.model.lvs.VirtualServerGroup;

/**
 * The checks keepalived makes once the whole file is read (its validate_check_config), each observed
 * with 2.2.7's {@code -t}: the item is corrected or dropped and the run continues (exit 5). Then the
 * immutable records are built with every default resolved.
 */
final class ServiceValidation {
    private ServiceValidation() {
    }

    /** Validates and corrects one virtual server; false when it is dropped. */
    static boolean validate(Drafts.Vs vs, GlobalDefs global, BindContext ctx) {
        if (vs.realServers.isEmpty()) {
            ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs) + " has no real servers - ignoring");
            return false;
        }
        boolean group = vs.group != null;
        boolean groupAddresses = group && !vs.group.addressRanges().isEmpty();
        boolean groupFwmarks = group && !vs.group.fwmarks().isEmpty();
        if (vs.haSuspend && (vs.isFwmark() || groupFwmarks)) {
            ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs)
                    + ": cannot use ha_suspend with fwmarks - clearing ha_suspend");
            vs.haSuspend = false;
        }
        if (groupAddresses || !group && !vs.isFwmark()) {
            if (vs.protocol == null) {
                // IPVS would take protocol 0 as UDP, so keepalived says so and sets it.
                ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs) + ": no protocol set - defaulting to UDP");
                vs.protocol = Protocol.UDP;
            }
            if (vs.flags.contains(SchedulerFlag.ONE_PACKET) && vs.protocol != Protocol.UDP) {
                ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs)
                        + ": one packet scheduling requires UDP - resetting");
                vs.flags.remove(SchedulerFlag.ONE_PACKET);
            }
            if (vs.persistenceTimeout == 0 && !group && vs.port() == 0) {
                ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs)
                        + ": zero port only valid for persistent services - setting");
                vs.persistenceTimeout = VirtualServerBinder.DEFAULT_PERSISTENCE;
            }
        }
        if (vs.persistenceTimeout == 0 && group
                && vs.group.addressRanges().stream().anyMatch(r -> r.port() == 0)) {
            ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs)
                    + ": zero port only valid for persistent services - setting");
            vs.persistenceTimeout = VirtualServerBinder.DEFAULT_PERSISTENCE;
        }
        if (vs.protocol != null && (group && !groupAddresses && groupFwmarks || vs.isFwmark())) {
            ctx.error(vs.node, "Warning: Virtual server " + LvsFormat.vs(vs)
                    + ": protocol specified for fwmark - protocol will be ignored");
            vs.protocol = null;
        }
        if (vs.sched == null) {
            ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs) + ": no scheduler set, setting default 'wlc'");
            vs.sched = "wlc";
        }
        if (vs.smtpAlert == null) {
            vs.smtpAlert = smtpAlertDefault(global, false);
        }
        realServers(vs, global, ctx);
        if (vs.sorry != null && vs.sorry.forwarding == null) {
            vs.sorry.forwarding = vsForwarding(vs, ctx);
        }
        long weightSum = vs.realServers.stream().mapToLong(rs -> rs.weight).sum();
        if (vs.quorum > weightSum) {
            ctx.error(vs.node, "Warning - quorum " + vs.quorum + " for " + LvsFormat.vs(vs)
                    + " exceeds total weight of real servers "
                    + weightSum + ", reducing quorum to " + weightSum);
            vs.quorum = weightSum;
        }
        if (vs.hysteresis >= vs.quorum) {
            // keepalived sets quorum - 1, which wraps to 4294967295 for a quorum of 0; we keep 0.
            long h = Math.max(0, vs.quorum - 1);
            ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs) + ": hysteresis " + vs.hysteresis + " >= quorum "
                    + vs.quorum + "; setting hysteresis to " + h);
            vs.hysteresis = h;
        }
        ports(vs, ctx);
        return true;
    }

    /** smtp_alert unset: global smtp_alert_checker, else smtp_alert, else false (services) / true (servers). */
    private static boolean smtpAlertDefault(GlobalDefs global, boolean otherwise) {
        GlobalDefs.SmtpSettings s = global.smtp();
        return s.alertChecker() != null ? s.alertChecker() : s.alert() != null ? s.alert() : otherwise;
    }

    private static Forwarding vsForwarding(Drafts.Vs vs, BindContext ctx) {
        if (vs.forwarding == null) {
            ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs)
                    + ": no forwarding method set, setting default NAT");
            vs.forwarding = Forwarding.NAT;
        }
        return vs.forwarding;
    }

    private static void realServers(Drafts.Vs vs, GlobalDefs global, BindContext ctx) {
        List<Drafts.Rs> kept = new ArrayList<>();
        for (Drafts.Rs rs : vs.realServers) {
            if (kept.stream().anyMatch(o -> o.address.equals(rs.address) && o.port == rs.port)) {
                ctx.error(rs.node, "VS " + LvsFormat.vs(vs) + ": real server " + LvsFormat.rs(rs, vs)
                        + " is duplicated - removing second rs");
                continue;
            }
            if (rs.forwarding == null) {
                rs.forwarding = vsForwarding(vs, ctx);
            }
            if (rs.alpha == null) {
                rs.alpha = vs.alpha;
            }
            if (rs.inhibit == null) {
                rs.inhibit = vs.inhibit;
            }
            if (rs.weight == null) {
                rs.weight = vs.weight;
            }
            if (rs.smtpAlert == null) {
                // Servers default to true, unlike services: keepalived keeps this for compatibility.
                rs.smtpAlert = smtpAlertDefault(global, true);
            }
            if (vs.sorry != null && vs.sorry.address.equals(rs.address) && vs.sorry.port == rs.port
                    && vs.sorry.inhibit != rs.inhibit) {
                ctx.error(vs.node, "Virtual server " + LvsFormat.vs(vs) + ": real server " + LvsFormat.rs(rs, vs)
                        + " matches sorry server, but inhibit setting differs, " + (rs.inhibit ? "sett" : "clear")
                        + "ing on sorry server");
                vs.sorry.inhibit = rs.inhibit;
            }
            kept.add(rs);
        }
        vs.realServers.clear();
        vs.realServers.addAll(kept);
    }

    /**
     * Unless NAT, real and sorry servers use the service's port (none for fwmark services); keepalived
     * corrects single services and only warns for groups.
     */
    private static void ports(Drafts.Vs vs, BindContext ctx) {
        String name = LvsFormat.vs(vs);
        if (vs.group != null) {
            if (!vs.group.fwmarks().isEmpty()) {
                for (Drafts.Rs rs : vs.realServers) {
                    if (!nat(rs.forwarding) && rs.port != 0) {
                        ctx.error(rs.node, "WARNING - fwmark virtual server " + name + ", real server "
                                + LvsFormat.rs(rs, vs) + " has port specified - port will be ignored");
                    }
                }
                if (vs.sorry != null && !nat(vs.sorry.forwarding) && vs.sorry.port != 0) {
                    ctx.error(vs.node, "WARNING - fwmark virtual server " + name
                            + ", sorry server has port specified - port will be ignored");
                }
            }
            for (VirtualServerGroup.AddressRange r : vs.group.addressRanges()) {
                for (Drafts.Rs rs : vs.realServers) {
                    if (!nat(rs.forwarding) && rs.port != 0 && r.port() != rs.port) {
                        ctx.error(rs.node, "virtual server " + name + ":[" + entry(r) + "] and real server "
                                + LvsFormat.rs(rs, vs) + " ports don't match");
                    }
                }
                if (vs.sorry != null && !nat(vs.sorry.forwarding) && vs.sorry.port != 0 && r.port() != vs.sorry.port) {
                    ctx.error(vs.node, "WARNING - virtual server " + name
                            + ", sorry server has port specified - port will be ignored");
                }
            }
            return;
        }
        for (Drafts.Rs rs : vs.realServers) {
            if (nat(rs.forwarding)) {
                if (!vs.isFwmark() && rs.port == 0) {
                    rs.port = vs.port();
                }
            } else if (vs.isFwmark()) {
                if (rs.port != 0) {
                    ctx.error(rs.node, "WARNING - fwmark virtual server " + name + ", real server "
                            + LvsFormat.rs(rs, vs)
                            + " has port specified - clearing");
                    rs.port = 0;
                }
            } else if (rs.port == 0) {
                rs.port = vs.port();
            } else if (rs.port != vs.port()) {
                ctx.error(rs.node, "WARNING - virtual server " + name + " and real server " + LvsFormat.rs(rs, vs)
                        + " ports don't match - resetting");
                rs.port = vs.port();
            }
        }
        if (vs.sorry != null && !nat(vs.sorry.forwarding)) {
            if (vs.isFwmark()) {
                if (vs.sorry.port != 0) {
                    ctx.error(vs.node, "WARNING - virtual server " + name
                            + ", sorry server has port specified - clearing");
                    vs.sorry.port = 0;
                }
            } else if (vs.sorry.port == 0) {
                vs.sorry.port = vs.port();
            } else if (vs.sorry.port != vs.port()) {
                ctx.error(vs.node, "WARNING - virtual server " + name
                        + " and sorry server ports don't match - resetting");
                vs.sorry.port = vs.port();
            }
        }
    }

    private static boolean nat(Forwarding f) {
        return f.method() == Forwarding.Method.NAT;
    }

    private static String entry(VirtualServerGroup.AddressRange r) {
        String first = AddressText.of(r.first());
        return (r.first().equals(r.last()) ? first : first + "-" + AddressText.of(r.last())) + "," + r.port();
    }

    /** The record for a validated virtual server. */
    static VirtualServer build(Drafts.Vs vs, GlobalDefs global) {
        List<RealServer> rss = new ArrayList<>();
        for (Drafts.Rs rs : vs.realServers) {
            List<Checker> checkers = rs.checkers.stream()
                    .map(c -> Checkers.build(c, rs, vs, rs.alpha, global)).toList();
            rss.add(new RealServer(rs.address, rs.port, rs.weight, rs.forwarding, rs.uthreshold, rs.lthreshold,
                    rs.inhibit, rs.alpha, rs.notifyUp, rs.notifyDown, rs.smtpAlert, rs.virtualhost, rs.snmpName,
                    checkers));
        }
        VirtualServer.SorryServer sorry = vs.sorry == null ? null
                : new VirtualServer.SorryServer(vs.sorry.address, vs.sorry.port, vs.sorry.forwarding, vs.sorry.inhibit);
        List<SchedulerFlag> flags = List.copyOf(vs.flags);
        return new VirtualServer(vs.target, family(vs), vs.protocol, vs.sched, flags,
                vs.forwarding != null ? vs.forwarding : Forwarding.NAT, vs.persistenceTimeout, vs.granularity,
                vs.persistenceEngine, vs.haSuspend, vs.quorum, vs.hysteresis, vs.quorumUp, vs.quorumDown, sorry,
                vs.alpha, vs.omega, vs.inhibit, vs.weight, vs.virtualhost, vs.smtpAlert, vs.snmpName, vs.delayLoop,
                rss);
    }

    /** A group service whose servers all tunnel takes its group's families; both means null. */
    private static IpFamily family(Drafts.Vs vs) {
        if (vs.family != null || !(vs.target instanceof ServiceTarget.Group)) {
            return vs.family;
        }
        boolean v4 = false;
        boolean v6 = false;
        for (VirtualServerGroup.AddressRange r : vs.group.addressRanges()) {
            v4 |= LvsValues.family(r.first()) == IpFamily.INET;
            v6 |= LvsValues.family(r.first()) == IpFamily.INET6;
        }
        for (VirtualServerGroup.Fwmark f : vs.group.fwmarks()) {
            v4 |= f.family() == IpFamily.INET;
            v6 |= f.family() == IpFamily.INET6;
        }
        return v4 && v6 ? null : v6 ? IpFamily.INET6 : IpFamily.INET;
    }
}
