package org.jkeepalived.notify.script;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.event.Event;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.ScriptRunner;

/**
 * Runs the VRRP notify scripts of instances and sync groups (f.1) for the events on the bus.
 *
 * <p>For a state change: the state's own script ({@code notify_master}, {@code notify_backup},
 * {@code notify_fault}, {@code notify_stop}, {@code notify_deleted}) with only the user's arguments, then
 * {@code notify} with {@code TYPE NAME STATE PRIORITY} appended (a group always reports priority 0). For a
 * lower-priority advert seen as MASTER: {@code notify_master_rx_lower_pri}, no arguments. Priority changes
 * run no script (keepalived 2.2.7 writes them to the FIFOs only; observed).
 *
 * <p>Ordering. keepalived forks both scripts at once and never waits (observed: {@code notify_master} and
 * {@code notify} start within a millisecond of each other, in either order). We deliberately give more:
 * for one target the scripts run one after the other in event order, each started when the previous one
 * has exited, so a script of the BACKUP transition never overtakes the MASTER one. So that a hung script
 * cannot stall its target's later notifications for ever, the wait for each is bounded
 * ({@link #DEFAULT_WAIT_BOUND}); past it we log and go on, leaving the script running as keepalived would.
 * Different targets never wait for each other. {@link #accept} only hands work to the target's serial
 * queue, so the bus thread returns at once.
 *
 * <p>Reload: the scripts travel inside each event, so a reload needs nothing here.
 */
public final class NotifyScriptSubscriber implements Consumer<Event>, AutoCloseable {
    /** How long one target's next notification waits for its previous script; ours, keepalived has none. */
    public static final Duration DEFAULT_WAIT_BOUND = Duration.ofSeconds(10);
    /** keepalived gives the scripts still running at shutdown 1 s before it kills them (observed). */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 10;

    private final ScriptRunner runner;
    private final Log log;
    private final Duration waitBound;
    private final ExecutorService pool;
    private final Map<String, SerialQueue> queues = new ConcurrentHashMap<>();
    private final Map<Long, ScriptRunner.Running> running = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong failedToStart = new AtomicLong();
    private final AtomicLong overran = new AtomicLong();
    private volatile boolean closing;
    private volatile boolean closed;

    public NotifyScriptSubscriber(ScriptRunner runner, Log log) {
        this(runner, log, DEFAULT_WAIT_BOUND);
    }

    /** @param waitBound how long a target's next script waits for its previous one to exit */
    public NotifyScriptSubscriber(ScriptRunner runner, Log log, Duration waitBound) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.log = Objects.requireNonNull(log, "log");
        this.waitBound = Objects.requireNonNull(waitBound, "waitBound");
        AtomicInteger n = new AtomicInteger();
        // Threads only while scripts run: one per target that has work, none when idle.
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "notify-script-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** One script to run: the command and what keepalived appends to it. */
    record Invocation(ScriptCommand command, List<String> extraArgs) {
    }

    /** What keepalived runs for {@code event}, in order; empty when nothing is configured. */
    static List<Invocation> invocationsFor(Event event) {
        List<Invocation> out = new ArrayList<>(2);
        if (event instanceof Event.VrrpStateChanged e) {
            NotifyScripts s = e.target().scripts();
            ScriptCommand specific = switch (e.state()) {
                case MASTER -> s.master();
                case BACKUP -> s.backup();
                case FAULT -> s.fault();
                case STOP -> s.stop();
                case DELETED -> s.deleted();
            };
            if (specific != null) {
                out.add(new Invocation(specific, List.of()));
            }
            if (s.notifyScript() != null) {
                int priority = e.target().type() == Event.TargetType.GROUP ? 0 : e.priority();
                out.add(new Invocation(s.notifyScript(), List.of(e.target().type().name(), e.target().name(),
                        e.state().name(), Integer.toString(priority))));
            }
        } else if (event instanceof Event.MasterRxLowerPriority e) {
            ScriptCommand c = e.target().scripts().masterRxLowerPri();
            if (c != null) {
                out.add(new Invocation(c, List.of()));
            }
        } else if (event instanceof Event.RealServerChanged e && e.script() != null) {
            out.add(new Invocation(e.script(), List.of())); // notify_up / notify_down: no arguments (f.1)
        } else if (event instanceof Event.QuorumChanged e && e.script() != null) {
            out.add(new Invocation(e.script(), List.of())); // quorum_up / quorum_down: no arguments (f.1)
        }
        return out;
    }

    /** Queues the event's scripts on its target's serial queue; never blocks, never throws. */
    @Override
    public void accept(Event event) {
        String key = queueOf(event);
        if (key == null) {
            return;
        }
        List<Invocation> work = invocationsFor(event);
        if (work.isEmpty()) {
            return;
        }
        if (closed) {
            log.warn("notify scripts closed: not running " + work.get(0).command().commandLine());
            return;
        }
        queues.computeIfAbsent(key, k -> new SerialQueue()).submit(() -> {
            for (Invocation inv : work) {
                runAndWait(inv);
            }
        });
    }

    /** Whose serial queue an event's scripts run on: its instance, group, real server or virtual server. */
    private static String queueOf(Event event) {
        if (event instanceof Event.VrrpStateChanged e) {
            return e.target().type() + " " + e.target().name();
        }
        if (event instanceof Event.MasterRxLowerPriority e) {
            return e.target().type() + " " + e.target().name();
        }
        if (event instanceof Event.RealServerChanged e) {
            return "RS " + e.realServer() + " " + e.virtualServer();
        }
        if (event instanceof Event.QuorumChanged e) {
            return "VS " + e.virtualServer();
        }
        return null;
    }

    private void runAndWait(Invocation inv) {
        ScriptRunner.Running r;
        try {
            r = runner.start(inv.command(), inv.extraArgs());
        } catch (IOException | RuntimeException e) {
            failedToStart.incrementAndGet();
            log.error("Failed to exec notify script " + inv.command().commandLine() + ": " + e.getMessage());
            return;
        }
        started.incrementAndGet();
        running.values().removeIf(x -> !x.alive()); // overran scripts that have ended since
        running.put(r.pid(), r);
        try {
            long deadline = System.nanoTime() + waitBound.toNanos();
            while (r.alive() && !closing) {
                if (System.nanoTime() - deadline >= 0) {
                    overran.incrementAndGet();
                    log.warn("notify script " + inv.command().commandLine() + " (pid " + r.pid()
                            + ") still running after " + waitBound.toMillis() + " ms; running the next one");
                    return; // it stays in 'running' so that close() can end it
                }
                Thread.sleep(POLL_MILLIS);
            }
            if (!r.alive()) {
                running.remove(r.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Scripts started. */
    public long started() {
        return started.get();
    }

    /** Scripts that could not be started. */
    public long failedToStart() {
        return failedToStart.get();
    }

    /** Scripts still running when their bound expired (the next one was started anyway). */
    public long overran() {
        return overran.get();
    }

    @Override
    public void close() {
        close(SHUTDOWN_GRACE);
    }

    /**
     * For the daemon's shutdown, after the STOP events were published and the bus closed. As keepalived does
     * with its STOP scripts, every queued script is started at once without waiting for the one before it;
     * they get up to {@code grace} to exit, then the process groups of those still running get SIGTERM.
     * keepalived gives them 1 s (f.1; observed: its shutdown_script ran 1.0 s after the STOP scripts
     * started). Later events are refused.
     */
    public void close(Duration grace) {
        closing = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (System.nanoTime() - deadline < 0 && (busy() || anyAlive())) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        for (ScriptRunner.Running r : running.values()) {
            if (r.alive()) {
                log.warn("notify script pid " + r.pid() + " still running at shutdown: terminating it");
                r.terminate();
            }
        }
        running.clear();
        closed = true;
    }

    private boolean busy() {
        for (SerialQueue q : queues.values()) {
            if (q.busy()) {
                return true;
            }
        }
        return false;
    }

    private boolean anyAlive() {
        for (ScriptRunner.Running r : running.values()) {
            if (r.alive()) {
                return true;
            }
        }
        return false;
    }

    /** Runs its tasks one at a time, in submission order, on the shared pool (Executor javadoc's pattern). */
    private final class SerialQueue {
        private final ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        private boolean active;

        synchronized void submit(Runnable task) {
            tasks.add(task);
            if (!active) {
                active = true;
                schedule();
            }
        }

        synchronized boolean busy() {
            return active;
        }

        private void schedule() {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                tasks.clear();
                active = false;
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        active = false;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    log.error("notify script: " + e);
                }
                if (Thread.currentThread().isInterrupted()) {
                    synchronized (this) {
                        tasks.clear();
                        active = false;
                    }
                    return;
                }
            }
        }
    }
}
