package org.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.Vrrp.MS;
import static org.jkeepalived.vrrp.Vrrp.SEC;
import static org.jkeepalived.vrrp.Vrrp.VIP;
import static org.jkeepalived.vrrp.Vrrp.advert;
import static org.jkeepalived.vrrp.Vrrp.rx;
import static org.jkeepalived.vrrp.Vrrp.settings;
import static org.jkeepalived.vrrp.Vrrp.skewV2;
import static org.jkeepalived.vrrp.Vrrp.vip;

import java.util.List;
import org.jkeepalived.vrrp.Action.AddVips;
import org.jkeepalived.vrrp.Action.Discarded;
import org.jkeepalived.vrrp.Action.PriorityChanged;
import org.jkeepalived.vrrp.Action.RemoveVips;
import org.jkeepalived.vrrp.Action.SendAdvert;
import org.jkeepalived.vrrp.Action.SendGratuitous;
import org.jkeepalived.vrrp.Action.StateChanged;
import org.junit.jupiter.api.Test;

/** Tier 2: one router, a fake clock (longs), asserting the emitted actions. */
class VirtualRouterTest {
    static final long DOWN_100 = 3 * SEC + skewV2(100);
    static final List<org.jkeepalived.config.model.vrrp.VirtualAddress> VIPS = List.of(vip(VIP));

    static VirtualRouter started(RouterSettings s) {
        VirtualRouter r = new VirtualRouter(s);
        r.start(0);
        return r;
    }

    /** A default router (priority 100) made MASTER by its down timer at DOWN_100. */
    static VirtualRouter master(RouterSettings s) {
        VirtualRouter r = started(s);
        r.onTimer(r.nextDeadlineNanos());
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
        return r;
    }

    @Test
    void startsInBackupWithMasterDownTimer() {
        VirtualRouter r = new VirtualRouter(settings().wantMaster(true).build());
        assertThat(r.nextDeadlineNanos()).isEqualTo(VirtualRouter.NEVER);
        // keepalived 2.2.7 observed: "removing VIPs." (leftovers of a killed daemon) before "Entering BACKUP STATE".
        assertThat(r.start(0)).containsExactly(new RemoveVips(VIPS, true),
                new StateChanged(VrrpState.INIT, VrrpState.BACKUP, "startup"));
        // state MASTER is only a wish: Master_Down_Interval = 3 × 1 s + (256-100)/256 s.
        assertThat(r.nextDeadlineNanos()).isEqualTo(DOWN_100).isEqualTo(3_609_375_000L);
        assertThat(r.start(5)).isEmpty();
    }

    @Test
    void takesOverWhenMasterDownTimerExpires() {
        VirtualRouter r = started(settings().build());
        assertThat(r.onTimer(DOWN_100 - 1)).isEmpty();
        assertThat(r.onTimer(DOWN_100)).containsExactly(
                new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, "master down timer expired"),
                new SendAdvert(100), new AddVips(VIPS), new SendGratuitous(5, VIPS));
        assertThat(r.nextDeadlineNanos()).isEqualTo(DOWN_100 + SEC);
        assertThat(r.onTimer(DOWN_100 + SEC)).containsExactly(new SendAdvert(100));
        assertThat(r.stats().becomeMaster()).isEqualTo(1);
        assertThat(r.stats().advertsSent()).isEqualTo(2);
    }

    @Test
    void addressOwnerWishingMasterBecomesMasterAtOnce() {
        // RFC 5798 §6.4.1; keepalived 2.2.7 observed: "Entering MASTER STATE" at startup, no BACKUP first.
        VirtualRouter r = new VirtualRouter(settings().priority(255).wantMaster(true).build());
        assertThat(r.start(0)).containsExactly(
                new StateChanged(VrrpState.INIT, VrrpState.MASTER, "address owner at startup"),
                new SendAdvert(255), new AddVips(VIPS), new SendGratuitous(5, VIPS));
        assertThat(r.nextDeadlineNanos()).isEqualTo(SEC);
    }

    @Test
    void addressOwnerWithStateBackupWaitsMasterDownInterval() {
        // keepalived 2.2.7 observed: BACKUP (init), MASTER 3.0 s later (3 × 1 s + 1/256 s).
        VirtualRouter r = started(settings().priority(255).build());
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(r.nextDeadlineNanos()).isEqualTo(3 * SEC + skewV2(255));
    }

    @Test
    void garpSecondBurstAfterDelayAndRefresh() {
        VirtualRouter r = master(settings().garpRefresh(7 * SEC, 2).build());
        long t0 = DOWN_100;
        List<Timed> all = new java.util.ArrayList<>();
        for (long t = t0 + SEC; t <= t0 + 15 * SEC; t += SEC) {
            for (Action a : r.onTimer(t)) {
                if (a instanceof SendGratuitous g) {
                    all.add(new Timed(t - t0, g));
                }
            }
        }
        assertThat(all).containsExactly(new Timed(5 * SEC, new SendGratuitous(5, VIPS)),
                new Timed(7 * SEC, new SendGratuitous(2, VIPS)), new Timed(14 * SEC, new SendGratuitous(2, VIPS)));
    }

    record Timed(long at, Action action) {
    }

    @Test
    void backupAcceptsHigherPriorityAndResetsTimer() {
        VirtualRouter r = started(settings().build());
        assertThat(r.onAdvert(rx(150, "10.0.0.3"), 2 * SEC)).isEmpty();
        assertThat(r.nextDeadlineNanos()).isEqualTo(2 * SEC + DOWN_100);
        assertThat(r.masterAddress()).isEqualTo(Vrrp.addr("10.0.0.3"));
        assertThat(r.stats().advertsReceived()).isEqualTo(1);
    }

    @Test
    void backupAcceptsEqualPriorityWhateverTheAddress() {
        // RFC 5798 §6.4.2: Priority >= local priority resets the timer; ties only matter between masters.
        VirtualRouter r = started(settings().build());
        r.onAdvert(rx(100, "10.0.0.1"), SEC);
        assertThat(r.nextDeadlineNanos()).isEqualTo(SEC + DOWN_100);
    }

    @Test
    void preemptsLowerPriorityMaster() {
        VirtualRouter r = started(settings().build());
        assertThat(r.onAdvert(rx(50, "10.0.0.3"), SEC)).singleElement().isInstanceOf(Discarded.class);
        assertThat(r.nextDeadlineNanos()).isEqualTo(DOWN_100);
        r.onTimer(DOWN_100);
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void nopreemptKeepsLowerPriorityMaster() {
        VirtualRouter r = started(settings().nopreempt(true).build());
        for (long t = SEC; t <= 30 * SEC; t += SEC) {
            r.onAdvert(rx(50, "10.0.0.3"), t);
            r.onTimer(t);
        }
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(r.nextDeadlineNanos()).isEqualTo(30 * SEC + DOWN_100);
    }

    @Test
    void preemptDelayAcceptsLowerMasterUntilItEnds() {
        VirtualRouter r = started(settings().preemptDelayNanos(10 * SEC).build());
        long tookOver = -1;
        for (long t = SEC; t <= 20 * SEC && tookOver < 0; t += 100 * MS) {
            if (t % SEC == 0) {
                r.onAdvert(rx(50, "10.0.0.3"), t);
            }
            if (r.nextDeadlineNanos() <= t) {
                r.onTimer(t);
                tookOver = r.state() == VrrpState.MASTER ? t : -1;
            }
        }
        // The first lower advert (1 s) opens the window to 11 s: the last accepted one is at 10 s.
        assertThat(tookOver).isBetween(10 * SEC + DOWN_100, 10 * SEC + DOWN_100 + 100 * MS);
    }

    @Test
    void higherPriorityAdvertEndsThePreemptDelayWindow() {
        VirtualRouter r = new VirtualRouter(settings().preemptDelayNanos(10 * SEC).build());
        r.start(0);
        r.onAdvert(rx(150, "10.0.0.4"), SEC); // a higher master: window reset
        r.onAdvert(rx(50, "10.0.0.3"), 20 * SEC); // first lower master opens a new 10 s window
        assertThat(r.nextDeadlineNanos()).isEqualTo(20 * SEC + DOWN_100);
        assertThat(r.onAdvert(rx(50, "10.0.0.3"), 31 * SEC)).singleElement().isInstanceOf(Discarded.class);
    }

    @Test
    void statsClearRestartsTheCountersButNotTheState() {
        VirtualRouter r = master(settings().build());
        r.onAdvert(rx(50, "10.0.0.3"), 10 * SEC);
        assertThat(r.status().becomeMaster()).isEqualTo(1);
        assertThat(r.status().advertsReceived()).isEqualTo(1);
        r.clearStats(11 * SEC);
        InstanceStatus s = r.status();
        assertThat(s.becomeMaster()).isZero();
        assertThat(s.advertsReceived()).isZero();
        assertThat(s.advertsSent()).isZero();
        assertThat(s.drops()).isEmpty();
        assertThat(s.statsClearedNanos()).isEqualTo(11 * SEC);
        assertThat(s.state()).isEqualTo(VrrpState.MASTER);
        assertThat(r.onTimer(r.nextDeadlineNanos())).contains(new SendAdvert(100));
        assertThat(r.status().advertsSent()).isEqualTo(1);
    }

    @Test
    void masterYieldsToHigherPriority() {
        VirtualRouter r = master(settings().build());
        long t = 10 * SEC;
        assertThat(r.onAdvert(rx(150, "10.0.0.3"), t)).containsExactly(new RemoveVips(VIPS),
                new StateChanged(VrrpState.MASTER, VrrpState.BACKUP,
                        "master received advert from 10.0.0.3 with higher priority 150, ours 100"));
        assertThat(r.nextDeadlineNanos()).isEqualTo(t + DOWN_100);
        assertThat(r.stats().releaseMaster()).isEqualTo(1);
    }

    @Test
    void tieGoesToTheHigherPrimaryAddress() {
        VirtualRouter higher = master(settings().build());
        assertThat(higher.onAdvert(rx(100, "10.0.0.1"), 10 * SEC)).contains(new SendAdvert(100));
        // v3 too: the tie is decided by the primary address (RFC 5798 §6.4.3).
        assertThat(higher.state()).isEqualTo(VrrpState.MASTER);
        VirtualRouter lower = master(settings().build());
        lower.onAdvert(rx(100, "10.0.0.3"), 10 * SEC);
        assertThat(lower.state()).isEqualTo(VrrpState.BACKUP);
        // Addresses compare unsigned: 10.0.0.200 > 10.0.0.2.
        VirtualRouter r = master(settings().build());
        r.onAdvert(rx(100, "10.0.0.200"), 10 * SEC);
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void higherPrioSendAdvertSendsOnceBeforeYielding() {
        VirtualRouter r = master(settings().higherPrioSendAdvert(true).build());
        List<Action> actions = r.onAdvert(rx(150, "10.0.0.3"), 10 * SEC);
        assertThat(actions.get(0)).isEqualTo(new SendAdvert(100));
        assertThat(actions.get(1)).isEqualTo(new RemoveVips(VIPS));
    }

    @Test
    void masterAnswersLowerPriorityWithAdvertAndGarp() {
        VirtualRouter r = master(settings().build());
        long t = 10 * SEC;
        Action.SplitBrain twoMasters = new Action.SplitBrain(SplitBrainKind.MASTER_SEES_LOWER_MASTER,
                Vrrp.addr("10.0.0.3"), 50, 100, 1);
        assertThat(r.onAdvert(rx(50, "10.0.0.3"), t)).containsExactly(twoMasters,
                new Action.LowerPriorityAdvert(Vrrp.addr("10.0.0.3"), 50), new SendAdvert(100),
                new SendGratuitous(5, VIPS));
        assertThat(r.onTimer(t + 5 * SEC)).contains(new SendGratuitous(5, VIPS));
        VirtualRouter quiet = master(settings().lowerPrioNoAdvert(true).garpLowerPrio(0, 0).build());
        assertThat(quiet.onAdvert(rx(50, "10.0.0.3"), t)).containsExactly(twoMasters,
                new Action.LowerPriorityAdvert(Vrrp.addr("10.0.0.3"), 50));
        assertThat(quiet.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void priorityZeroInBackupTakesOverWithinSkewTime() {
        VirtualRouter r = started(settings().build());
        r.onAdvert(rx(150, "10.0.0.3"), SEC);
        r.onAdvert(rx(0, "10.0.0.3"), 2 * SEC);
        assertThat(r.nextDeadlineNanos()).isEqualTo(2 * SEC + skewV2(100));
        assertThat(r.onTimer(2 * SEC + skewV2(100))).first()
                .isEqualTo(new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, "master down timer expired"));
        assertThat(r.stats().priorityZeroReceived()).isEqualTo(1);
    }

    @Test
    void masterAnswersPriorityZeroAtOnce() {
        VirtualRouter r = master(settings().build());
        assertThat(r.onAdvert(rx(0, "10.0.0.3"), 10 * SEC)).containsExactly(new SendAdvert(100));
        assertThat(r.onTimer(11 * SEC - 1)).doesNotContain(new SendAdvert(100));
        assertThat(r.onTimer(11 * SEC)).containsExactly(new SendAdvert(100));
    }

    @Test
    void interfaceDownIsFaultAndMasterResigns() {
        VirtualRouter r = master(settings().build());
        assertThat(r.onInterfaceDown(10 * SEC)).containsExactly(new SendAdvert(0), new RemoveVips(VIPS),
                new StateChanged(VrrpState.MASTER, VrrpState.FAULT, "interface down"));
        assertThat(r.nextDeadlineNanos()).isEqualTo(VirtualRouter.NEVER);
        assertThat(r.onAdvert(rx(150, "10.0.0.3"), 11 * SEC)).isEmpty();
        assertThat(r.onInterfaceDown(11 * SEC)).isEmpty();
        assertThat(r.onInterfaceUp(12 * SEC)).containsExactly(
                new StateChanged(VrrpState.FAULT, VrrpState.BACKUP, "interface up"));
        assertThat(r.nextDeadlineNanos()).isEqualTo(12 * SEC + DOWN_100);
        assertThat(r.stats().priorityZeroSent()).isEqualTo(1);
    }

    @Test
    void dontTrackPrimaryIgnoresLinkState() {
        VirtualRouter r = master(settings().dontTrackPrimary(true).build());
        assertThat(r.onInterfaceDown(10 * SEC)).isEmpty();
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void startWhileInterfaceDownIsFault() {
        VirtualRouter r = new VirtualRouter(settings().build());
        r.onInterfaceDown(0);
        assertThat(r.start(0)).containsExactly(new RemoveVips(VIPS, true),
                new StateChanged(VrrpState.INIT, VrrpState.FAULT, "interface down"));
    }

    @Test
    void weightZeroTrackerFaultAndBothFaultsMustClear() {
        VirtualRouter r = started(settings().build());
        List<Action> a = r.onTrackers(PriorityCalculator.compute(100,
                List.of(new PriorityCalculator.Tracker.State(0, false, false))), SEC);
        assertThat(a).containsExactly(new StateChanged(VrrpState.BACKUP, VrrpState.FAULT, "tracker failed"));
        r.onInterfaceDown(2 * SEC);
        r.onTrackerFault(false, 3 * SEC);
        assertThat(r.state()).isEqualTo(VrrpState.FAULT);
        r.onInterfaceUp(4 * SEC);
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void priorityChangeShiftsRunningDownTimer() {
        VirtualRouter r = started(settings().build());
        assertThat(r.onPriorityChange(200, SEC)).containsExactly(new PriorityChanged(100, 200));
        assertThat(r.nextDeadlineNanos()).isEqualTo(3 * SEC + skewV2(200));
        assertThat(r.onPriorityChange(200, SEC)).isEmpty();
        assertThat(r.onPriorityChange(0, SEC)).isEmpty();
        VirtualRouter owner = started(settings().priority(255).build());
        assertThat(owner.onPriorityChange(200, SEC)).isEmpty();
    }

    @Test
    void backupWhosePriorityRisesAboveTheMasterPreempts() {
        VirtualRouter r = started(settings().build());
        r.onAdvert(rx(150, "10.0.0.3"), SEC);
        r.onPriorityChange(200, 2 * SEC);
        assertThat(r.onAdvert(rx(150, "10.0.0.3"), 2 * SEC)).singleElement().isInstanceOf(Discarded.class);
        long down = SEC + 3 * SEC + skewV2(200);
        assertThat(r.nextDeadlineNanos()).isEqualTo(down);
        r.onTimer(down);
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void masterWhosePriorityDropsKeepsAdvertisingTheNewPriority() {
        VirtualRouter r = master(settings().build());
        r.onPriorityChange(40, 5 * SEC);
        assertThat(r.onTimer(r.nextDeadlineNanos())).contains(new SendAdvert(40));
    }

    @Test
    void shutdownFromMasterSendsPriorityZero() {
        VirtualRouter r = master(settings().build());
        assertThat(r.shutdown(10 * SEC)).containsExactly(new SendAdvert(0), new RemoveVips(VIPS),
                new StateChanged(VrrpState.MASTER, VrrpState.STOP, "shutdown"));
        assertThat(r.nextDeadlineNanos()).isEqualTo(VirtualRouter.NEVER);
        assertThat(r.onTimer(20 * SEC)).isEmpty();
        assertThat(r.onAdvert(rx(50, "10.0.0.3"), 20 * SEC)).isEmpty();
        assertThat(r.onInterfaceUp(20 * SEC)).isEmpty();
        assertThat(r.shutdown(20 * SEC)).isEmpty();
        VirtualRouter backup = started(settings().build());
        assertThat(backup.shutdown(SEC)).containsExactly(new StateChanged(VrrpState.BACKUP, VrrpState.STOP, "shutdown"));
    }

    @Test
    void v3BackupLearnsMasterAdverInterval() {
        VirtualRouter r = started(settings().version(3).build());
        assertThat(r.nextDeadlineNanos()).isEqualTo(3 * SEC + 156L * 100 * 10 * MS / 256);
        List<Action> a = r.onAdvert(rx(advert(3, 150, 200), "10.0.0.3"), SEC);
        assertThat(a).singleElement().isInstanceOf(Action.Mismatch.class);
        assertThat(r.masterAdverIntervalCentis()).isEqualTo(200);
        // RFC 5798 §6.1: Skew_Time = ((256 - 100) × 200) / 256 cs; Master_Down_Interval = 3 × 200 cs + skew.
        assertThat(r.nextDeadlineNanos()).isEqualTo(SEC + 6 * SEC + 156L * 200 * 10 * MS / 256);
        assertThat(r.stats().count(org.jkeepalived.vrrp.packet.DropReason.ADVERT_INTERVAL)).isEqualTo(1);
    }

    @Test
    void v3LearnedIntervalForgottenInFault() {
        VirtualRouter r = started(settings().version(3).build());
        r.onAdvert(rx(advert(3, 150, 200), "10.0.0.3"), SEC);
        r.onInterfaceDown(2 * SEC);
        r.onInterfaceUp(3 * SEC);
        assertThat(r.masterAdverIntervalCentis()).isEqualTo(100);
        assertThat(r.nextDeadlineNanos()).isEqualTo(3 * SEC + 3 * SEC + 156L * 100 * 10 * MS / 256);
    }

    @Test
    void v3MasterAdvertisesAtItsOwnInterval() {
        VirtualRouter r = started(settings().version(3).advertIntervalCentis(50).build());
        r.onTimer(r.nextDeadlineNanos());
        long t = r.nextDeadlineNanos();
        r.onTimer(t);
        assertThat(r.nextDeadlineNanos()).isEqualTo(t + 500 * MS);
    }
}
