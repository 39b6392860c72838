package org.jkeepalived.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {
    final AtomicLong now = new AtomicLong(1_000);
    final RateLimitedLog limited = new RateLimitedLog(60, now::get);
    final List<String> out = new ArrayList<>();

    @Test
    void oneMessagePerKeyPerIntervalThenTheSuppressedCount() {
        limited.log("a", "first", out::add);
        limited.log("a", "second", out::add);
        limited.log("b", "other key", out::add);
        now.addAndGet(60);
        limited.log("a", "third", out::add);
        assertThat(out).containsExactly("first", "other key", "third (1 similar messages suppressed)");
    }

    @Test
    void manyKeysAreCappedPerInterval() {
        for (int i = 0; i < 500; i++) {
            limited.log("forged-" + i, "m" + i, out::add);
        }
        assertThat(out).hasSize(RateLimitedLog.MAX_PER_INTERVAL);
        now.addAndGet(60);
        limited.log("x", "later", out::add);
        assertThat(out.get(out.size() - 1)).isEqualTo("later (" + (500 - RateLimitedLog.MAX_PER_INTERVAL)
                + " other messages suppressed)");
    }
}
