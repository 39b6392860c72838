package org.jkeepalived.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.LinuxScriptRunner;
import org.jkeepalived.track.TrackerUpdate.Status;
import org.jkeepalived.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vrrp_script tracker with real scripts on disk and the real runner. */
class ScriptTrackerTest {
    @TempDir
    Path dir;

    final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    final Log log = Log.to((level, detail, m) -> logged.add(m));
    final List<TrackerUpdate> updates = Collections.synchronizedList(new ArrayList<>());
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService workers = Executors.newCachedThreadPool();
    final LinuxScriptRunner runner = new LinuxScriptRunner(
            new GlobalDefs.ScriptSettings(null, null, false, null, 0, null, 0, false, false), log);
    ScriptTracker tracker;

    @AfterEach
    void stop() {
        if (tracker != null) {
            tracker.stop();
        }
        scheduler.shutdownNow();
        workers.shutdownNow();
        runner.close();
    }

    static VrrpScript script(String name, Path file, long intervalMillis, long timeoutMillis, int rise, int fall,
                             boolean initFail) {
        ScriptCommand c = new ScriptCommand(file.toString(), List.of(file.toString()), null, null,
                new Location("t", 1));
        return new VrrpScript(name, c, intervalMillis * 1000, timeoutMillis * 1000, 0, false, rise, fall, null, null,
                initFail, new Location("t", 1));
    }

    Path scriptFile(String body) throws Exception {
        Path f = dir.resolve("chk.sh");
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        f.toFile().setExecutable(true);
        return f;
    }

    List<Status> statuses() {
        synchronized (updates) {
            return updates.stream().map(TrackerUpdate::status).toList();
        }
    }

    @Test
    void riseAndFallCounting() throws Exception {
        Path rc = dir.resolve("rc");
        Files.writeString(rc, "0");
        tracker = new ScriptTracker(script("chk", scriptFile("exit $(cat " + rc + ")"), 100, 1000, 2, 3, false),
                runner, scheduler, workers, updates::add, log);
        tracker.start();
        Await.await("UP", 3000, () -> statuses().equals(List.of(Status.INIT, Status.UP)));
        Files.writeString(rc, "1");
        long failMillis = Await.await("DOWN", 3000, () -> statuses().size() == 3);
        assertThat(statuses().get(2)).isEqualTo(Status.DOWN);
        // fall 3: three failed runs, 100 ms apart
        assertThat(failMillis).isBetween(150L, 1500L);
        Files.writeString(rc, "0");
        Await.await("UP again", 3000, () -> statuses().size() == 4);
        assertThat(statuses()).containsExactly(Status.INIT, Status.UP, Status.DOWN, Status.UP);
        assertThat(tracker.current()).isEqualTo(TrackerUpdate.script("chk", Status.UP));
        assertThat(logged).containsSubsequence("VRRP_Script(chk) succeeded", "Script `chk` now returning 1",
                "VRRP_Script(chk) failed (exited with status 1)", "Script `chk` now returning 0",
                "VRRP_Script(chk) succeeded");
    }

    @Test
    void initFailStartsDown() throws Exception {
        tracker = new ScriptTracker(script("chk", scriptFile("exit 0"), 100, 1000, 2, 1, true), runner, scheduler,
                workers, updates::add, log);
        tracker.start();
        Await.await("UP after two successes", 3000, () -> statuses().size() == 2);
        assertThat(statuses()).containsExactly(Status.DOWN, Status.UP);
    }

    @Test
    void aHungScriptIsKilledAtItsTimeoutAndCountsAsAFailure() throws Exception {
        Path pids = dir.resolve("pids");
        tracker = new ScriptTracker(script("hang", scriptFile("sleep 100 & echo $$ $! > " + pids + "; wait"),
                1000, 300, 1, 1, false), runner, scheduler, workers, updates::add, log);
        long start = System.nanoTime();
        tracker.start();
        Await.await("DOWN", 3000, () -> statuses().size() == 2);
        long downMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(statuses()).containsExactly(Status.INIT, Status.DOWN);
        assertThat(downMillis).isBetween(300L, 1200L);
        assertThat(logged).contains("VRRP_Script(hang) timed_out");
        for (String pid : Files.readString(pids).trim().split(" ")) {
            Await.await("pid " + pid + " gone", 2000, () -> gone(pid));
        }
    }

    @Test
    void aRunStillGoingAtTheNextIntervalSkipsIt() throws Exception {
        tracker = new ScriptTracker(script("slow", scriptFile("sleep 0.35"), 100, 2000, 1, 1, false), runner,
                scheduler, workers, updates::add, log);
        tracker.start();
        Await.await("UP", 3000, () -> statuses().size() == 2);
        assertThat(logged).contains("Track script slow is already running, expect idle - skipping run");
    }

    @Test
    void stopEndsARunningScript() throws Exception {
        Path pids = dir.resolve("pids");
        tracker = new ScriptTracker(script("hang", scriptFile("echo $$ > " + pids + "; exec sleep 100"), 1000, 60_000,
                1, 1, false), runner, scheduler, workers, updates::add, log);
        tracker.start();
        Await.await("script started", 3000, () -> Files.exists(pids) && !readQuietly(pids).isBlank());
        tracker.stop();
        String pid = readQuietly(pids).trim();
        Await.await("pid " + pid + " gone after stop", 3000, () -> gone(pid));
        assertThat(statuses()).containsExactly(Status.INIT);
    }

    static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

    static boolean gone(String pid) {
        String stat = readQuietly(Path.of("/proc", pid, "stat"));
        return stat.isEmpty() || stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }
}
