package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.net.FakeFrameSender;
import org.jkeepalived.net.FakeVrrpSocket;
import org.jkeepalived.net.VrrpSocketSpec;
import org.jkeepalived.netlink.FakeAddressManager;
import org.jkeepalived.netlink.FakeNetlinkMonitor;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DecodeResult;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.jkeepalived.vrrp.packet.VrrpCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tier 2: reload (SIGHUP) and unusable instances on one engine with fakes and the real clock. VRRPv3,
 * 10 cs: a lone instance is MASTER about 0.35 s after start.
 */
class VrrpEngineReloadTest {
    static final InetAddress GROUP = Vrrp.addr("224.0.0.18");
    static final InetAddress SELF = Vrrp.addr("10.0.0.1");
    static final InetAddress VIP2 = Vrrp.addr("10.0.0.102");
    static final int UP = Link.IFF_UP | Link.IFF_RUNNING;

    private final FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
    private final FakeAddressManager addresses = new FakeAddressManager(monitor);
    private final FakeFrameSender frames = new FakeFrameSender();
    private final Map<VrrpSocketSpec, FakeVrrpSocket> sockets = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private VrrpEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop();
        }
    }

    static RouterSettings.Builder settings(String name, int vrid, int priority, InetAddress... vips) {
        return RouterSettings.builder(name, vrid, SELF).version(3).priority(priority).advertIntervalCentis(10)
                .addresses(List.of(vips), java.util.Arrays.stream(vips).map(Vrrp::vip).toList());
    }

    static EngineInstance instance(RouterSettings s) {
        return new EngineInstance(s, "eth0", 2, GROUP, V3ChecksumMode.PSEUDO_HEADER);
    }

    private VrrpEngine engine(List<EngineInstance> instances, VrrpEngine.Resolver resolver) {
        addresses.putLink(new Link(2, "eth0", UP, new byte[] {2, 0, 0, 0, 0, 1}));
        engine = new VrrpEngine(instances, StaticConfig.NONE, resolver,
                new EnginePorts(spec -> sockets.computeIfAbsent(spec, s -> new FakeVrrpSocket(s.source(), s.ifIndex())),
                        i -> frames, addresses, monitor), System::nanoTime,
                Log.to((level, detail, message) -> log.add(message)));
        return engine;
    }

    private boolean has(InetAddress a) {
        return addresses.addresses().stream().anyMatch(x -> x.address().equals(a));
    }

    /** The priorities of the adverts sent for {@code vrid} so far, in order. */
    private List<Integer> priorities(int vrid) {
        return sockets.values().stream().flatMap(s -> s.sent().stream()).map(sent -> VrrpCodec.decodeIpv4Message(
                        sent.bytes(), (java.net.Inet4Address) SELF, (java.net.Inet4Address) GROUP, 255,
                        V3ChecksumMode.PSEUDO_HEADER))
                .filter(d -> d instanceof DecodeResult.Advert a && a.advert().vrid() == vrid)
                .map(d -> ((DecodeResult.Advert) d).advert().priority()).toList();
    }

    @Test
    void aKeptMasterKeepsItsStateAndItsVipWhileTheDifferenceMoves() throws Exception {
        engine(List.of(instance(settings("VI_1", 1, 150, Vrrp.VIP).build())), VrrpEngine.Resolver.NONE).start();
        await("VI_1 MASTER with its VIP", 3_000, () -> engine.states().get("VI_1") == VrrpState.MASTER && has(Vrrp.VIP));
        int logged = log.size();

        // Same VRID, family, interface and mode, so the same instance: new name, priority and second VIP.
        assertThat(engine.reload(List.of(instance(settings("VI_one", 1, 120, Vrrp.VIP, VIP2).build())),
                StaticConfig.NONE, VrrpEngine.Resolver.NONE)).isTrue();
        await("the new VIP", 1_000, () -> has(VIP2));
        await("an advert at the new priority", 1_000, () -> priorities(1).contains(120));
        assertThat(engine.states()).containsExactly(Map.entry("VI_one", VrrpState.MASTER));
        List<String> after = log.subList(logged, log.size());
        assertThat(after).noneMatch(l -> l.contains("Entering") || l.contains("removing VIPs"));
        assertThat(has(Vrrp.VIP)).isTrue();
        assertThat(sockets).hasSize(1); // the same socket
        var status = engine.status();
        assertThat(status).singleElement().satisfies(st -> {
            assertThat(st.name()).isEqualTo("VI_one");
            assertThat(st.effectivePriority()).isEqualTo(120);
            assertThat(st.becomeMaster()).isEqualTo(1); // counters survive the reload
            assertThat(st.advertsSent()).isGreaterThan(1);
        });
    }

    @Test
    void aRemovedInstanceResignsAndANewOneStarts() throws Exception {
        engine(List.of(instance(settings("VI_1", 1, 150, Vrrp.VIP).build())), VrrpEngine.Resolver.NONE).start();
        await("VI_1 MASTER with its VIP", 3_000, () -> engine.states().get("VI_1") == VrrpState.MASTER && has(Vrrp.VIP));

        assertThat(engine.reload(List.of(instance(settings("VI_2", 2, 100, VIP2).build())), StaticConfig.NONE,
                VrrpEngine.Resolver.NONE)).isTrue();
        assertThat(priorities(1)).last().isEqualTo(0); // RFC 5798 §6.4.3: the removed master resigns
        assertThat(has(Vrrp.VIP)).isFalse();
        await("VI_2 MASTER with its VIP", 3_000, () -> engine.states().get("VI_2") == VrrpState.MASTER && has(VIP2));
        assertThat(engine.states()).containsOnlyKeys("VI_2");
        assertThat(has(VIP2)).isTrue();
        assertThat(log).contains("(VI_1) removed by the reload - stopping", "(VI_2) added by the reload - starting");
    }

    @Test
    void anUnusableInstanceIsInFaultUntilItsInterfaceAppears() throws Exception {
        RouterSettings s = settings("VI_1", 1, 150, Vrrp.VIP).build();
        RouterSettings wildcard = RouterSettings.builder("VI_1", 1, Vrrp.addr("0.0.0.0")).version(3).priority(150)
                .advertIntervalCentis(10).addresses(List.of(Vrrp.VIP), List.of(Vrrp.vip(Vrrp.VIP))).build();
        EngineInstance unusable = new EngineInstance(wildcard, "eth1", 0, GROUP, V3ChecksumMode.PSEUDO_HEADER,
                List.of(), List.of(), "interface eth1 doesn't exist");
        EngineInstance usable = new EngineInstance(s, "eth1", 3, GROUP,
                V3ChecksumMode.PSEUDO_HEADER);
        VrrpEngine.Resolver resolver = current -> addresses.links().stream().anyMatch(l -> l.name().equals("eth1"))
                ? usable : current;
        engine(List.of(unusable), resolver).start();
        await("FAULT", 1_000, () -> engine.states().get("VI_1") == VrrpState.FAULT);
        Thread.sleep(500); // no socket, no adverts, no VIP
        assertThat(engine.states().get("VI_1")).isEqualTo(VrrpState.FAULT);
        assertThat(sockets).isEmpty();
        assertThat(has(Vrrp.VIP)).isFalse();

        addresses.putLink(new Link(3, "eth1", UP, new byte[] {2, 0, 0, 0, 0, 3})); // posts LinkUp
        await("MASTER once eth1 exists", 3_000, () -> engine.states().get("VI_1") == VrrpState.MASTER);
        assertThat(sockets.keySet()).extracting(VrrpSocketSpec::ifName).containsExactly("eth1");
        assertThat(log).contains("(VI_1) Entering FAULT STATE", "(VI_1) Entering MASTER STATE");
    }

    @Test
    void everyVrrpThreadIsTunedAsItStarts() throws Exception {
        List<String> tuned = new CopyOnWriteArrayList<>();
        VrrpEngine e = engine(List.of(instance(settings("VI_1", 1, 150, Vrrp.VIP).build())), VrrpEngine.Resolver.NONE);
        e.tuneThreadsWith(tuned::add);
        e.start();
        await("three threads tuned", 2_000, () -> tuned.size() == 3);
        assertThat(tuned).containsExactlyInAnyOrder("vrrp", "vrrp-rx-eth0-10.0.0.1", "vrrp-netlink");
    }

    @Test
    void losingTheSourceAddressIsFaultUntilOneComesBack() throws Exception {
        EngineInstance usable = instance(settings("VI_1", 1, 150, Vrrp.VIP).build());
        RouterSettings wildcard = RouterSettings.builder("VI_1", 1, Vrrp.addr("0.0.0.0")).version(3).priority(150)
                .advertIntervalCentis(10).addresses(List.of(Vrrp.VIP), List.of(Vrrp.vip(Vrrp.VIP))).build();
        EngineInstance unusable = new EngineInstance(wildcard, "eth0", 2, GROUP, V3ChecksumMode.PSEUDO_HEADER,
                List.of(), List.of(), "no IPv4 address for interface");
        java.util.concurrent.atomic.AtomicBoolean hasSource = new java.util.concurrent.atomic.AtomicBoolean(true);
        engine(List.of(usable), current -> hasSource.get() ? usable : unusable).start();
        await("MASTER with its VIP", 3_000, () -> engine.states().get("VI_1") == VrrpState.MASTER && has(Vrrp.VIP));

        hasSource.set(false);
        monitor.post(new org.jkeepalived.netlink.NetlinkEvent.AddressRemoved(2, SELF, 24));
        await("FAULT", 2_000, () -> engine.states().get("VI_1") == VrrpState.FAULT);
        assertThat(priorities(1)).last().isEqualTo(0); // the MASTER resigned first
        assertThat(has(Vrrp.VIP)).isFalse();

        hasSource.set(true);
        monitor.post(new org.jkeepalived.netlink.NetlinkEvent.AddressAdded(2, SELF, 24));
        await("MASTER again", 3_000, () -> engine.states().get("VI_1") == VrrpState.MASTER);
    }
}
