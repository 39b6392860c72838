package org.jkeepalived.notify.script;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.os.process.ScriptRunner;

/**
 * Test-only {@link ScriptRunner} over ProcessBuilder: runs real scripts with exactly the argv the
 * production runner would give them, without its user switching and process groups.
 */
public final class ProcessBuilderRunner implements ScriptRunner {
    @Override
    public ScriptResult run(ScriptCommand command, List<String> extraArgs, Duration timeout) {
        Process p;
        try {
            p = new ProcessBuilder(FakeScriptRunner.argv(command, extraArgs)).inheritIO().start();
        } catch (IOException e) {
            return ScriptResult.notStarted(e.getMessage());
        }
        try {
            if (timeout == null) {
                return ScriptResult.exited(p.waitFor());
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new ScriptResult(Outcome.TIMED_OUT, -1, 0, null);
            }
            return ScriptResult.exited(p.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return ScriptResult.notStarted("interrupted");
        }
    }

    @Override
    public Running start(ScriptCommand command, List<String> extraArgs) throws IOException {
        Process p = new ProcessBuilder(FakeScriptRunner.argv(command, extraArgs)).inheritIO().start();
        return new Running() {
            @Override
            public long pid() {
                return p.pid();
            }

            @Override
            public boolean alive() {
                return p.isAlive();
            }

            @Override
            public void terminate() {
                p.destroy(); // SIGTERM
            }
        };
    }
}
