package org.jkeepalived.snmp.mib;

import java.util.List;
import java.util.Set;
import org.jkeepalived.config.model.lvs.Forwarding;
import org.jkeepalived.config.model.lvs.SchedulerFlag;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.config.model.lvs.VirtualServerGroup;
import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.snmp.MibTree;

/**
 * KEEPALIVED-MIB check subtree tables (…5.3.1-3): virtualServerGroupTable, virtualServerGroupMemberTable (address
 * lines, then fwmark lines) and virtualServerTable, with the IPVS counters and rates of {@link LvsStatus}.
 * realServerTable is {@link RealServerRows}.
 *
 * <p>virtualServerTable columns not served: 52 (Hashed: a kernel-internal flag), 57-59 and 65-67 (retry,
 * delay_before_retry, warmup, connect_timeout at virtual server level: the configuration resolves them into each
 * checker, see realServerTable). 71 (Name) only when snmp_name is set.
 */
final class CheckRows {
    private CheckRows() {
    }

    static void groups(MibTree.Builder b, MibContext c) {
        List<VirtualServerGroup> groups = c.config.lvs().virtualServerGroups();
        for (int g = 0; g < groups.size(); g++) {
            VirtualServerGroup vsg = groups.get(g);
            int gi = g + 1;
            new Row(b, KeepalivedOids.VS_GROUP_ENTRY, gi).str(2, vsg.name());
            int m = 0;
            for (VirtualServerGroup.AddressRange r : vsg.addressRanges()) {
                Row row = new Row(b, KeepalivedOids.VS_GROUP_MEMBER_ENTRY, gi, ++m)
                        .i32(4, Row.addrType(r.first()));
                if (r.first().equals(r.last())) {
                    row.i32(2, 2).inet(5, r.first()); // ip(2)
                } else {
                    row.i32(2, 3).inet(6, r.first()).inet(7, r.last()); // iprange(3)
                }
                row.u32(8, r.port());
            }
            for (VirtualServerGroup.Fwmark f : vsg.fwmarks()) {
                new Row(b, KeepalivedOids.VS_GROUP_MEMBER_ENTRY, gi, ++m).i32(2, 1).u32(3, f.fwmark()); // fwmark(1)
            }
        }
    }

    private static final java.net.InetAddress ALL_ONES_V4 = allOnes();

    private static java.net.InetAddress allOnes() {
        try {
            return java.net.InetAddress.getByAddress(new byte[] {-1, -1, -1, -1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static void virtualServers(MibTree.Builder b, MibContext c) {
        List<VirtualServer> vss = c.config.lvs().virtualServers();
        for (int v = 0; v < vss.size(); v++) {
            VirtualServer vs = vss.get(v);
            LvsStatus.VirtualServerStatus st = c.snap.virtualServer(VirtualServers.name(vs));
            Row r = new Row(b, KeepalivedOids.VIRTUAL_SERVER_ENTRY, v + 1);
            identity(r, vs);
            r.i32(9, algo(vs.lvsSched()))
                    .i32(10, method(vs.lvsMethod()))
                    // keepalived 2.2.7 (observed in the IPVS guest): alive(1) once the service is in IPVS, whatever
                    // its quorum (which virtualServerQuorumStatus reports)
                    .enabled(11, st != null && c.snap.lvs().ipvsAvailable())
                    .str(12, vs.virtualhost())
                    .enabled(13, vs.persistenceTimeoutSeconds() > 0);
            if (vs.persistenceTimeoutSeconds() > 0) {
                r.u32(14, vs.persistenceTimeoutSeconds()); // keepalived 2.2.7 serves it only when persistent (observed)
            }
            if (vs.persistenceGranularity() != null) {
                r.inet(15, vs.persistenceGranularity().netmask());
                if (vs.persistenceGranularity().prefixLength() > 0) {
                    r.u32(51, vs.persistenceGranularity().prefixLength());
                }
            } else if (vs.target() instanceof ServiceTarget.Address a && a.address() instanceof java.net.Inet4Address) {
                r.inet(15, ALL_ONES_V4); // keepalived 2.2.7 (observed): its default granularity, persistent or not
            }
            r.u32(16, MibContext.seconds(vs.delayLoopMicros()))
                    .truth(17, vs.haSuspend())
                    .enabled(18, vs.alpha())
                    .enabled(19, vs.omega())
                    .u32(20, vs.realServers().size())
                    .u32(21, RealServerRows.up(st))
                    .u32(22, vs.quorum())
                    .i32(23, st != null && st.quorumUp() ? 1 : 2) // met(1), notMet(2)
                    .str(24, MibContext.script(vs.quorumUp()))
                    .str(25, MibContext.script(vs.quorumDown()))
                    .u32(26, vs.hysteresis());
            stats(r, st == null ? IpvsStats.ZERO : st.stats(), 27, 28, 38);
            Set<SchedulerFlag> f = java.util.EnumSet.noneOf(SchedulerFlag.class);
            f.addAll(vs.schedulerFlags());
            boolean sched1 = f.contains(SchedulerFlag.FLAG_1) || f.contains(SchedulerFlag.SH_FALLBACK)
                    || f.contains(SchedulerFlag.MH_FALLBACK);
            boolean sched2 = f.contains(SchedulerFlag.FLAG_2) || f.contains(SchedulerFlag.SH_PORT)
                    || f.contains(SchedulerFlag.MH_PORT);
            r.truth(37, f.contains(SchedulerFlag.ONE_PACKET))
                    .truth(53, sched1) // IP_VS_SVC_F_SCHED_SH_FALLBACK == SCHED1
                    .truth(54, sched2) // IP_VS_SVC_F_SCHED_SH_PORT == SCHED2
                    .truth(55, f.contains(SchedulerFlag.FLAG_3))
                    .i32(56, vs.inhibitOnFailure() ? 2 : 1) // remove(1), inhibit(2)
                    .i32(60, vs.weight())
                    .enabled(61, vs.smtpAlert())
                    .truth(62, sched1) // MH_FALLBACK is SCHED1 as well
                    .truth(63, sched2)
                    .u32(64, vs.delayLoopMicros());
            // virtualServerHashed and the virtual_server-level checker defaults (retry, delay_before_retry, warmup,
            // connect_timeout): keepalived 2.2.7 serves false and 0, 0, 0 / 0 µs, 0 µs, 5 s when they are not set
            // (observed); jkeepalived takes these keywords on real servers and checkers only, so these are the values.
            r.truth(52, false).u32(57, 0).u32(58, 0).u32(59, 0).u32(65, 0).u32(66, 0).u32(67, 5_000_000L);
            tunnel(r, vs.lvsMethod(), 68);
            r.str(71, vs.snmpName());
        }
    }

    /** Type(2), then NameOfGroup(3) / FwMark(4) / AddrType(5)+Address(6)+Port(7), and Protocol(8). */
    private static void identity(Row r, VirtualServer vs) {
        ServiceTarget t = vs.target();
        if (t instanceof ServiceTarget.Address a) {
            r.i32(2, 2).i32(5, Row.addrType(a.address())).inet(6, a.address()).u32(7, a.port());
        } else if (t instanceof ServiceTarget.Fwmark fw) {
            r.i32(2, 1).u32(4, fw.fwmark());
        } else {
            r.i32(2, 3).str(3, ((ServiceTarget.Group) t).group());
        }
        r.i32(8, protocol(vs));
    }

    /** virtualServerProtocol tcp(1), udp(2), sctp(3), none(4) (fwmark services). */
    static int protocol(VirtualServer vs) {
        if (vs.protocol() == null) {
            return 4;
        }
        return switch (vs.protocol()) {
            case TCP -> 1;
            case UDP -> 2;
            case SCTP -> 3;
        };
    }

    /**
     * The counter and rate columns: Conns (Gauge32) at {@code conns}; InPkts, OutPkts (Counter32), InBytes,
     * OutBytes (Counter64) and the five rates (Gauge32) from {@code pkts}; Conns64, InPkts64, OutPkts64 from
     * {@code c64}, then Low/High Unsigned32 halves of each rate. VS: 27, 28, 38; RS: 14, 18, 27.
     */
    static void stats(Row r, IpvsStats s, int conns, int pkts, int c64) {
        r.gauge(conns, s.conns())
                .c32(pkts, s.inPackets())
                .c32(pkts + 1, s.outPackets())
                .c64(pkts + 2, s.inBytes())
                .c64(pkts + 3, s.outBytes())
                .gauge(pkts + 4, s.connsPerSecond())
                .gauge(pkts + 5, s.inPacketsPerSecond())
                .gauge(pkts + 6, s.outPacketsPerSecond())
                .gauge(pkts + 7, s.inBytesPerSecond())
                .gauge(pkts + 8, s.outBytesPerSecond());
        r.c64(c64, s.conns()).c64(c64 + 1, s.inPackets()).c64(c64 + 2, s.outPackets());
        long[] rates = {s.connsPerSecond(), s.inPacketsPerSecond(), s.outPacketsPerSecond(), s.inBytesPerSecond(),
                s.outBytesPerSecond()};
        int col = c64 + 3;
        for (long rate : rates) {
            r.u32(col++, rate & 0xffff_ffffL).u32(col++, rate >>> 32);
        }
    }

    /** TunnelType/Port/Csum at {@code first}..+2, for the TUN method only. */
    static void tunnel(Row r, Forwarding f, int first) {
        if (f == null || f.method() != Forwarding.Method.TUN) {
            return;
        }
        r.i32(first, f.tunnelType().ordinal() + 1); // ipip(1), gue(2), gre(3)
        if (f.tunnelType() == Forwarding.TunnelType.GUE) {
            r.u32(first + 1, f.tunnelPort());
        }
        r.i32(first + 2, f.checksum().ordinal() + 1); // nocsum(1), csum(2), remcsum(3)
    }

    /** virtualServerLoadBalancingKind / realServerForwardingMethod nat(1), dr(2), tun(3). */
    static int method(Forwarding f) {
        if (f == null) {
            return 1;
        }
        return f.method().ordinal() + 1;
    }

    private static final List<String> ALGOS = List.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed",
            "nq", "fo", "ovf", "mh", "twos");

    /** virtualServerLoadBalancingAlgo rr(1) … twos(14), unknown(99). */
    static int algo(String sched) {
        int i = ALGOS.indexOf(sched == null ? "wlc" : sched);
        return i < 0 ? 99 : i + 1;
    }
}
