package org.jkeepalived.check.misc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jkeepalived.check.Probe;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.model.lvs.MiscCheck;
import org.jkeepalived.os.process.ScriptRunner;
import org.jkeepalived.os.process.ScriptRunner.ScriptResult;

/**
 * MISC_CHECK: runs {@code misc_path} through the {@link ScriptRunner} on {@code executor} (the runner
 * waits for the process, so never on the caller's thread), killed after {@code misc_timeout} (SIGTERM, then
 * SIGKILL: the runner's job). Its exit status decides, per keepalived.conf(5), see {@link #verdict}.
 */
public final class MiscProbe implements Probe {
    private final MiscCheck check;
    private final ScriptRunner runner;
    private final Executor executor;
    private final Duration timeout;

    /**
     * @param executor where the script is waited for: a small pool shared by MISC_CHECKs (each attempt
     *                 holds one of its threads while the script runs)
     */
    public MiscProbe(MiscCheck check, ScriptRunner runner, Executor executor) {
        this.check = check;
        this.runner = runner;
        this.executor = executor;
        // misc_timeout unset: keepalived falls back to the delay loop
        long micros = check.miscTimeoutMicros() > 0 ? check.miscTimeoutMicros() : check.timing().delayLoopMicros();
        this.timeout = micros > 0 ? Duration.ofNanos(micros * 1000) : null;
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        try {
            return CompletableFuture.supplyAsync(() -> runner.run(check.miscPath(), List.of(), timeout), executor)
                    .handle((r, e) -> e != null
                            ? ProbeResult.failure(who() + " could not run: " + e.getMessage())
                            : verdict(r, check.miscDynamic(), who()));
        } catch (RuntimeException e) { // executor rejected the task (shut down)
            return CompletableFuture.completedFuture(ProbeResult.failure(who() + " could not run: " + e));
        }
    }

    private String who() {
        return "Misc check for [" + check.miscPath().commandLine() + "]";
    }

    /**
     * keepalived.conf(5): exit 0 is up with the weight unchanged; 1 is down; 2..255 is down without
     * misc_dynamic, and with it up with the weight set to status - 2. A signal, a timeout or a script
     * that cannot start is down.
     */
    public static ProbeResult verdict(ScriptResult r, boolean dynamic, String who) {
        return switch (r.outcome()) {
            case TIMED_OUT -> ProbeResult.failure(who + " timed out");
            case SIGNALLED -> ProbeResult.failure(who + " killed by signal " + r.signal());
            case NOT_STARTED -> ProbeResult.failure(who + " could not run: " + r.message());
            case EXITED -> {
                int status = r.exitStatus();
                if (status == 0) {
                    yield ProbeResult.success();
                }
                if (dynamic && status >= 2 && status <= 255) {
                    yield new ProbeResult(true, "", status - 2);
                }
                yield ProbeResult.failure(who + " exited with status " + status);
            }
        };
    }
}
