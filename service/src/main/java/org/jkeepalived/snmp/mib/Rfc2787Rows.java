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
 * VRRP-MIB (RFC 2787): vrrpNodeVersion, vrrpNotificationCntl, vrrpOperTable, vrrpAssoIpAddrTable,
 * vrrpRouterStatsTable and the router-wide error counters. Rows only for IPv4 VRRPv2 instances with at least one
 * VIP on an interface the snapshot knows, indexed (ifIndex, VRID). Read-only, as keepalived serves it;
 * vrrpOperAuthKey is never returned (RFC 2787 §7 says reading it returns a zero-length string; keepalived
 * leaves it out). keepalived 2.2.7 walks only the first row of vrrpOperTable and vrrpRouterStatsTable (observed:
 * GETNEXT ends the table after it); that is a bug we do not copy: every row is listed.
 */
final class Rfc2787Rows {
    private Rfc2787Rows() {
    }

    static void rows(MibTree.Builder b, MibContext c, boolean traps) {
        Row scalars = new Row(b, KeepalivedOids.sub(KeepalivedOids.RFC2787, 1), 0);
        scalars.i32(1, 2) // vrrpNodeVersion: RFC 2787 describes VRRPv2
                .enabled(2, traps); // vrrpNotificationCntl enabled(1) iff enable_traps; SET not supported
        Set<Long> seen = new HashSet<>();
        for (VrrpInstance inst : c.instances) {
            MibContext.RfcRow row = c.rfcRow(inst);
            if (!MibContext.rfc2787(row) || !seen.add(((long) row.iface().ifIndex() << 8) | inst.virtualRouterId())) {
                continue;
            }
            oper(b, c, row, c.status(inst));
        }
        new Row(b, KeepalivedOids.sub(KeepalivedOids.RFC2787, 2), 0)
                .c32(1, c.routerDrops(DropReason.CHECKSUM)) // vrrpRouterChecksumErrors.0
                .c32(2, c.routerDrops(DropReason.VERSION))
                .c32(3, c.routerDrops(DropReason.VRID));
    }

    private static void oper(MibTree.Builder b, MibContext c, MibContext.RfcRow row, InstanceStatus s) {
        VrrpInstance inst = row.inst();
        int[] idx = row.v2Index();
        VrrpState state = c.state(inst);
        Row r = new Row(b, KeepalivedOids.RFC2787_OPER_ENTRY, idx);
        byte[] mac = row.iface().mac();
        if (mac.length == 6) {
            r.bytes(2, mac); // keepalived: the interface's MAC (no VMAC here)
        }
        r.i32(3, MibContext.rfcState(state))
                .i32(4, 1) // vrrpOperAdminState up(1)
                .i32(5, c.basePriority(inst)) // the base priority, as keepalived
                .i32(6, inst.virtualIpaddresses().size())
                .ip(7, lastMasterAdvert(row, state, s))
                .ip(8, orZero(row, row.primaryAddress()))
                .i32(9, VrrpInstanceRows.authType(inst.authentication()) + 1) // noAuthentication(1)...
                .i32(11, Math.max(1, inst.advertIntervalMicros() / 1_000_000L))
                .truth(12, c.preempt(inst))
                .ticks(13, c.upTime(inst))
                .i32(14, 1) // ip(1)
                .i32(15, 1); // RowStatus active(1)
        Set<InetAddress> vips = new HashSet<>();
        for (VirtualAddress va : inst.virtualIpaddresses()) {
            InetAddress a = va.address().address();
            if (vips.add(a)) {
                byte[] o = a.getAddress();
                new Row(b, KeepalivedOids.RFC2787_ASSO_ENTRY, idx[0], idx[1], o[0] & 0xff, o[1] & 0xff, o[2] & 0xff,
                        o[3] & 0xff).i32(2, 1); // vrrpAssoIpAddrRowStatus active(1)
            }
        }
        new Row(b, KeepalivedOids.RFC2787_STATS_ENTRY, idx)
                .c32(1, s == null ? 0 : s.becomeMaster())
                .c32(2, s == null ? 0 : s.advertsReceived())
                .c32(3, drops(s, DropReason.ADVERT_INTERVAL))
                .c32(4, drops(s, DropReason.AUTH_FAILURE))
                .c32(5, drops(s, DropReason.IP_TTL))
                .c32(6, s == null ? 0 : s.priorityZeroReceived())
                .c32(7, s == null ? 0 : s.priorityZeroSent())
                .c32(8, drops(s, DropReason.INVALID_TYPE))
                .c32(9, drops(s, DropReason.ADDRESS_LIST))
                .c32(10, drops(s, DropReason.INVALID_AUTH_TYPE))
                .c32(11, drops(s, DropReason.AUTH_TYPE_MISMATCH))
                .c32(12, drops(s, DropReason.PACKET_LENGTH));
    }

    /**
     * vrrpOperMasterIpAddr: "the IP address listed as the source in VRRP advertisement last received" (RFC 2787):
     * the accepted master's while BACKUP; 0.0.0.0 while MASTER or not running, as keepalived 2.2.7 serves it
     * (observed), unlike VRRPv3-MIB where keepalived shows its own address.
     */
    static InetAddress lastMasterAdvert(MibContext.RfcRow row, VrrpState state, InstanceStatus s) {
        return state == VrrpState.MASTER ? row.zero() : masterAddress(row, state, s);
    }

    /**
     * The master's address: ours while MASTER, the accepted master's while BACKUP, else 0.0.0.0 (RFC 2787 gives
     * no value for other states; keepalived returns its zeroed field).
     */
    static InetAddress masterAddress(MibContext.RfcRow row, VrrpState state, InstanceStatus s) {
        if (state == VrrpState.MASTER) {
            return orZero(row, row.ownAddress());
        }
        if (state == VrrpState.BACKUP && s != null && row.sameFamily(s.masterAddress())) {
            return s.masterAddress();
        }
        return row.zero();
    }

    static InetAddress orZero(MibContext.RfcRow row, InetAddress a) {
        return row.sameFamily(a) ? a : row.zero();
    }

    static long drops(InstanceStatus s, DropReason r) {
        return s == null ? 0 : s.drops(r);
    }
}
