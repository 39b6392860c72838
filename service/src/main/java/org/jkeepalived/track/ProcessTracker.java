package org.jkeepalived.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.ProcConnector;
import org.jkeepalived.os.log.Log;

/**
 * vrrp_track_process blocks (c.7): how many running processes match each, against quorum / quorum_max,
 * with fork_delay / terminate_delay before a gained / lost quorum is reported. As keepalived: one scan of
 * /proc at start, then the kernel's process-events connector (fork, exec, comm change, exit) keeps a table
 * of live processes up to date; zombies do not count.
 *
 * <p>The connector exists only in the initial network namespace and needs CAP_NET_ADMIN. Where it cannot
 * be used (a daemon in a network namespace, not root) this tracker says so once and rescans /proc every
 * {@link #POLL_MILLIS} instead (keepalived stays at 0 processes there). A lost-events overrun (ENOBUFS)
 * triggers a rescan.
 */
final class ProcessTracker implements AutoCloseable {
    static final long POLL_MILLIS = 1000;
    static final int RECEIVE_BUFFER_BYTES = 1 << 20;

    /** How process changes are learnt. */
    enum Mode { CONNECTOR, POLLING }

    private record Proc(String comm, List<String> cmdline) {
    }

    /** One block's matching pids and what was last reported. */
    private static final class Quorum {
        final TrackProcess def;
        final Set<Integer> pids = new HashSet<>();
        Boolean reported;
        ScheduledFuture<?> pending;
        boolean pendingUp;

        Quorum(TrackProcess def) {
            this.def = def;
        }
    }

    private final Consumer<TrackerUpdate> sink;
    private final ScheduledExecutorService scheduler;
    private final Log log;
    private final boolean useConnector;
    private final Map<Integer, Proc> table = new HashMap<>();
    private final Map<String, Quorum> quorums = new LinkedHashMap<>();
    private boolean needCmdline;
    private ProcConnector connector;
    private volatile Mode mode = Mode.POLLING;
    private volatile boolean closed;
    private Thread thread;

    /** @param useConnector false forces /proc polling (tests of the fallback) */
    ProcessTracker(Consumer<TrackerUpdate> sink, ScheduledExecutorService scheduler, Log log, boolean useConnector) {
        this.sink = sink;
        this.scheduler = scheduler;
        this.log = log;
        this.useConnector = useConnector;
    }

    /** Subscribes to process events, scans /proc, reports every block's state, then follows changes. */
    void start(List<TrackProcess> processes) {
        if (useConnector) {
            try {
                connector = ProcConnector.open(RECEIVE_BUFFER_BYTES);
                mode = Mode.CONNECTOR;
            } catch (NativeException e) {
                log.warn("Failed to set/clear process event listen - " + e.getMessage()
                        + "; tracking processes by reading /proc every " + POLL_MILLIS + " ms");
            }
        }
        synchronized (this) {
            processes.forEach(p -> quorums.put(p.name(), new Quorum(p)));
            rescan();
        }
        thread = new Thread(this::loop, "track-process");
        thread.setDaemon(true);
        thread.start();
    }

    Mode mode() {
        return mode;
    }

    /**
     * Replaces the set of blocks: a block whose definition is unchanged keeps its state (and pending delay);
     * new or changed ones are counted from the current table and reported.
     */
    synchronized void update(List<TrackProcess> processes) {
        Map<String, Quorum> old = new LinkedHashMap<>(quorums);
        quorums.clear();
        for (TrackProcess p : processes) {
            Quorum q = old.remove(p.name());
            if (q != null && sameRuntime(q.def, p)) {
                quorums.put(p.name(), q);
            } else {
                if (q != null && q.pending != null) {
                    q.pending.cancel(false);
                }
                quorums.put(p.name(), new Quorum(p));
            }
        }
        old.values().stream().filter(q -> q.pending != null).forEach(q -> q.pending.cancel(false));
        boolean cmdlineBefore = needCmdline;
        needCmdline = quorums.values().stream().anyMatch(q -> ProcessMatch.needsCommandLine(q.def));
        if (needCmdline && !cmdlineBefore) {
            rescan();
            return;
        }
        for (Quorum q : quorums.values()) {
            if (q.reported == null) {
                table.forEach((pid, proc) -> {
                    if (ProcessMatch.matches(q.def, proc.comm(), proc.cmdline())) {
                        q.pids.add(pid);
                    }
                });
                evaluate(q);
            }
        }
    }

    /** Definitions equal apart from weights and location. */
    static boolean sameRuntime(TrackProcess a, TrackProcess b) {
        return a.process().equals(b.process()) && a.parameters().equals(b.parameters())
                && a.paramMatch() == b.paramMatch() && a.quorum() == b.quorum()
                && java.util.Objects.equals(a.quorumMax(), b.quorumMax()) && a.forkDelayMicros() == b.forkDelayMicros()
                && a.terminateDelayMicros() == b.terminateDelayMicros() && a.fullCommand() == b.fullCommand();
    }

    synchronized Map<String, TrackerUpdate> current() {
        Map<String, TrackerUpdate> m = new LinkedHashMap<>();
        quorums.forEach((n, q) -> {
            if (q.reported != null) {
                m.put(n, TrackerUpdate.process(n, q.reported));
            }
        });
        return m;
    }

    /** Matching processes now counted for a block (for dumps and tests). */
    synchronized int count(String name) {
        Quorum q = quorums.get(name);
        return q == null ? 0 : q.pids.size();
    }

    @Override
    public void close() {
        closed = true;
        if (connector != null) {
            connector.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
        synchronized (this) {
            quorums.values().stream().filter(q -> q.pending != null).forEach(q -> q.pending.cancel(false));
        }
    }

    // ---- the event loop ----

    private void loop() {
        while (!closed) {
            try {
                if (mode == Mode.CONNECTOR) {
                    List<ProcConnector.Event> events = connector.receive(200);
                    synchronized (this) {
                        events.forEach(this::apply);
                    }
                } else {
                    Thread.sleep(POLL_MILLIS);
                    synchronized (this) {
                        rescan();
                    }
                }
            } catch (NativeException e) {
                if (closed) {
                    return;
                }
                if (e.errno() == Errno.ENOBUFS) {
                    log.warn("Process event connector overrun - rescanning /proc");
                    synchronized (this) {
                        rescan();
                    }
                } else {
                    log.error("Process event connector failed (" + e.getMessage() + ") - polling /proc instead");
                    connector.close();
                    mode = Mode.POLLING;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("vrrp_track_process: " + e);
            }
        }
    }

    private void apply(ProcConnector.Event e) {
        if (e instanceof ProcConnector.Fork f) {
            Proc p = read(f.pid());
            if (p == null) {
                p = table.get(f.parentPid());
            }
            if (p != null) {
                put(f.pid(), p);
            }
        } else if (e instanceof ProcConnector.Exec x) {
            Proc p = read(x.pid());
            if (p != null) {
                put(x.pid(), p);
            }
        } else if (e instanceof ProcConnector.Comm c) {
            Proc old = table.get(c.pid());
            put(c.pid(), new Proc(c.comm(), old == null ? readCmdline(c.pid()) : old.cmdline()));
        } else if (e instanceof ProcConnector.Exit x) {
            remove(x.pid());
        }
    }

    private void put(int pid, Proc p) {
        table.put(pid, p);
        for (Quorum q : quorums.values()) {
            boolean changed = ProcessMatch.matches(q.def, p.comm(), p.cmdline()) ? q.pids.add(pid) : q.pids.remove(pid);
            if (changed) {
                evaluate(q);
            }
        }
    }

    private void remove(int pid) {
        table.remove(pid);
        for (Quorum q : quorums.values()) {
            if (q.pids.remove(pid)) {
                evaluate(q);
            }
        }
    }

    /** Rebuilds the table from /proc and re-counts every block. */
    private void rescan() {
        needCmdline = quorums.values().stream().anyMatch(q -> ProcessMatch.needsCommandLine(q.def));
        table.clear();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : dirs) {
                try {
                    int pid = Integer.parseInt(d.getFileName().toString());
                    Proc p = read(pid);
                    if (p != null) {
                        table.put(pid, p);
                    }
                } catch (NumberFormatException e) {
                    // not a pid
                }
            }
        } catch (IOException e) {
            log.error("Unable to read /proc: " + e.getMessage());
        }
        for (Quorum q : quorums.values()) {
            q.pids.clear();
            table.forEach((pid, p) -> {
                if (ProcessMatch.matches(q.def, p.comm(), p.cmdline())) {
                    q.pids.add(pid);
                }
            });
            evaluate(q);
        }
    }

    /** comm and state from /proc/PID/stat (zombies excluded), cmdline when some block needs it. */
    private Proc read(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"), StandardCharsets.UTF_8);
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || close + 2 >= stat.length()) {
                return null;
            }
            char state = stat.charAt(close + 2);
            if (state == 'Z' || state == 'X') {
                return null;
            }
            return new Proc(stat.substring(open + 1, close), needCmdline ? readCmdline(pid) : null);
        } catch (IOException e) {
            return null;
        }
    }

    private List<String> readCmdline(int pid) {
        if (!needCmdline) {
            return null;
        }
        try {
            byte[] b = Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "cmdline"));
            String s = new String(b, StandardCharsets.UTF_8);
            if (s.endsWith("\0")) {
                s = s.substring(0, s.length() - 1);
            }
            return s.isEmpty() ? List.of() : Arrays.asList(s.split("\0", -1));
        } catch (IOException e) {
            return List.of();
        }
    }

    // ---- quorum and delays ----

    /** Reports a block's quorum change now, or after fork_delay / terminate_delay if it still holds then. */
    private void evaluate(Quorum q) {
        boolean up = ProcessMatch.up(q.def, q.pids.size());
        if (q.reported == null) {
            report(q, up);
            return;
        }
        if (up == q.reported) {
            cancelPending(q);
            return;
        }
        if (q.pending != null && q.pendingUp == up) {
            return;
        }
        cancelPending(q);
        long delayMicros = up ? q.def.forkDelayMicros() : q.def.terminateDelayMicros();
        if (delayMicros <= 0) {
            report(q, up);
            return;
        }
        q.pendingUp = up;
        q.pending = scheduler.schedule(() -> {
            synchronized (this) {
                if (quorums.get(q.def.name()) == q && ProcessMatch.up(q.def, q.pids.size()) == up && !closed) {
                    q.pending = null;
                    report(q, up);
                }
            }
        }, delayMicros, TimeUnit.MICROSECONDS);
    }

    private static void cancelPending(Quorum q) {
        if (q.pending != null) {
            q.pending.cancel(false);
            q.pending = null;
        }
    }

    private void report(Quorum q, boolean up) {
        q.reported = up;
        TrackerUpdate u = TrackerUpdate.process(q.def.name(), up);
        try {
            sink.accept(u);
        } catch (RuntimeException e) {
            log.error("Tracker update " + u + " was not delivered: " + e);
        }
    }

    /** All blocks' names (tests). */
    synchronized List<String> names() {
        return new ArrayList<>(quorums.keySet());
    }
}
