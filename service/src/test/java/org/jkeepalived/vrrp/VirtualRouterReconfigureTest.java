package org.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.Vrrp.SEC;
import static org.jkeepalived.vrrp.Vrrp.VIP;
import static org.jkeepalived.vrrp.Vrrp.addr;
import static org.jkeepalived.vrrp.Vrrp.rx;
import static org.jkeepalived.vrrp.Vrrp.settings;
import static org.jkeepalived.vrrp.Vrrp.skewV2;
import static org.jkeepalived.vrrp.Vrrp.vip;

import java.util.List;
import org.jkeepalived.vrrp.Action.AddVips;
import org.jkeepalived.vrrp.Action.PriorityChanged;
import org.jkeepalived.vrrp.Action.RemoveVips;
import org.jkeepalived.vrrp.Action.SendAdvert;
import org.jkeepalived.vrrp.Action.SendGratuitous;
import org.jkeepalived.vrrp.Action.StateChanged;
import org.junit.jupiter.api.Test;

/** Tier 2: reload (reconfigure), unusable instances and the rogue address owner. */
class VirtualRouterReconfigureTest {
    static final long DOWN_100 = 3 * SEC + skewV2(100);

    static VirtualRouter master(RouterSettings s) {
        VirtualRouter r = new VirtualRouter(s);
        r.start(0);
        r.onTimer(r.nextDeadlineNanos());
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
        return r;
    }

    @Test
    void masterKeepsItsStateAndUnchangedVipsAndOnlyMovesTheDifference() {
        var other = addr("10.0.0.101");
        var third = addr("10.0.0.102");
        VirtualRouter r = master(settings().garpMaster(0, 5)
                .addresses(List.of(VIP, other), List.of(vip(VIP), vip(other))).build());
        long sentBefore = r.stats().advertsSent();
        RouterSettings next = settings().priority(120).garpMaster(0, 5)
                .addresses(List.of(VIP, third), List.of(vip(VIP), vip(third))).build();
        List<Action> out = r.reconfigure(next, 10 * SEC);
        // No state change (no transition, hence no notify), VIP kept (no flap), the difference moved.
        assertThat(out).containsExactly(new PriorityChanged(100, 120), new RemoveVips(List.of(vip(other))),
                new SendAdvert(120), new AddVips(List.of(vip(third))), new SendGratuitous(5, List.of(vip(third))));
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
        assertThat(r.stats().advertsSent()).isEqualTo(sentBefore + 1); // counters survive a reload
        assertThat(r.nextDeadlineNanos()).isEqualTo(11 * SEC);
        assertThat(r.settings()).isSameAs(next);
    }

    @Test
    void vipsWrittenOnAnotherLineAreTheSameVips() {
        VirtualRouter r = master(settings().build());
        var moved = new org.jkeepalived.config.model.vrrp.VirtualAddress(vip(VIP).address(), null, "eth0", 0, null,
                null, false, false, false, false, false, false, null, false, null, List.of("10.0.0.100/32"), null);
        assertThat(r.reconfigure(settings().addresses(List.of(VIP), List.of(moved)).build(), SEC))
                .containsExactly(new SendAdvert(100));
    }

    @Test
    void backupRestartsItsMasterDownTimerWithTheNewInterval() {
        VirtualRouter r = new VirtualRouter(settings().build());
        r.start(0);
        List<Action> out = r.reconfigure(settings().version(3).advertIntervalCentis(10).build(), 2 * SEC);
        assertThat(out).isEmpty();
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
        // v3: 3 × 0.1 s + (256 - 100) × 0.1 s / 256
        assertThat(r.nextDeadlineNanos()).isEqualTo(2 * SEC + 300_000_000L + 156L * 100_000_000L / 256);
    }

    @Test
    void unusableInstanceStartsInFaultAndJoinsWhenUsable() {
        VirtualRouter r = new VirtualRouter(settings().build());
        assertThat(r.onUnusable("no IPv4 address for interface", 0)).isEmpty(); // INIT: start() decides
        assertThat(r.start(0)).containsExactly(new RemoveVips(List.of(vip(VIP)), true),
                new StateChanged(VrrpState.INIT, VrrpState.FAULT, "no IPv4 address for interface"));
        assertThat(r.nextDeadlineNanos()).isEqualTo(VirtualRouter.NEVER);
        assertThat(r.onAdvert(rx(200, "10.0.0.9"), SEC)).isEmpty();
        assertThat(r.onUnusable(null, 5 * SEC)).containsExactly(
                new StateChanged(VrrpState.FAULT, VrrpState.BACKUP, "instance usable"));
        assertThat(r.nextDeadlineNanos()).isEqualTo(5 * SEC + DOWN_100);
    }

    @Test
    void rogueOwnerMakesTheLowerOwnerYieldAt254AndRestoresWhenItStops() {
        VirtualRouter r = new VirtualRouter(settings().priority(255).wantMaster(true).build()); // 10.0.0.2
        r.start(0);
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
        List<Action> out = r.onAdvert(rx(255, "10.0.0.3"), SEC);
        assertThat(out).contains(new PriorityChanged(255, 254), new RemoveVips(List.of(vip(VIP))));
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(r.effectivePriority()).isEqualTo(254);
        // The rogue keeps advertising: we stay BACKUP.
        r.onAdvert(rx(255, "10.0.0.3"), 2 * SEC);
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
        // It stops: our timer expires and we are the owner at 255 again.
        out = r.onTimer(r.nextDeadlineNanos());
        assertThat(out).startsWith(new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, "master down timer expired"),
                new PriorityChanged(254, 255), new SendAdvert(255));
    }

    @Test
    void ownerWinsAgainstAnOwnerWithALowerAddress() {
        VirtualRouter r = new VirtualRouter(settings().priority(255).wantMaster(true).build());
        r.start(0);
        r.onAdvert(rx(255, "10.0.0.1"), SEC);
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
        assertThat(r.effectivePriority()).isEqualTo(255);
    }

    @Test
    void stoppedRouterIgnoresReconfigure() {
        VirtualRouter r = master(settings().build());
        r.shutdown(SEC);
        assertThat(r.reconfigure(settings().priority(50).build(), 2 * SEC)).isEmpty();
        assertThat(r.state()).isEqualTo(VrrpState.STOP);
    }

    @Test
    void yieldingNamesTheWinnerAsKeepalivedLogsIt() {
        VirtualRouter r = master(settings().build());
        assertThat(r.onAdvert(rx(100, "10.0.0.3"), 10 * SEC)).contains(new StateChanged(VrrpState.MASTER,
                VrrpState.BACKUP, "master received advert from 10.0.0.3 with same priority 100 but higher IP address"
                        + " than ours"));
        VirtualRouter s = master(settings().build());
        assertThat(s.onAdvert(rx(150, "10.0.0.1"), 10 * SEC)).contains(new StateChanged(VrrpState.MASTER,
                VrrpState.BACKUP, "master received advert from 10.0.0.1 with higher priority 150, ours 100"));
    }
}
