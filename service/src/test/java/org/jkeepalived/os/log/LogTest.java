package org.jkeepalived.os.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The wording operators and log monitors grep for: keepalived 2.2's, message for message. */
class LogTest {
    private final List<String> lines = new ArrayList<>();
    private final Log log = Log.to((level, detail, m) -> lines.add((detail ? "detail " : "") + level + " " + m));

    private String one(Consumer<Log> call) {
        lines.clear();
        call.accept(log);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    @Test
    void vrrpStates() {
        assertThat(one(l -> l.enteringState("VI_1", "MASTER"))).isEqualTo("INFO (VI_1) Entering MASTER STATE");
        assertThat(one(l -> l.enteringState("VI_1", "BACKUP"))).isEqualTo("INFO (VI_1) Entering BACKUP STATE");
        assertThat(one(l -> l.enteringState("VI_1", "fault"))).isEqualTo("INFO (VI_1) Entering FAULT STATE");
        assertThat(one(l -> l.enteringState("VI_1", "BACKUP", "init")))
                .isEqualTo("INFO (VI_1) Entering BACKUP STATE (init)");
    }

    @Test
    void vrrpElections() {
        assertThat(one(l -> l.receiveAdvertTimeout("VI_1"))).isEqualTo("INFO (VI_1) Receive advertisement timeout");
        assertThat(one(l -> l.lowerPriorityAdvertDiscarded("VRRP1", 100, "10.0.0.17")))
                .isEqualTo("INFO (VRRP1) received lower priority (100) advert from 10.0.0.17 - discarding");
        assertThat(one(l -> l.forcingNewElection("VI_1", "192.168.220.61", 90, 100))).isEqualTo(
                "INFO (VI_1) Received advert from 192.168.220.61 with lower priority 90, ours 100, forcing new election");
        assertThat(one(l -> l.masterReceivedHigherPriority("VI_1", "10.0.0.2", 150, 100)))
                .isEqualTo("INFO (VI_1) Master received advert from 10.0.0.2 with higher priority 150, ours 100");
        assertThat(one(l -> l.effectivePriorityChanged("VI_1", 100, 90)))
                .isEqualTo("INFO (VI_1) Changing effective priority from 100 to 90");
        assertThat(one(l -> l.sentPriorityZero("VI_1"))).isEqualTo("detail INFO (VI_1) sent 0 priority");
        assertThat(one(l -> l.settingVips("VI_1"))).isEqualTo("INFO (VI_1) setting VIPs.");
        assertThat(one(l -> l.removingVips("VI_1"))).isEqualTo("INFO (VI_1) removing VIPs.");
    }

    @Test
    void scripts() {
        assertThat(one(l -> l.scriptSucceeded("chk"))).isEqualTo("INFO VRRP_Script(chk) succeeded");
        assertThat(one(l -> l.scriptFailed("chk", 1))).isEqualTo("INFO VRRP_Script(chk) failed (exited with status 1)");
        assertThat(one(l -> l.scriptTimedOut("chk"))).isEqualTo("INFO VRRP_Script(chk) timed_out");
        assertThat(one(l -> l.scriptNowReturning("chk", 1))).isEqualTo("INFO Script `chk` now returning 1");
        assertThat(one(l -> l.timerExpiredLate(1_274_642))).isEqualTo("WARN A thread timer expired 1.274642 seconds ago");
        assertThat(one(l -> l.timerExpiredLate(5_000_007))).isEqualTo("WARN A thread timer expired 5.000007 seconds ago");
    }

    @Test
    void checkers() {
        assertThat(one(l -> l.lostQuorum(1, 0, 0, "[10.9.200.55]:tcp:3306")))
                .isEqualTo("INFO Lost quorum 1-0=1 > 0 for VS [10.9.200.55]:tcp:3306");
        assertThat(one(l -> l.gainedQuorum(2, 1, 3, "[10.0.0.1]:tcp:80")))
                .isEqualTo("INFO Gained quorum 2+1=3 <= 3 for VS [10.0.0.1]:tcp:80");
        assertThat(one(l -> l.removingService("[10.1.18.2]:tcp:3306", "[10.9.200.55]:tcp:3306")))
                .isEqualTo("INFO Removing service [10.1.18.2]:tcp:3306 from VS [10.9.200.55]:tcp:3306");
        assertThat(one(l -> l.addingService("[10.1.18.2]:tcp:3306", "[10.9.200.55]:tcp:3306")))
                .isEqualTo("INFO Adding service [10.1.18.2]:tcp:3306 to VS [10.9.200.55]:tcp:3306");
    }

    @Test
    void lifecycle() {
        assertThat(one(l -> l.starting("1.0"))).isEqualTo("INFO Starting jkeepalived v1.0");
        assertThat(one(Log::startupComplete)).isEqualTo("INFO Startup complete");
        assertThat(one(Log::reloading)).isEqualTo("INFO Reloading");
        assertThat(one(Log::reloadComplete)).isEqualTo("INFO Reload complete");
        assertThat(one(Log::stopping)).isEqualTo("INFO Stopping");
        assertThat(one(l -> l.stopped("1.0"))).isEqualTo("INFO Stopped jkeepalived v1.0");
    }

    @Test
    void plainLevels() {
        assertThat(one(l -> l.info("i"))).isEqualTo("INFO i");
        assertThat(one(l -> l.warn("w"))).isEqualTo("WARN w");
        assertThat(one(l -> l.error("e"))).isEqualTo("ERROR e");
        assertThat(one(l -> l.detail("d"))).isEqualTo("detail INFO d");
    }
}
