package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.net.FakeFrameSender;
import org.jkeepalived.net.FakeVrrpSocket;
import org.jkeepalived.netlink.AddressSpec;
import org.jkeepalived.netlink.FakeAddressManager;
import org.jkeepalived.netlink.FakeNetlinkMonitor;
import org.jkeepalived.netlink.FakeRouteManager;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tier 2: one engine on the fakes, real loop thread and clock: static items for its whole life, virtual
 * routes and rules only while MASTER, and deletions by someone else repaired.
 */
class OwnedEngineTest {
    private static final int IFINDEX = 2;
    private final FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
    private final FakeAddressManager addresses = new FakeAddressManager(monitor)
            .putLink(new Link(IFINDEX, "eth0", Link.IFF_UP | Link.IFF_RUNNING, new byte[] {2, 0, 0, 0, 0, 1}));
    private final FakeRouteManager routes = new FakeRouteManager(monitor);
    private final List<String> log = new CopyOnWriteArrayList<>();
    private VrrpEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop();
        }
    }

    private static final String CONF = """
            static_ipaddress {
              10.9.2.1/24 dev eth0
            }
            static_routes {
              10.30.0.0/16 via 10.9.2.254 dev eth0
            }
            vrrp_instance VI_1 {
              interface eth0
              virtual_router_id 51
              priority 150
              advert_int 1
              virtual_ipaddress {
                10.9.0.100/24
              }
              virtual_routes {
                10.20.0.0/16 via 10.9.0.254 dev eth0
              }
              virtual_rules {
                from 10.9.0.100/32 table 100 priority 100
              }
            }
            """;

    private void start(int priority) throws Exception {
        VrrpConfig c = ConfigFixture.load(CONF, new FakeSystemView().withInterface("eth0")).config().vrrp();
        VrrpInstance vi = c.instances().get(0);
        RouterSettings settings = RouterSettings.builder("VI_1", 51, Vrrp.addr("10.9.0.1")).version(3)
                .priority(priority).advertIntervalCentis(10)
                .addresses(List.of(Vrrp.addr("10.9.0.100")), vi.virtualIpaddresses()).build();
        EngineInstance in = new EngineInstance(settings, "eth0", IFINDEX, Vrrp.addr("224.0.0.18"),
                V3ChecksumMode.PSEUDO_HEADER, vi.virtualRoutes(), vi.virtualRules());
        FakeVrrpSocket socket = new FakeVrrpSocket(Vrrp.addr("10.9.0.1"), IFINDEX);
        FakeFrameSender frames = new FakeFrameSender();
        engine = new VrrpEngine(List.of(in), StaticConfig.of(c),
                new EnginePorts(spec -> socket, i -> frames, addresses, monitor, routes), System::nanoTime,
                Log.to((level, detail, message) -> log.add(message)));
        engine.start();
    }

    private boolean hasAddress(String a) {
        return addresses.addresses().stream().anyMatch(x -> x.address().getHostAddress().equals(a));
    }

    private boolean hasRoute(String dst) {
        return routes.routes().stream().anyMatch(r -> r.destination().getHostAddress().equals(dst));
    }

    @Test
    void masterOwnsItsRoutesAndRulesStaticsLiveWithTheEngineAndDeletionsAreRepaired() throws Exception {
        start(150);
        await("static address and route", 5_000, () -> hasAddress("10.9.2.1") && hasRoute("10.30.0.0"));
        assertThat(hasRoute("10.20.0.0")).isFalse(); // BACKUP (init) first
        await("MASTER", 5_000, () -> engine.states().get("VI_1") == VrrpState.MASTER && hasRoute("10.20.0.0")
                && routes.rules().size() == 1);
        assertThat(log).containsSubsequence("(VI_1) setting VIPs.", "(VI_1) setting Virtual Routes",
                "(VI_1) setting Virtual Rules");

        AddressSpec vip = addresses.addresses().stream().filter(a -> a.address().equals(Vrrp.addr("10.9.0.100")))
                .findFirst().orElseThrow();
        addresses.remove(vip); // as "ip addr del" would
        routes.deleteExternally(routes.routes().stream().filter(r -> r.destination().equals(Vrrp.addr("10.20.0.0")))
                .findFirst().orElseThrow());
        routes.deleteExternally(routes.rules().get(0));
        routes.deleteExternally(routes.routes().stream().filter(r -> r.destination().equals(Vrrp.addr("10.30.0.0")))
                .findFirst().orElseThrow());
        await("restored", 5_000, () -> hasAddress("10.9.0.100") && hasRoute("10.20.0.0") && hasRoute("10.30.0.0")
                && routes.rules().size() == 1);
        assertThat(log).contains("Netlink reflector reports IP 10.9.0.100 removed from eth0",
                "Restoring deleted static route prepend 10.30.0.0/16 via inet 10.9.2.254 dev eth0 proto 18");

        engine.stop();
        engine = null;
        assertThat(routes.routes()).isEmpty();
        assertThat(routes.rules()).isEmpty();
        assertThat(addresses.addresses()).isEmpty();
        assertThat(log).containsSubsequence("(VI_1) removing Virtual Rules", "(VI_1) removing Virtual Routes",
                "(VI_1) removing VIPs.");
        List<String> calls = routes.calls();
        assertThat(calls.subList(calls.size() - 3, calls.size())).containsExactly("remove rule 100",
                "remove route 10.20.0.0/16", "remove route 10.30.0.0/16");
    }
}
