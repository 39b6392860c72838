package org.jkeepalived.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.netlink.linux.RtnetlinkAddressManager;
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
}
