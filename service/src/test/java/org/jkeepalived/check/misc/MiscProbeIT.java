package org.jkeepalived.check.misc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.MiscCheck;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.LinuxScriptRunner;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MISC_CHECK with real processes through the Linux script runner: exit codes, dynamic weight, timeout. */
class MiscProbeIT {
    @TempDir
    Path dir;

    private ProbeResult run(String shell, long timeoutMicros, boolean dynamic) throws Exception {
        Path script = dir.resolve("prb-misc.sh");
        Files.writeString(script, "#!/bin/sh\n" + shell + "\n");
        script.toFile().setExecutable(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (LinuxScriptRunner runner = new LinuxScriptRunner(GlobalDefs.defaults("localhost").scripts(),
                Log.to((l, d, m) -> { }))) {
            MiscCheck check = new MiscCheck(new CheckerTiming(10_000_000, 0, 0, 1_000_000, false, false),
                    new ScriptCommand(script.toString(), List.of(script.toString()), null, null,
                            new Location("k.conf", 1)), timeoutMicros, dynamic);
            return new MiscProbe(check, runner, pool).attempt().get(20, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void exitCodesOfARealScript() throws Exception {
        Privileged.require("sh");
        assertThat(run("exit 0", 5_000_000, true)).isEqualTo(ProbeResult.success());
        assertThat(run("exit 1", 5_000_000, true).reason()).endsWith("exited with status 1");
        assertThat(run("exit 42", 5_000_000, true)).isEqualTo(new ProbeResult(true, "", 40));
        assertThat(run("exit 42", 5_000_000, false).up()).isFalse();
    }

    @Test
    void aHungScriptIsKilledAtMiscTimeout() throws Exception {
        Privileged.require("sh", "sleep");
        long start = System.nanoTime();
        ProbeResult r = run("exec sleep 30", 300_000, false);
        assertThat(r.reason()).endsWith("timed out");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    }
}
