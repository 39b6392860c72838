package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.netlink.FakeAddressManager;
import org.jkeepalived.netlink.FakeNetlinkMonitor;
import org.jkeepalived.netlink.FakeRouteManager;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.Vrrp;
import org.junit.jupiter.api.Test;

/** Tier 1: what is owned, added, removed and restored, on the netlink fakes. */
class OwnedItemsTest {
    private final FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
    private final FakeAddressManager addresses = new FakeAddressManager(monitor)
            .putLink(new Link(2, "eth0", Link.IFF_UP | Link.IFF_RUNNING, new byte[6]));
    private final FakeRouteManager routes = new FakeRouteManager(monitor);
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final OwnedItems owned = new OwnedItems(addresses, routes,
            Log.to((level, detail, message) -> log.add(message)), name -> name.equals("eth0") ? 2 : 0);

    private static final String CONF = """
            static_ipaddress {
              10.9.2.1/24 dev eth0
            }
            static_routes {
              10.30.0.0/16 via 10.9.2.254 dev eth0
              blackhole 10.31.0.0/16
            }
            static_rules {
              from 10.9.2.1/32 table 200 priority 200
            }
            vrrp_instance VI_1 {
              interface eth0
              virtual_router_id 51
              virtual_ipaddress {
                10.9.0.100/24
              }
              virtual_routes {
                10.20.0.0/16 via 10.9.0.254 dev eth0
                10.21.0.0/16 via 10.9.0.254 dev eth0 no_track rtt 3
              }
              virtual_rules {
                from 10.9.0.100/32 table 100 priority 100
              }
            }
            """;

    private static VrrpConfig config(String text) {
        return ConfigFixture.load(text, new FakeSystemView().withInterface("eth0")).config().vrrp();
    }

    /** Hands the fakes' deletion events to the owner, as the engine's loop does. */
    private void deliverEvents() {
        for (NetlinkEvent e : monitor.poll(0)) {
            owned.onDeleted(e);
        }
    }

    private List<String> routeDestinations() {
        return routes.routes().stream().map(r -> r.destination().getHostAddress() + "/" + r.prefixLength()).toList();
    }

    @Test
    void staticItemsAreAddedAtStartRestoredWhenTrackedAndRemovedAtStop() throws Exception {
        owned.applyStatic(StaticConfig.of(config(CONF)));
        assertThat(addresses.addresses()).extracting(a -> a.address().getHostAddress()).containsExactly("10.9.2.1");
        assertThat(routeDestinations()).containsExactly("10.30.0.0/16", "10.31.0.0/16");
        assertThat(routes.rules()).hasSize(1);
        assertThat(routes.calls()).containsExactly("add route 10.30.0.0/16", "add route 10.31.0.0/16",
                "add rule 200");
        monitor.poll(0);

        routes.deleteExternally(routes.routes().get(0));
        routes.deleteExternally(routes.routes().get(0)); // the blackhole: no dev, so keepalived cannot track it
        routes.deleteExternally(routes.rules().get(0));
        addresses.remove(addresses.addresses().get(0));
        deliverEvents();
        assertThat(routeDestinations()).containsExactly("10.30.0.0/16");
        assertThat(routes.rules()).hasSize(1);
        assertThat(addresses.addresses()).hasSize(1);
        assertThat(log).contains("Restoring deleted static route prepend 10.30.0.0/16 via inet 10.9.2.254 dev eth0 proto 18",
                "Restoring deleted static rule from 10.9.2.1 priority 200 tos 0x0 protocol 18 lookup 200",
                "Restoring deleted static address 10.9.2.1/24 dev eth0 scope global set");
        monitor.poll(0);

        owned.removeStatic();
        assertThat(routes.calls().subList(routes.calls().size() - 3, routes.calls().size())).containsExactly(
                "remove rule 200", "remove route 10.31.0.0/16", "remove route 10.30.0.0/16"); // reverse order
        deliverEvents(); // our own removals: not fought
        assertThat(routes.routes()).isEmpty();
        assertThat(routes.rules()).isEmpty();
        assertThat(addresses.addresses()).isEmpty();
    }

    @Test
    void virtualRoutesAndRulesFollowMasterAndOnlyTrackedOnesAreRestored() {
        EngineInstance in = instance(config(CONF));
        owned.masterEntered("VI_1", in.virtualRoutes(), in.virtualRules());
        assertThat(routes.calls()).containsExactly("add route 10.20.0.0/16", "add route 10.21.0.0/16",
                "add rule 100");
        assertThat(log).contains("(VI_1) setting Virtual Routes", "(VI_1) setting Virtual Rules");
        assertThat(log).filteredOn(l -> l.contains("rtt 3 not applied")).hasSize(1).allMatch(l -> l.contains("Line"));
        owned.masterEntered("VI_1", in.virtualRoutes(), in.virtualRules()); // already MASTER: nothing again
        assertThat(routes.calls()).hasSize(3);

        routes.deleteExternally(routes.routes().get(1)); // 10.21/16 is no_track
        routes.deleteExternally(routes.routes().get(0));
        deliverEvents();
        assertThat(routeDestinations()).containsExactly("10.20.0.0/16");
        assertThat(log).contains("(VI_1) Restoring deleted virtual route prepend 10.20.0.0/16 via inet 10.9.0.254 dev eth0 proto 18");

        owned.masterLeft("VI_1");
        assertThat(routes.calls().subList(routes.calls().size() - 3, routes.calls().size()))
                .containsExactly("remove rule 100", "remove route 10.21.0.0/16", "remove route 10.20.0.0/16");
        assertThat(log).containsSubsequence("(VI_1) removing Virtual Rules", "(VI_1) removing Virtual Routes");
        deliverEvents();
        assertThat(routes.routes()).isEmpty();
        assertThat(routes.rules()).isEmpty();
        assertThat(log).filteredOn(l -> l.contains("rtt 3")).hasSize(1); // once per line, not per MASTER
    }

    @Test
    void reloadDiffsStaticItemsAndAMastersVirtualOnes() {
        owned.applyStatic(StaticConfig.of(config(CONF)));
        String next = CONF.replace("10.30.0.0/16 via 10.9.2.254 dev eth0", "10.32.0.0/16 via 10.9.2.254 dev eth0")
                .replace("10.20.0.0/16 via", "10.22.0.0/16 via");
        owned.reloadStatic(StaticConfig.of(config(next)));
        assertThat(log).contains("Removing route 10.30.0.0/16");
        assertThat(routeDestinations()).containsExactly("10.31.0.0/16", "10.32.0.0/16");
        assertThat(routes.calls()).doesNotContain("remove route 10.31.0.0/16", "remove rule 200");

        EngineInstance before = instance(config(CONF));
        EngineInstance after = instance(config(next));
        owned.reconfigured("VI_1", after.virtualRoutes(), after.virtualRules()); // not MASTER: nothing
        assertThat(routeDestinations()).doesNotContain("10.22.0.0/16");
        owned.masterEntered("VI_1", before.virtualRoutes(), before.virtualRules());
        owned.reconfigured("VI_1", after.virtualRoutes(), after.virtualRules());
        assertThat(routeDestinations()).contains("10.22.0.0/16", "10.21.0.0/16").doesNotContain("10.20.0.0/16");
        monitor.poll(0);
        routes.deleteExternally(routes.routes().stream().filter(r -> r.destination().equals(Vrrp.addr("10.22.0.0")))
                .findFirst().orElseThrow());
        deliverEvents();
        assertThat(routeDestinations()).contains("10.22.0.0/16");
    }

    @Test
    void withoutARouteManagerRoutesAreSkippedAndSaidOnce() {
        OwnedItems none = new OwnedItems(addresses, null, Log.to((level, detail, message) -> log.add(message)),
                name -> 2);
        StaticConfig statics = StaticConfig.of(config(CONF));
        none.applyStatic(statics);
        none.reloadStatic(statics);
        assertThat(addresses.addresses()).hasSize(1);
        assertThat(log).filteredOn(l -> l.contains("routes are not applied")).hasSize(1);
    }

    @Test
    void leftoversOfAStartingBackupGoButNothingOwnedAndOverrunReassertsAll() {
        String conf = CONF.replace("10.21.0.0/16 via 10.9.0.254 dev eth0 no_track rtt 3",
                "10.30.0.0/16 via 10.9.2.254 dev eth0");
        VrrpConfig c = config(conf);
        owned.applyStatic(StaticConfig.of(c));
        EngineInstance in = instance(c);
        int before = routes.calls().size();
        owned.removeLeftovers("VI_1", in.virtualRoutes(), in.virtualRules());
        // 10.30/16 is also a static route: kept; 10.20/16 and the rule are not there (ESRCH/ENOENT: fine)
        assertThat(routes.calls().subList(before, routes.calls().size()))
                .containsExactly("remove rule 100", "remove route 10.20.0.0/16");
        assertThat(routeDestinations()).contains("10.30.0.0/16");
        assertThat(log).contains("(VI_1) removing Virtual Rules", "(VI_1) removing Virtual Routes");
        assertThat(log).noneMatch(l -> l.startsWith("cannot"));

        owned.masterEntered("VI_1", in.virtualRoutes(), in.virtualRules());
        routes.deleteExternally(routes.routes().get(0));
        routes.deleteExternally(routes.rules().get(0));
        monitor.poll(0); // the deletions are lost (ENOBUFS)
        owned.reassert();
        assertThat(routeDestinations()).containsExactlyInAnyOrder("10.30.0.0/16", "10.31.0.0/16", "10.20.0.0/16");
        assertThat(routes.rules()).hasSize(2);
    }

    private static EngineInstance instance(VrrpConfig c) {
        var in = c.instances().get(0);
        return new EngineInstance(Vrrp.settings().build(), "eth0", 2, Vrrp.addr("224.0.0.18"),
                org.jkeepalived.vrrp.packet.V3ChecksumMode.PSEUDO_HEADER, in.virtualRoutes(), in.virtualRules());
    }

}
