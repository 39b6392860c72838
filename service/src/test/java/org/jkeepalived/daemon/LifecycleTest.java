package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final Deque<LoadResult> reads = new ArrayDeque<>();
    private final List<String> logged = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Lifecycle lifecycle = new Lifecycle(reads::poll,
            Log.to((level, detail, m) -> logged.add(level + " " + m)), nanos::get, Instant.parse("2026-01-01T00:00:00Z"));

    private static LoadResult good() {
        return ConfigFixture.load("");
    }

    private static LoadResult withFinding(Severity severity, String message) {
        LoadResult r = good();
        return new LoadResult(r.config(), List.of(new Diagnostic(severity, null, message)), r.files());
    }

    private static LoadResult unreadable() {
        LoadResult r = good();
        return new LoadResult(r.config(), List.of(new Diagnostic(Severity.NOTE, null,
                "Config files missing '/etc/keepalived/keepalived.conf'.")), List.of());
    }

    @Test
    void startTakesAReadableConfiguration() {
        LoadResult first = good();
        reads.add(first);
        assertThat(lifecycle.loadInitial()).isEqualTo(Lifecycle.Outcome.APPLIED);
        assertThat(lifecycle.config()).isSameAs(first.config());
    }

    @Test
    void startRefusesAnUnreadableOrFatalConfiguration() {
        reads.add(unreadable());
        assertThat(lifecycle.loadInitial()).isEqualTo(Lifecycle.Outcome.UNREADABLE);
        assertThat(lifecycle.config()).isNull();
        reads.add(withFinding(Severity.FATAL, "cannot run"));
        assertThat(lifecycle.loadInitial()).isEqualTo(Lifecycle.Outcome.FATAL);
        assertThat(logged).contains("ERROR cannot run");
    }

    @Test
    void reloadHandsPreviousAndNextToEveryStepInOrder() {
        LoadResult first = good();
        LoadResult second = withFinding(Severity.ERROR, "Unknown keyword 'bogus'");
        reads.add(first);
        reads.add(second);
        lifecycle.loadInitial();
        List<String> calls = new ArrayList<>();
        lifecycle.onReload("vrrp", (previous, next) -> {
            assertThat(previous).isSameAs(first.config());
            assertThat(next).isSameAs(second.config());
            calls.add("vrrp");
        });
        lifecycle.onReload("check", (previous, next) -> calls.add("check"));

        // ordinary errors do not stop a reload: keepalived runs despite them
        assertThat(lifecycle.reload()).isEqualTo(Lifecycle.Outcome.APPLIED);
        assertThat(calls).containsExactly("vrrp", "check");
        assertThat(lifecycle.config()).isSameAs(second.config());
        assertThat(lifecycle.status().reloads()).isEqualTo(1);
        assertThat(lifecycle.status().lastReload()).isNotNull();
        assertThat(logged).containsSubsequence("INFO Reloading", "WARN Unknown keyword 'bogus'", "INFO Reload complete");
    }

    @Test
    void aFatalOrUnreadableConfigurationIsReportedAndTheRunningOneKept() {
        LoadResult first = good();
        reads.add(first);
        lifecycle.loadInitial();
        List<KeepalivedConfig> seen = new ArrayList<>();
        lifecycle.onReload("vrrp", (previous, next) -> seen.add(next));

        reads.add(withFinding(Severity.FATAL, "something fatal"));
        assertThat(lifecycle.reload()).isEqualTo(Lifecycle.Outcome.FATAL);
        reads.add(unreadable());
        assertThat(lifecycle.reload()).isEqualTo(Lifecycle.Outcome.UNREADABLE);

        assertThat(seen).isEmpty();
        assertThat(lifecycle.config()).isSameAs(first.config());
        assertThat(lifecycle.status().reloads()).isZero();
        assertThat(lifecycle.status().refusedReloads()).isEqualTo(2);
        assertThat(logged).contains("ERROR something fatal",
                "ERROR Reload aborted: the configuration has fatal errors - keeping the running configuration",
                "INFO Config files missing '/etc/keepalived/keepalived.conf'.",
                "ERROR Reload aborted: the configuration cannot be read - keeping the running configuration");
    }

    @Test
    void aFailingReloadStepDoesNotStopTheOthers() {
        reads.add(good());
        reads.add(good());
        lifecycle.loadInitial();
        List<String> calls = new ArrayList<>();
        lifecycle.onReload("vrrp", (p, n) -> {
            throw new IllegalStateException("boom");
        });
        lifecycle.onReload("check", (p, n) -> calls.add("check"));
        assertThat(lifecycle.reload()).isEqualTo(Lifecycle.Outcome.APPLIED);
        assertThat(calls).containsExactly("check");
        assertThat(logged).contains("ERROR Reload step vrrp failed: java.lang.IllegalStateException: boom");
    }

    @Test
    void stopRunsTheStepsInReverseOnceEvenWhenOneFails() {
        List<String> calls = new ArrayList<>();
        lifecycle.onStop("log", () -> calls.add("log"));
        lifecycle.onStop("vrrp", () -> {
            calls.add("vrrp");
            throw new java.io.IOException("socket gone");
        });
        lifecycle.onStop("check", () -> calls.add("check"));
        lifecycle.stop();
        lifecycle.stop();
        assertThat(calls).containsExactly("check", "vrrp", "log");
        assertThat(logged).containsExactly("ERROR Stop step vrrp failed: java.io.IOException: socket gone");
    }

    @Test
    void statusCountsUptimeFromTheMonotonicClock() {
        nanos.addAndGet(2_500_000_000L);
        Lifecycle.Status s = lifecycle.status();
        assertThat(s.uptimeNanos()).isEqualTo(2_500_000_000L);
        assertThat(s.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.lastReload()).isNull();
    }

    @Test
    void findingsAreLoggedBySeverity() {
        LoadResult r = good();
        reads.add(new LoadResult(r.config(), List.of(
                new Diagnostic(Severity.NOTE, null, "a note"),
                new Diagnostic(Severity.ERROR, new Location("/k.conf", 3), "an error"),
                new Diagnostic(Severity.SECURITY, null, "a security finding")), r.files()));
        lifecycle.loadInitial();
        assertThat(logged).containsExactly("INFO a note", "WARN (/k.conf: Line 3) an error",
                "WARN a security finding");
    }
}
