package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.vrrp.VrrpConf.clean;
import static org.jkeepalived.config.vrrp.VrrpConf.hasFinding;
import static org.jkeepalived.config.vrrp.VrrpConf.inst;
import static org.jkeepalived.config.vrrp.VrrpConf.load;
import static org.jkeepalived.config.vrrp.VrrpConf.only;

import java.util.List;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** virtual_routes / static_routes and virtual_rules / static_rules lines (c.3), as keepalived 2.2.7 reads them. */
class RouteAndRuleLineTest {

    private static LoadResult routes(String... lines) {
        return load(inst("virtual_routes {\n" + String.join("\n", lines) + "\n}"));
    }

    private static LoadResult rules(String... lines) {
        return load(inst("virtual_rules {\n" + String.join("\n", lines) + "\n}"));
    }

    @Test
    void routeFieldsAreTyped() {
        LoadResult r = routes("src 192.168.100.1 to 192.168.109.0/24 via 192.168.200.254 dev eth1 table 100 metric 5 "
                        + "scope link mtu lock 1400 append",
                "unreachable 192.168.121.0/24 dev eth1",
                "192.168.125.0/24 dev eth1 nexthop via 192.168.200.1 dev eth1 weight 2 nexthop via 192.168.200.2 dev eth2 onlink",
                "2001:db8:1::/64 via 2001:db8::1 dev eth1 pref high expires 100",
                "default via 192.168.200.1 dev eth1 protocol keepalived");
        clean(r);
        List<VirtualRoute> v = only(r).virtualRoutes();
        VirtualRoute a = v.get(0);
        assertThat(a.to().toString()).isEqualTo("192.168.109.0/24");
        assertThat(a.src().getHostAddress()).isEqualTo("192.168.100.1");
        assertThat(a.via().getHostAddress()).isEqualTo("192.168.200.254");
        assertThat(a.dev()).isEqualTo("eth1");
        assertThat(a.table()).isEqualTo(100L);
        assertThat(a.metric()).isEqualTo(5L);
        assertThat(a.scope()).isEqualTo(253);
        assertThat(a.protocol()).isEqualTo(18);
        assertThat(a.options()).containsEntry("mtu", "lock 1400");
        assertThat(a.operation()).isEqualTo("append");
        assertThat(a.noTrack()).isFalse();
        assertThat(v.get(1).type()).isEqualTo("unreachable");
        assertThat(v.get(1).operation()).isEqualTo("add");
        assertThat(v.get(2).operation()).isEqualTo("prepend");
        assertThat(v.get(2).nexthops()).extracting(n -> n.dev(), n -> n.weight(), n -> n.onlink())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eth1", 2, false),
                        org.assertj.core.groups.Tuple.tuple("eth2", null, true));
        assertThat(v.get(3).family()).isEqualTo(AddressFamily.IPV6);
        assertThat(v.get(3).options()).containsEntry("pref", "high").containsEntry("expires", "100");
        assertThat(v.get(4).to().toString()).isEqualTo("0.0.0.0/0");
    }

    @Test
    void samplesDeprecatedFormsAndUntrackableRoutes() {
        // keepalived.conf.vrrp.routes
        LoadResult r = routes("192.168.112.0/24 via 192.168.100.254",
                "192.168.113.0/24 via 192.168.100.252 or 192.168.100.253",
                "blackhole 192.168.113.1/32",
                "0.0.0.0/0 gw 192.168.0.1 table 100");
        hasFinding(r, Severity.ERROR,
                "Warning - cannot track route 192.168.112.0/24 with no interface specified, not tracking");
        hasFinding(r, Severity.ERROR, "\"or\" for routes is deprecated. Please use \"nexthop\"");
        hasFinding(r, Severity.ERROR, "\"gw\" for routes is deprecated. Please use \"via\"");
        hasFinding(r, Severity.ERROR, "Warning - cannot track route 192.168.113.1/32 with no interface specified");
        List<VirtualRoute> v = only(r).virtualRoutes();
        assertThat(v).hasSize(4).allMatch(VirtualRoute::noTrack);
        assertThat(v.get(1).nexthops()).extracting(n -> n.via().getHostAddress())
                .containsExactly("192.168.100.252", "192.168.100.253");
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "192.168.110.0/24 dev eth1 proto static|unknown route keyword proto",
            "192.168.129.0/24 dev eth1 metric abc|Invalid metric abc specified for route",
            "192.168.130.0/24 via 2001:db8::1 dev eth1|Cannot mix IPv4 and IPv6 addresses for route",
            "192.168.134.0/24 dev eth1 table foo|Routing table foo not found for route",
            "192.168.136.0/24 dev eth1 scope bogus|Scope bogus not found or invalid for route",
            "192.168.1.0/24 dev eth1 hoplimit 300|Invalid hoplimit 300 specified for route",
            "192.168.1.0/24 dev eth1 quickack 2|Invalid quickack value 2 specified for route",
            "192.168.1.0/24 dev eth1 expires 5|expires is only valid for IPv6",
            "192.168.1.0/24 dev eth1 pref high|pref is only valid for IPv6",
            "192.168.1.0/24 dev eth1 inet6|inet6 specified for IPv4 route",
            "inet6 ::/0 dev eth1|Route must have a destination",
            "192.168.143/24 dev eth1|unknown route keyword 192.168.143/24",
            "192.168.1.0/24 dev eth1 track_group TG|unknown route keyword track_group"})
    void droppedRoutes(String line, String message) {
        LoadResult r = routes(line);
        assertThat(r.diagnostics()).as(ConfigFixture.messages(r)).anyMatch(d -> d.message().contains(message));
        assertThat(only(r).virtualRoutes()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void routesKeptWithAWarning() {
        LoadResult r = routes("192.168.110.0/24 dev eth1 protocol kernel", "192.168.1.0/24 dev eth1 features foo",
                "192.168.2.0/24 dev eth1 rto_min 3.5", "192.168.3.0/24 dev eth1 nexthop dev eth2 weight 300");
        hasFinding(r, Severity.ERROR, "Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol");
        hasFinding(r, Severity.ERROR, "feature foo not supported");
        hasFinding(r, Severity.ERROR, "number '3.5' has too many decimal places");
        hasFinding(r, Severity.ERROR, "Invalid weight 300 specified for route");
        assertThat(only(r).virtualRoutes()).hasSize(4);
        assertThat(only(r).virtualRoutes().get(0).protocol()).isEqualTo(18);
        assertThat(only(r).virtualRoutes().get(3).nexthops()).isEmpty();
    }

    @Test
    void untrackedRoutesMayKeepTheirProtocol() {
        LoadResult r = routes("192.168.110.0/24 dev eth1 protocol kernel no_track");
        clean(r);
        assertThat(only(r).virtualRoutes().get(0).protocol()).isEqualTo(2);
    }

    @Test
    void rulesAreTypedAndNumberedWhenTheyHaveNoPreference() {
        // keepalived.conf.vrrp.rules: static rules and instance rules share the counter, in file order
        LoadResult r = load("static_rules {\n from 192.168.100.0/24 table 1\n to 192.168.100./24 table 1\n}\n"
                + inst("virtual_rules {\nfrom 192.168.200.0/24 table 2\nnot from 192.168.28.0/24 to 192.168.29.0/26 "
                + "table main iif eth1 oif eth2 tos 22 fwmark 24/12 preference 39 realms 30/20\n"
                + "to 1:2:3:4:5:6:7:0/112 from 7:6:5:4:3:2::/96 goto 7 uidrange 10000-19999 preference 102\n}"));
        hasFinding(r, Severity.ERROR, "Rule has no preference specified - setting to 16384. This is probably not what you want.");
        hasFinding(r, Severity.ERROR, "Rule has no preference specified - setting to 16383. This is probably not what you want.");
        hasFinding(r, Severity.ERROR, "VRRP parsed invalid IP 192.168.100./24. skipping IP...");
        hasFinding(r, Severity.ERROR, "Invalid rule to address 192.168.100./24");
        assertThat(r.config().vrrp().staticRules()).singleElement().satisfies(x -> {
            assertThat(x.preference()).isEqualTo(16384);
            assertThat(x.table()).isEqualTo(1L);
        });
        List<VirtualRule> v = only(r).virtualRules();
        assertThat(v.get(0).preference()).isEqualTo(16383);
        VirtualRule full = v.get(1);
        assertThat(full.not()).isTrue();
        assertThat(full.table()).isEqualTo(254L);
        assertThat(full.iif()).isEqualTo("eth1");
        assertThat(full.oif()).isEqualTo("eth2");
        assertThat(full.options()).containsEntry("fwmark", "24/12").containsEntry("tos", "22");
        assertThat(v.get(2).family()).isEqualTo(AddressFamily.IPV6);
        assertThat(v.get(2).action()).isEqualTo("goto");
        assertThat(v.get(2).gotoTarget()).isEqualTo(7L);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from 192.168.1.0/24 table main goto 40 preference 5|Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev for rule",
            "from 192.168.2.0/24 table 1 pref 102|Unknown rule option pref",
            "from 192.168.2.0/24 table 1 ip_proto UDP preference 5|Unknown rule option ip_proto",
            "from 192.168.9.0/24 preference 110|No action specified for rule - ignoring",
            "from 192.168.10.0/24 table 7 nat 1.2.3.4 preference 111|Invalid rule action nat",
            "from 192.168.11.0/24 to 2001::/64 table 7 preference 112|rule specification has mixed IPv4 and IPv6",
            "from 192.168.8.0/24 table 7 preference abc|Invalid rule preference abc specified",
            "from 192.168.1.0/24 protocol kernel table 5 preference 5|Invalid protocol kernel",
            "from 192.168.1.0/24 uidrange 5 table 5 preference 5|Invalid rule uidrange 5",
            "from 192.168.19.0/24 table 7 iif eth1 preference 120 track_group x|Unknown rule option track_group"})
    void droppedRules(String line, String message) {
        LoadResult r = rules(line);
        hasFinding(r, Severity.ERROR, message);
        assertThat(only(r).virtualRules()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void ruleProtocolOtherThanKeepalivedIsResetOnTrackedRules() {
        LoadResult r = rules("from 192.168.1.0/24 l3mdev protocol 12 preference 5");
        hasFinding(r, Severity.ERROR, "Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol");
        assertThat(only(r).virtualRules().get(0).options()).containsEntry("protocol", "18");
    }

    @Test
    void staticRuleTrackGroupNeedsAnInputInterface() {
        LoadResult r = load("track_group TG {\n group {\n VI_1\n }\n}\nstatic_rules {\n from 192.168.2.0/24 table 1 "
                + "track_group TG preference 10\n from 192.168.3.0/24 table 1 iif eth1 track_group TG preference 11\n}\n"
                + inst(""));
        hasFinding(r, Severity.ERROR, "Static rule cannot have track_group if dev/iif not specified");
        assertThat(r.config().vrrp().staticRules()).extracting(VirtualRule::trackGroup).containsExactly(null, "TG");
    }
}
