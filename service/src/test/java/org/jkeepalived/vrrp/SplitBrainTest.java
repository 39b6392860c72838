package org.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.Vrrp.MS;
import static org.jkeepalived.vrrp.Vrrp.SEC;
import static org.jkeepalived.vrrp.Vrrp.addr;
import static org.jkeepalived.vrrp.Vrrp.rx;
import static org.jkeepalived.vrrp.Vrrp.settings;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tier 2: split-brain detection on one router with a fake clock (SplitBrainDetector's rules). Our primary address
 * is 10.0.0.2 (Vrrp.settings); peers are 10.0.0.3 and 10.0.0.4.
 */
class SplitBrainTest {
    private static final long SETTLE = SplitBrainDetector.SETTLE_NANOS;

    private static List<Action.SplitBrain> splitBrains(List<Action> actions) {
        return actions.stream().filter(Action.SplitBrain.class::isInstance).map(Action.SplitBrain.class::cast).toList();
    }

    /** A router at {@code priority} that became MASTER by its down timer; returns the takeover time too. */
    private static VirtualRouter master(int priority) {
        VirtualRouter r = VirtualRouterTest.started(settings().priority(priority).build());
        r.onTimer(r.nextDeadlineNanos());
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
        return r;
    }

    private static long since(VirtualRouter r) {
        return r.status().stateSinceNanos();
    }

    @Test
    void masterHearingALowerMasterCountsOneEpisodeUntilItIsOver() {
        VirtualRouter r = master(150);
        long t = since(r) + 5 * SEC;
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), t))).containsExactly(new Action.SplitBrain(
                SplitBrainKind.MASTER_SEES_LOWER_MASTER, addr("10.0.0.4"), 100, 150, 1));
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
        // the peer goes on advertising (it does not hear us): the same episode
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), t + SEC))).isEmpty();
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), t + 2 * SEC))).isEmpty();
        assertThat(r.status().splitBrain().episodes()).isEqualTo(1);
        // silence for longer than a master-down interval ends it; the next advert is a new episode
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), t + 7 * SEC))).hasSize(1);
        SplitBrainStatus s = r.status().splitBrain();
        assertThat(s.episodes()).isEqualTo(2);
        assertThat(s.lastKind()).isEqualTo(SplitBrainKind.MASTER_SEES_LOWER_MASTER);
        assertThat(s.lastPeer()).isEqualTo(addr("10.0.0.4"));
        assertThat(s.lastPeerPriority()).isEqualTo(100);
        assertThat(s.lastOwnPriority()).isEqualTo(150);
        assertThat(s.lastAtNanos()).isEqualTo(t + 7 * SEC);
    }

    @Test
    void masterHearingAnEqualMasterCountsWhicheverWinsTheTie() {
        VirtualRouter loses = master(100);
        assertThat(splitBrains(loses.onAdvert(rx(100, "10.0.0.3"), since(loses) + SEC)))
                .extracting(Action.SplitBrain::kind).containsExactly(SplitBrainKind.MASTER_SEES_EQUAL_MASTER);
        assertThat(loses.state()).isEqualTo(VrrpState.BACKUP); // 10.0.0.3 > 10.0.0.2 (§6.4.3)
        VirtualRouter wins = master(100);
        assertThat(splitBrains(wins.onAdvert(rx(100, "10.0.0.1"), since(wins) + SEC))).hasSize(1);
        assertThat(wins.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void aHigherMasterIsAPreemptionNotASplitBrain() {
        VirtualRouter r = master(100);
        assertThat(splitBrains(r.onAdvert(rx(150, "10.0.0.4"), since(r) + 5 * SEC + 417 * MS))).isEmpty();
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
        VirtualRouter owner = master(100);
        assertThat(splitBrains(owner.onAdvert(rx(255, "10.0.0.4"), since(owner) + 5 * SEC))).isEmpty();
        assertThat(r.status().splitBrain()).isEqualTo(SplitBrainStatus.NONE);
    }

    @Test
    void aSecondMasterRightAfterOurTakeoverIsAHandoverRace() {
        // the old master's advert crossing our first one, or two equal timers expiring together
        VirtualRouter r = master(150);
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), since(r) + SETTLE - 1))).isEmpty();
        VirtualRouter tie = master(100);
        assertThat(splitBrains(tie.onAdvert(rx(100, "10.0.0.1"), since(tie) + 15 * MS))).isEmpty();
        // from SETTLE on it counts
        VirtualRouter late = master(150);
        assertThat(splitBrains(late.onAdvert(rx(100, "10.0.0.4"), since(late) + SETTLE))).hasSize(1);
    }

    @Test
    void priorityZeroIsAResignationNotASecondMaster() {
        VirtualRouter r = master(100);
        assertThat(splitBrains(r.onAdvert(rx(0, "10.0.0.4"), since(r) + 5 * SEC))).isEmpty();
    }

    @Test
    void backupHearingTwoMastersInTurn() {
        VirtualRouter r = VirtualRouterTest.started(settings().priority(50).build());
        long t = SEC;
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), t))).isEmpty();
        assertThat(splitBrains(r.onAdvert(rx(150, "10.0.0.3"), t + 700 * MS))).isEmpty(); // a handover, so far
        List<Action.SplitBrain> seen = splitBrains(r.onAdvert(rx(100, "10.0.0.4"), t + SEC));
        assertThat(seen).containsExactly(new Action.SplitBrain(SplitBrainKind.BACKUP_SEES_TWO_MASTERS,
                addr("10.0.0.4"), 100, 50, 1));
        // both go on advertising: one episode
        assertThat(splitBrains(r.onAdvert(rx(150, "10.0.0.3"), t + 1700 * MS))).isEmpty();
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), t + 2 * SEC))).isEmpty();
        assertThat(r.status().splitBrain().episodes()).isEqualTo(1);
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void backupHearingTwoMastersCloseInPhaseCountsTheOtherWayRound() {
        // 10.0.0.3 advertises 50 ms after 10.0.0.4 each second: 4 -> 3 is within SETTLE, 3 -> 4 is not
        VirtualRouter r = VirtualRouterTest.started(settings().priority(50).build());
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), SEC))).isEmpty();
        assertThat(splitBrains(r.onAdvert(rx(150, "10.0.0.3"), SEC + 50 * MS))).isEmpty();
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), 2 * SEC))).hasSize(1);
    }

    @Test
    void backupSeeingAHandoverIsNotASplitBrain() {
        VirtualRouter r = VirtualRouterTest.started(settings().priority(50).build());
        for (int i = 0; i < 5; i++) {
            r.onAdvert(rx(100, "10.0.0.4"), SEC + i * SEC);
        }
        // 10.0.0.3 preempts at 5.4 s; 10.0.0.4's advert of 6 s crossed it; then 10.0.0.4 is quiet
        assertThat(splitBrains(r.onAdvert(rx(150, "10.0.0.3"), 5_990 * MS))).isEmpty();
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), 6 * SEC))).isEmpty();
        assertThat(splitBrains(r.onAdvert(rx(150, "10.0.0.3"), 6_010 * MS))).isEmpty();
        for (int i = 1; i < 5; i++) {
            assertThat(splitBrains(r.onAdvert(rx(150, "10.0.0.3"), 6 * SEC + i * SEC))).isEmpty();
        }
        // much later 10.0.0.4 takes back over (10.0.0.3 stopped): a handover again
        for (int i = 0; i < 5; i++) {
            assertThat(splitBrains(r.onAdvert(rx(200, "10.0.0.4"), 20 * SEC + i * SEC))).isEmpty();
        }
        assertThat(r.status().splitBrain()).isEqualTo(SplitBrainStatus.NONE);
    }

    @Test
    void backupForgetsSourcesAfterAResignation() {
        VirtualRouter r = VirtualRouterTest.started(settings().priority(50).build());
        r.onAdvert(rx(100, "10.0.0.4"), SEC);
        r.onAdvert(rx(0, "10.0.0.4"), SEC + 100 * MS); // it resigned
        r.onAdvert(rx(150, "10.0.0.3"), SEC + 200 * MS);
        // a stray late advert of the resigned master would be alternation, but its memory is gone
        assertThat(splitBrains(r.onAdvert(rx(100, "10.0.0.4"), SEC + 900 * MS))).isEmpty();
    }
}
