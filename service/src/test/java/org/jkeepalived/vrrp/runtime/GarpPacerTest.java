package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jkeepalived.net.FakeFrameSender;
import org.jkeepalived.netlink.FakeAddressManager;
import org.jkeepalived.netlink.FakeNetlinkMonitor;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.Action;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.VirtualRouter;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.junit.jupiter.api.Test;

/** Tier 1: gratuitous ARP / NA pacing, alone and through the action runner with a fake clock. */
class GarpPacerTest {
    private static final long MS = Vrrp.MS;

    private static GarpPacer.Frame arp(String instance, int ifIndex, int n) {
        return new GarpPacer.Frame(instance, ifIndex, false, new byte[] {(byte) n});
    }

    private static GarpPacer.Frame na(String instance, int ifIndex, int n) {
        return new GarpPacer.Frame(instance, ifIndex, true, new byte[] {(byte) n});
    }

    @Test
    void intervalZeroIsBackToBack() {
        GarpPacer p = new GarpPacer(0, 0);
        p.submit(List.of(arp("VI_1", 2, 1), arp("VI_1", 2, 2), na("VI_1", 2, 3)));
        assertThat(p.due(0)).hasSize(3);
        assertThat(p.nextDeadlineNanos()).isEqualTo(VirtualRouter.NEVER);
    }

    @Test
    void perInterfaceAndPerKindSpacing() {
        GarpPacer p = new GarpPacer(100 * MS, 30 * MS);
        p.submit(List.of(arp("VI_1", 2, 1), arp("VI_1", 2, 2), arp("VI_1", 3, 3), na("VI_1", 2, 4), na("VI_1", 2, 5)));
        // first of each lane at once: eth ifindex 2 ARP, ifindex 3 ARP, ifindex 2 NA
        assertThat(p.due(1000 * MS)).extracting(f -> (int) f.bytes()[0]).containsExactly(1, 3, 4);
        assertThat(p.nextDeadlineNanos()).isEqualTo(1030 * MS);
        assertThat(p.due(1029 * MS)).isEmpty();
        assertThat(p.due(1030 * MS)).extracting(f -> (int) f.bytes()[0]).containsExactly(5);
        assertThat(p.nextDeadlineNanos()).isEqualTo(1100 * MS);
        assertThat(p.due(1100 * MS)).extracting(f -> (int) f.bytes()[0]).containsExactly(2);
        assertThat(p.nextDeadlineNanos()).isEqualTo(VirtualRouter.NEVER);
        // a new burst right after still keeps the gap from the last ARP on ifindex 2
        p.submit(List.of(arp("VI_2", 2, 6)));
        assertThat(p.due(1150 * MS)).isEmpty();
        assertThat(p.due(1200 * MS)).hasSize(1);
    }

    @Test
    void garpGroupsOverrideTheGlobalIntervalAndAnAggregateSharesOneLane() {
        GarpPacer p = new GarpPacer(100 * MS, 100 * MS);
        p.group(List.of(2), 10 * MS, null, false); // ifindex 2: ARPs every 10 ms, NAs still 100 ms
        p.group(List.of(3, 4), 50 * MS, 50 * MS, true); // ifindex 3 and 4 share one 50 ms lane
        p.submit(List.of(arp("VI_1", 2, 1), arp("VI_1", 2, 2), na("VI_1", 2, 3), na("VI_1", 2, 4),
                arp("VI_1", 3, 5), arp("VI_1", 4, 6)));
        assertThat(p.due(0)).extracting(f -> (int) f.bytes()[0]).containsExactly(1, 3, 5);
        assertThat(p.due(10 * MS)).extracting(f -> (int) f.bytes()[0]).containsExactly(2);
        assertThat(p.due(50 * MS)).extracting(f -> (int) f.bytes()[0]).containsExactly(6);
        assertThat(p.due(99 * MS)).isEmpty();
        assertThat(p.due(100 * MS)).extracting(f -> (int) f.bytes()[0]).containsExactly(4);
    }

    @Test
    void cancelDropsOnlyThatInstancesFrames() {
        GarpPacer p = new GarpPacer(100 * MS, 0);
        p.submit(List.of(arp("VI_1", 2, 1), arp("VI_1", 2, 2), arp("VI_2", 2, 3)));
        p.due(0);
        p.cancel("VI_1");
        assertThat(p.queued()).isEqualTo(1);
        assertThat(p.due(100 * MS)).extracting(GarpPacer.Frame::instance).containsExactly("VI_2");
    }

    @Test
    void theRunnerSendsRoundsSpacedByTheInterval() {
        FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
        byte[] mac = {2, 0, 0, 0, 0, 1};
        FakeAddressManager addresses = new FakeAddressManager(monitor)
                .putLink(new Link(2, "eth0", Link.IFF_UP | Link.IFF_RUNNING, mac));
        FakeFrameSender frames = new FakeFrameSender();
        AtomicLong now = new AtomicLong(5_000 * MS);
        RouterSettings settings = Vrrp.settings().build();
        EngineInstance in = new EngineInstance(settings, "eth0", 2, Vrrp.addr("224.0.0.18"),
                V3ChecksumMode.PSEUDO_HEADER);
        ActionRunner runner = new ActionRunner(new EnginePorts(spec -> null, i -> frames, addresses, monitor),
                Log.to((level, detail, message) -> { }), addresses.links(), now::get,
                new GarpPacing(200 * MS, 0, List.of()));
        Slot slot = new Slot(in);
        var vip2 = Vrrp.vip(Vrrp.addr("10.0.0.101"));
        runner.run(slot, new Action.SendGratuitous(3, List.of(Vrrp.vip(Vrrp.VIP), vip2)));
        assertThat(frames.frames()).hasSize(1);
        int sent = 1;
        while (runner.nextDeadlineNanos() != VirtualRouter.NEVER) {
            assertThat(runner.nextDeadlineNanos()).isEqualTo(now.get() + 200 * MS);
            now.addAndGet(200 * MS);
            runner.onTimer(now.get());
            assertThat(frames.frames()).hasSize(++sent);
        }
        assertThat(sent).isEqualTo(6);
        // keepalived's rounds: .100, .101, .100, .101, ... (target IP at bytes 38..41 of the ARP frame)
        assertThat(frames.frames()).extracting(f -> f[41] & 0xff).containsExactly(100, 101, 100, 101, 100, 101);
    }
}
