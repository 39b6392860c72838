package org.jkeepalived.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jkeepalived.config.model.lvs.CheckerTiming;

/**
 * The retry policy of one timed checker, as a pure state machine: a probe result goes in, the time of the
 * next attempt, a possible up/down change and keepalived's log lines come out. Time is passed in (micros on
 * any monotonic clock); nothing here sleeps, schedules or reads a clock.
 *
 * <p>keepalived's rules (check_tcp.c/check_http.c epilogues, observed with keepalived 2.2.7):
 * <ul>
 *   <li>the first attempt runs one second after start (keepalived's bootstrap delay) plus a random part of
 *       {@code warmup};</li>
 *   <li>a success resets the retry count, brings a down (or never run) checker up, next attempt after
 *       {@code delay_loop};</li>
 *   <li>a failure while retries are left counts one and retries after {@code delay_before_retry};</li>
 *   <li>a failure with no retry left takes an up (or never run) checker down, resets the count, next
 *       attempt after {@code delay_loop};</li>
 *   <li>{@code alpha} starts the checker down instead of up.</li>
 * </ul>
 */
public final class CheckerPolicy {
    /** keepalived waits one second before the first round of checks. */
    public static final long BOOTSTRAP_DELAY_MICROS = 1_000_000L;

    private final CheckerTiming timing;
    private final CheckerWords words;
    private boolean up;
    private boolean hasRun;
    private long retriesDone;

    /**
     * One policy step.
     *
     * @param nextAttemptMicros when the next attempt starts
     * @param changedTo         the checker's new state when it changed (TRUE up, FALSE down), else null
     * @param logLines          keepalived's log lines for this result, in order
     */
    public record Step(long nextAttemptMicros, Boolean changedTo, List<String> logLines) {
        public Step {
            logLines = List.copyOf(logLines);
        }
    }

    public CheckerPolicy(CheckerTiming timing, CheckerWords words) {
        this(timing, words, !timing.alpha());
    }

    /** A policy that starts in a known state: a real server's checker restarted by a reload keeps its state. */
    public CheckerPolicy(CheckerTiming timing, CheckerWords words, boolean initiallyUp) {
        this.timing = Objects.requireNonNull(timing, "timing");
        this.words = Objects.requireNonNull(words, "words");
        this.up = initiallyUp;
    }

    /** Whether the checker counts as up now (before its first result: not {@code alpha}). */
    public boolean up() {
        return up;
    }

    public long delayLoopMicros() {
        return timing.delayLoopMicros();
    }

    /** Failed attempts since the last success or declared failure. */
    public long retriesDone() {
        return retriesDone;
    }

    /**
     * The first attempt's time.
     *
     * @param random01 a uniformly random number in [0, 1) that spreads the checkers over {@code warmup}
     */
    public long firstAttemptMicros(long startMicros, double random01) {
        if (random01 < 0 || random01 >= 1) {
            throw new IllegalArgumentException("random01 " + random01);
        }
        return startMicros + BOOTSTRAP_DELAY_MICROS + (long) (timing.warmupMicros() * random01);
    }

    /** Applies one attempt's result, received at {@code nowMicros}. */
    public Step onResult(ProbeResult result, long nowMicros) {
        List<String> lines = new ArrayList<>(2);
        Boolean changed = null;
        long next;
        if (result.up()) {
            if (!up || !hasRun) {
                lines.add(words.success());
                changed = up ? null : Boolean.TRUE;
                up = true;
            }
            retriesDone = 0;
            next = nowMicros + timing.delayLoopMicros();
        } else {
            if (up || timing.logAllFailures()) {
                lines.add(result.reason() + ".");
            }
            if (retriesDone < timing.retry()) {
                retriesDone++;
                next = nowMicros + timing.delayBeforeRetryMicros();
            } else {
                if (up || !hasRun) {
                    lines.add(words.failed(retriesDone));
                    changed = up ? Boolean.FALSE : null;
                    up = false;
                }
                retriesDone = 0;
                next = nowMicros + timing.delayLoopMicros();
            }
        }
        hasRun = true;
        return new Step(next, changed, lines);
    }
}
