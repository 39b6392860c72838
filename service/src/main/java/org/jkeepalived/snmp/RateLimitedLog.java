package org.jkeepalived.snmp;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * At most one message per key per interval, so that a flood of bad packets or a dead trap sink cannot fill the
 * log; the next message after a quiet period says how many were suppressed. Bounded: at most {@value #MAX_KEYS}
 * keys are remembered (forged source addresses cannot grow it).
 */
final class RateLimitedLog {
    static final int MAX_KEYS = 1024;

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Map<String, long[]> last = new ConcurrentHashMap<>(); // key -> {lastLoggedAt, suppressed}

    RateLimitedLog(long intervalNanos, LongSupplier clock) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    /** Writes {@code message} through {@code out} unless {@code key} was logged within the interval. */
    void log(String key, String message, Consumer<String> out) {
        long now = clock.getAsLong();
        long suppressed;
        synchronized (this) {
            long[] entry = last.get(key);
            if (entry != null && now - entry[0] < intervalNanos) {
                entry[1]++;
                return;
            }
            if (entry == null && last.size() >= MAX_KEYS) {
                evictOld(now);
            }
            suppressed = entry == null ? 0 : entry[1];
            last.put(key, new long[] {now, 0});
        }
        out.accept(suppressed == 0 ? message : message + " (" + suppressed + " similar messages suppressed)");
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
