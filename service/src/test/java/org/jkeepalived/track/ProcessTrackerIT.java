package org.jkeepalived.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.config.model.track.TrackProcess.ParamMatch;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Await;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tier 4: a daemon in a network namespace has no proc connector and falls back to polling /proc. */
class ProcessTrackerIT {
    @TempDir
    Path dir;

    @Test
    void inANetworkNamespaceTheTrackerPollsProc() throws Exception {
        Privileged.require("ip");
        String name = "jkai" + ProcessHandle.current().pid() % 100000;
        Path program = dir.resolve(name);
        Files.copy(Path.of("/bin/sleep"), program);
        program.toFile().setExecutable(true);
        List<TrackerUpdate> updates = Collections.synchronizedList(new ArrayList<>());
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ProcessTracker tracker = new ProcessTracker(updates::add, scheduler, Log.to((l, d, m) -> logged.add(m)), true);
        Process p = null;
        try (Netns ns = Netns.create("jkap")) {
            ns.call(() -> {
                tracker.start(List.of(new TrackProcess("proc", name, List.of(), ParamMatch.NONE, 0, false, 1, null, 0,
                        0, false, new Location("t", 1))));
                return null;
            });
            assertThat(tracker.mode()).isEqualTo(ProcessTracker.Mode.POLLING);
            assertThat(logged).anyMatch(m -> m.startsWith("Failed to set/clear process event listen"));
            p = new ProcessBuilder(program.toString(), "100").start();
            Await.await("UP by polling", 3000, () -> updates.size() == 2);
            assertThat(updates).containsExactly(TrackerUpdate.process("proc", false), TrackerUpdate.process("proc", true));
        } finally {
            if (p != null) {
                p.destroyForcibly();
            }
            tracker.close();
            scheduler.shutdownNow();
        }
    }
}
