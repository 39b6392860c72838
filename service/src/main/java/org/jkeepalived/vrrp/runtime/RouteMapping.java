package org.jkeepalived.vrrp.runtime;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.Nexthop;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.jkeepalived.netlink.AddressSpec;
import org.jkeepalived.netlink.NetlinkCodec;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.netlink.RouteCodec;
import org.jkeepalived.netlink.RouteSpec;
import org.jkeepalived.netlink.RuleSpec;

/**
 * Pure mapping of the configuration model (c.2, c.3: {@code ip addr/route/rule} syntax) to rtnetlink
 * requests, and of deletion events back to what they delete. Interfaces are resolved by a function
 * (name → ifindex, 0 when unknown). Options the requests cannot carry are reported as {@code problems},
 * never thrown: the caller logs them once per line.
 */
final class RouteMapping {
    /** RTAX_* of the numeric route metrics iproute2 takes by name (rtnetlink(7), linux/rtnetlink.h). */
    private static final Map<String, Integer> RTAX = Map.ofEntries(Map.entry("mtu", 2), Map.entry("window", 3),
            Map.entry("ssthresh", 6), Map.entry("cwnd", 7), Map.entry("advmss", 8), Map.entry("reordering", 9),
            Map.entry("hoplimit", 10), Map.entry("initcwnd", 11), Map.entry("initrwnd", 14),
            Map.entry("quickack", 15), Map.entry("fastopen_no_cookie", 17));
    private static final int RTAX_FEATURES = 12;
    private static final int RTAX_FEATURE_ECN = 1;
    private static final Map<String, Integer> ROUTE_TYPES = Map.of("unicast", RouteCodec.RTN_UNICAST,
            "local", RouteCodec.RTN_LOCAL, "broadcast", RouteCodec.RTN_BROADCAST, "anycast", RouteCodec.RTN_ANYCAST,
            "multicast", RouteCodec.RTN_MULTICAST, "blackhole", RouteCodec.RTN_BLACKHOLE,
            "unreachable", RouteCodec.RTN_UNREACHABLE, "prohibit", RouteCodec.RTN_PROHIBIT,
            "throw", RouteCodec.RTN_THROW, "nat", RouteCodec.RTN_NAT);

    private RouteMapping() {
    }

    /**
     * What one line maps to.
     *
     * @param spec     the request, null when the line cannot be applied at all (e.g. its device is missing)
     * @param problems what of the line is not applied, in words; empty when all is
     */
    record Mapped<T>(T spec, List<String> problems) {
        Mapped {
            problems = List.copyOf(problems);
        }
    }

    // ---------------------------------------------------------------- addresses

    /** A virtual/static address on interface {@code ifIndex}: scope, nodad, noprefixroute, label, brd, lifetime. */
    static AddressSpec address(VirtualAddress v, int ifIndex) {
        InetAddress address = v.address().address();
        AddressSpec spec = AddressSpec.of(ifIndex, address, v.address().prefixLength()).withScope(v.scope());
        int flags = (v.noDad() ? NetlinkCodec.IFA_F_NODAD : 0)
                | (v.noprefixroute() ? NetlinkCodec.IFA_F_NOPREFIXROUTE : 0);
        spec = spec.withFlags(flags);
        if (address instanceof Inet4Address) {
            if (v.label() != null) {
                spec = spec.withLabel(v.label());
            }
            if (v.broadcast() != null) {
                spec = spec.withBroadcast(v.broadcast());
            }
        }
        if (v.preferredLftSeconds() != null) {
            spec = spec.withLifetimes(v.preferredLftSeconds(), AddressSpec.FOREVER);
        }
        return spec;
    }

    // ---------------------------------------------------------------- routes

    /** One virtual/static route line. */
    static Mapped<RouteSpec> route(VirtualRoute r, ToIntFunction<String> ifIndex) {
        List<String> problems = new ArrayList<>();
        Integer type = ROUTE_TYPES.get(r.type() == null ? "unicast" : r.type());
        if (type == null) {
            return new Mapped<>(null, List.of("route type " + r.type() + " is not supported"));
        }
        int oif = 0;
        if (r.dev() != null) {
            oif = ifIndex.applyAsInt(r.dev());
            if (oif <= 0) {
                return new Mapped<>(null, List.of("no interface " + r.dev()));
            }
        }
        List<RouteSpec.NextHop> hops = new ArrayList<>();
        for (Nexthop h : r.nexthops()) {
            int hopIf = 0;
            if (h.dev() != null) {
                hopIf = ifIndex.applyAsInt(h.dev());
                if (hopIf <= 0) {
                    return new Mapped<>(null, List.of("no interface " + h.dev() + " for nexthop"));
                }
            }
            if (h.realms() != null) {
                problems.add("nexthop realms " + h.realms() + " not applied");
            }
            hops.add(new RouteSpec.NextHop(h.via(), hopIf, h.weight() == null ? 1 : h.weight(),
                    h.onlink() ? RouteCodec.RTNH_F_ONLINK : 0));
        }
        boolean gatewayed = r.via() != null || !hops.isEmpty();
        RouteSpec spec = new RouteSpec(r.to().address(), r.to().prefixLength(), r.via(), r.src(), oif,
                r.table() == null ? RouteCodec.RT_TABLE_MAIN : (int) (long) r.table(),
                r.metric() == null ? null : (int) (long) r.metric(), r.protocol(),
                r.scope() != null ? r.scope() : defaultScope(type, gatewayed), type)
                .withFlags(r.onlink() ? RouteCodec.RTNH_F_ONLINK : 0).withNexthops(hops);
        Map<Integer, Long> metrics = new HashMap<>();
        int locked = 0;
        for (Map.Entry<String, String> o : r.options().entrySet()) {
            String name = o.getKey();
            String value = o.getValue();
            boolean lock = value.startsWith("lock ");
            String number = lock ? value.substring(5) : value;
            Integer rtax = RTAX.get(name);
            if (name.equals("tos")) {
                spec = spec.withTos(Integer.parseInt(value));
            } else if (rtax != null && number.matches("\\d{1,10}")) {
                metrics.put(rtax, Long.parseLong(number));
                locked |= lock ? 1 << rtax : 0;
            } else if (name.equals("features") && number.equals("ecn")) {
                metrics.put(RTAX_FEATURES, (long) RTAX_FEATURE_ECN);
            } else {
                problems.add(name + " " + value + " not applied");
            }
        }
        if (!metrics.isEmpty() || locked != 0) {
            spec = spec.withMetrics(metrics, locked);
        }
        return new Mapped<>(spec, problems);
    }

    /**
     * iproute2's default scope (ip-route(8) "scope"): host for local and nat routes, link for
     * broadcast/multicast/anycast and for unicast routes without a gateway, universe otherwise.
     */
    static int defaultScope(int type, boolean gatewayed) {
        return switch (type) {
            case RouteCodec.RTN_LOCAL, RouteCodec.RTN_NAT -> NetlinkCodec.RT_SCOPE_HOST;
            case RouteCodec.RTN_BROADCAST, RouteCodec.RTN_MULTICAST, RouteCodec.RTN_ANYCAST ->
                    NetlinkCodec.RT_SCOPE_LINK;
            case RouteCodec.RTN_UNICAST -> gatewayed ? NetlinkCodec.RT_SCOPE_UNIVERSE : NetlinkCodec.RT_SCOPE_LINK;
            default -> NetlinkCodec.RT_SCOPE_UNIVERSE;
        };
    }

    /**
     * Whether a deletion event is about this route: same family, destination, table, type and tos, and
     * the same metric when we gave one (without one, IPv6 routes get the kernel's 1024).
     */
    static boolean matches(RouteSpec r, NetlinkEvent.RouteRemoved e) {
        return e.family() == (r.ipv4() ? 2 : 10) && e.destination().equals(r.destination())
                && e.prefixLength() == r.prefixLength() && e.table() == r.table() && e.type() == r.type()
                && e.tos() == r.tos() && (r.metric() == null || r.metric().equals(e.metric()));
    }

    // ---------------------------------------------------------------- rules

    /** One virtual/static rule line. keepalived marks rules protocol 18 unless the line says otherwise. */
    static Mapped<RuleSpec> rule(VirtualRule r) {
        List<String> problems = new ArrayList<>();
        int family = r.family() == AddressFamily.IPV6 ? 10 : 2;
        int action;
        int table = 0;
        boolean l3mdev = false;
        switch (r.action()) {
            case "table" -> {
                action = RouteCodec.FR_ACT_TO_TBL;
                table = r.table() == null ? RouteCodec.RT_TABLE_MAIN : (int) (long) r.table();
            }
            case "l3mdev" -> {
                action = RouteCodec.FR_ACT_TO_TBL;
                l3mdev = true;
            }
            case "goto" -> action = RouteCodec.FR_ACT_GOTO;
            case "nop" -> action = RouteCodec.FR_ACT_NOP;
            case "blackhole" -> action = RouteCodec.FR_ACT_BLACKHOLE;
            case "unreachable" -> action = RouteCodec.FR_ACT_UNREACHABLE;
            case "prohibit" -> action = RouteCodec.FR_ACT_PROHIBIT;
            default -> {
                return new Mapped<>(null, List.of("rule action " + r.action() + " is not supported"));
            }
        }
        int tos = 0;
        Long fwmark = null;
        Long fwmask = null;
        Integer protocol = RouteCodec.RTPROT_KEEPALIVED;
        Long suppressPrefix = null;
        Long suppressGroup = null;
        long[] uid = null;
        int[] sport = null;
        int[] dport = null;
        for (Map.Entry<String, String> o : r.options().entrySet()) {
            String v = o.getValue();
            switch (o.getKey()) {
                case "tos" -> tos = Integer.parseInt(v);
                case "fwmark" -> {
                    String[] parts = v.split("/");
                    fwmark = number(parts[0]);
                    fwmask = parts.length > 1 ? number(parts[1]) : null;
                }
                case "protocol" -> protocol = Integer.parseInt(v);
                case "suppress_prefixlength" -> suppressPrefix = Long.parseLong(v);
                case "suppress_ifgroup" -> {
                    if (v.matches("\\d+|0[xX][0-9a-fA-F]+")) {
                        suppressGroup = number(v);
                    } else if (v.equals("default")) {
                        suppressGroup = 0L;
                    } else {
                        problems.add("suppress_ifgroup " + v + " not applied (group names other than default)");
                    }
                }
                case "uidrange" -> {
                    String[] p = v.split("-");
                    uid = new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
                }
                case "sport" -> sport = ports(v);
                case "dport" -> dport = ports(v);
                default -> problems.add(o.getKey() + " " + v + " not applied");
            }
        }
        IpPrefix from = r.from();
        IpPrefix to = r.to();
        RuleSpec spec = new RuleSpec(family, from == null ? null : from.address(),
                from == null ? 0 : from.prefixLength(), to == null ? null : to.address(),
                to == null ? 0 : to.prefixLength(), r.iif(), r.oif(), (int) r.preference(), action, table, r.not(),
                tos, fwmark, fwmask, r.gotoTarget(), protocol, suppressPrefix, suppressGroup, l3mdev, uid, sport,
                dport);
        return new Mapped<>(spec, problems);
    }

    private static long number(String s) {
        return s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
    }

    private static int[] ports(String v) {
        String[] p = v.split("-");
        int start = Integer.parseInt(p[0]);
        return new int[] {start, p.length > 1 ? Integer.parseInt(p[1]) : start};
    }

    /** Whether a deletion event is about this rule: family, priority, selectors, action and table. */
    static boolean matches(RuleSpec r, NetlinkEvent.RuleRemoved e) {
        return e.family() == r.family() && java.util.Objects.equals(e.priority(), r.priority())
                && java.util.Objects.equals(e.from(), r.from()) && (r.from() == null
                || e.fromPrefixLength() == r.fromPrefixLength())
                && java.util.Objects.equals(e.to(), r.to()) && (r.to() == null
                || e.toPrefixLength() == r.toPrefixLength())
                && e.action() == r.action() && (r.action() != RouteCodec.FR_ACT_TO_TBL || e.table() == r.table());
    }

    /** Whether an address deletion is about this address spec. */
    static boolean matches(AddressSpec a, NetlinkEvent.AddressRemoved e) {
        return e.ifIndex() == a.ifIndex() && e.address().equals(a.address());
    }
}
