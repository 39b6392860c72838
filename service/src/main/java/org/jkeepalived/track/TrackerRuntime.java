package org.jkeepalived.track;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.track.TrackFile;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.track.Trackers;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.ScriptRunner;

/**
 * The tracker runtimes the VRRP side needs, behind one facade: vrrp_script ({@link ScriptTracker}),
 * track_file ({@link FileTracker}) and vrrp_track_process ({@link ProcessTracker}). Only the objects some
 * instance or sync group tracks run (keepalived runs no untracked script). Everything runs on the
 * runtime's own threads; updates go to {@code sink}, which must not block (the VRRP engine's inbox).
 *
 * <p>Threads: one scheduler ("track-scheduler": script ticks, process delays), one worker per running
 * script ("track-script-N", at most one run per script), "track-file" (directory watch) and
 * "track-process" (connector events or /proc polling), the last two only when needed.
 */
public final class TrackerRuntime implements AutoCloseable {
    /** The names of the tracked objects of each kind. */
    public record Tracked(Set<String> scripts, Set<String> files, Set<String> processes) {
        public Tracked {
            scripts = Set.copyOf(scripts);
            files = Set.copyOf(files);
            processes = Set.copyOf(processes);
        }

        /** What the instances and sync groups of {@code config} track (track_script/file/process lines). */
        public static Tracked of(KeepalivedConfig config) {
            Set<String> s = new LinkedHashSet<>();
            Set<String> f = new LinkedHashSet<>();
            Set<String> p = new LinkedHashSet<>();
            List<Trackers> all = new ArrayList<>();
            config.vrrp().instances().stream().map(VrrpInstance::trackers).forEach(all::add);
            config.vrrp().syncGroups().stream().map(SyncGroup::trackers).forEach(all::add);
            for (Trackers t : all) {
                t.scripts().stream().map(TrackRef::name).forEach(s::add);
                t.files().stream().map(TrackRef::name).forEach(f::add);
                t.processes().stream().map(TrackRef::name).forEach(p::add);
            }
            return new Tracked(s, f, p);
        }
    }

    private final ScriptRunner runner;
    private final Consumer<TrackerUpdate> sink;
    private final Log log;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Map<String, ScriptTracker> scripts = new LinkedHashMap<>();
    private FileTracker files;
    private ProcessTracker processes;
    private TrackConfig config;
    private Tracked tracked;
    private boolean started;

    public TrackerRuntime(TrackConfig config, Tracked tracked, ScriptRunner runner, Consumer<TrackerUpdate> sink,
                          Log log) {
        this.config = config;
        this.tracked = tracked;
        this.runner = runner;
        this.sink = sink;
        this.log = log;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("track-scheduler"));
        this.workers = Executors.newCachedThreadPool(named("track-script"));
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix.equals("track-scheduler") ? prefix : prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Starts every tracked object: each reports its initial state to the sink before this returns (scripts
     * INIT, or DOWN with init_fail; files their value; processes their quorum from a /proc scan); the first
     * script runs follow at once on the runtime's threads.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        apply(config, tracked);
    }

    /**
     * Moves to a new configuration. A tracker whose definition did not change (weights and locations do
     * not count) keeps running with its state and counters and reports nothing; new or changed ones start
     * and report as at start; no longer tracked ones stop (a script still running is ended).
     * {@link #current()} gives the state of all of them.
     */
    public synchronized void reload(TrackConfig newConfig, Tracked newTracked) {
        this.config = newConfig;
        this.tracked = newTracked;
        if (started) {
            apply(newConfig, newTracked);
        }
    }

    /** Stops all trackers and their threads; running scripts are ended (SIGTERM to their group). */
    public synchronized void stop() {
        started = false;
        scripts.values().forEach(ScriptTracker::stop);
        scripts.clear();
        if (files != null) {
            files.close();
            files = null;
        }
        if (processes != null) {
            processes.close();
            processes = null;
        }
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    /** The latest update of every running tracker: scripts, then files, then processes. */
    public synchronized List<TrackerUpdate> current() {
        List<TrackerUpdate> out = new ArrayList<>();
        scripts.values().forEach(s -> out.add(s.current()));
        if (files != null) {
            out.addAll(files.current().values());
        }
        if (processes != null) {
            out.addAll(processes.current().values());
        }
        return out;
    }

    /** Whether the process tracker follows kernel events (else it polls /proc), for logs and dumps. */
    public synchronized boolean processEventsFromKernel() {
        return processes != null && processes.mode() == ProcessTracker.Mode.CONNECTOR;
    }

    private void apply(TrackConfig c, Tracked t) {
        applyScripts(c, t.scripts());
        applyFiles(c, t.files());
        applyProcesses(c, t.processes());
    }

    private void applyScripts(TrackConfig c, Set<String> names) {
        Map<String, ScriptTracker> old = new HashMap<>(scripts);
        scripts.clear();
        for (VrrpScript s : c.scripts()) {
            if (!names.contains(s.name())) {
                continue;
            }
            ScriptTracker kept = old.remove(s.name());
            if (kept != null && ScriptTracker.sameRuntime(kept.definition(), s)) {
                scripts.put(s.name(), kept);
                continue;
            }
            if (kept != null) {
                kept.stop();
            }
            ScriptTracker st = new ScriptTracker(s, runner, scheduler, workers, sink, log);
            scripts.put(s.name(), st);
            st.start();
        }
        old.values().forEach(ScriptTracker::stop);
    }

    private void applyFiles(TrackConfig c, Set<String> names) {
        List<TrackFile> wanted = c.files().stream().filter(f -> names.contains(f.name())).toList();
        if (files == null) {
            if (wanted.isEmpty()) {
                return;
            }
            try {
                files = new FileTracker(sink, log);
            } catch (IOException e) {
                log.error("Unable to watch track files: " + e.getMessage());
                return;
            }
            files.start();
        }
        Set<String> keep = new LinkedHashSet<>();
        for (TrackFile f : wanted) {
            TrackFile running = files.definition(f.name());
            if (running != null && running.file().equals(f.file()) && running.initFile() == f.initFile()
                    && running.initValue() == f.initValue() && running.initOverwrite() == f.initOverwrite()) {
                keep.add(f.name());
                continue;
            }
            files.add(f);
            keep.add(f.name());
        }
        for (String n : files.current().keySet()) {
            if (!keep.contains(n)) {
                files.remove(n);
            }
        }
    }

    private void applyProcesses(TrackConfig c, Set<String> names) {
        List<TrackProcess> wanted = c.processes().stream().filter(p -> names.contains(p.name())).toList();
        if (processes == null) {
            if (wanted.isEmpty()) {
                return;
            }
            processes = new ProcessTracker(sink, scheduler, log, true);
            processes.start(wanted);
            return;
        }
        processes.update(wanted);
    }
}
