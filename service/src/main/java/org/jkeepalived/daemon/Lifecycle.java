package org.jkeepalived.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.os.log.Log;

/**
 * The running configuration and the subsystems' start, reload and stop steps. Each subsystem, as the
 * daemon wires it, registers a stop step and a reload step; stop steps run in reverse order of
 * registration, so what started last stops first. A failing step is logged and the others still run.
 *
 * <p>Reload follows keepalived: a configuration with ordinary errors is applied (keepalived runs
 * despite them), but one that cannot be read or has a FATAL finding is refused and the running one is
 * kept, where keepalived 2.2.7 would drop to an empty configuration.
 *
 * <p>Called from the control loop thread; {@link #stop} may also come from the JVM's shutdown hook,
 * hence the synchronisation.
 */
final class Lifecycle {
    /** A subsystem's reaction to a new configuration. */
    @FunctionalInterface
    interface ReloadStep {
        void reload(KeepalivedConfig previous, KeepalivedConfig next) throws Exception;
    }

    /** A subsystem's orderly stop. */
    @FunctionalInterface
    interface StopStep {
        void stop() throws Exception;
    }

    /** What became of a configuration read at start or on reload. */
    enum Outcome {
        APPLIED, UNREADABLE, FATAL
    }

    private record Named<T>(String name, T step) {
    }

    private final Supplier<LoadResult> loader;
    private final Log log;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final Instant startedAt;
    private final List<Named<StopStep>> stopSteps = new ArrayList<>();
    private final List<Named<ReloadStep>> reloadSteps = new ArrayList<>();
    private KeepalivedConfig config;
    private int reloads;
    private int refusedReloads;
    private Instant lastReload;
    private boolean stopped;

    Lifecycle(Supplier<LoadResult> loader, Log log, LongSupplier nanoClock, Instant startedAt) {
        this.loader = loader;
        this.log = log;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.startedAt = startedAt;
    }

    synchronized void onStop(String name, StopStep step) {
        stopSteps.add(new Named<>(name, step));
    }

    synchronized void onReload(String name, ReloadStep step) {
        reloadSteps.add(new Named<>(name, step));
    }

    /** Reads the configuration for the start; the daemon cannot run unless it is APPLIED. */
    synchronized Outcome loadInitial() {
        LoadResult r = loader.get();
        report(r);
        Outcome outcome = usable(r);
        if (outcome == Outcome.APPLIED) {
            config = r.config();
        }
        return outcome;
    }

    /** Re-reads the configuration and hands it to every reload step, unless it is unusable. */
    synchronized Outcome reload() {
        log.reloading();
        LoadResult r = loader.get();
        report(r);
        Outcome outcome = usable(r);
        if (outcome != Outcome.APPLIED) {
            refusedReloads++;
            log.error("Reload aborted: the configuration "
                    + (outcome == Outcome.UNREADABLE ? "cannot be read" : "has fatal errors")
                    + " - keeping the running configuration");
            return outcome;
        }
        KeepalivedConfig previous = config;
        config = r.config();
        reloads++;
        lastReload = Instant.now();
        for (Named<ReloadStep> s : reloadSteps) {
            try {
                s.step.reload(previous, config);
            } catch (Exception | LinkageError e) {
                log.error("Reload step " + s.name + " failed: " + e);
            }
        }
        log.reloadComplete();
        return outcome;
    }

    /** Runs the stop steps, last registered first; only once, never throws. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (int i = stopSteps.size() - 1; i >= 0; i--) {
            Named<StopStep> s = stopSteps.get(i);
            try {
                s.step.stop();
            } catch (Exception | LinkageError e) {
                log.error("Stop step " + s.name + " failed: " + e);
            }
        }
    }

    synchronized KeepalivedConfig config() {
        return config;
    }

    synchronized Status status() {
        return new Status(startedAt, nanoClock.getAsLong() - startNanos, reloads, refusedReloads, lastReload);
    }

    /** What the dumps report about the daemon itself. */
    record Status(Instant startedAt, long uptimeNanos, int reloads, int refusedReloads, Instant lastReload) {
    }

    private static Outcome usable(LoadResult r) {
        if (r.files().isEmpty()) {
            return Outcome.UNREADABLE;
        }
        return r.fatal() ? Outcome.FATAL : Outcome.APPLIED;
    }

    /** Logs every finding: notes as information, errors as warnings, fatal ones as errors. */
    private void report(LoadResult r) {
        for (Diagnostic d : r.diagnostics()) {
            switch (d.severity()) {
                case NOTE -> log.info(d.format());
                case ERROR, SECURITY -> log.warn(d.format());
                case FATAL -> log.error(d.format());
            }
        }
    }
}
