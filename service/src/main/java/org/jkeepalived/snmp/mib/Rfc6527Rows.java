package org.jkeepalived.snmp.mib;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.snmp.MibTree;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * VRRPv3-MIB (RFC 6527): vrrpv3OperationsTable, vrrpv3AssociatedIpAddrTable, vrrpv3StatisticsTable and the global
 * counters (Counter64). Rows for VRRPv2 and VRRPv3 instances with at least one VIP (keepalived's default
 * SNMP_V3_FOR_V2 build), indexed (ifIndex, VRID, InetAddressType). Read-only, as keepalived serves it.
 */
final class Rfc6527Rows {
    private Rfc6527Rows() {
    }

    static void rows(MibTree.Builder b, MibContext c) {
        Set<String> seen = new HashSet<>();
        for (VrrpInstance inst : c.instances) {
            MibContext.RfcRow row = c.rfcRow(inst);
            if (row == null || !seen.add(java.util.Arrays.toString(row.v3Index()))) {
                continue;
            }
            operations(b, c, row, c.status(inst));
        }
        new Row(b, KeepalivedOids.RFC6527_GLOBAL_STATS, 0)
                .c64(1, c.routerDrops(DropReason.CHECKSUM))
                .c64(2, c.routerDrops(DropReason.VERSION))
                .c64(3, c.routerDrops(DropReason.VRID))
                .ticks(4, c.instances.stream().mapToLong(i -> discontinuity(c, c.status(i))).max().orElse(0));
        // vrrpv3GlobalStatisticsDiscontinuityTime: the router-wide sums above restart with any instance's counters
    }

    private static void operations(MibTree.Builder b, MibContext c, MibContext.RfcRow row, InstanceStatus s) {
        VrrpInstance inst = row.inst();
        int[] idx = row.v3Index();
        VrrpState state = c.state(inst);
        Row r = new Row(b, KeepalivedOids.RFC6527_OPERATIONS_ENTRY, idx)
                .inet(3, Rfc2787Rows.masterAddress(row, state, s))
                .inet(4, Rfc2787Rows.orZero(row, row.primaryAddress()));
        byte[] mac = row.iface().mac();
        if (mac.length == 6) {
            r.bytes(5, mac);
        }
        r.i32(6, MibContext.rfcState(state))
                .u32(7, c.basePriority(inst))
                .i32(8, inst.virtualIpaddresses().size())
                .i32(9, inst.advertIntervalMicros() / 10_000L) // TimeInterval: centiseconds
                .truth(10, c.preempt(inst))
                .truth(11, inst.accept())
                .ticks(12, c.upTime(inst))
                .i32(13, 1); // RowStatus active(1)
        Set<InetAddress> vips = new HashSet<>();
        for (VirtualAddress va : inst.virtualIpaddresses()) {
            InetAddress a = va.address().address();
            if (!row.sameFamily(a) || !vips.add(a)) {
                continue;
            }
            byte[] o = a.getAddress();
            // RFC 2578 §7.7 wants a non-IMPLIED OCTET STRING index length-prefixed; keepalived 2.2.7 serves the
            // bare octets (observed: ...207.1.1.2.1.2.2.52.1.192.0.2.20). We keep keepalived's OIDs so that
            // existing pollers find the same instances; the octet count is fixed by the address type anyway.
            int[] index = new int[idx.length + o.length];
            System.arraycopy(idx, 0, index, 0, idx.length);
            for (int k = 0; k < o.length; k++) {
                index[idx.length + k] = o[k] & 0xff;
            }
            new Row(b, KeepalivedOids.RFC6527_ASSOCIATED_ENTRY, index).i32(2, 1);
        }
        new Row(b, KeepalivedOids.RFC6527_STATS_ENTRY, idx)
                .c32(1, s == null ? 0 : s.becomeMaster())
                .i32(2, s == null || state != VrrpState.MASTER ? 0 : s.newMasterReason().ordinal())
                .c64(3, s == null ? 0 : s.advertsReceived())
                .c64(4, Rfc2787Rows.drops(s, DropReason.ADVERT_INTERVAL))
                .c64(5, Rfc2787Rows.drops(s, DropReason.IP_TTL))
                .i32(6, protoErrReason(s == null ? null : s.lastProtoError()))
                .c64(7, s == null ? 0 : s.priorityZeroReceived())
                .c64(8, s == null ? 0 : s.priorityZeroSent())
                .c64(9, Rfc2787Rows.drops(s, DropReason.INVALID_TYPE))
                .c64(10, Rfc2787Rows.drops(s, DropReason.ADDRESS_LIST))
                .c64(11, Rfc2787Rows.drops(s, DropReason.PACKET_LENGTH))
                .ticks(12, discontinuity(c, s)) // vrrpv3StatisticsRowDiscontinuityTime: the last STATS_CLEAR
                .u32(13, inst.advertIntervalMicros() / 1000L); // RefreshRate (ms): counters move per advert
    }

    /** sysUpTime of an instance's last STATS_CLEAR, 0 when its counters never restarted (RFC 6527). */
    static long discontinuity(MibContext c, InstanceStatus s) {
        return s == null ? 0 : c.centis(s.statsClearedNanos());
    }

    /** vrrpv3StatisticsProtoErrReason noError(0) ipTtlError(1) versionError(2) checksumError(3) vrIdError(4). */
    static int protoErrReason(DropReason r) {
        if (r == null) {
            return 0;
        }
        return switch (r) {
            case IP_TTL -> 1;
            case VERSION -> 2;
            case CHECKSUM -> 3;
            case VRID -> 4;
            default -> 0;
        };
    }
}
