package org.jkeepalived.track;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.ScriptRunner;
import org.jkeepalived.os.process.ScriptRunner.ScriptResult;

/**
 * Runs one tracked vrrp_script every {@code interval} (first run at start), each run bounded by its
 * {@code timeout}, off the VRRP loop: ticks come from a shared scheduler, runs wait on a worker thread.
 * A run still going at the next tick skips that tick with keepalived's line. Every OK/KO change (and the
 * initial INIT, or DOWN with init_fail) goes to the sink as {@link TrackerUpdate#script}.
 */
final class ScriptTracker {
    private final VrrpScript script;
    private final ScriptCommand command;
    private final ScriptRunner runner;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Consumer<TrackerUpdate> sink;
    private final Log log;
    private final ScriptResultCounter counter;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile TrackerUpdate current;
    private volatile boolean stopped;
    private ScheduledFuture<?> ticks;
    private volatile Future<?> run;

    ScriptTracker(VrrpScript script, ScriptRunner runner, ScheduledExecutorService scheduler,
                  ExecutorService workers, Consumer<TrackerUpdate> sink, Log log) {
        this.script = script;
        this.command = command(script);
        this.runner = runner;
        this.scheduler = scheduler;
        this.workers = workers;
        this.sink = sink;
        this.log = log;
        this.counter = new ScriptResultCounter(script.name(), script.rise(), script.fall(), script.initFail());
        this.current = TrackerUpdate.script(script.name(), counter.status());
    }

    /** The block's {@code user} keyword overrides the user written after the script line. */
    static ScriptCommand command(VrrpScript s) {
        ScriptCommand c = s.script();
        return s.user() == null ? c
                : new ScriptCommand(c.commandLine(), c.argv(), s.user(), s.group(), c.location());
    }

    /** Whether two definitions run the same way (weights and locations do not matter to the runtime). */
    static boolean sameRuntime(VrrpScript a, VrrpScript b) {
        return a.name().equals(b.name()) && command(a).argv().equals(command(b).argv())
                && command(a).commandLine().equals(command(b).commandLine())
                && Objects.equals(command(a).user(), command(b).user())
                && Objects.equals(command(a).group(), command(b).group())
                && a.intervalMicros() == b.intervalMicros() && timeoutMicros(a) == timeoutMicros(b)
                && a.rise() == b.rise() && a.fall() == b.fall() && a.initFail() == b.initFail();
    }

    static long timeoutMicros(VrrpScript s) {
        return s.timeoutMicros() > 0 ? s.timeoutMicros() : s.intervalMicros();
    }

    VrrpScript definition() {
        return script;
    }

    TrackerUpdate current() {
        return current;
    }

    synchronized void start() {
        report(current);
        long intervalMicros = Math.max(1000, script.intervalMicros());
        ticks = scheduler.scheduleAtFixedRate(this::tick, 0, intervalMicros, TimeUnit.MICROSECONDS);
    }

    /** Stops the ticks; a run in progress is interrupted, which makes the runner end its process group. */
    synchronized void stop() {
        stopped = true;
        if (ticks != null) {
            ticks.cancel(false);
        }
        Future<?> r = run;
        if (r != null) {
            r.cancel(true);
        }
    }

    private void tick() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            log.info("Track script " + script.name() + " is already running, expect idle - skipping run");
            return;
        }
        try {
            run = workers.submit(this::runOnce);
        } catch (RejectedExecutionException e) {
            running.set(false);
        }
    }

    private void runOnce() {
        try {
            ScriptResult result = runner.run(command, List.of(), Duration.ofNanos(timeoutMicros(script) * 1000));
            if (stopped) {
                return;
            }
            ScriptResultCounter.Step step;
            synchronized (counter) {
                step = counter.record(result);
            }
            step.logLines().forEach(log::info);
            if (step.changed()) {
                TrackerUpdate u = TrackerUpdate.script(script.name(), step.status());
                current = u;
                report(u);
            }
        } catch (RuntimeException e) {
            log.error("VRRP_Script(" + script.name() + ") could not be run: " + e);
        } finally {
            running.set(false);
        }
    }

    private void report(TrackerUpdate u) {
        try {
            sink.accept(u);
        } catch (RuntimeException e) {
            log.error("Tracker update " + u + " was not delivered: " + e);
        }
    }
}
