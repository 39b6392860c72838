package org.jkeepalived.snmp.mib;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.snmp.MibTree;

/**
 * KEEPALIVED-MIB realServerTable (…5.3.4): a virtual server's real servers in configuration order, then its
 * sorry server (realServerType sorry(2)), indexed (virtualServerIndex, realServerIndex).
 *
 * <p>Retry/DelayBeforeRetry/Warmup/DelayLoop (43-46, 48-51) are the real server's first timed checker's (the
 * configuration resolves keepalived's real-server defaults into each checker); without one only the delay loop
 * (the virtual server's) is served. A sorry server serves identity, state, weight, forwarding and counters.
 */
final class RealServerRows {
    private RealServerRows() {
    }

    static void rows(MibTree.Builder b, MibContext c) {
        List<VirtualServer> vss = c.config.lvs().virtualServers();
        for (int v = 0; v < vss.size(); v++) {
            VirtualServer vs = vss.get(v);
            LvsStatus.VirtualServerStatus st = c.snap.virtualServer(VirtualServers.name(vs));
            Map<String, LvsStatus.RealServerStatus> byName = byName(st);
            List<RealServer> rss = vs.realServers();
            // keepalived 2.2.7 (observed in the IPVS guest): the sorry server is the virtual server's first row.
            int first = 1;
            VirtualServer.SorryServer sorry = vs.sorryServer();
            if (sorry != null) {
                LvsStatus.RealServerStatus rst = byName.get("sorry\0");
                Row r = new Row(b, KeepalivedOids.REAL_SERVER_ENTRY, v + 1, first++).i32(2, 2); // sorry(2)
                common(r, sorry.address(), sorry.port(), rst);
                // keepalived 2.2.7 (observed): no status, weight, thresholds, action or failed checks for the sorry
                // server, and its checker columns at their unset values.
                r.i32(40, CheckRows.method(sorry.lvsMethod())).enabled(42, false).u32(43, 0).u32(44, 0).u32(45, 0)
                        .u32(46, 0).enabled(47, false).u32(48, 0).u32(49, 0).u32(50, 0).u32(51, 0);
                CheckRows.tunnel(r, sorry.lvsMethod(), 52);
            }
            for (int k = 0; k < rss.size(); k++) {
                RealServer rs = rss.get(k);
                LvsStatus.RealServerStatus rst = byName.get(VirtualServers.name(vs, rs));
                Row r = new Row(b, KeepalivedOids.REAL_SERVER_ENTRY, v + 1, first + k).i32(2, 1); // regular(1)
                common(r, rs.address(), rs.port(), rst);
                r.enabled(6, rst != null && rst.up()) // alive(1), dead(2)
                        .i32(7, rst == null ? rs.weight() : rst.weight());
                if (rs.uthreshold() != 0) {
                    r.u32(8, rs.uthreshold()); // keepalived 2.2.7 serves the thresholds only when set (observed)
                }
                if (rs.lthreshold() != 0) {
                    r.u32(9, rs.lthreshold());
                }
                r.i32(10, rs.inhibitOnFailure() ? 2 : 1)
                        .str(11, MibContext.script(rs.notifyUp()))
                        .str(12, MibContext.script(rs.notifyDown()))
                        .u32(13, rst == null ? 0 : rst.failedChecks())
                        .i32(40, CheckRows.method(rs.lvsMethod()))
                        .str(41, rs.virtualhost())
                        .enabled(42, rs.alpha());
                CheckerTiming t = firstTiming(rs);
                long delayLoop = t == null ? vs.delayLoopMicros() : t.delayLoopMicros();
                if (t != null) {
                    r.u32(43, t.retry())
                            .u32(44, MibContext.seconds(t.delayBeforeRetryMicros()))
                            .u32(45, MibContext.seconds(t.warmupMicros()));
                }
                r.u32(46, MibContext.seconds(delayLoop)).enabled(47, rs.smtpAlert());
                if (t != null) {
                    r.u32(48, t.delayBeforeRetryMicros()).u32(49, t.warmupMicros());
                }
                r.u32(50, delayLoop);
                Long timeout = connectTimeout(rs);
                if (timeout != null) {
                    r.u32(51, timeout);
                }
                CheckRows.tunnel(r, rs.lvsMethod(), 52);
                r.str(55, rs.snmpName());
            }
        }
    }

    /** The realServerIndex of {@code vs}'s first regular real server: the sorry server, if any, comes first. */
    static int firstRegular(VirtualServer vs) {
        return vs.sorryServer() == null ? 1 : 2;
    }

    /** Whether {@code row} (realServerIndex) is {@code vs}'s sorry server. */
    static boolean isSorry(VirtualServer vs, int row) {
        return vs.sorryServer() != null && row == 1;
    }

    /** The regular real server at realServerIndex {@code row}, or null. */
    static RealServer at(VirtualServer vs, int row) {
        int k = row - firstRegular(vs);
        return k >= 0 && k < vs.realServers().size() ? vs.realServers().get(k) : null;
    }

    /** Address, port, status, weight and the IPVS counters of a real or sorry server. */
    private static void common(Row r, InetAddress address, int port, LvsStatus.RealServerStatus st) {
        r.i32(3, Row.addrType(address))
                .inet(4, address)
                .u32(5, port);
        r.gauge(15, st == null ? 0 : st.activeConns())
                .gauge(16, st == null ? 0 : st.inactiveConns())
                .gauge(17, st == null ? 0 : st.persistConns());
        CheckRows.stats(r, st == null ? IpvsStats.ZERO : st.stats(), 14, 18, 27);
    }

    /** Real server statuses by name; the sorry server under a key no name can take. */
    private static Map<String, LvsStatus.RealServerStatus> byName(LvsStatus.VirtualServerStatus st) {
        Map<String, LvsStatus.RealServerStatus> out = new HashMap<>();
        if (st != null) {
            for (LvsStatus.RealServerStatus rs : st.realServers()) {
                out.putIfAbsent(rs.sorry() ? "sorry\0" : rs.name(), rs);
            }
        }
        return out;
    }

    /** Live regular real servers of a virtual server (virtualServerRealServersUp). */
    static long up(LvsStatus.VirtualServerStatus st) {
        if (st == null) {
            return 0;
        }
        long n = 0;
        for (LvsStatus.RealServerStatus rs : st.realServers()) {
            if (rs.up() && !rs.sorry()) {
                n++;
            }
        }
        return n;
    }

    private static CheckerTiming firstTiming(RealServer rs) {
        for (Checker ch : rs.checkers()) {
            if (ch instanceof Checker.TimedChecker t) {
                return t.timing();
            }
        }
        return null;
    }

    private static Long connectTimeout(RealServer rs) {
        for (Checker ch : rs.checkers()) {
            if (ch instanceof Checker.NetworkChecker n) {
                return n.connection().connectTimeoutMicros();
            }
        }
        return null;
    }
}
