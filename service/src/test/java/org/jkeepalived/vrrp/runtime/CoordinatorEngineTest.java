package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.Event.NotifyState;
import org.jkeepalived.net.FakeFrameSender;
import org.jkeepalived.net.FakeVrrpSocket;
import org.jkeepalived.net.Received;
import org.jkeepalived.net.VrrpSocketSpec;
import org.jkeepalived.netlink.FakeAddressManager;
import org.jkeepalived.netlink.FakeNetlinkMonitor;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.track.TrackerUpdate;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.TrackedPriorities.Input;
import org.jkeepalived.vrrp.TrackedPriorities.Kind;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.jkeepalived.vrrp.packet.VrrpCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tier 2: trackers, sync groups and published events on one engine with fakes and the real clock (VRRPv3,
 * 10 cs: a lone instance is MASTER about 0.35 s after it starts).
 */
class CoordinatorEngineTest {
    static final InetAddress GROUP = Vrrp.addr("224.0.0.18");
    static final InetAddress SELF = Vrrp.addr("10.0.0.1");
    static final InetAddress PEER = Vrrp.addr("10.0.0.9");
    static final int UP = Link.IFF_UP | Link.IFF_RUNNING;

    private final FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
    private final FakeAddressManager addresses = new FakeAddressManager(monitor);
    private final Map<VrrpSocketSpec, FakeVrrpSocket> sockets = new ConcurrentHashMap<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private VrrpEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop();
        }
    }

    static EngineInstance instance(String name, int vrid, int priority) {
        InetAddress vip = Vrrp.addr("10.0.0." + (100 + vrid));
        return new EngineInstance(RouterSettings.builder(name, vrid, SELF).version(3).priority(priority)
                .advertIntervalCentis(10).addresses(List.of(vip), List.of(Vrrp.vip(vip))).build(), "eth0", 2, GROUP,
                V3ChecksumMode.PSEUDO_HEADER);
    }

    static Event.Target target(String name, boolean priorityChanges) {
        return new Event.Target(Event.TargetType.INSTANCE, name, NotifyScripts.none(), false, priorityChanges);
    }

    private VrrpEngine engine(List<EngineInstance> instances, TrackingPlan plan) throws Exception {
        addresses.putLink(new Link(2, "eth0", UP, new byte[] {2, 0, 0, 0, 0, 1}));
        addresses.putLink(new Link(3, "eth1", UP, new byte[] {2, 0, 0, 0, 0, 2}));
        addresses.putLink(new Link(4, "eth2", UP, new byte[] {2, 0, 0, 0, 0, 3}));
        engine = new VrrpEngine(instances, StaticConfig.NONE, VrrpEngine.Resolver.NONE,
                new EnginePorts(spec -> sockets.computeIfAbsent(spec, s -> new FakeVrrpSocket(s.source(), s.ifIndex())),
                        i -> new FakeFrameSender(), addresses, monitor), System::nanoTime,
                Log.to((level, detail, message) -> { }));
        engine.coordinate(plan, events::add);
        engine.start();
        return engine;
    }

    private VrrpState state(String name) {
        return engine.states().get(name);
    }

    /** The notify lines published so far, keepalived's way: {@code TYPE NAME STATE PRIORITY}. */
    private List<String> notifies() {
        return events.stream().filter(e -> e instanceof Event.VrrpStateChanged).map(e -> (Event.VrrpStateChanged) e)
                .map(e -> e.target().type() + " " + e.target().name() + " " + e.state() + " " + e.priority()).toList();
    }

    private List<Integer> sentPriorities(int vrid) {
        return sockets.values().stream().flatMap(sk -> sk.sent().stream())
                .map(sent -> VrrpCodec.decodeIpv4Message(sent.bytes(), (java.net.Inet4Address) SELF,
                        (java.net.Inet4Address) GROUP, 255, V3ChecksumMode.PSEUDO_HEADER))
                .filter(d -> d instanceof org.jkeepalived.vrrp.packet.DecodeResult.Advert a && a.advert().vrid() == vrid)
                .map(d -> ((org.jkeepalived.vrrp.packet.DecodeResult.Advert) d).advert().priority()).toList();
    }

    @Test
    void anInstanceWaitsInInitForItsScriptThenFollowsIt() throws Exception {
        TrackingPlan plan = new TrackingPlan(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", 0, false))),
                Map.of(), Map.of("VI_1", target("VI_1", false)), List.of());
        engine(List.of(instance("VI_1", 1, 100)), plan);
        Thread.sleep(600);
        assertThat(state("VI_1")).as("no result from chk yet").isEqualTo(VrrpState.INIT);
        engine.tracked(TrackerUpdate.script("chk", TrackerUpdate.Status.UP));
        await("MASTER", 2_000, () -> state("VI_1") == VrrpState.MASTER);
        engine.tracked(TrackerUpdate.script("chk", TrackerUpdate.Status.DOWN));
        await("FAULT published", 1_000, () -> notifies().contains("INSTANCE VI_1 FAULT 100"));
        assertThat(notifies()).containsExactly("INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100",
                "INSTANCE VI_1 FAULT 100");
        assertThat(events).anyMatch(e -> e instanceof Event.TrackerChanged t && t.name().equals("chk") && !t.up());
    }

    @Test
    void weightedTrackersMoveThePriorityAndPublishPriorityChanges() throws Exception {
        TrackingPlan plan = new TrackingPlan(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", -20, false),
                new Input(Kind.FILE, "f", 3, false))), Map.of(), Map.of("VI_1", target("VI_1", true)), List.of());
        engine(List.of(instance("VI_1", 1, 100)), plan);
        engine.tracked(TrackerUpdate.script("chk", TrackerUpdate.Status.UP));
        await("MASTER", 2_000, () -> state("VI_1") == VrrpState.MASTER);
        engine.tracked(TrackerUpdate.script("chk", TrackerUpdate.Status.DOWN));
        engine.tracked(TrackerUpdate.file("f", 5));
        await("priority 95", 1_000, () -> events.stream().anyMatch(e -> e instanceof Event.VrrpPriorityChanged p
                && p.priority() == 95));
        assertThat(events.stream().filter(e -> e instanceof Event.VrrpPriorityChanged)
                .map(e -> ((Event.VrrpPriorityChanged) e).state() + " " + ((Event.VrrpPriorityChanged) e).priority()))
                .containsExactly("MASTER 80", "MASTER 95");
        assertThat(state("VI_1")).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void aReloadKeepsTrackerStatesAndAppliesTheNewWeights() throws Exception {
        TrackingPlan before = new TrackingPlan(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", -20, false))),
                Map.of(), Map.of("VI_1", target("VI_1", false)), List.of());
        EngineInstance vi1 = instance("VI_1", 1, 100);
        engine(List.of(vi1), before);
        engine.tracked(TrackerUpdate.script("chk", TrackerUpdate.Status.DOWN));
        await("priority 80", 2_000, () -> engine.status().get(0).effectivePriority() == 80);
        TrackingPlan after = new TrackingPlan(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", -40, false))),
                Map.of(), Map.of("VI_1", target("VI_1", false)), List.of());
        assertThat(engine.reload(List.of(vi1), StaticConfig.NONE, VrrpEngine.Resolver.NONE, after)).isTrue();
        assertThat(engine.status().get(0).effectivePriority()).as("chk is still down, now weighing -40").isEqualTo(60);
    }

    private static TrackingPlan group(Input extraOnVi1) {
        return new TrackingPlan(Map.of("VI_1", extraOnVi1 == null ? List.of() : List.of(extraOnVi1), "VI_2", List.of()),
                Map.of(), Map.of("VI_1", target("VI_1", false), "VI_2", target("VI_2", false)),
                List.of(new TrackingPlan.Group("G1", List.of("VI_1", "VI_2"),
                        new Event.Target(Event.TargetType.GROUP, "G1", NotifyScripts.none(), false, false))));
    }

    @Test
    void aSyncGroupGoesFaultWithOneMemberAndComesBackTogether() throws Exception {
        engine(List.of(instance("VI_1", 1, 100), instance("VI_2", 2, 100)),
                group(new Input(Kind.INTERFACE, "eth1", 0, false)));
        await("both MASTER", 2_000, () -> state("VI_1") == VrrpState.MASTER && state("VI_2") == VrrpState.MASTER);
        monitor.post(new NetlinkEvent.LinkDown(3, "eth1"));
        await("both FAULT", 1_000, () -> state("VI_1") == VrrpState.FAULT && state("VI_2") == VrrpState.FAULT);
        monitor.post(new NetlinkEvent.LinkUp(3, "eth1"));
        // The states map moves before the loop publishes the events: wait for the group's second MASTER.
        await("group MASTER again", 2_000, () -> notifies().stream().filter("GROUP G1 MASTER 0"::equals).count() == 2);
        // keepalived 2.2.7's FIFO order for the same events (observed): the group's first state before its
        // members'; then the member that moved, the members it took along, and the group last. Which member's
        // timer expires first is a race, so the MASTER pairs are compared as sets.
        List<String> n = notifies();
        assertThat(n.subList(0, 3)).containsExactly("GROUP G1 BACKUP 0", "INSTANCE VI_1 BACKUP 100",
                "INSTANCE VI_2 BACKUP 100");
        assertThat(n.subList(3, 5)).containsExactlyInAnyOrder("INSTANCE VI_1 MASTER 100", "INSTANCE VI_2 MASTER 100");
        assertThat(n.subList(5, 12)).containsExactly("GROUP G1 MASTER 0", "INSTANCE VI_1 FAULT 100",
                "INSTANCE VI_2 FAULT 100", "GROUP G1 FAULT 0", "INSTANCE VI_1 BACKUP 100", "INSTANCE VI_2 BACKUP 100",
                "GROUP G1 BACKUP 0");
        assertThat(n.subList(12, 14)).containsExactlyInAnyOrder("INSTANCE VI_1 MASTER 100",
                "INSTANCE VI_2 MASTER 100");
        assertThat(n.subList(14, n.size())).containsExactly("GROUP G1 MASTER 0");
        // Only the member with the fault of its own resigned with priority 0 (keepalived, observed).
        assertThat(sentPriorities(1)).contains(0);
        assertThat(sentPriorities(2)).doesNotContain(0);
    }

    @Test
    void theGroupStaysInFaultWhileAnyMemberHasAFaultOfItsOwn() throws Exception {
        TrackingPlan plan = new TrackingPlan(Map.of("VI_1", List.of(new Input(Kind.INTERFACE, "eth1", 0, false)),
                "VI_2", List.of(new Input(Kind.INTERFACE, "eth2", 0, false))), Map.of(),
                Map.of("VI_1", target("VI_1", false), "VI_2", target("VI_2", false)),
                List.of(new TrackingPlan.Group("G1", List.of("VI_1", "VI_2"),
                        new Event.Target(Event.TargetType.GROUP, "G1", NotifyScripts.none(), false, false))));
        engine(List.of(instance("VI_1", 1, 100), instance("VI_2", 2, 100)), plan);
        await("both MASTER", 2_000, () -> state("VI_1") == VrrpState.MASTER && state("VI_2") == VrrpState.MASTER);
        monitor.post(new NetlinkEvent.LinkDown(3, "eth1"));
        await("both FAULT", 1_000, () -> state("VI_1") == VrrpState.FAULT && state("VI_2") == VrrpState.FAULT);
        monitor.post(new NetlinkEvent.LinkDown(4, "eth2")); // VI_2, in FAULT for the group, now has its own fault
        Thread.sleep(200);
        int before = notifies().size();
        monitor.post(new NetlinkEvent.LinkUp(3, "eth1")); // VI_1 recovers, VI_2 still has its fault
        Thread.sleep(500);
        assertThat(state("VI_1")).isEqualTo(VrrpState.FAULT);
        assertThat(notifies().subList(before, notifies().size())).as("no flap through BACKUP").isEmpty();
        monitor.post(new NetlinkEvent.LinkUp(4, "eth2"));
        await("both MASTER again", 2_000, () -> state("VI_1") == VrrpState.MASTER
                && state("VI_2") == VrrpState.MASTER);
    }

    @Test
    void aHigherMasterOnOneVridTakesTheWholeGroupToBackup() throws Exception {
        engine(List.of(instance("VI_1", 1, 100), instance("VI_2", 2, 100)), group(null));
        await("both MASTER", 2_000, () -> state("VI_1") == VrrpState.MASTER && state("VI_2") == VrrpState.MASTER);
        VrrpAdvert higher = new VrrpAdvert(3, 1, 200, 10, 0, new byte[0], List.of(Vrrp.addr("10.0.0.101")), 0);
        byte[] bytes = VrrpCodec.encode(higher, PEER, GROUP, V3ChecksumMode.PSEUDO_HEADER);
        FakeVrrpSocket socket = sockets.values().iterator().next();
        socket.deliver(new Received(bytes, PEER, GROUP, 255, 2));
        await("both BACKUP", 1_000, () -> state("VI_1") == VrrpState.BACKUP && state("VI_2") == VrrpState.BACKUP);
        // With the peer still master of VRID 1, VI_2 alone must not take MASTER back: the group waits.
        for (int i = 0; i < 12; i++) {
            socket.deliver(new Received(bytes, PEER, GROUP, 255, 2));
            Thread.sleep(100);
        }
        assertThat(state("VI_2")).isEqualTo(VrrpState.BACKUP);
        assertThat(state("VI_1")).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aRemovedInstanceIsReportedFaultOrDeleted() throws Exception {
        TrackingPlan plan = new TrackingPlan(Map.of(), Map.of(), Map.of("VI_1", target("VI_1", false),
                "VI_2", new Event.Target(Event.TargetType.INSTANCE, "VI_2",
                        new NotifyScripts(null, null, null, null, null, null, null, true), false, false)),
                List.of());
        engine(List.of(instance("VI_1", 1, 100), instance("VI_2", 2, 100)), plan);
        await("both MASTER", 2_000, () -> state("VI_1") == VrrpState.MASTER && state("VI_2") == VrrpState.MASTER);
        assertThat(engine.reload(List.of(), StaticConfig.NONE, VrrpEngine.Resolver.NONE, TrackingPlan.NONE)).isTrue();
        assertThat(notifies()).contains("INSTANCE VI_1 FAULT 100", "INSTANCE VI_2 DELETED 100")
                .doesNotContain("INSTANCE VI_1 STOP 100", "INSTANCE VI_2 STOP 100");
    }
}
