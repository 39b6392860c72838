package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.Test;

/** Tier 2: the watchdog's rule with a fake clock and loops that answer only when the test runs their queue. */
class WatchdogTest {
    private static final long INTERVAL_MICROS = 2_000_000; // WatchdogSec=2: a tick every second
    private static final long SECOND = 1_000_000_000L;

    /** A loop whose queue runs only when the test says so (a wedged loop is one never drained). */
    static final class FakeLoop implements Watchdog.Loop {
        final String name;
        final List<Runnable> queue = new ArrayList<>();
        boolean refuse;

        FakeLoop(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean probe(Runnable answered) {
            if (refuse) {
                return false;
            }
            queue.add(answered);
            return true;
        }

        void drain() {
            queue.forEach(Runnable::run);
            queue.clear();
        }
    }

    private long now = 1_000 * SECOND;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final FakeLoop vrrp = new FakeLoop("VRRP loop");
    private final FakeLoop checkers = new FakeLoop("checker runner");
    private final List<Watchdog.Loop> loops = new ArrayList<>(List.of(vrrp, checkers));
    private final Watchdog watchdog = new Watchdog(INTERVAL_MICROS, () -> List.copyOf(loops),
            s -> sent.add(s), () -> now, Log.to((level, detail, message) -> logged.add(level + " " + message)));

    private boolean tickAfter(long nanos) {
        now += nanos;
        return watchdog.tick();
    }

    @Test
    void pingsEveryTickWhileEveryLoopRunsItsProbe() {
        assertThat(watchdog.periodNanos()).isEqualTo(SECOND);
        for (int i = 0; i < 5; i++) {
            assertThat(tickAfter(SECOND)).isTrue();
            vrrp.drain();
            checkers.drain();
        }
        assertThat(sent).containsOnly("WATCHDOG=1").hasSize(5);
        assertThat(logged).isEmpty();
    }

    @Test
    void aWedgedLoopStopsThePingsLogsOnceAndSaysWhichInStatus() {
        assertThat(tickAfter(SECOND)).isTrue(); // probes queued
        vrrp.drain(); // the checker runner never runs its probe again
        assertThat(tickAfter(SECOND)).isFalse();
        assertThat(tickAfter(SECOND)).isFalse();
        vrrp.drain();
        assertThat(tickAfter(SECOND)).isFalse();
        assertThat(sent).containsExactly("WATCHDOG=1", "STATUS=Wedged: checker runner has not answered for 1.0 s");
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0)).startsWith("ERROR watchdog: not pinging systemd")
                .contains("checker runner has not answered").doesNotContain("VRRP");
        assertThat(checkers.queue).as("one probe at a time on a wedged loop").hasSize(1);
        assertThat(watchdog.wedged()).contains("checker runner has not answered for 3.0 s");
    }

    @Test
    void pingsResumeWhenTheLoopAnswersAgain() {
        tickAfter(SECOND);
        assertThat(tickAfter(SECOND)).isFalse(); // neither answered
        assertThat(sent.get(1)).contains("VRRP loop has not answered").contains("checker runner has not answered");
        vrrp.drain();
        checkers.drain();
        assertThat(tickAfter(SECOND)).isTrue();
        assertThat(sent).last().isEqualTo("WATCHDOG=1\nSTATUS=Running");
        assertThat(logged).last().asString().contains("pings to systemd resumed");
    }

    @Test
    void aProbeIsNotJudgedBeforeHalfAPeriod() {
        tickAfter(SECOND);
        assertThat(tickAfter(SECOND / 4)).as("an early tick (scheduling jitter) is no verdict").isTrue();
    }

    @Test
    void aLoopWhoseQueueRefusesWorkIsWedgedAndRetried() {
        vrrp.refuse = true;
        assertThat(tickAfter(SECOND)).isTrue();
        assertThat(tickAfter(SECOND)).isFalse();
        assertThat(sent).last().asString().contains("VRRP loop has not answered for 1.0 s (its queue refuses work)");
        vrrp.refuse = false;
        assertThat(tickAfter(SECOND)).isFalse(); // re-offered now, answered by the next tick
        vrrp.drain();
        checkers.drain();
        assertThat(tickAfter(SECOND)).isTrue();
    }

    @Test
    void loopsComeAndGoWithTheEngines() {
        loops.clear();
        assertThat(tickAfter(SECOND)).as("no engine yet: nothing to wait for").isTrue();
        loops.add(vrrp);
        assertThat(tickAfter(SECOND)).isTrue();
        assertThat(tickAfter(SECOND)).isFalse();
        loops.clear(); // VRRP stopped by a reload: its old probe no longer counts
        assertThat(tickAfter(SECOND)).isTrue();
    }

    @Test
    void intervalFollowsSdWatchdogEnabled() {
        assertThat(Watchdog.intervalMicros(Map.of(), 42)).isEmpty();
        assertThat(Watchdog.intervalMicros(Map.of("WATCHDOG_USEC", "30000000"), 42)).hasValue(30_000_000);
        assertThat(Watchdog.intervalMicros(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42))
                .hasValue(30_000_000);
        assertThat(Watchdog.intervalMicros(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "41"), 42))
                .as("meant for another process").isEmpty();
        assertThat(Watchdog.intervalMicros(Map.of("WATCHDOG_USEC", "0"), 42)).isEmpty();
        assertThat(Watchdog.intervalMicros(Map.of("WATCHDOG_USEC", "soon"), 42)).isEmpty();
        assertThatThrownBy(() -> new Watchdog(0, List::of, s -> true, () -> 0, Log.get("t")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
