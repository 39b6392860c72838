package org.jkeepalived.check;

import java.util.concurrent.CompletableFuture;

/**
 * One kind of health check against one real server (TCP_CHECK, HTTP_GET, DNS_CHECK, ...), as a port: each
 * {@link #attempt} is one try, non-blocking, so that thousands of checkers are cheap. The policy around the
 * attempts (delay_loop, retry, delay_before_retry, warmup, alpha) belongs to the checker runner, never to a
 * probe. A probe never throws: every failure is a {@link ProbeResult} with its reason.
 */
public interface Probe extends AutoCloseable {

    /**
     * Starts one attempt. The future completes (never exceptionally) with the outcome, at the latest when
     * the checker's connect timeout has passed.
     */
    CompletableFuture<ProbeResult> attempt();

    /** Releases what the probe holds (sockets, processes); attempts in flight complete as failures. */
    @Override
    default void close() {
    }
}
