package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.testsupport.Await.await;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.net.FakeFrameSender;
import org.jkeepalived.net.FakeVrrpSocket;
import org.jkeepalived.net.Received;
import org.jkeepalived.netlink.FakeAddressManager;
import org.jkeepalived.netlink.FakeNetlinkMonitor;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DecodeResult;
import org.jkeepalived.vrrp.packet.GratuitousArp;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.jkeepalived.vrrp.packet.VrrpCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tier 2: engines with real threads and the real clock, joined by linked {@link FakeVrrpSocket}s. VRRPv3
 * with a 10 cs interval keeps elections well under a second (Master_Down_Interval 0.3 s + skew).
 */
class VrrpEngineTest {
    static final InetAddress GROUP = Vrrp.addr("224.0.0.18");
    static final int IFINDEX = 2;
    static final int UP = Link.IFF_UP | Link.IFF_RUNNING;

    /** One side: engine, its fakes and its log lines. */
    static final class Node {
        final FakeVrrpSocket socket;
        final FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
        final FakeAddressManager addresses = new FakeAddressManager(monitor);
        final FakeFrameSender frames = new FakeFrameSender();
        final List<String> log = new CopyOnWriteArrayList<>();
        final VrrpEngine engine;
        final byte[] mac;

        Node(String address, int priority, int lastMacByte) {
            mac = new byte[] {2, 0, 0, 0, 0, (byte) lastMacByte};
            addresses.putLink(new Link(IFINDEX, "eth0", UP, mac));
            socket = new FakeVrrpSocket(Vrrp.addr(address), IFINDEX);
            RouterSettings settings = RouterSettings.builder("VI_1", 1, Vrrp.addr(address)).version(3)
                    .priority(priority).advertIntervalCentis(10)
                    .addresses(List.of(Vrrp.VIP), List.of(Vrrp.vip(Vrrp.VIP))).build();
            EngineInstance in = new EngineInstance(settings, "eth0", IFINDEX, GROUP, V3ChecksumMode.PSEUDO_HEADER);
            engine = new VrrpEngine(List.of(in), new EnginePorts(spec -> socket, i -> frames, addresses, monitor),
                    System::nanoTime, Log.to((level, detail, message) -> log.add(message)));
        }

        VrrpState state() {
            return engine.states().get("VI_1");
        }

        boolean hasVip() {
            return addresses.addresses().stream().anyMatch(a -> a.address().equals(Vrrp.VIP));
        }
    }

    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        nodes.forEach(n -> n.engine.stop());
    }

    private Node node(String address, int priority, int mac) {
        Node n = new Node(address, priority, mac);
        nodes.add(n);
        return n;
    }

    @Test
    void higherPriorityBecomesMasterAddsItsVipAndTheOtherStaysBackup() throws Exception {
        Node a = node("10.0.0.1", 150, 1);
        Node b = node("10.0.0.2", 100, 2);
        FakeVrrpSocket.link(a.socket, b.socket);
        a.engine.start();
        b.engine.start();

        await("A MASTER with its VIP", 3_000, () -> a.state() == VrrpState.MASTER && a.hasVip());
        assertThat(a.hasVip()).isTrue();
        assertThat(a.log).contains("(VI_1) Entering BACKUP STATE (init)", "(VI_1) Entering MASTER STATE",
                "(VI_1) setting VIPs.");
        // Gratuitous ARPs for the VIP with our MAC (5 at once by default).
        await("5 gratuitous ARPs", 1_000, () -> a.frames.frames().size() >= 5);
        assertThat(GratuitousArp.parse(a.frames.frames().get(0)))
                .contains(new GratuitousArp(a.mac, (java.net.Inet4Address) Vrrp.VIP));
        // Adverts go to the group, v3, priority 150, checksum valid over the pseudo-header.
        FakeVrrpSocket.Sent sent = a.socket.sent().get(a.socket.sent().size() - 1);
        assertThat(sent.dst()).isEqualTo(GROUP);
        DecodeResult d = VrrpCodec.decodeIpv4Message(sent.bytes(), (java.net.Inet4Address) Vrrp.addr("10.0.0.1"),
                (java.net.Inet4Address) GROUP, 255, V3ChecksumMode.PSEUDO_HEADER);
        assertThat(d).isInstanceOfSatisfying(DecodeResult.Advert.class,
                ad -> assertThat(ad.advert().priority()).isEqualTo(150));

        Thread.sleep(600); // two Master_Down_Intervals: B must not have taken over meanwhile
        assertThat(b.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(b.hasVip()).isFalse();
        assertThat(a.state()).isEqualTo(VrrpState.MASTER);
        assertThat(a.engine.inboxOverflows()).isZero();
    }

    @Test
    void stoppingTheMasterSendsPriorityZeroRemovesItsVipAndTheBackupTakesOver() throws Exception {
        Node a = node("10.0.0.1", 150, 1);
        Node b = node("10.0.0.2", 100, 2);
        FakeVrrpSocket.link(a.socket, b.socket);
        a.engine.start();
        b.engine.start();
        await("A MASTER, B BACKUP", 3_000,
                () -> a.state() == VrrpState.MASTER && b.state() == VrrpState.BACKUP);

        long t0 = System.nanoTime();
        a.engine.stop();
        assertThat(a.hasVip()).isFalse();
        assertThat(a.socket.isClosed()).isTrue();
        List<FakeVrrpSocket.Sent> sent = a.socket.sent();
        assertThat(sent.get(sent.size() - 1).bytes()[2]).isZero(); // priority 0 (RFC 5798 §6.4.3)
        assertThat(a.log).contains("(VI_1) removing VIPs.");

        // Priority 0 received: B's down timer becomes Skew_Time (~0.06 s for priority 100 at 10 cs).
        await("B MASTER with its VIP", 1_000, () -> b.state() == VrrpState.MASTER && b.hasVip());
        assertThat(System.nanoTime() - t0).isLessThan(500_000_000L);
        assertThat(b.hasVip()).isTrue();
    }

    @Test
    void statsClearAnswersTheCountersAsTheyWereAndRestartsThem() throws Exception {
        Node a = node("10.0.0.1", 150, 1);
        a.engine.start();
        await("MASTER", 3_000, () -> a.state() == VrrpState.MASTER);
        long before = System.nanoTime();
        List<org.jkeepalived.vrrp.InstanceStatus> was = a.engine.clearStats();
        assertThat(was).singleElement().satisfies(s -> {
            assertThat(s.becomeMaster()).isEqualTo(1);
            assertThat(s.advertsSent()).isPositive();
            assertThat(s.statsClearedNanos()).isEqualTo(org.jkeepalived.vrrp.InstanceStatus.NEVER);
        });
        org.jkeepalived.vrrp.InstanceStatus now = a.engine.status().get(0);
        assertThat(now.becomeMaster()).isZero();
        assertThat(now.statsClearedNanos()).isGreaterThanOrEqualTo(before);
        assertThat(now.state()).isEqualTo(VrrpState.MASTER);
        a.engine.stop();
        assertThat(a.engine.clearStats()).as("a stopped engine answers nothing").isEmpty();
    }

    @Test
    void linkDownIsFaultAndLinkUpComesBack() throws Exception {
        Node a = node("10.0.0.1", 150, 1);
        a.engine.start();
        await("MASTER", 3_000, () -> a.state() == VrrpState.MASTER);

        a.addresses.putLink(new Link(IFINDEX, "eth0", Link.IFF_UP, a.mac)); // not RUNNING: down
        await("FAULT", 1_000, () -> a.state() == VrrpState.FAULT);
        assertThat(a.hasVip()).isFalse();
        assertThat(a.log).contains("(VI_1) Entering FAULT STATE");

        a.addresses.putLink(new Link(IFINDEX, "eth0", UP, a.mac));
        await("MASTER again with its VIP", 3_000, () -> a.state() == VrrpState.MASTER && a.hasVip());
        assertThat(a.hasVip()).isTrue();
    }

    @Test
    void aDownLinkAtStartIsFault() throws Exception {
        Node a = node("10.0.0.1", 150, 1);
        a.addresses.putLink(new Link(IFINDEX, "eth0", 0, a.mac));
        a.engine.start();
        await("FAULT", 1_000, () -> a.state() == VrrpState.FAULT);
    }

    @Test
    void badPacketsAreNamedDropsLoggedOnceAndOtherVridsIgnored() throws Exception {
        Node a = node("10.0.0.1", 100, 1);
        a.engine.start();
        byte[] good = VrrpCodec.encode(Vrrp.advert(3, 200, 10), Vrrp.addr("10.0.0.9"), GROUP,
                V3ChecksumMode.PSEUDO_HEADER);
        byte[] bad = good.clone();
        bad[7] ^= 1;
        byte[] otherVrid = good.clone();
        otherVrid[1] = 7;
        for (int i = 0; i < 3; i++) {
            a.socket.deliver(new Received(bad, Vrrp.addr("10.0.0.9"), GROUP, 255, IFINDEX));
        }
        a.socket.deliver(new Received(otherVrid, Vrrp.addr("10.0.0.9"), GROUP, 255, IFINDEX));
        await("unknown VRID counted", 1_000, () -> a.engine.unknownVridDrops() == 1);
        assertThat(a.log.stream().filter(l -> l.contains("bad checksum"))).hasSize(1);
        // A valid higher-priority advert keeps us BACKUP.
        for (int i = 0; i < 10; i++) {
            a.socket.deliver(new Received(good, Vrrp.addr("10.0.0.9"), GROUP, 255, IFINDEX));
            Thread.sleep(50);
        }
        assertThat(a.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aManagementSetOfTheBasePriorityPreemptsAtOnceAndIsReportedAsPreempted() throws Exception {
        Node a = node("10.0.0.1", 150, 1);
        Node b = node("10.0.0.2", 100, 2);
        FakeVrrpSocket.link(a.socket, b.socket);
        a.engine.start();
        b.engine.start();
        await("A MASTER, B BACKUP", 3_000, () -> a.state() == VrrpState.MASTER && b.state() == VrrpState.BACKUP);
        assertThat(a.engine.status().get(0).newMasterReason())
                .isEqualTo(org.jkeepalived.vrrp.NewMasterReason.MASTER_NO_RESPONSE);

        assertThat(b.engine.adjust("VI_1", 200, null)).isTrue();
        await("B MASTER after its SET", 2_000, () -> b.state() == VrrpState.MASTER && a.state() == VrrpState.BACKUP);
        var status = b.engine.status().get(0);
        assertThat(status.basePriority()).isEqualTo(200);
        assertThat(status.effectivePriority()).isEqualTo(200);
        assertThat(status.newMasterReason()).isEqualTo(org.jkeepalived.vrrp.NewMasterReason.PREEMPTED);
        assertThat(status.upSinceNanos()).isNotEqualTo(org.jkeepalived.vrrp.InstanceStatus.NEVER);
        assertThat(a.engine.status().get(0).newMasterReason())
                .isEqualTo(org.jkeepalived.vrrp.NewMasterReason.NOT_MASTER);

        // nopreempt set on A, then A outranks B: A stays BACKUP
        assertThat(a.engine.adjust("VI_1", 250, false)).isTrue();
        Thread.sleep(600);
        assertThat(a.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(a.engine.status().get(0).preempt()).isFalse();
        assertThat(a.engine.adjust("VI_9", 100, null)).isFalse();
    }

    @Test
    void ttlAndVersionDropsArePublishedForTheManagementPlane() throws Exception {
        Node a = node("10.0.0.1", 100, 1);
        List<org.jkeepalived.event.Event> events = new CopyOnWriteArrayList<>();
        a.engine.coordinate(TrackingPlan.NONE, events::add);
        a.engine.start();
        byte[] good = VrrpCodec.encode(Vrrp.advert(3, 200, 10), Vrrp.addr("10.0.0.9"), GROUP,
                V3ChecksumMode.PSEUDO_HEADER);
        a.socket.deliver(new Received(good, Vrrp.addr("10.0.0.9"), GROUP, 64, IFINDEX)); // TTL not 255
        await("a protocol error event", 1_000,
                () -> events.stream().anyMatch(e -> e instanceof org.jkeepalived.event.Event.VrrpProtocolError));
        assertThat(events).contains(new org.jkeepalived.event.Event.VrrpProtocolError("VI_1",
                org.jkeepalived.vrrp.packet.DropReason.IP_TTL));
        assertThat(a.engine.status().get(0).lastProtoError()).isEqualTo(org.jkeepalived.vrrp.packet.DropReason.IP_TTL);
    }

    @Test
    void permissionDeniedOnOpenReachesTheCallerAndNothingRuns() {
        FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
        FakeAddressManager addresses = new FakeAddressManager(monitor);
        addresses.putLink(new Link(IFINDEX, "eth0", UP, new byte[6]));
        RouterSettings settings = Vrrp.settings().build();
        VrrpEngine e = new VrrpEngine(
                List.of(new EngineInstance(settings, "eth0", IFINDEX, GROUP, V3ChecksumMode.PSEUDO_HEADER)),
                new EnginePorts(spec -> {
                    throw new NativeException("socket", Errno.EPERM, "Operation not permitted");
                }, i -> new FakeFrameSender(), addresses, monitor),
                System::nanoTime, Log.to((l, d, m) -> { }));
        assertThatThrownBy(e::start).isInstanceOfSatisfying(NativeException.class,
                ex -> assertThat(ex.errno()).isEqualTo(Errno.EPERM));
        e.stop(); // harmless
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)).doesNotContain("vrrp");
    }

    @Test
    void twoInstancesWithTheSameVridOnOneSocketAreRefused() {
        RouterSettings s = Vrrp.settings().build();
        EngineInstance in = new EngineInstance(s, "eth0", IFINDEX, GROUP, V3ChecksumMode.PSEUDO_HEADER);
        assertThatThrownBy(() -> new VrrpEngine(List.of(in, in),
                new EnginePorts(spec -> null, i -> null, new FakeAddressManager(null), null), System::nanoTime,
                Log.to((l, d, m) -> { }))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VRID 1");
    }

}
