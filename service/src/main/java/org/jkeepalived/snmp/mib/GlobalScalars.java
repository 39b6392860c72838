package org.jkeepalived.snmp.mib;

import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.snmp.MibTree;

/**
 * KEEPALIVED-MIB scalars: the global group (…5.1: version, routerId, mail settings, emailTable, trapEnable, …)
 * and the check subtree's lvsSyncDaemon (…5.3.6) and lvsTimeouts (…5.3.7) groups.
 */
final class GlobalScalars {
    private GlobalScalars() {
    }

    static void global(MibTree.Builder b, MibContext c, boolean traps) {
        Row g = Row.scalars(b, KeepalivedOids.GLOBAL);
        g.str(1, c.snap.version());
        if (c.config == null) {
            return;
        }
        GlobalDefs gd = c.config.global();
        g.str(2, gd.routerId());
        g.enabled(4, traps);
        g.i32(5, gd.process().linkbeatUsePolling() ? 2 : 1); // netlink(1), polling(2)
        g.enabled(6, gd.lvs().flush());
        g.truth(7, true); // the kernel's 64-bit IPVS counters are read (IPVS_STATS_ATTR 64)
        g.str(8, gd.process().netNamespace() == null ? "" : gd.process().netNamespace()); // "" when unset
        g.truth(9, gd.dbus().enabled());
        g.truth(10, gd.vrrp().dynamicInterfaces());
        g.i32(11, switch (String.valueOf(gd.lvs().flushOnStop())) {
            case "full" -> 1;
            case "VS" -> 3;
            default -> 2;
        });

        GlobalDefs.SmtpSettings smtp = gd.smtp();
        Row m = Row.scalars(b, KeepalivedOids.MAIL);
        InetAddress server = literal(smtp.server());
        if (server != null) {
            m.i32(1, Row.addrType(server));
            m.inet(2, server);
        } else {
            // keepalived 2.2.7 without smtp_server (observed): its unset address, ipv6(2) with four zero octets
            m.i32(1, 2);
            m.bytes(2, new byte[4]);
        }
        // keepalived applies the mail defaults (timeout, sender) only when smtp_server is set: without it the
        // timeout and port read 0 and emailFrom has no instance (observed)
        boolean mail = smtp.server() != null;
        m.u32(3, mail ? MibContext.seconds(smtp.connectTimeoutMicros()) : 0);
        if (mail) {
            m.str(4, smtp.from());
        }
        m.u32(6, mail ? smtp.port() : 0);
        m.enabled(7, !smtp.noEmailFaults());
        m.i32(8, onOff(smtp.alert()));
        m.i32(9, onOff(smtp.alertVrrp()));
        m.i32(10, onOff(smtp.alertChecker()));
        List<String> emails = smtp.emails();
        for (int i = 0; i < emails.size(); i++) {
            new Row(b, KeepalivedOids.EMAIL_ENTRY, i + 1).str(2, emails.get(i));
        }
    }

    /** lvsSyncDaemon and lvsTimeouts scalars (served with the check subtree). */
    static void check(MibTree.Builder b, MibContext c) {
        if (c.config == null) {
            return;
        }
        GlobalDefs.LvsGlobals lvs = c.config.global().lvs();
        Row s = Row.scalars(b, KeepalivedOids.LVS_SYNC_DAEMON);
        GlobalDefs.LvsSyncDaemon d = lvs.syncDaemon();
        s.enabled(1, d != null);
        if (d != null) {
            s.str(2, d.interfaceName());
            s.str(3, d.vrrpInstance());
            s.i32(4, syncId(c, d));
            if (d.maxlen() != null) {
                s.i32(5, d.maxlen());
            }
            s.i32(6, d.port() == null ? GlobalDefs.LvsSyncDaemon.DEFAULT_PORT : d.port());
            if (d.ttl() != null) {
                s.i32(7, d.ttl());
            }
            InetAddress group = literal(d.group() == null ? GlobalDefs.LvsSyncDaemon.DEFAULT_GROUP : d.group());
            if (group != null) {
                s.i32(8, Row.addrType(group));
                s.inet(9, group);
            }
        }
        // lvs_timeouts: only those set (the syntax is 1..2678400; 0 means "kernel's value, not changed")
        Row t = Row.scalars(b, KeepalivedOids.LVS_TIMEOUTS);
        if (lvs.timeoutTcp() > 0) {
            t.i32(1, lvs.timeoutTcp());
        }
        if (lvs.timeoutTcpFin() > 0) {
            t.i32(2, lvs.timeoutTcpFin());
        }
        if (lvs.timeoutUdp() > 0) {
            t.i32(3, lvs.timeoutUdp());
        }
    }

    /** id -1 means the VRID of the followed vrrp_instance, 0 without one. */
    private static int syncId(MibContext c, GlobalDefs.LvsSyncDaemon d) {
        if (d.syncId() >= 0) {
            return d.syncId();
        }
        if (d.vrrpInstance() != null && c.instanceIndex(d.vrrpInstance()) > 0) {
            VrrpInstance inst = c.instances.get(c.instanceIndex(d.vrrpInstance()) - 1);
            return inst.virtualRouterId();
        }
        return 0;
    }

    /** smtp_alert*: on(1), off(2), unset(3). */
    private static int onOff(Boolean b) {
        return b == null ? 3 : b ? 1 : 2;
    }

    /** An IP literal, never a DNS lookup; null for a host name or null. */
    static InetAddress literal(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                String[] parts = s.split("\\.");
                byte[] a = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(parts[i]);
                    if (v > 255) {
                        return null;
                    }
                    a[i] = (byte) v;
                }
                return InetAddress.getByAddress(a);
            }
            // with a colon InetAddress parses an IPv6 literal and never resolves
            return s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+") ? InetAddress.getByName(s) : null;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
