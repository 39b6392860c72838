package org.jkeepalived.notify.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.notify.interop.Scenarios.GLOBAL;
import static org.jkeepalived.notify.interop.Scenarios.instance;
import static org.jkeepalived.notify.interop.Scenarios.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon;
import org.jkeepalived.vrrp.interop.Daemon.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier 4: jkeepalived's trackers, sync groups, notify scripts and fifo with real scripts on disk, real interfaces,
 * files and processes in network namespaces. Every expected sequence is the one keepalived 2.2.7 produced for the
 * same configuration (docs/design/tracking-observed.md); {@link TrackingDifferentialIT} compares them live.
 */
class TrackingIT {
    private static final String VIP = "10.9.0.51/24";
    /**
     * The daemon under test: jkeepalived; {@code -Dtracking.daemon=keepalived} runs the same assertions against
     * keepalived 2.2.7, which shows they hold for the reference (all but the tracked process, see there).
     */
    private static final Kind KIND = "keepalived".equals(System.getProperty("tracking.daemon"))
            ? Kind.KEEPALIVED : Kind.JKEEPALIVED;

    @TempDir
    Path dir;

    @BeforeEach
    void privileged() {
        Privileged.require("ip", "keepalived", "mkfifo");
    }

    /** Issue 5: "a vrrp_script failing drops priority and hands the VIP to the peer, which can be keepalived". */
    @Test
    void scriptFailureHandsTheVipToAKeepalivedPeerAndTakesItBack() throws Exception {
        try (Side s = new Side(KIND, dir, true)) {
            // The peer after the daemon (Scenarios.scriptWeightPeer says why).
            s.start(Scenarios.scriptWeightPeer().config());
            awaitNotify(s, "VI_1-notify", 8_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150");
            Daemon peer = s.startPeer(Scenarios.peer(100));
            awaitThat(s, "the keepalived peer in BACKUP", 5_000, () -> peer.log().contains("Entering BACKUP STATE"));
            Thread.sleep(1_000);
            awaitThat(s, "the VIP on a only", 3_000, () -> s.node().has(VIP) && !s.peerNode().has(VIP));

            s.sh("touch @DIR@/chk.fail");
            awaitNotify(s, "VI_1-notify", 5_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 BACKUP 90");
            awaitThat(s, "the VIP on the keepalived peer only", 3_000,
                    () -> s.peerNode().has(VIP) && !s.node().has(VIP));
            assertThat(peer.log()).contains("(VI_1) Entering MASTER STATE");

            s.sh("rm @DIR@/chk.fail");
            awaitNotify(s, "VI_1-notify", 5_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 BACKUP 90", "INSTANCE VI_1 MASTER 150");
            awaitThat(s, "the VIP back on a only", 3_000, () -> s.node().has(VIP) && !s.peerNode().has(VIP));
            s.stop();

            Map<String, List<String>> r = s.recording();
            // notify scripts with exactly keepalived's arguments: the generic one gets TYPE NAME STATE PRIORITY
            // (the effective priority), the specific ones nothing but their own arguments.
            assertThat(r.get("notify:VI_1-notify")).as(s.daemon().log()).containsExactly("INSTANCE VI_1 BACKUP 150",
                    "INSTANCE VI_1 MASTER 150", "INSTANCE VI_1 BACKUP 90", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 STOP 150");
            assertThat(r.get("notify:VI_1-master")).containsExactly("", "");
            assertThat(r.get("notify:VI_1-backup")).containsExactly("", "");
            assertThat(r.get("notify:VI_1-stop")).containsExactly("");
            assertThat(r).doesNotContainKey("notify:VI_1-fault");
            // fifo lines in keepalived's format, priority changes (notify_priority_changes) before the move.
            assertThat(r.get("fifo")).containsExactly("INSTANCE \"VI_1\" BACKUP 150", "INSTANCE \"VI_1\" MASTER 150",
                    "INSTANCE \"VI_1\" MASTER_PRIORITY 90", "INSTANCE \"VI_1\" BACKUP 90",
                    "INSTANCE \"VI_1\" BACKUP_PRIORITY 150", "INSTANCE \"VI_1\" MASTER 150",
                    "INSTANCE \"VI_1\" STOP 150");
        }
    }

    /** rise 3 / fall 2: FAULT exactly at the 2nd failing run, back exactly at the 3rd good one. */
    @Test
    void riseAndFallAreCounted() throws Exception {
        try (Side s = new Side(KIND, dir, false)) {
            s.start(Scenarios.riseFall().config());
            // At start the counter is rise-1: one good run is enough.
            awaitNotify(s, "VI_1-notify", 6_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150");
            assertThat(runs(s)).isLessThanOrEqualTo(2);

            int before = runs(s);
            s.sh("touch @DIR@/chk.fail");
            awaitThat(s, "the first failing run", 3_000, () -> runs(s) >= before + 1);
            Thread.sleep(500);
            assertThat(s.recording().get("notify:VI_1-notify")).as("after one failure of fall 2").hasSize(2);
            awaitNotify(s, "VI_1-notify", 3_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 FAULT 150");
            assertThat(runs(s) - before).as("failing runs before FAULT (fall 2)").isEqualTo(2);

            int failed = runs(s);
            s.sh("rm @DIR@/chk.fail");
            awaitThat(s, "the second good run", 4_000, () -> runs(s) >= failed + 2);
            Thread.sleep(500);
            assertThat(s.recording().get("notify:VI_1-notify")).as("after two successes of rise 3").hasSize(3);
            awaitNotify(s, "VI_1-notify", 3_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 FAULT 150", "INSTANCE VI_1 BACKUP 150");
            assertThat(runs(s) - failed).as("good runs before BACKUP (rise 3)").isEqualTo(3);
            awaitNotify(s, "VI_1-notify", 3_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 FAULT 150", "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150");
        }
    }

    /**
     * A run that hangs (a shell waiting for its child) is killed at its timeout, shell and child (the process
     * group), counts as a failure (FAULT), and the next run brings the instance back.
     */
    @Test
    void aHungScriptIsKilledAtItsTimeout() throws Exception {
        try (Side s = new Side(KIND, dir, false)) {
            s.start(Scenarios.hungScript().config());
            awaitNotify(s, "VI_1-notify", 8_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150");
            s.sh("touch @DIR@/chk.hangchild");
            awaitThat(s, "the hung run", 4_000, () -> !s.readFile("chk.child").isBlank());
            long shell = Long.parseLong(s.readFile("chk.pid").trim());
            long child = Long.parseLong(s.readFile("chk.child").trim());
            long hungAt = System.nanoTime();
            assertThat(ProcessHandle.of(shell)).as("the hung shell").isPresent();
            awaitNotify(s, "VI_1-notify", 4_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 FAULT 150");
            long faultMillis = (System.nanoTime() - hungAt) / 1_000_000;
            assertThat(faultMillis).as("FAULT comes at the 2 s timeout, not before").isGreaterThan(1_500);
            // SIGTERM to the group at the timeout (SIGKILL 2 s later): both are gone by then.
            awaitThat(s, "the hung shell " + shell + " and its child " + child + " killed", 2_500,
                    () -> gone(shell) && gone(child));
            assertThat(s.logLines("VRRP_Script(chk) timed_out")).hasSize(1);
            awaitNotify(s, "VI_1-notify", 5_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 FAULT 150", "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150");
        }
    }

    /** track_interface: weight 0 (VI_1) goes to FAULT on link down, weight -30 (VI_2) only loses priority. */
    @Test
    void trackInterfaceLinkDown() throws Exception {
        String config = GLOBAL + instance("VI_1", 51, 150, "  track_interface {\n    eth1\n  }\n")
                + instance("VI_2", 52, 150, "  notify_priority_changes\n  track_interface {\n    eth1 weight -30\n  }\n");
        try (Side s = new Side(KIND, dir, false)) {
            s.start(config);
            awaitNotify(s, "VI_1-notify", 8_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150");
            awaitNotify(s, "VI_2-notify", 3_000, "INSTANCE VI_2 BACKUP 150", "INSTANCE VI_2 MASTER 150");
            s.sh("ip link set eth1 down");
            awaitNotify(s, "VI_1-notify", 3_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 FAULT 150");
            awaitFifo(s, "VI_2", 3_000, "INSTANCE \"VI_2\" BACKUP 150", "INSTANCE \"VI_2\" MASTER 150",
                    "INSTANCE \"VI_2\" MASTER_PRIORITY 120");
            s.sh("ip link set eth1 up");
            awaitNotify(s, "VI_1-notify", 3_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 FAULT 150", "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150");
            awaitFifo(s, "VI_2", 3_000, "INSTANCE \"VI_2\" BACKUP 150", "INSTANCE \"VI_2\" MASTER 150",
                    "INSTANCE \"VI_2\" MASTER_PRIORITY 120", "INSTANCE \"VI_2\" MASTER_PRIORITY 150");
            s.stop();
            assertThat(s.recording().get("notify:VI_2-notify")).containsExactly("INSTANCE VI_2 BACKUP 150",
                    "INSTANCE VI_2 MASTER 150", "INSTANCE VI_2 STOP 150");
        }
    }

    /** track_file: the value times the weight moves the priority; a weight-0 file with a non-zero value is FAULT. */
    @Test
    void trackFileValueChanges() throws Exception {
        try (Side s = new Side(KIND, dir, false)) {
            s.start(Scenarios.trackFile().config());
            awaitFifo(s, "VI_1", 8_000, "INSTANCE \"VI_1\" BACKUP 150", "INSTANCE \"VI_1\" MASTER 150");
            s.sh("echo 5 > @DIR@/tf");
            awaitFifo(s, "VI_1", 3_000, "INSTANCE \"VI_1\" BACKUP 150", "INSTANCE \"VI_1\" MASTER 150",
                    "INSTANCE \"VI_1\" MASTER_PRIORITY 160");
            s.sh("echo -10 > @DIR@/tf");
            awaitFifo(s, "VI_1", 3_000, "INSTANCE \"VI_1\" BACKUP 150", "INSTANCE \"VI_1\" MASTER 150",
                    "INSTANCE \"VI_1\" MASTER_PRIORITY 160", "INSTANCE \"VI_1\" MASTER_PRIORITY 130");
            s.sh("echo 1 > @DIR@/tz");
            awaitNotify(s, "VI_1-notify", 3_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 FAULT 130");
            s.sh("echo 0 > @DIR@/tz");
            awaitNotify(s, "VI_1-notify", 3_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                    "INSTANCE VI_1 FAULT 130", "INSTANCE VI_1 BACKUP 130", "INSTANCE VI_1 MASTER 130");
        }
    }

    /**
     * vrrp_track_process (weight 0) of a uniquely named copy of sleep: FAULT while it is not running, BACKUP then
     * MASTER once it runs, FAULT when it stops. (keepalived cannot do this inside a network namespace, see
     * tracking-observed.md; the sequence is what its documentation describes.)
     */
    @Test
    void trackedProcessStartingAndStopping() throws Exception {
        try (Side s = new Side(KIND, dir, false)) {
            s.start(Scenarios.trackProcess().config());
            awaitNotify(s, "VI_1-notify", 8_000, "INSTANCE VI_1 FAULT 150");
            s.startProcess();
            awaitNotify(s, "VI_1-notify", 5_000, "INSTANCE VI_1 FAULT 150", "INSTANCE VI_1 BACKUP 150",
                    "INSTANCE VI_1 MASTER 150");
            s.stopProcesses();
            awaitNotify(s, "VI_1-notify", 5_000, "INSTANCE VI_1 FAULT 150", "INSTANCE VI_1 BACKUP 150",
                    "INSTANCE VI_1 MASTER 150", "INSTANCE VI_1 FAULT 150");
        }
    }

    /**
     * A sync group moves together: a higher-priority keepalived master on VI_1's VRID holds both members in BACKUP
     * (VI_2 has no master of its own); VI_2's tracked interface going down takes the whole group to FAULT; back up,
     * BACKUP; the peer stopping lets both become MASTER.
     */
    @Test
    void syncGroupMovesTogether() throws Exception {
        try (Side s = new Side(KIND, dir, true)) {
            Daemon peer = s.startPeer(Scenarios.peer(200));
            awaitThat(s, "the keepalived peer is MASTER", 5_000, () -> s.peerNode().has(VIP));
            s.start(Scenarios.syncGroupFault().config());
            awaitNotify(s, "G1-notify", 8_000, "GROUP G1 BACKUP 0");
            Thread.sleep(2_500); // longer than VI_2's Master_Down_Interval: it would be MASTER alone
            assertThat(s.recording().get("notify:VI_2-notify")).containsExactly("INSTANCE VI_2 BACKUP 150");
            assertThat(s.recording().get("notify:VI_1-notify")).containsExactly("INSTANCE VI_1 BACKUP 150");

            s.sh("ip link set eth1 down");
            awaitNotify(s, "G1-notify", 3_000, "GROUP G1 BACKUP 0", "GROUP G1 FAULT 0");
            awaitNotify(s, "VI_1-notify", 3_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 FAULT 150");
            awaitNotify(s, "VI_2-notify", 3_000, "INSTANCE VI_2 BACKUP 150", "INSTANCE VI_2 FAULT 150");
            s.sh("ip link set eth1 up");
            awaitNotify(s, "G1-notify", 3_000, "GROUP G1 BACKUP 0", "GROUP G1 FAULT 0", "GROUP G1 BACKUP 0");

            peer.terminate();
            awaitNotify(s, "G1-notify", 5_000, "GROUP G1 BACKUP 0", "GROUP G1 FAULT 0", "GROUP G1 BACKUP 0",
                    "GROUP G1 MASTER 0");
            awaitNotify(s, "VI_1-notify", 3_000, "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 FAULT 150",
                    "INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150");
            awaitNotify(s, "VI_2-notify", 3_000, "INSTANCE VI_2 BACKUP 150", "INSTANCE VI_2 FAULT 150",
                    "INSTANCE VI_2 BACKUP 150", "INSTANCE VI_2 MASTER 150");
            s.stop();
            // keepalived's order (observed): the member that moves first, then the others, then the group. The group
            // becomes MASTER only when its last member's Master_Down timer fires: VI_2's (0.5 s adverts), not VI_1's.
            assertThat(s.recording().get("fifo")).as(s.daemon().log()).containsExactly(
                    "GROUP \"G1\" BACKUP 0", "INSTANCE \"VI_1\" BACKUP 150", "INSTANCE \"VI_2\" BACKUP 150",
                    "INSTANCE \"VI_2\" FAULT 150", "INSTANCE \"VI_1\" FAULT 150", "GROUP \"G1\" FAULT 0",
                    "INSTANCE \"VI_2\" BACKUP 150", "INSTANCE \"VI_1\" BACKUP 150", "GROUP \"G1\" BACKUP 0",
                    "INSTANCE \"VI_2\" MASTER 150", "INSTANCE \"VI_1\" MASTER 150", "GROUP \"G1\" MASTER 0",
                    "INSTANCE \"VI_1\" STOP 150", "INSTANCE \"VI_2\" STOP 150", "GROUP \"G1\" STOP 0");
        }
    }

    static int runs(Side s) {
        String r = s.readFile("chk.runs");
        return r.isBlank() ? 0 : (int) r.lines().count();
    }

    static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    static void awaitThat(Side s, String what, long timeoutMillis, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what
                        + "\nrecorded:\n" + TrackingDifferentialIT.describe(s.recording()) + "\nlog:\n" + log(s));
            }
            Thread.sleep(10);
        }
    }

    /** Waits until notify script {@code tag}'s calls are exactly {@code expected} (a prefix is not enough). */
    static void awaitNotify(Side s, String tag, long timeoutMillis, String... expected) throws Exception {
        List<String> want = Arrays.asList(expected);
        awaitThat(s, "notify:" + tag + " = " + want, timeoutMillis,
                () -> want.equals(recorded(s, "notify:" + tag)));
    }

    /** Waits until the fifo lines of instance/group {@code name} are exactly {@code expected}. */
    static void awaitFifo(Side s, String name, long timeoutMillis, String... expected) throws Exception {
        List<String> want = Arrays.asList(expected);
        awaitThat(s, "fifo lines of " + name + " = " + want, timeoutMillis, () -> {
            List<String> mine = new ArrayList<>();
            for (String l : recorded(s, "fifo")) {
                if (l.contains("\"" + name + "\"")) {
                    mine.add(l);
                }
            }
            return want.equals(mine);
        });
    }

    private static List<String> recorded(Side s, String channel) {
        try {
            return s.recording().getOrDefault(channel, List.of());
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String log(Side s) {
        return s.daemon() == null ? "" : s.daemon().log();
    }
}
