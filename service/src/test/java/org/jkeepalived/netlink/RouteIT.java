package org.jkeepalived.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.netlink.linux.RtnetlinkAddressManager;
import org.jkeepalived.netlink.linux.RtnetlinkMonitor;
import org.jkeepalived.netlink.linux.RtnetlinkRouteManager;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tier 4: routes and rules over rtnetlink, checked against {@code ip -n NS route/rule}. */
class RouteIT {
    private Netns ns;
    private RouteManager routes;
    private int ve0;

    @BeforeEach
    void namespace() throws Exception {
        Privileged.require("ip");
        ns = Netns.create("jkio-rt").withInterfaces("ve0");
        ns.ip("link", "set", "jkp0", "up");
        ns.ip("addr", "add", "192.0.2.1/24", "dev", "ve0");
        try (AddressManager m = ns.call(RtnetlinkAddressManager::open)) {
            ve0 = m.link("ve0").orElseThrow().index();
        }
        routes = ns.call(RtnetlinkRouteManager::open);
    }

    @AfterEach
    void cleanup() {
        if (routes != null) {
            routes.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    private static InetAddress addr(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void gatewayRouteAddRepeatRemoveRepeat() throws Exception {
        RouteSpec r = RouteSpec.of(addr("198.51.100.0"), 24, addr("192.0.2.254"), ve0).withMetric(50);
        routes.add(r);
        assertThat(ns.ip("route", "show", "198.51.100.0/24"))
                .contains("198.51.100.0/24 via 192.0.2.254 dev ve0 proto keepalived metric 50");
        assertThatThrownBy(() -> routes.add(r)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        routes.remove(r);
        assertThat(ns.ip("route", "show", "198.51.100.0/24")).isBlank();
        assertThatThrownBy(() -> routes.remove(r)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
    }

    @Test
    void linkRouteInABigTableIpv6AndBlackhole() throws Exception {
        routes.add(RouteSpec.of(addr("203.0.113.0"), 24, null, ve0).inTable(1000).withPreferredSource(addr("192.0.2.1")));
        assertThat(ns.ip("route", "show", "table", "1000"))
                .contains("203.0.113.0/24 dev ve0 proto keepalived scope link src 192.0.2.1");
        routes.add(RouteSpec.of(addr("2001:db8:1::"), 48, null, ve0));
        assertThat(ns.ip("-6", "route", "show", "2001:db8:1::/48")).contains("2001:db8:1::/48 dev ve0 proto keepalived");
        routes.add(RouteSpec.of(addr("192.0.2.128"), 25, null, 0).withType(RouteCodec.RTN_BLACKHOLE));
        assertThat(ns.ip("route", "show", "type", "blackhole")).contains("blackhole 192.0.2.128/25 proto keepalived");
    }

    @Test
    void ruleAddRepeatRemoveRepeat() throws Exception {
        RuleSpec rule = RuleSpec.fromLookup(addr("192.0.2.10"), 32, 1000, 100);
        routes.add(rule);
        assertThat(ns.ip("rule", "show")).contains("100:\tfrom 192.0.2.10 lookup 1000");
        assertThatThrownBy(() -> routes.add(rule)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        routes.remove(rule);
        assertThat(ns.ip("rule", "show")).doesNotContain("192.0.2.10");
        assertThatThrownBy(() -> routes.remove(rule)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void multipathMetricsTosAndOnlinkAsIpRouteShowsThem() throws Exception {
        routes.add(RouteSpec.of(addr("198.51.100.0"), 24, null, 0).withScope(NetlinkCodec.RT_SCOPE_UNIVERSE)
                .withNexthops(List.of(new RouteSpec.NextHop(addr("192.0.2.2"), ve0, 2, 0),
                        new RouteSpec.NextHop(addr("192.0.2.3"), ve0, 1, 0))));
        assertThat(ns.ip("route", "show", "198.51.100.0/24")).contains("198.51.100.0/24 proto keepalived")
                .contains("nexthop via 192.0.2.2 dev ve0 weight 2").contains("nexthop via 192.0.2.3 dev ve0 weight 1");
        routes.add(RouteSpec.of(addr("203.0.113.0"), 24, addr("10.99.0.1"), ve0).withFlags(RouteCodec.RTNH_F_ONLINK)
                .withTos(0x10).withMetrics(Map.of(2, 1400L, 8, 1360L), 1 << 2));
        assertThat(ns.ip("route", "show", "table", "main", "203.0.113.0/24"))
                .contains("203.0.113.0/24 tos 0x10 via 10.99.0.1 dev ve0 proto keepalived onlink "
                        + "mtu lock 1400 advmss 1360");
    }

    @Test
    void ruleSelectorsAsIpRuleShowsThem() throws Exception {
        routes.add(new RuleSpec(2, addr("192.0.2.0"), 24, null, 0, "ve0", null, 300, RouteCodec.FR_ACT_TO_TBL, 1000,
                true, 0, 0x10L, 0xffL, null, 18, 32L, null, false, null, null, new int[] {80, 90}));
        assertThat(ns.ip("rule", "show", "priority", "300"))
                .contains("300:\tnot from 192.0.2.0/24 fwmark 0x10/0xff iif ve0 dport 80-90 lookup 1000 "
                        + "suppress_prefixlength 32 proto keepalived");
    }

    @Test
    void monitorReportsRouteAndRuleDeletionsByOthers() throws Exception {
        InetAddress dst = addr("198.51.100.0");
        InetAddress gw = addr("192.0.2.254");
        InetAddress from = addr("192.0.2.10");
        InetAddress dst6 = addr("2001:db8:5::");
        try (NetlinkMonitor monitor = ns.call(RtnetlinkMonitor::open)) {
            routes.add(RouteSpec.of(addr("198.51.100.0"), 24, addr("192.0.2.254"), ve0).inTable(1000).withMetric(5));
            routes.add(RuleSpec.fromLookup(addr("192.0.2.10"), 32, 1000, 100));
            routes.add(RouteSpec.of(addr("2001:db8:5::"), 48, null, ve0));
            ns.ip("route", "del", "198.51.100.0/24", "table", "1000");
            RtnetlinkIT.awaitEvent(monitor, e -> e.equals(new NetlinkEvent.RouteRemoved(2, dst, 24,
                    1000, RouteCodec.RTN_UNICAST, 18, 0, 5, ve0, gw)));
            ns.ip("rule", "del", "priority", "100");
            RtnetlinkIT.awaitEvent(monitor, e -> e.equals(new NetlinkEvent.RuleRemoved(2, 100, from, 32,
                    null, 0, RouteCodec.FR_ACT_TO_TBL, 1000)));
            ns.ip("-6", "route", "del", "2001:db8:5::/48");
            RtnetlinkIT.awaitEvent(monitor, e -> e instanceof NetlinkEvent.RouteRemoved r && r.family() == 10
                    && r.destination().equals(dst6) && r.prefixLength() == 48
                    && r.table() == RouteCodec.RT_TABLE_MAIN && Integer.valueOf(1024).equals(r.metric()));
        }
    }

    @Test
    void addressDumpInKernelOrderWithSecondaryFlag() throws Exception {
        ns.ip("addr", "add", "192.0.2.20/24", "dev", "ve0");
        ns.ip("addr", "add", "198.51.100.1/24", "dev", "ve0");
        try (AddressManager m = ns.call(RtnetlinkAddressManager::open)) {
            List<InterfaceAddress> v4 = m.interfaceAddresses(ve0).stream()
                    .filter(a -> a.address() instanceof java.net.Inet4Address).toList();
            assertThat(v4).extracting(a -> a.address().getHostAddress() + "/" + a.prefixLength() + " "
                    + (a.secondary() ? "secondary" : "primary"))
                    .containsExactly("192.0.2.1/24 primary", "198.51.100.1/24 primary", "192.0.2.20/24 secondary");
            assertThat(m.interfaceAddresses()).anyMatch(a -> a.address().getHostAddress().equals("127.0.0.1"));
        }
    }
}
