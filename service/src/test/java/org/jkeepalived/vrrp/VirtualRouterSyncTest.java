package org.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tier 2: the sync group inputs of the state machine (keepalived c.8), with a fake clock. */
class VirtualRouterSyncTest {
    private static final long S = 1_000_000_000L;

    private static VirtualRouter started() {
        VirtualRouter r = new VirtualRouter(Vrrp.settings().build());
        r.start(0);
        return r;
    }

    @Test
    void aClosedGateHoldsTheTakeoverAndRemembersTheWish() {
        VirtualRouter r = started();
        boolean[] open = {false};
        r.gateMasterWith(x -> open[0]);
        long down = r.nextDeadlineNanos();
        List<Action> held = r.onTimer(down);
        assertThat(held).isEmpty();
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(r.wantsMaster()).isTrue();
        assertThat(r.nextDeadlineNanos()).isEqualTo(down + r.masterDownIntervalNanos());
        open[0] = true;
        r.onTimer(r.nextDeadlineNanos());
        assertThat(r.state()).isEqualTo(VrrpState.MASTER);
        assertThat(r.wantsMaster()).as("cleared by the transition").isFalse();
    }

    @Test
    void anAcceptedAdvertEndsTheWish() {
        VirtualRouter r = started();
        r.gateMasterWith(x -> false);
        r.onTimer(r.nextDeadlineNanos());
        assertThat(r.wantsMaster()).isTrue();
        r.onAdvert(Vrrp.rx(200, "10.0.0.9"), 5 * S);
        assertThat(r.wantsMaster()).isFalse();
    }

    @Test
    void syncMasterAndSyncBackupMoveOnlyFromTheRightStates() {
        VirtualRouter r = started();
        assertThat(r.syncBackup("G", S)).as("already BACKUP").isEmpty();
        List<Action> up = r.syncMaster("G", S);
        assertThat(up).contains(new Action.StateChanged(VrrpState.BACKUP, VrrpState.MASTER, "sync group G going MASTER"));
        assertThat(r.syncMaster("G", S)).isEmpty();
        List<Action> down = r.syncBackup("G", 2 * S);
        assertThat(down).contains(new Action.StateChanged(VrrpState.MASTER, VrrpState.BACKUP, "sync group G going BACKUP"))
                .noneMatch(a -> a instanceof Action.SendAdvert s && s.priority() == 0);
        assertThat(down).anyMatch(a -> a instanceof Action.RemoveVips);
    }

    @Test
    void aGroupFaultIsAFaultButNotAnOwnFault() {
        VirtualRouter r = started();
        r.syncMaster("G", S);
        List<Action> fault = r.onGroupFault(true, 2 * S);
        assertThat(r.state()).isEqualTo(VrrpState.FAULT);
        assertThat(r.ownFault()).isFalse();
        assertThat(fault).as("keepalived: only the member with the fault resigns").doesNotContain(new Action.SendAdvert(0))
                .anyMatch(a -> a instanceof Action.RemoveVips);
        r.onGroupFault(false, 3 * S);
        assertThat(r.state()).isEqualTo(VrrpState.BACKUP);
        r.onTrackerFault(true, 4 * S);
        assertThat(r.ownFault()).isTrue();
    }
}
