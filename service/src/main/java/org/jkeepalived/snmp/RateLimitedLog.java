package org.jkeepalived.snmp;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * At most one message per key per interval, and at most {@value #MAX_PER_INTERVAL} messages per interval in all,
 * so that a flood of bad packets (from forged sources too) or a dead trap sink cannot fill the log; the next
 * message written says how many were suppressed. At most {@value #MAX_KEYS} keys are remembered.
 */
final class RateLimitedLog {
    static final int MAX_KEYS = 1024;
    static final int MAX_PER_INTERVAL = 20;

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Map<String, long[]> last = new ConcurrentHashMap<>(); // key -> {when last logged, suppressed}
    private long windowStart;
    private int inWindow;
    private long overflow; // suppressed by the overall cap

    RateLimitedLog(long intervalNanos, LongSupplier clock) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.windowStart = clock.getAsLong();
    }

    /** Writes {@code message} through {@code out} unless {@code key}, or too many messages, were logged lately. */
    void log(String key, String message, Consumer<String> out) {
        long now = clock.getAsLong();
        long similar;
        long other;
        synchronized (this) {
            if (now - windowStart >= intervalNanos) {
                windowStart = now;
                inWindow = 0;
            }
            long[] entry = last.get(key);
            if (entry != null && now - entry[0] < intervalNanos) {
                entry[1]++;
                return;
            }
            if (inWindow >= MAX_PER_INTERVAL) {
                overflow++;
                return;
            }
            if (entry == null && last.size() >= MAX_KEYS) {
                evictOld(now);
            }
            similar = entry == null ? 0 : entry[1];
            other = overflow;
            overflow = 0;
            last.put(key, new long[] {now, 0});
            inWindow++;
        }
        out.accept(message + (similar == 0 ? "" : " (" + similar + " similar messages suppressed)")
                + (other == 0 ? "" : " (" + other + " other messages suppressed)"));
    }

    private void evictOld(long now) {
        for (Iterator<long[]> it = last.values().iterator(); it.hasNext();) {
            if (now - it.next()[0] >= intervalNanos) {
                it.remove();
            }
        }
        if (last.size() >= MAX_KEYS) {
            last.clear();
        }
    }
}
