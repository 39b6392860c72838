package org.jkeepalived.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jkeepalived.os.log.Log;

/**
 * systemd's watchdog ({@code WatchdogSec=}, sd_watchdog_enabled(3)): {@code WATCHDOG=1} every half interval, but
 * only while the daemon's loops are alive. Each tick queues a no-op probe on every loop (the VRRP loop, the LVS
 * loop, the checker runner); a loop that has not run its probe by a later tick, at least half a ping period after
 * it was queued, is wedged, and no ping is sent while any loop is. systemd then kills and restarts the service
 * ({@code Restart=on-failure}) once {@code WATCHDOG_USEC} passes without a ping, and peers take the VIPs over.
 *
 * <p>A probe is queued behind the loop's pending work, so it measures what matters: whether the loop still takes
 * work from its queue. A slow loop gets one probe at a time (no pile-up in a full inbox). The stop of pings is
 * logged once, with the loops and how long each has not answered, and said in {@code STATUS=}; their return too.
 *
 * <p>The ticks run on a thread of their own, so the control loop (a long reload) does not delay them.
 */
final class Watchdog implements AutoCloseable {
    /** One loop to probe. */
    interface Loop {
        /** How logs and STATUS name it, e.g. "VRRP loop". */
        String name();

        /** Queues {@code answered} to run on the loop; never blocks; false when the loop refuses it (full, stopped). */
        boolean probe(Runnable answered);

        static Loop of(String name, java.util.function.Predicate<Runnable> probe) {
            return new Loop() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public boolean probe(Runnable answered) {
                    return probe.test(answered);
                }
            };
        }
    }

    /** Where the pings and STATUS lines go (systemd's notify socket). */
    interface Notifier {
        boolean send(String state);
    }

    private static final class Probe {
        final long sentAtNanos;
        volatile boolean answered;
        boolean queued;

        Probe(long sentAtNanos) {
            this.sentAtNanos = sentAtNanos;
        }
    }

    private final long periodNanos;
    private final Supplier<List<Loop>> loops;
    private final Notifier notifier;
    private final LongSupplier nanoClock;
    private final Log log;
    private final Map<String, Probe> probes = new HashMap<>();
    private String wedged; // the current episode's reason, null while every loop answers
    private long pings;
    private ScheduledExecutorService ticker;

    /**
     * @param intervalMicros {@code WATCHDOG_USEC}; pings go every half of it
     * @param loops          the loops running now (asked at each tick: engines start and stop with reloads)
     */
    Watchdog(long intervalMicros, Supplier<List<Loop>> loops, Notifier notifier, LongSupplier nanoClock, Log log) {
        if (intervalMicros <= 0) {
            throw new IllegalArgumentException("watchdog interval must be positive: " + intervalMicros);
        }
        this.periodNanos = intervalMicros * 1000 / 2;
        this.loops = loops;
        this.notifier = notifier;
        this.nanoClock = nanoClock;
        this.log = log;
    }

    /**
     * The watchdog interval systemd asks for, as sd_watchdog_enabled(3) reads it: {@code WATCHDOG_USEC} set to a
     * positive number, and {@code WATCHDOG_PID} absent or ours (else the request is for another process).
     */
    static OptionalLong intervalMicros(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null || usec.isEmpty()) {
            return OptionalLong.empty();
        }
        String forPid = env.get("WATCHDOG_PID");
        try {
            if (forPid != null && !forPid.isEmpty() && Long.parseLong(forPid.trim()) != pid) {
                return OptionalLong.empty();
            }
            long v = Long.parseLong(usec.trim());
            return v > 0 ? OptionalLong.of(v) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    long periodNanos() {
        return periodNanos;
    }

    /** Ticks every half interval on the thread "watchdog", starting now. */
    synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchdog");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        ticker.scheduleAtFixedRate(this::safeTick, 0, periodNanos, TimeUnit.NANOSECONDS);
        log.info(String.format(Locale.ROOT, "systemd watchdog: %.3f s, pinging every %.3f s while the loops answer",
                periodNanos * 2 / 1e9, periodNanos / 1e9));
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.error("watchdog: " + e); // the next tick tries again; a tick that always fails stops the pings
        }
    }

    /**
     * One round: judges the probes queued earlier, queues new ones, and pings when no loop is wedged.
     *
     * @return whether it pinged
     */
    synchronized boolean tick() {
        long now = nanoClock.getAsLong();
        List<String> late = new ArrayList<>();
        List<Loop> current = loops.get();
        probes.keySet().retainAll(current.stream().map(Loop::name).toList());
        for (Loop loop : current) {
            Probe p = probes.get(loop.name());
            if (p != null && !p.answered) {
                if (now - p.sentAtNanos >= periodNanos / 2) {
                    late.add(String.format(Locale.ROOT, "%s has not answered for %.1f s%s", loop.name(),
                            (now - p.sentAtNanos) / 1e9, p.queued ? "" : " (its queue refuses work)"));
                }
                if (p.queued) {
                    continue; // one probe at a time: a slow loop is not flooded
                }
            } else {
                p = new Probe(now);
                probes.put(loop.name(), p);
            }
            Probe q = p;
            q.queued = loop.probe(() -> q.answered = true);
        }
        if (late.isEmpty()) {
            if (wedged != null) {
                log.info("watchdog: every loop answers again, pings to systemd resumed");
                wedged = null;
                notifier.send("WATCHDOG=1\nSTATUS=Running");
            } else {
                notifier.send("WATCHDOG=1");
            }
            pings++;
            return true;
        }
        String reason = String.join("; ", late);
        if (wedged == null) {
            log.error("watchdog: not pinging systemd, it will restart the service: " + reason);
            notifier.send("STATUS=Wedged: " + reason);
        }
        wedged = reason;
        return false;
    }

    /** Pings sent so far. */
    synchronized long pings() {
        return pings;
    }

    /** Why pings are stopped, or null while they go. */
    synchronized String wedged() {
        return wedged;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
