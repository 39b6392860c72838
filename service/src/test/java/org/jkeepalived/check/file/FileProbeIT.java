package org.jkeepalived.check.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.lvs.FileCheck;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.track.TrackFile;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.ScriptRunner;
import org.jkeepalived.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FILE_CHECK fed by the real track_file tracker (inotify) as the file is rewritten. */
class FileProbeIT {
    /** No scripts are tracked here; the runtime still wants a runner. */
    private static final ScriptRunner NO_SCRIPTS = new ScriptRunner() {
        @Override
        public ScriptResult run(org.jkeepalived.config.model.ScriptCommand c, List<String> a, java.time.Duration t) {
            throw new AssertionError("no script expected");
        }

        @Override
        public Running start(org.jkeepalived.config.model.ScriptCommand c, List<String> a) {
            throw new AssertionError("no script expected");
        }
    };

    @TempDir
    Path dir;

    @Test
    void followsTheFileAsItChanges() throws Exception {
        Path file = dir.resolve("prb-file");
        Files.writeString(file, "0\n");
        FileProbe zero = new FileProbe(new FileCheck("tf", 0, false, false));
        FileProbe dynamic = new FileProbe(new FileCheck("tf", 3, false, true));
        TrackConfig config = new TrackConfig(List.of(),
                List.of(new TrackFile("tf", file.toString(), 1, false, false, 0, false, new Location("k.conf", 1))),
                List.of(), List.of());
        try (org.jkeepalived.track.TrackerRuntime tracker = new org.jkeepalived.track.TrackerRuntime(config,
                new org.jkeepalived.track.TrackerRuntime.Tracked(Set.of(), Set.of("tf"), Set.of()),
                NO_SCRIPTS, u -> {
                    zero.accept(u);
                    dynamic.accept(u);
                }, Log.to((l, d, m) -> { }))) {
            tracker.start();
            assertThat(zero.result().up()).isTrue();

            Files.writeString(file, "7\n");
            Await.await("a non-zero value fails weight 0", 5000, () -> !zero.result().up());
            assertThat(dynamic.result().up()).isTrue();
            assertThat(dynamic.weightDelta()).isEqualTo(21);

            Files.writeString(file, "0\n");
            Await.await("zero again", 5000, () -> zero.result().up());
            assertThat(dynamic.weightDelta()).isZero();
        }
    }
}
