package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.netlink.NetlinkCodec;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.netlink.RouteCodec;
import org.jkeepalived.netlink.RouteSpec;
import org.jkeepalived.netlink.RuleSpec;
import org.jkeepalived.vrrp.Vrrp;
import org.junit.jupiter.api.Test;

/** Tier 1: configuration lines (through the real parser) to route and rule requests. */
class RouteMappingTest {
    private static final ToIntFunction<String> IFACES = name -> switch (name) {
        case "eth0" -> 2;
        case "eth1" -> 3;
        default -> 0;
    };

    private static VrrpConfig config(String routes, String rules) {
        String text = "static_routes {\n" + routes + "\n}\nstatic_rules {\n" + rules + "\n}\n";
        return ConfigFixture.load(text, new FakeSystemView().withInterface("eth0").withInterface("eth1"))
                .config().vrrp();
    }

    private static RouteMapping.Mapped<RouteSpec> route(String line) {
        List<VirtualRoute> r = config(line, "").staticRoutes();
        assertThat(r).as(line).hasSize(1);
        return RouteMapping.route(r.get(0), IFACES);
    }

    private static RouteMapping.Mapped<RuleSpec> rule(String line) {
        List<VirtualRule> r = config("", line).staticRules();
        assertThat(r).as(line).hasSize(1);
        return RouteMapping.rule(r.get(0));
    }

    @Test
    void gatewayRouteWithTableMetricSourceAndProtocol() {
        RouteMapping.Mapped<RouteSpec> m = route("10.20.0.0/16 via 192.0.2.254 dev eth0 table 100 metric 50 "
                + "src 192.0.2.1");
        assertThat(m.problems()).isEmpty();
        assertThat(m.spec()).isEqualTo(new RouteSpec(Vrrp.addr("10.20.0.0"), 16, Vrrp.addr("192.0.2.254"),
                Vrrp.addr("192.0.2.1"), 2, 100, 50, RouteCodec.RTPROT_KEEPALIVED, NetlinkCodec.RT_SCOPE_UNIVERSE,
                RouteCodec.RTN_UNICAST));
    }

    @Test
    void defaultScopesAsIproute2() {
        assertThat(route("10.21.0.0/16 dev eth1").spec().scope()).isEqualTo(NetlinkCodec.RT_SCOPE_LINK);
        assertThat(route("10.21.0.0/16 dev eth1 scope host").spec().scope()).isEqualTo(NetlinkCodec.RT_SCOPE_HOST);
        RouteSpec blackhole = route("blackhole 10.22.0.0/16 table 200").spec();
        assertThat(blackhole.type()).isEqualTo(RouteCodec.RTN_BLACKHOLE);
        assertThat(blackhole.scope()).isEqualTo(NetlinkCodec.RT_SCOPE_UNIVERSE);
        assertThat(blackhole.oifIndex()).isZero();
        assertThat(route("local 10.23.0.1 dev eth0").spec().scope()).isEqualTo(NetlinkCodec.RT_SCOPE_HOST);
        assertThat(route("broadcast 10.23.0.255 dev eth0").spec().scope()).isEqualTo(NetlinkCodec.RT_SCOPE_LINK);
    }

    @Test
    void multipathOnlinkTosAndMetrics() {
        RouteMapping.Mapped<RouteSpec> m = route("10.30.0.0/16 tos 0x10 mtu lock 1400 advmss 1360 "
                + "nexthop via 192.0.2.1 dev eth0 weight 2 nexthop via 198.51.100.1 dev eth1 onlink");
        assertThat(m.problems()).isEmpty();
        RouteSpec r = m.spec();
        assertThat(r.tos()).isEqualTo(0x10);
        assertThat(r.scope()).isEqualTo(NetlinkCodec.RT_SCOPE_UNIVERSE);
        assertThat(r.nexthops()).containsExactly(new RouteSpec.NextHop(Vrrp.addr("192.0.2.1"), 2, 2, 0),
                new RouteSpec.NextHop(Vrrp.addr("198.51.100.1"), 3, 1, RouteCodec.RTNH_F_ONLINK));
        assertThat(r.metrics()).isEqualTo(Map.of(2, 1400L, 8, 1360L));
        assertThat(r.lockedMetrics()).isEqualTo(1 << 2);
        assertThat(route("10.31.0.0/16 via 10.99.0.1 dev eth0 onlink").spec().flags())
                .isEqualTo(RouteCodec.RTNH_F_ONLINK);
    }

    @Test
    void ipv6RouteAndUnmappableOptionsAreReportedNotThrown() {
        RouteMapping.Mapped<RouteSpec> m = route("2001:db8:1::/48 via 2001:db8::1 dev eth0 rtt 3 realms 5");
        assertThat(m.spec()).isNotNull();
        assertThat(m.spec().ipv4()).isFalse();
        assertThat(m.problems()).containsExactlyInAnyOrder("rtt 3 not applied", "realms 5 not applied");
    }

    @Test
    void aMissingDeviceMapsToNothingWithTheReason() {
        List<VirtualRoute> r = config("10.40.0.0/16 dev eth9", "").staticRoutes();
        RouteMapping.Mapped<RouteSpec> m = RouteMapping.route(r.get(0), IFACES);
        assertThat(m.spec()).isNull();
        assertThat(m.problems()).containsExactly("no interface eth9");
    }

    @Test
    void rulesWithTheirSelectorsAndKeepalivedsProtocol() {
        RouteMapping.Mapped<RuleSpec> m = rule("from 192.0.2.10/32 table 100 priority 100");
        assertThat(m.problems()).isEmpty();
        assertThat(m.spec()).isEqualTo(new RuleSpec(2, Vrrp.addr("192.0.2.10"), 32, null, 0, null, null, 100,
                RouteCodec.FR_ACT_TO_TBL, 100, false, 0, null, null, null, 18, null, null, false, null, null, null));
        RuleSpec r = rule("not to 198.51.100.0/24 fwmark 0x10/0xff iif eth0 tos 8 dport 80-90 uidrange 100-200 "
                + "suppress_prefixlength 32 table 200 priority 300 protocol 18").spec();
        assertThat(r.invert()).isTrue();
        assertThat(r.to()).isEqualTo(Vrrp.addr("198.51.100.0"));
        assertThat(r.fwmark()).isEqualTo(0x10L);
        assertThat(r.fwmask()).isEqualTo(0xffL);
        assertThat(r.iifName()).isEqualTo("eth0");
        assertThat(r.tos()).isEqualTo(8);
        assertThat(r.dportRange()).containsExactly(80, 90);
        assertThat(r.uidRange()).containsExactly(100L, 200L);
        assertThat(r.suppressPrefixLength()).isEqualTo(32L);
        RuleSpec g = rule("from all goto 400 priority 350").spec();
        assertThat(g.action()).isEqualTo(RouteCodec.FR_ACT_GOTO);
        assertThat(g.gotoTarget()).isEqualTo(400L);
        assertThat(rule("from 2001:db8::/64 blackhole priority 10").spec().family()).isEqualTo(10);
        assertThat(rule("from 192.0.2.0/24 realms 3 table 5 priority 11").problems())
                .containsExactly("realms 3 not applied");
    }

    @Test
    void deletionEventsMatchOnlyTheirItem() {
        RouteSpec r = route("10.20.0.0/16 via 192.0.2.254 dev eth0 table 100").spec();
        InetAddress dst = Vrrp.addr("10.20.0.0");
        assertThat(RouteMapping.matches(r, new NetlinkEvent.RouteRemoved(2, dst, 16, 100, 1, 18, 0, null, 2, null)))
                .isTrue();
        assertThat(RouteMapping.matches(r, new NetlinkEvent.RouteRemoved(2, dst, 16, 254, 1, 18, 0, null, 2, null)))
                .isFalse();
        assertThat(RouteMapping.matches(r, new NetlinkEvent.RouteRemoved(2, dst, 24, 100, 1, 18, 0, null, 2, null)))
                .isFalse();
        RouteSpec withMetric = r.withMetric(5);
        assertThat(RouteMapping.matches(withMetric,
                new NetlinkEvent.RouteRemoved(2, dst, 16, 100, 1, 18, 0, 6, 2, null))).isFalse();
        RuleSpec u = rule("from 192.0.2.10/32 table 100 priority 100").spec();
        assertThat(RouteMapping.matches(u, new NetlinkEvent.RuleRemoved(2, 100, Vrrp.addr("192.0.2.10"), 32, null, 0,
                RouteCodec.FR_ACT_TO_TBL, 100))).isTrue();
        assertThat(RouteMapping.matches(u, new NetlinkEvent.RuleRemoved(2, 101, Vrrp.addr("192.0.2.10"), 32, null, 0,
                RouteCodec.FR_ACT_TO_TBL, 100))).isFalse();
    }

    @Test
    void keepalivedsWordingOfRoutesAndRulesAsObserved() {
        assertThat(OwnedItems.describe(config("10.30.0.0/16 via 10.9.0.254 dev eth0 table 100 metric 5 src 10.9.0.1 "
                + "mtu 1400", "").staticRoutes().get(0)))
                .isEqualTo("prepend 10.30.0.0/16 src 10.9.0.1 via inet 10.9.0.254 dev eth0 table 100 proto 18 "
                        + "metric 5 mtu 1400");
        assertThat(OwnedItems.describe(config("10.31.0.0/16 dev eth0", "").staticRoutes().get(0)))
                .isEqualTo("prepend 10.31.0.0/16 dev eth0 proto 18");
        assertThat(OwnedItems.describe(config("", "from 10.9.2.1/32 table 200 priority 200").staticRules().get(0)))
                .isEqualTo("from 10.9.2.1 priority 200 tos 0x0 protocol 18 lookup 200");
    }
}
