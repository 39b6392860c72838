package org.jkeepalived.config.model.lvs;

/**
 * When and how often a checker runs, resolved checker -> real server -> virtual server -> kind default.
 *
 * @param delayLoopMicros        {@code delay_loop}: interval between checks (60 s)
 * @param warmupMicros           {@code warmup}: the first check waits a random time up to this (default:
 *                               the delay loop; 0 disables)
 * @param retry                  {@code retry}/{@code nb_get_retry}: extra attempts before declaring failure
 *                               (1; DNS_CHECK 3; MISC_CHECK 0)
 * @param delayBeforeRetryMicros {@code delay_before_retry} (1 s; HTTP_GET/SSL_GET 3 s; DNS_CHECK the delay loop)
 * @param alpha                  {@code alpha}: start as failed
 * @param logAllFailures         {@code log_all_failures}, or global checker_log_all_failures
 */
public record CheckerTiming(long delayLoopMicros, long warmupMicros, long retry, long delayBeforeRetryMicros,
                            boolean alpha, boolean logAllFailures) {
}
