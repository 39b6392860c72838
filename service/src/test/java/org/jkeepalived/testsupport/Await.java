package org.jkeepalived.testsupport;

import java.util.function.BooleanSupplier;

/** Polling for tests that wait on other threads or processes. */
public final class Await {
    private Await() {
    }

    /**
     * Polls {@code condition} every 5 ms until it holds and returns the milliseconds waited; after
     * {@code timeoutMillis} fails with an AssertionError naming {@code what}.
     */
    public static long await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
