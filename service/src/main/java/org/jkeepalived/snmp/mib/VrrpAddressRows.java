package org.jkeepalived.snmp.mib;

import java.util.List;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.snmp.MibTree;
import org.jkeepalived.status.InterfaceInfo;
import org.jkeepalived.vrrp.VrrpState;

/**
 * KEEPALIVED-MIB vrrpAddressTable (VIPs then eVIPs, one ordinal per instance), vrrpRouteTable and vrrpRuleTable
 * (…5.2.6-8). Addresses, routes and rules are installed while the instance is MASTER: that is their Status.
 * vrrpAddressAdvertising is advertised(1) for VIPs, notAdvertised(2) for eVIPs; keepalived 2.2.7 shows the VIPs
 * of every instance but the first as notAdvertised (observed), a bug we do not copy.
 *
 * <p>Routes serve their basic columns (2-5, 7-14, 18-20); the other metrics and the encapsulation columns (6,
 * 15-17, 21-55) and vrrpRouteNextHopTable are not served. Rules serve 2-15, 20-25; the selector options kept as
 * text in the configuration (fwmark, realms, uidrange, sport/dport, suppress_*, tunnel id) are not served.
 */
final class VrrpAddressRows {
    private VrrpAddressRows() {
    }

    static void rows(MibTree.Builder b, MibContext c) {
        for (int i = 0; i < c.instances.size(); i++) {
            VrrpInstance inst = c.instances.get(i);
            boolean installed = c.state(inst) == VrrpState.MASTER;
            int ii = i + 1;
            int a = 0;
            for (VirtualAddress va : inst.virtualIpaddresses()) {
                address(b, c, ii, ++a, va, installed, true);
            }
            for (VirtualAddress va : inst.virtualIpaddressesExcluded()) {
                address(b, c, ii, ++a, va, installed, false);
            }
            List<VirtualRoute> routes = inst.virtualRoutes();
            for (int r = 0; r < routes.size(); r++) {
                route(b, c, ii, r + 1, routes.get(r), installed);
            }
            List<VirtualRule> rules = inst.virtualRules();
            for (int r = 0; r < rules.size(); r++) {
                rule(b, ii, r + 1, rules.get(r), installed);
            }
        }
    }

    private static void address(MibTree.Builder b, MibContext c, int inst, int idx, VirtualAddress va,
                                boolean installed, boolean advertised) {
        IpPrefix p = va.address();
        Row r = new Row(b, KeepalivedOids.ADDRESS_ENTRY, inst, idx)
                .i32(2, Row.addrType(p.address()))
                .inet(3, p.address())
                .inet(4, broadcast(va))
                .u32(5, p.prefixLength());
        int scope = scope(va.scope());
        if (scope > 0) {
            r.i32(6, scope);
        }
        InterfaceInfo ifi = c.iface(va.dev());
        if (ifi != null) {
            r.i32(7, ifi.ifIndex());
        }
        r.str(8, va.dev())
                .str(9, va.label())
                .enabled(10, installed) // set(1), unset(2)
                .enabled(11, advertised) // advertised(1), notAdvertised(2)
                .inet(12, va.peer());
    }

    /** IPv4 addresses always have a broadcast column, 0.0.0.0 without brd (keepalived 2.2.7, observed). */
    private static java.net.InetAddress broadcast(VirtualAddress va) {
        if (va.broadcast() != null || !va.address().isIpv4()) {
            return va.broadcast();
        }
        try {
            return java.net.InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static void route(MibTree.Builder b, MibContext c, int inst, int idx, VirtualRoute vr,
                              boolean installed) {
        Row r = new Row(b, KeepalivedOids.ROUTE_ENTRY, inst, idx)
                .i32(2, Row.addrType(vr.to().address()))
                .inet(3, vr.to().address())
                .u32(4, vr.to().prefixLength())
                .inet(5, vr.via())
                .inet(7, vr.src());
        r.u32(8, vr.metric() == null ? 0 : vr.metric()); // 0 when unset, as keepalived (observed)
        int scope = scope(vr.scope() == null ? 0 : vr.scope());
        if (scope > 0) {
            r.i32(9, scope);
        }
        int type = routeType(vr);
        if (type > 0) {
            r.i32(10, type);
        }
        InterfaceInfo ifi = c.iface(vr.dev());
        if (ifi != null) {
            r.i32(11, ifi.ifIndex());
        }
        r.str(12, vr.dev())
                .u32(13, vr.table() == null ? 254 : vr.table()) // RT_TABLE_MAIN
                .enabled(14, installed);
        // RTPROT_* + 1, as keepalived 2.2.7 serves it (observed: RTPROT_KEEPALIVED 18 reads 19, not the MIB's
        // keepalived(112))
        r.i32(18, vr.protocol() + 1)
                .truth(19, "ecn".equals(vr.options().get("features")))
                .truth(20, "1".equals(vr.options().get("quickack")));
    }

    private static void rule(MibTree.Builder b, int inst, int idx, VirtualRule vr, boolean installed) {
        Row r = new Row(b, KeepalivedOids.RULE_ENTRY, inst, idx);
        // the obsolete Direction/AddressType/Address/Mask (2-5) are still served by keepalived 2.2.7 (observed):
        // the "from" selector, else the "to" one
        IpPrefix sel = vr.from() != null ? vr.from() : vr.to();
        if (sel != null) {
            r.str(2, vr.from() != null ? "from" : "to")
                    .i32(3, Row.addrType(sel.address()))
                    .inet(4, sel.address())
                    .u32(5, sel.prefixLength());
        }
        if (vr.table() != null) {
            r.u32(6, vr.table());
        }
        r.enabled(7, installed).truth(8, vr.not());
        if (vr.to() != null) {
            r.i32(9, Row.addrType(vr.to().address())).inet(10, vr.to().address()).u32(11, vr.to().prefixLength());
        }
        if (vr.from() != null) {
            r.i32(12, Row.addrType(vr.from().address())).inet(13, vr.from().address())
                    .u32(14, vr.from().prefixLength());
        }
        r.u32(15, parse(vr.options().get("tos"))); // 0 when unset (observed)
        r.str(20, vr.iif()).str(21, vr.oif());
        if (vr.gotoTarget() != null) {
            r.u32(22, vr.gotoTarget());
        }
        int action = ruleAction(vr.action());
        if (action > 0) {
            r.i32(23, action);
        }
        if (vr.table() != null) {
            r.u32(24, vr.table());
        }
        r.u32(25, vr.preference());
    }

    /**
     * rtnetlink scope to InetScopeType (RFC 4001): host → interfaceLocal(1), link → linkLocal(2),
     * site → siteLocal(5), universe → global(14); 0 for none (nowhere).
     */
    static int scope(int rtScope) {
        return switch (rtScope) {
            case 0 -> 14;
            case 200 -> 5;
            case 253 -> 2;
            case 254 -> 1;
            default -> 0;
        };
    }

    /** RouteType; a multipath unicast route is ecmp(2); {@code local} has no value (0: not served). */
    private static int routeType(VirtualRoute vr) {
        return switch (vr.type() == null ? "unicast" : vr.type()) {
            case "unicast" -> vr.nexthops().size() > 1 ? 2 : 1;
            case "blackhole" -> 3;
            case "anycast" -> 4;
            case "multicast" -> 5;
            case "broadcast" -> 6;
            case "unreachable" -> 7;
            case "prohibit" -> 8;
            case "throw" -> 9;
            case "nat" -> 10;
            case "xresolve" -> 11;
            default -> 0;
        };
    }

    private static long parse(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Long.decode(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** RuleAction table(1) goto(2) nop(3) blackhole(6) unreachable(7) prohibit(8); l3mdev has none. */
    private static int ruleAction(String action) {
        return switch (action == null ? "table" : action) {
            case "table" -> 1;
            case "goto" -> 2;
            case "nop" -> 3;
            case "blackhole" -> 6;
            case "unreachable" -> 7;
            case "prohibit" -> 8;
            default -> 0;
        };
    }
}
