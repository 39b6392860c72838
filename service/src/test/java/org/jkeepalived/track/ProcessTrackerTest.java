package org.jkeepalived.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.config.model.track.TrackProcess.ParamMatch;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Await;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vrrp_track_process with a uniquely named copy of sleep started and stopped, by events and by polling. */
class ProcessTrackerTest {
    @TempDir
    Path dir;

    final List<TrackerUpdate> updates = Collections.synchronizedList(new ArrayList<>());
    final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final List<Process> started = new ArrayList<>();
    ProcessTracker tracker;
    String name;
    Path program;

    @BeforeEach
    void copySleep() throws Exception {
        name = "jka" + UUID.randomUUID().toString().substring(0, 8);
        program = dir.resolve(name);
        Files.copy(Path.of("/bin/sleep"), program);
        program.toFile().setExecutable(true);
    }

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
        if (tracker != null) {
            tracker.close();
        }
        scheduler.shutdownNow();
    }

    Process launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(program.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        started.add(p);
        return p;
    }

    TrackProcess block(String process, List<String> params, int quorum, Integer max, long delayMicros,
                       boolean full) {
        return new TrackProcess("proc", process, params, params.isEmpty() ? ParamMatch.NONE : ParamMatch.EXACT, 0,
                false, quorum, max, delayMicros, delayMicros, full, new Location("t", 1));
    }

    List<Boolean> ups() {
        synchronized (updates) {
            return updates.stream().map(u -> u.status() == TrackerUpdate.Status.UP).toList();
        }
    }

    private void startAndStop(boolean connector) throws Exception {
        tracker = new ProcessTracker(updates::add, scheduler, Log.to((l, d, m) -> logged.add(m)), connector);
        tracker.start(List.of(block(name, List.of(), 1, null, 0, false)));
        assertThat(tracker.mode()).isEqualTo(connector ? ProcessTracker.Mode.CONNECTOR : ProcessTracker.Mode.POLLING);
        assertThat(updates).containsExactly(TrackerUpdate.process("proc", false));
        long t0 = System.nanoTime();
        Process p = launch("100");
        Await.await("UP", 3000, () -> ups().size() == 2);
        long upMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(tracker.count("proc")).isEqualTo(1);
        long t1 = System.nanoTime();
        p.destroy();
        Await.await("DOWN", 3000, () -> ups().size() == 3);
        long downMillis = (System.nanoTime() - t1) / 1_000_000;
        assertThat(ups()).containsExactly(false, true, false);
        System.out.println("track_process " + tracker.mode() + ": start seen in " + upMillis + " ms, exit in "
                + downMillis + " ms");
        if (connector) {
            assertThat(upMillis).isLessThan(300);
            assertThat(downMillis).isLessThan(300);
        }
    }

    @Test
    void aProcessStartingAndStoppingByConnectorEvents() throws Exception {
        Privileged.require();
        startAndStop(true);
    }

    @Test
    void aProcessStartingAndStoppingByPolling() throws Exception {
        startAndStop(false);
    }

    @Test
    void quorumMaxAndFullCommandParameters() throws Exception {
        Privileged.require();
        tracker = new ProcessTracker(updates::add, scheduler, Log.to((l, d, m) -> logged.add(m)), true);
        TrackProcess atMostOne = block(name, List.of(), 1, 1, 0, false);
        TrackProcess withParams = new TrackProcess("params", program.toString(), List.of("200"), ParamMatch.EXACT, 0,
                false, 1, null, 0, 0, true, new Location("t", 1));
        tracker.start(List.of(atMostOne, withParams));
        launch("100");
        Await.await("one: UP", 3000, () -> tracker.current().get("proc").equals(TrackerUpdate.process("proc", true)));
        assertThat(tracker.current().get("params")).isEqualTo(TrackerUpdate.process("params", false));
        launch("200");
        Await.await("two: over quorum_max", 3000, () -> tracker.current().get("proc").status()
                == TrackerUpdate.Status.DOWN);
        Await.await("params matched", 3000, () -> tracker.current().get("params").status()
                == TrackerUpdate.Status.UP);
    }

    @Test
    void terminateDelayHidesAQuickRestart() throws Exception {
        Privileged.require();
        tracker = new ProcessTracker(updates::add, scheduler, Log.to((l, d, m) -> logged.add(m)), true);
        Process first = launch("100");
        tracker.start(List.of(block(name, List.of(), 1, null, 400_000, false)));
        assertThat(ups()).containsExactly(true);
        first.destroy();
        first.waitFor();
        launch("100");
        Thread.sleep(700);
        assertThat(ups()).containsExactly(true);
        started.forEach(Process::destroy);
        long t0 = System.nanoTime();
        Await.await("DOWN after terminate_delay", 3000, () -> ups().size() == 2);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(390);
    }
}
