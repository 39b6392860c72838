package org.jkeepalived.notify.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.global.GlobalDefs.ScriptSettings;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.ScriptRunner.Outcome;
import org.jkeepalived.os.process.ScriptRunner.ScriptResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleScriptsTest {
    @TempDir
    Path dir;
    private final FakeScriptRunner runner = new FakeScriptRunner();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Log log = Log.to((level, detail, m) -> logged.add(level + (detail ? " -D " : " ") + m));

    static ScriptCommand cmd(String... argv) {
        return new ScriptCommand(String.join(" ", argv), List.of(argv), null, null, new Location("k.conf", 1));
    }

    static ScriptSettings settings(ScriptCommand startup, long startupMicros, ScriptCommand shutdown,
                                   long shutdownMicros) {
        return new ScriptSettings("root", null, true, startup, startupMicros, shutdown, shutdownMicros);
    }

    @Test
    void eachScriptRunsWithOnlyItsOwnArgumentsAndItsTimeout() {
        LifecycleScripts s = new LifecycleScripts(settings(cmd("/bin/sh", "-c", "exit 0", "up"), 3_000_000,
                cmd("/bin/sh", "down"), 0), runner, log);
        assertThat(s.runStartup().succeeded()).isTrue();
        runner.runResult(ScriptResult.exited(1));
        assertThat(s.runShutdown().exitStatus()).isEqualTo(1);
        assertThat(runner.calls).extracting(FakeScriptRunner.Call::argv).containsExactly(
                List.of("/bin/sh", "-c", "exit 0", "up"), List.of("/bin/sh", "down"));
        assertThat(runner.calls).extracting(FakeScriptRunner.Call::timeout)
                .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(10));
        String real = LifecycleScripts.displayPath("/bin/sh");
        assertThat(logged).containsExactly(
                "INFO Running startup script " + real, "INFO startup script script succeeded",
                "INFO Running shutdown script " + real, "INFO shutdown script script failed, status 1");
    }

    @Test
    void timeoutSignalAndNotStartedAreLoggedAndNeverThrow() {
        LifecycleScripts s = new LifecycleScripts(settings(cmd("/x/up.sh"), 1_000_000, cmd("/x/down.sh"), 1_000_000),
                runner, log);
        runner.runResult(new ScriptResult(Outcome.TIMED_OUT, -1, 0, null));
        assertThat(s.runStartup().outcome()).isEqualTo(Outcome.TIMED_OUT);
        runner.runResult(new ScriptResult(Outcome.SIGNALLED, -1, 15, null));
        s.runShutdown();
        runner.runResult(ScriptResult.notStarted("No such file or directory"));
        s.runShutdown();
        assertThat(logged).containsExactly(
                "INFO Running startup script /x/up.sh", "INFO startup script timed out",
                "INFO Running shutdown script /x/down.sh", "INFO -D shutdown script killed by signal 15",
                "INFO Running shutdown script /x/down.sh",
                "ERROR shutdown script could not be run: No such file or directory");
    }

    @Test
    void afterAReloadTheNewShutdownScriptRuns() {
        LifecycleScripts s = new LifecycleScripts(settings(null, 0, cmd("/x/old.sh"), 0), runner, log);
        GlobalDefs d = GlobalDefs.defaults("h");
        s.reload(new GlobalDefs(d.routerId(), d.smtp(), d.vrrp(), d.lvs(), settings(null, 0, cmd("/x/new.sh"), 0),
                d.fifos(), d.snmp(), d.process(), d.dumps()));
        s.runShutdown();
        assertThat(runner.argvs()).containsExactly(List.of("/x/new.sh"));
    }

    @Test
    void nothingConfiguredRunsNothing() {
        LifecycleScripts s = new LifecycleScripts(settings(null, 0, null, 0), runner, log);
        assertThat(s.runStartup()).isNull();
        assertThat(s.runShutdown()).isNull();
        assertThat(new LifecycleScripts(null, runner, log).runStartup()).isNull();
        assertThat(runner.calls).isEmpty();
        assertThat(logged).isEmpty();
    }

    @Test
    void aRealScriptGetsItsArgumentsAndAHungOneIsKilledAtItsTimeout() throws Exception {
        Path out = dir.resolve("out");
        Path script = dir.resolve("life.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|' \"$@\" >> " + out + "\necho >> " + out
                + "\n[ \"$1\" = hang ] && exec sleep 30\nexit 0\n");
        script.toFile().setExecutable(true);
        LifecycleScripts s = new LifecycleScripts(settings(cmd(script.toString(), "startup", "a b"), 2_000_000,
                cmd(script.toString(), "hang"), 300_000), RealRunner.create(), log);
        assertThat(s.runStartup().succeeded()).isTrue();
        long t0 = System.nanoTime();
        assertThat(s.runShutdown().outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(290L, 5_000L);
        assertThat(Files.readAllLines(out)).containsExactly("startup|a b|", "hang|");
        assertThat(logged).contains("INFO startup script script succeeded", "INFO shutdown script timed out");
    }
}
