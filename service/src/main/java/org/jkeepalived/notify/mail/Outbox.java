package org.jkeepalived.notify.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bounded set of mails waiting to be sent or retried, each with its own schedule, so that one failing mail
 * waiting for its retry never holds back a newer one. Pure: time is passed in; not thread-safe (the caller
 * locks).
 */
final class Outbox {

    /** One queued mail and its attempts so far. */
    static final class Entry {
        final MailMessage message;
        final long queuedAtMillis;
        int failedAttempts;
        long nextAttemptMillis;
        boolean inFlight;

        Entry(MailMessage message, long queuedAtMillis) {
            this.message = message;
            this.queuedAtMillis = queuedAtMillis;
            this.nextAttemptMillis = queuedAtMillis;
        }
    }

    /**
     * What happened to a mail after a failed attempt.
     *
     * @param abandoned      given up
     * @param failedAttempts failures so far
     * @param retryInMillis  the wait before the next attempt (0 when abandoned)
     */
    record AfterFailure(boolean abandoned, int failedAttempts, long retryInMillis) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final int capacity;
    private final RetryPolicy policy;

    Outbox(int capacity, RetryPolicy policy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.policy = policy;
    }

    /** Queues a mail for an attempt now; false when the outbox is full. */
    boolean offer(MailMessage message, long nowMillis) {
        if (entries.size() >= capacity) {
            return false;
        }
        entries.add(new Entry(message, nowMillis));
        return true;
    }

    /** The mail due longest ago (first queued on a tie), marked in flight; empty when none is due. */
    Optional<Entry> takeDue(long nowMillis) {
        Entry best = null;
        for (Entry e : entries) {
            if (!e.inFlight && e.nextAttemptMillis <= nowMillis
                    && (best == null || e.nextAttemptMillis < best.nextAttemptMillis)) {
                best = e;
            }
        }
        if (best != null) {
            best.inFlight = true;
        }
        return Optional.ofNullable(best);
    }

    /** Milliseconds until the next mail is due (0 if one is due now), or -1 when none waits. */
    long millisUntilDue(long nowMillis) {
        long next = Long.MAX_VALUE;
        for (Entry e : entries) {
            if (!e.inFlight) {
                next = Math.min(next, e.nextAttemptMillis);
            }
        }
        return next == Long.MAX_VALUE ? -1 : Math.max(0, next - nowMillis);
    }

    /** The in-flight mail was accepted by its server. */
    void sent(Entry entry) {
        entries.remove(entry);
    }

    /**
     * The in-flight mail failed: schedule its retry or drop it, as the policy says; a {@code permanent} failure
     * (the server refused the mail itself) is dropped at once.
     */
    AfterFailure failed(Entry entry, long nowMillis, boolean permanent) {
        entry.failedAttempts++;
        entry.inFlight = false;
        if (permanent || policy.giveUp(entry.failedAttempts, nowMillis - entry.queuedAtMillis)) {
            entries.remove(entry);
            return new AfterFailure(true, entry.failedAttempts, 0);
        }
        long delay = policy.delayMillis(entry.failedAttempts);
        entry.nextAttemptMillis = nowMillis + delay;
        return new AfterFailure(false, entry.failedAttempts, delay);
    }

    /** Mails waiting or in flight. */
    int size() {
        return entries.size();
    }
}
