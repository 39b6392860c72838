package org.jkeepalived.notify.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.Event.NotifyState;
import org.jkeepalived.event.Event.TargetType;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifyScriptSubscriberTest {
    private final FakeScriptRunner runner = new FakeScriptRunner();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Log log = Log.to((level, detail, m) -> logged.add(level + " " + m));
    private NotifyScriptSubscriber sub;

    @AfterEach
    void tearDown() {
        if (sub != null) {
            sub.close(Duration.ZERO);
        }
    }

    static ScriptCommand cmd(String... argv) {
        return new ScriptCommand(String.join(" ", argv), List.of(argv), null, null, new Location("k.conf", 1));
    }

    /** Every notify script configured, each naming itself; {@code notify} has a user argument with a space. */
    static NotifyScripts all(String p) {
        return new NotifyScripts(cmd("/n.sh", p + "master"), cmd("/n.sh", p + "backup"), cmd("/n.sh", p + "fault"),
                cmd("/n.sh", p + "stop"), cmd("/n.sh", p + "deleted"), cmd("/n.sh", p + "notify", "a b"),
                cmd("/n.sh", p + "rxlower"), true);
    }

    static Event.Target instance(String name, NotifyScripts s) {
        return new Event.Target(TargetType.INSTANCE, name, s, false, false);
    }

    private void awaitCalls(int n) throws InterruptedException {
        await(n + " script calls", 5_000, () -> runner.calls.size() >= n);
    }

    @Test
    void everyInstanceStateRunsItsScriptThenNotifyWithKeepalivedsFourArguments() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log);
        Event.Target t = instance("VI_1", all(""));
        int prio = 100;
        for (NotifyState s : NotifyState.values()) {
            sub.accept(new Event.VrrpStateChanged(t, s, prio++, "test"));
        }
        awaitCalls(10);
        assertThat(runner.argvs()).containsExactly(
                List.of("/n.sh", "master"), List.of("/n.sh", "notify", "a b", "INSTANCE", "VI_1", "MASTER", "100"),
                List.of("/n.sh", "backup"), List.of("/n.sh", "notify", "a b", "INSTANCE", "VI_1", "BACKUP", "101"),
                List.of("/n.sh", "fault"), List.of("/n.sh", "notify", "a b", "INSTANCE", "VI_1", "FAULT", "102"),
                List.of("/n.sh", "stop"), List.of("/n.sh", "notify", "a b", "INSTANCE", "VI_1", "STOP", "103"),
                List.of("/n.sh", "deleted"), List.of("/n.sh", "notify", "a b", "INSTANCE", "VI_1", "DELETED", "104"));
        assertThat(sub.started()).isEqualTo(10);
    }

    @Test
    void realServerAndQuorumChangesRunTheirScriptsWithoutArguments() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log);
        sub.accept(new Event.RealServerChanged("[10.0.0.1]:tcp:80", "[10.0.1.1]:tcp:80", false,
                cmd("/rs.sh", "down"), false, "connection refused", "TCP_CHECK"));
        sub.accept(new Event.RealServerChanged("[10.0.0.1]:tcp:80", "[10.0.1.2]:tcp:80", true, null, false, "", "TCP_CHECK"));
        sub.accept(new Event.QuorumChanged("[10.0.0.1]:tcp:80", false, cmd("/q.sh", "lost"), false, "Lost quorum"));
        awaitCalls(2);
        Thread.sleep(100);
        assertThat(runner.argvs()).containsExactlyInAnyOrder(List.of("/rs.sh", "down"), List.of("/q.sh", "lost"));
    }

    @Test
    void aGroupReportsPriorityZero() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log);
        Event.Target g = new Event.Target(TargetType.GROUP, "G1", all("G"), false, false);
        sub.accept(new Event.VrrpStateChanged(g, NotifyState.BACKUP, 0, "test"));
        sub.accept(new Event.VrrpStateChanged(g, NotifyState.MASTER, 77, "test"));
        awaitCalls(4);
        assertThat(runner.argvs()).containsExactly(
                List.of("/n.sh", "Gbackup"), List.of("/n.sh", "Gnotify", "a b", "GROUP", "G1", "BACKUP", "0"),
                List.of("/n.sh", "Gmaster"), List.of("/n.sh", "Gnotify", "a b", "GROUP", "G1", "MASTER", "0"));
    }

    @Test
    void onlyTheConfiguredScriptsRunAndRxLowerPriGetsNoArguments() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log);
        NotifyScripts onlyGeneric = new NotifyScripts(null, null, null, null, null, cmd("/g.sh"), null, false);
        NotifyScripts onlyRx = new NotifyScripts(null, null, null, null, null, null, cmd("/rx.sh", "x"), false);
        sub.accept(new Event.VrrpStateChanged(instance("VI_1", onlyGeneric), NotifyState.FAULT, 90, "t"));
        sub.accept(new Event.VrrpStateChanged(instance("VI_2", onlyRx), NotifyState.MASTER, 90, "t"));
        sub.accept(new Event.MasterRxLowerPriority(instance("VI_1", onlyGeneric), 100,
                InetAddress.getLoopbackAddress(), 50));
        sub.accept(new Event.MasterRxLowerPriority(instance("VI_2", onlyRx), 100,
                InetAddress.getLoopbackAddress(), 50));
        // Priority changes and tracker changes run nothing (keepalived: FIFO only).
        sub.accept(new Event.VrrpPriorityChanged(instance("VI_1", all("")), NotifyState.MASTER, 99));
        sub.accept(new Event.TrackerChanged("script", "chk", true, 0));
        awaitCalls(2);
        Thread.sleep(100);
        assertThat(runner.argvs()).containsExactlyInAnyOrder(
                List.of("/g.sh", "INSTANCE", "VI_1", "FAULT", "90"), List.of("/rx.sh", "x"));
    }

    @Test
    void aTargetsScriptsRunInEventOrderEachAfterThePreviousExited() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log);
        runner.hangWhen(argv -> argv.contains("master"));
        Event.Target t = instance("VI_1", all(""));
        sub.accept(new Event.VrrpStateChanged(t, NotifyState.MASTER, 100, "t"));
        sub.accept(new Event.VrrpStateChanged(t, NotifyState.BACKUP, 90, "t"));
        awaitCalls(1);
        Thread.sleep(150);
        assertThat(runner.argvs()).containsExactly(List.of("/n.sh", "master"));
        runner.finish("master");
        awaitCalls(4);
        assertThat(runner.argvs()).extracting(a -> a.get(1))
                .containsExactly("master", "notify", "backup", "notify");
        assertThat(runner.argvs().get(3)).endsWith("BACKUP", "90");
    }

    @Test
    void aHungScriptOfOneTargetNeverDelaysAnother() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log);
        runner.hangWhen(argv -> argv.contains("1master"));
        sub.accept(new Event.VrrpStateChanged(instance("VI_1", all("1")), NotifyState.MASTER, 100, "t"));
        awaitCalls(1);
        long t0 = System.nanoTime();
        sub.accept(new Event.VrrpStateChanged(instance("VI_2", all("2")), NotifyState.MASTER, 100, "t"));
        await("VI_2's two scripts", 1_000, () -> runner.argvs().stream().filter(a -> a.get(1).startsWith("2"))
                .count() == 2);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_000);
        assertThat(runner.argvs()).noneMatch(a -> a.get(1).equals("1notify"));
    }

    @Test
    void acceptReturnsAtOnceWhileScriptsHang() {
        sub = new NotifyScriptSubscriber(runner, log);
        runner.hangWhen(argv -> true);
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            sub.accept(new Event.VrrpStateChanged(instance("VI_" + (i % 3), all("")), NotifyState.MASTER, 100, "t"));
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(500);
    }

    @Test
    void aScriptStillRunningAfterTheBoundIsLeftRunningAndTheNextOneStarts() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log, Duration.ofMillis(200));
        runner.hangWhen(argv -> argv.contains("master"));
        Event.Target t = instance("VI_1", all(""));
        long t0 = System.nanoTime();
        sub.accept(new Event.VrrpStateChanged(t, NotifyState.MASTER, 100, "t"));
        awaitCalls(2);
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertThat(waited).isBetween(190L, 2_000L);
        assertThat(sub.overran()).isEqualTo(1);
        assertThat(runner.runningList.get(0).terminated).isFalse();
        assertThat(logged).anyMatch(m -> m.startsWith("WARN notify script /n.sh master")
                && m.contains("still running after 200 ms"));
    }

    @Test
    void closeStartsWhatIsQueuedWaitsForTheGraceThenTerminatesWhatStillRuns() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log);
        runner.hangWhen(argv -> argv.contains("stop"));
        sub.accept(new Event.VrrpStateChanged(instance("VI_1", all("")), NotifyState.STOP, 100, "t"));
        awaitCalls(1);
        long t0 = System.nanoTime();
        sub.close(Duration.ofMillis(300));
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertThat(waited).isBetween(290L, 2_000L);
        assertThat(runner.runningList.get(0).terminated).isTrue();
        // The notify queued behind the hung notify_stop was started at close without waiting for it.
        assertThat(runner.argvs()).containsExactly(List.of("/n.sh", "stop"),
                List.of("/n.sh", "notify", "a b", "INSTANCE", "VI_1", "STOP", "100"));
        assertThat(logged).anyMatch(m -> m.contains("still running at shutdown: terminating it"));
        sub.accept(new Event.VrrpStateChanged(instance("VI_1", all("")), NotifyState.MASTER, 100, "t"));
        Thread.sleep(50);
        assertThat(runner.calls).hasSize(2);
    }

    @Test
    void closeReturnsAsSoonAsScriptsHaveEnded() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log);
        sub.accept(new Event.VrrpStateChanged(instance("VI_1", all("")), NotifyState.STOP, 100, "t"));
        awaitCalls(2);
        long t0 = System.nanoTime();
        sub.close(Duration.ofSeconds(5));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void aScriptThatCannotStartIsLoggedAndTheNextOneStillRuns() throws Exception {
        sub = new NotifyScriptSubscriber(runner, log);
        runner.refuse("/missing.sh");
        NotifyScripts s = new NotifyScripts(cmd("/missing.sh"), null, null, null, null, cmd("/g.sh"), null, false);
        sub.accept(new Event.VrrpStateChanged(instance("VI_1", s), NotifyState.MASTER, 100, "t"));
        awaitCalls(1);
        assertThat(runner.argvs()).containsExactly(List.of("/g.sh", "INSTANCE", "VI_1", "MASTER", "100"));
        assertThat(sub.failedToStart()).isEqualTo(1);
        assertThat(logged).anyMatch(m -> m.startsWith("ERROR Failed to exec notify script /missing.sh"));
    }
}
