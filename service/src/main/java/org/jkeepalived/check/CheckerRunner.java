package org.jkeepalived.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.os.log.Log;

/**
 * Runs every checker of every real server: a thin scheduling shell around {@link CheckerPolicy} (the
 * policy) and {@link RealServerHealth} (the all-checkers-up rule), on one scheduler thread, never a thread
 * per checker. Probes are non-blocking; their results hop back onto the scheduler thread, which owns all
 * state. Publishes {@link CheckerStateChanged} to the sink; a failing sink is logged, never fatal.
 *
 * <p>Checkers without a timer (FILE_CHECK, BFD_CHECK) count in the all-up rule; their states come in
 * through {@link #report}.
 *
 * @param <K> the caller's key of a real server (e.g. virtual server + real server)
 */
public final class CheckerRunner<K> implements AutoCloseable {
    /** A probe that never completes is failed this long after its connect timeout (a defect guard). */
    private static final long GUARD_MICROS = 5_000_000L;

    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private final ProbeFactory probes;
    private final Consumer<CheckerStateChanged<K>> sink;
    private final Log log;
    private final DoubleSupplier random01;
    private final LongSupplier clockMicros;
    /** Written on the scheduler thread only; read from anywhere. */
    private final Map<K, Server> servers = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweep;
    private final long guardMarginMicros;

    /**
     * @param scheduler   a single-threaded scheduler (all state lives on its thread)
     * @param random01    uniform in [0, 1), spreads first attempts over {@code warmup}
     * @param clockMicros the scheduler's monotonic clock in micros
     */
    public CheckerRunner(ScheduledExecutorService scheduler, ProbeFactory probes, Consumer<CheckerStateChanged<K>> sink,
                         Log log, DoubleSupplier random01, LongSupplier clockMicros) {
        this(scheduler, false, probes, sink, log, random01, clockMicros, GUARD_MICROS);
    }

    /** As above, with the hung-probe guard's margin over the connect timeout (tests). */
    CheckerRunner(ScheduledExecutorService scheduler, ProbeFactory probes, Consumer<CheckerStateChanged<K>> sink,
                  Log log, DoubleSupplier random01, LongSupplier clockMicros, long guardMarginMicros) {
        this(scheduler, false, probes, sink, log, random01, clockMicros, guardMarginMicros);
    }

    private CheckerRunner(ScheduledExecutorService scheduler, boolean ownScheduler, ProbeFactory probes,
                          Consumer<CheckerStateChanged<K>> sink, Log log, DoubleSupplier random01,
                          LongSupplier clockMicros, long guardMarginMicros) {
        this.guardMarginMicros = guardMarginMicros;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.ownScheduler = ownScheduler;
        this.probes = Objects.requireNonNull(probes, "probes");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.log = Objects.requireNonNull(log, "log");
        this.random01 = Objects.requireNonNull(random01, "random01");
        this.clockMicros = Objects.requireNonNull(clockMicros, "clockMicros");
        // one sweep a second instead of a guard timer per attempt: 10,000 checks/s stay cheap
        long sweepMicros = Math.max(1_000, Math.min(1_000_000, guardMarginMicros));
        this.sweep = scheduler.scheduleWithFixedDelay(this::guardAll, sweepMicros, sweepMicros, TimeUnit.MICROSECONDS);
    }

    private void guardAll() {
        long now = clockMicros.getAsLong();
        for (Server server : servers.values()) {
            for (Running r : server.running) {
                r.guard(now);
            }
        }
    }

    /** A runner on its own daemon thread {@code checkers}, the system's monotonic clock and a random warmup. */
    public static <K> CheckerRunner<K> start(ProbeFactory probes, Consumer<CheckerStateChanged<K>> sink, Log log) {
        var scheduler = new java.util.concurrent.ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "checkers");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true); // removed real servers leave no dead timers behind
        var random = new java.util.SplittableRandom();
        return new CheckerRunner<>(scheduler, true, probes, sink, log, random::nextDouble,
                () -> System.nanoTime() / 1000, GUARD_MICROS);
    }

    /** Starts the checkers of a real server (first attempts after the bootstrap delay and warmup). */
    public void add(K key, RealServer realServer) {
        add(key, realServer, null);
    }

    /**
     * As {@link #add(Object, RealServer)}, with every checker starting {@code initiallyUp} instead of as its
     * {@code alpha} says (null): a reload that restarts a real server's checkers keeps the server's state.
     */
    public void add(K key, RealServer realServer, Boolean initiallyUp) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(realServer, "realServer");
        scheduler.execute(() -> {
            if (servers.containsKey(key)) {
                log.warn("checkers of " + key + " already running - ignoring");
                return;
            }
            List<Checker> checkers = realServer.checkers();
            boolean[] startUp = new boolean[checkers.size()];
            for (int i = 0; i < checkers.size(); i++) {
                // alpha starts a checker down; FILE_CHECK/BFD_CHECK start up until their tracker reports
                startUp[i] = initiallyUp != null ? initiallyUp
                        : !(checkers.get(i) instanceof Checker.TimedChecker timed) || !timed.timing().alpha();
            }
            Server server = new Server(key, checkers, new RealServerHealth(startUp), new ArrayList<>());
            long now = clockMicros.getAsLong();
            for (int i = 0; i < checkers.size(); i++) {
                if (checkers.get(i) instanceof Checker.TimedChecker timed) {
                    Running r = startChecker(server, i, realServer, timed, now, startUp[i]);
                    if (r != null) {
                        server.running.add(r);
                    }
                }
            }
            servers.put(key, server);
        });
    }

    /** Stops the checkers of a real server (a reload removed it); nothing is published. */
    public void remove(K key) {
        scheduler.execute(() -> {
            Server server = servers.remove(key);
            if (server != null) {
                server.running.forEach(Running::stop);
            }
        });
    }

    /** The state of an untimed checker (FILE_CHECK, BFD_CHECK) changed. */
    public void report(K key, int checkerIndex, boolean up, String reason) {
        report(key, checkerIndex, up, reason, null);
    }

    /** As {@link #report(Object, int, boolean, String)}, with a dynamic weight for the real server (or null). */
    public void report(K key, int checkerIndex, boolean up, String reason, Integer weight) {
        scheduler.execute(() -> {
            Server server = servers.get(key);
            if (server != null) {
                if (checkerIndex < 0 || checkerIndex >= server.checkers.size()) {
                    log.warn("no checker " + checkerIndex + " on " + key + " - ignoring its state");
                    return;
                }
                publish(server, checkerIndex, server.checkers.get(checkerIndex).kind(), up, up ? "" : reason,
                        up ? weight : null);
            }
        });
    }

    /**
     * {@code ha_suspend}: while suspended a real server's checkers make no attempt and its state stays as it is;
     * on resume they go on at their next turn.
     */
    public void suspend(K key, boolean suspended) {
        scheduler.execute(() -> {
            Server server = servers.get(key);
            if (server != null) {
                server.suspended = suspended;
            }
        });
    }

    /** The real server's state (up when all its checkers are), empty when it is not known (yet). */
    public Optional<Boolean> realServerUp(K key) {
        Server server = servers.get(key);
        return server == null ? Optional.empty() : Optional.of(server.up);
    }

    /**
     * Liveness (the systemd watchdog): queues {@code answered} on the scheduler thread, behind the checks due.
     * Never blocks; false once closed.
     */
    public boolean probe(Runnable answered) {
        try {
            scheduler.execute(answered);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        sweep.cancel(false);
        try {
            scheduler.submit(() -> {
                servers.values().forEach(s -> s.running.forEach(Running::stop));
                servers.clear();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("checkers did not stop cleanly: " + e);
        }
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }

    // ---- on the scheduler thread ----

    private Running startChecker(Server server, int index, RealServer realServer, Checker.TimedChecker checker,
                                 long now, boolean initiallyUp) {
        String service = CheckTargets.service(realServer, checker);
        Probe probe;
        try {
            probe = probes.create(realServer, checker);
        } catch (RuntimeException e) {
            log.error(checker.kind() + " on service " + service + " cannot run: " + e.getMessage());
            return null;
        }
        if (probe == null) {
            log.warn(checker.kind() + " on service " + service + " is not implemented - ignoring");
            return null;
        }
        long guard = checker instanceof Checker.NetworkChecker n
                ? n.connection().connectTimeoutMicros() + guardMarginMicros : 0;
        Running r = new Running(server, index, checker.kind(), probe,
                new CheckerPolicy(checker.timing(), CheckerWords.of(checker.kind(), service), initiallyUp), guard);
        double random = random01.getAsDouble();
        r.scheduleAt(r.policy.firstAttemptMicros(now, Math.min(Math.max(random, 0), Math.nextDown(1.0))));
        return r;
    }

    /** Runs on the scheduler thread; after close, results still in flight are dropped. */
    private void onScheduler(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    private void publish(Server server, int index, String kind, boolean up, String reason, Integer weight) {
        boolean flipped = server.health.set(index, up);
        server.up = server.health.up();
        var event = new CheckerStateChanged<>(server.key, index, kind, up, reason, server.up, flipped, weight);
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            log.error("checker state subscriber failed: " + e);
        }
    }

    private final class Server {
        final K key;
        final List<Checker> checkers;
        final RealServerHealth health;
        final List<Running> running;
        volatile boolean up;
        boolean suspended;

        Server(K key, List<Checker> checkers, RealServerHealth health, List<Running> running) {
            this.key = key;
            this.checkers = checkers;
            this.health = health;
            this.running = running;
            this.up = health.up();
        }
    }

    /** One checker: its policy, probe and pending timer. Touched on the scheduler thread only. */
    private final class Running {
        final Server server;
        final int index;
        final String kind;
        final Probe probe;
        final CheckerPolicy policy;
        final long guardMicros;
        ScheduledFuture<?> timer;
        CompletableFuture<ProbeResult> inFlight;
        long attemptStartedMicros;
        Integer lastWeight;
        boolean stopped;

        Running(Server server, int index, String kind, Probe probe, CheckerPolicy policy, long guardMicros) {
            this.server = server;
            this.index = index;
            this.kind = kind;
            this.probe = probe;
            this.policy = policy;
            this.guardMicros = guardMicros;
        }

        void scheduleAt(long atMicros) {
            long delay = Math.max(0, atMicros - clockMicros.getAsLong());
            timer = scheduler.schedule(this::attempt, delay, TimeUnit.MICROSECONDS);
        }

        void attempt() {
            if (stopped) {
                return;
            }
            if (server.suspended) {
                scheduleAt(clockMicros.getAsLong() + policy.delayLoopMicros());
                return;
            }
            CompletableFuture<ProbeResult> future;
            try {
                future = probe.attempt();
            } catch (RuntimeException e) {
                future = CompletableFuture.completedFuture(ProbeResult.failure(kind + " probe error: " + e));
            }
            inFlight = future;
            attemptStartedMicros = clockMicros.getAsLong();
            CompletableFuture<ProbeResult> attempt = future;
            attempt.whenComplete((result, failure) -> onScheduler(() -> done(attempt, result, failure)));
        }

        void done(CompletableFuture<ProbeResult> future, ProbeResult result, Throwable failure) {
            if (stopped || future != inFlight) {
                return;
            }
            inFlight = null;
            ProbeResult r = result != null ? result : ProbeResult.failure(kind + " probe error: " + failure);
            CheckerPolicy.Step step = policy.onResult(r, clockMicros.getAsLong());
            step.logLines().forEach(line -> {
                if (step.changedTo() == Boolean.FALSE || !r.up()) {
                    log.warn(line);
                } else {
                    log.info(line);
                }
            });
            Integer weight = r.up() ? r.weight() : null;
            boolean weightChanged = weight != null && !weight.equals(lastWeight);
            if (weight != null) {
                lastWeight = weight;
            }
            if (step.changedTo() != null || weightChanged) {
                publish(server, index, kind, policy.up(), policy.up() ? "" : r.reason(), weight);
            }
            scheduleAt(step.nextAttemptMicros());
        }

        /** Fails an attempt its probe left hanging past the guard (a probe defect; probes time out themselves). */
        void guard(long nowMicros) {
            CompletableFuture<ProbeResult> f = inFlight;
            if (f != null && guardMicros > 0 && nowMicros - attemptStartedMicros > guardMicros) {
                f.complete(ProbeResult.failure(kind + " probe did not answer"));
            }
        }

        void stop() {
            stopped = true;
            if (timer != null) {
                timer.cancel(false);
            }
            try {
                probe.close();
            } catch (RuntimeException e) {
                log.warn(kind + " probe did not close: " + e);
            }
        }
    }
}
