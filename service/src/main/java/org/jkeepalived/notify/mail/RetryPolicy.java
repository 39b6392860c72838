package org.jkeepalived.notify.mail;

/**
 * Bounded exponential back-off for alert mails that failed (keepalived itself tries once and only logs the
 * failure; issue 5 asks for bounded retries). After the n-th failed attempt the next one waits
 * {@code initialDelayMillis * 2^(n-1)}, capped at {@code maxDelayMillis}; a mail is abandoned after
 * {@code maxAttempts} attempts, or when its next attempt would start more than {@code maxAgeMillis} after it
 * was queued, so that a stale "Entering MASTER state" does not arrive hours late.
 *
 * @param initialDelayMillis wait after the first failure
 * @param maxDelayMillis     the cap on any wait
 * @param maxAttempts        attempts in all, the first included
 * @param maxAgeMillis       how long after queueing a mail may still be attempted
 */
public record RetryPolicy(long initialDelayMillis, long maxDelayMillis, int maxAttempts, long maxAgeMillis) {

    /** 1 s, 2 s, 4 s, ... capped at 60 s. */
    public static final long INITIAL_DELAY_MILLIS = 1_000;
    public static final long MAX_DELAY_MILLIS = 60_000;
    /** 10 attempts span 1+2+4+8+16+32+60+60+60 = 243 s of waiting. */
    public static final int MAX_ATTEMPTS = 10;
    /** Never attempt a mail queued more than 15 minutes ago. */
    public static final long MAX_AGE_MILLIS = 15 * 60_000;

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(INITIAL_DELAY_MILLIS, MAX_DELAY_MILLIS, MAX_ATTEMPTS, MAX_AGE_MILLIS);

    public RetryPolicy {
        if (initialDelayMillis <= 0 || maxDelayMillis < initialDelayMillis || maxAttempts < 1 || maxAgeMillis < 0) {
            throw new IllegalArgumentException("bad retry policy " + initialDelayMillis + "/" + maxDelayMillis
                    + "/" + maxAttempts + "/" + maxAgeMillis);
        }
    }

    /** The wait before the next attempt after {@code failedAttempts} (at least 1) failures. */
    public long delayMillis(int failedAttempts) {
        long delay = initialDelayMillis;
        for (int i = 1; i < failedAttempts && delay < maxDelayMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxDelayMillis);
    }

    /**
     * Whether to give up after {@code failedAttempts} failures of a mail queued {@code ageMillis} ago.
     */
    public boolean giveUp(int failedAttempts, long ageMillis) {
        return failedAttempts >= maxAttempts || ageMillis + delayMillis(failedAttempts) > maxAgeMillis;
    }
}
