package org.jkeepalived.check.misc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.MiscCheck;
import org.jkeepalived.os.process.ScriptRunner;
import org.jkeepalived.os.process.ScriptRunner.Outcome;
import org.jkeepalived.os.process.ScriptRunner.ScriptResult;
import org.junit.jupiter.api.Test;

class MiscProbeTest {
    private static final String WHO = "Misc check for [/c]";

    @Test
    void exitStatusRules() {
        assertThat(MiscProbe.verdict(ScriptResult.exited(0), false, WHO)).isEqualTo(ProbeResult.success());
        assertThat(MiscProbe.verdict(ScriptResult.exited(0), true, WHO)).isEqualTo(ProbeResult.success());
        assertThat(MiscProbe.verdict(ScriptResult.exited(1), true, WHO).reason())
                .isEqualTo("Misc check for [/c] exited with status 1");
        assertThat(MiscProbe.verdict(ScriptResult.exited(12), false, WHO).up()).isFalse();
        assertThat(MiscProbe.verdict(ScriptResult.exited(12), true, WHO)).isEqualTo(new ProbeResult(true, "", 10));
        assertThat(MiscProbe.verdict(ScriptResult.exited(2), true, WHO)).isEqualTo(new ProbeResult(true, "", 0));
        assertThat(MiscProbe.verdict(ScriptResult.exited(255), true, WHO).weight()).isEqualTo(253);
    }

    @Test
    void timeoutsSignalsAndFailuresToStartAreDown() {
        assertThat(MiscProbe.verdict(new ScriptResult(Outcome.TIMED_OUT, -1, 0, null), true, WHO).reason())
                .isEqualTo("Misc check for [/c] timed out");
        assertThat(MiscProbe.verdict(new ScriptResult(Outcome.SIGNALLED, -1, 9, null), true, WHO).reason())
                .isEqualTo("Misc check for [/c] killed by signal 9");
        assertThat(MiscProbe.verdict(ScriptResult.notStarted("no such file"), true, WHO).reason())
                .isEqualTo("Misc check for [/c] could not run: no such file");
    }

    /** A runner fake recording what it was asked and on which thread. */
    static final class FakeRunner implements ScriptRunner {
        final List<Duration> timeouts = new ArrayList<>();
        volatile Thread ranOn;
        ScriptResult next = ScriptResult.exited(0);
        RuntimeException failure;

        @Override
        public ScriptResult run(ScriptCommand command, List<String> extraArgs, Duration timeout) {
            ranOn = Thread.currentThread();
            timeouts.add(timeout);
            if (failure != null) {
                throw failure;
            }
            return next;
        }

        @Override
        public Running start(ScriptCommand command, List<String> extraArgs) {
            throw new UnsupportedOperationException();
        }
    }

    private static MiscCheck check(long timeoutMicros, boolean dynamic) {
        return new MiscCheck(new CheckerTiming(7_000_000, 0, 0, 1_000_000, false, false),
                new ScriptCommand("/c", List.of("/c"), null, null, new Location("k.conf", 1)), timeoutMicros, dynamic);
    }

    @Test
    void runsOffTheCallerThreadWithMiscTimeoutElseTheDelayLoop() throws Exception {
        FakeRunner runner = new FakeRunner();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            runner.next = ScriptResult.exited(7);
            assertThat(new MiscProbe(check(3_000_000, true), runner, pool).attempt().get(5, TimeUnit.SECONDS))
                    .isEqualTo(new ProbeResult(true, "", 5));
            assertThat(runner.ranOn).isNotSameAs(Thread.currentThread());
            new MiscProbe(check(0, false), runner, pool).attempt().get(5, TimeUnit.SECONDS);
            assertThat(runner.timeouts).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(7));

            runner.failure = new IllegalStateException("boom");
            assertThat(new MiscProbe(check(0, false), runner, pool).attempt().get(5, TimeUnit.SECONDS).reason())
                    .startsWith("Misc check for [/c] could not run:").contains("boom");
        } finally {
            pool.shutdownNow();
        }
        assertThat(new MiscProbe(check(0, false), runner, pool).attempt().get(5, TimeUnit.SECONDS).reason())
                .startsWith("Misc check for [/c] could not run:");
    }
}
