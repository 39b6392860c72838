package org.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.junit.jupiter.api.Test;

class CheckerPolicyTest {
    private static final long S = 1_000_000L;
    private static final CheckerWords TCP = CheckerWords.of("TCP_CHECK", "[10.0.0.2]:tcp:80");
    private static final ProbeResult OK = ProbeResult.success();
    private static final ProbeResult REFUSED = ProbeResult.failure("TCP connection to [10.0.0.2]:tcp:80 failed");

    private static CheckerTiming timing(long retry, boolean alpha) {
        return new CheckerTiming(10 * S, 4 * S, retry, 2 * S, alpha, false);
    }

    @Test
    void firstAttemptWaitsTheBootstrapSecondPlusARandomPartOfWarmup() {
        CheckerPolicy policy = new CheckerPolicy(timing(1, false), TCP);
        assertThat(policy.firstAttemptMicros(100 * S, 0.0)).isEqualTo(101 * S);
        assertThat(policy.firstAttemptMicros(100 * S, 0.5)).isEqualTo(103 * S);
        assertThat(policy.firstAttemptMicros(100 * S, Math.nextDown(1.0))).isLessThan(105 * S).isGreaterThan(104 * S);
        assertThatThrownBy(() -> policy.firstAttemptMicros(0, 1.0)).isInstanceOf(IllegalArgumentException.class);
        CheckerPolicy noWarmup = new CheckerPolicy(new CheckerTiming(10 * S, 0, 1, S, false, false), TCP);
        assertThat(noWarmup.firstAttemptMicros(0, 0.9)).isEqualTo(S);
    }

    @Test
    void successKeepsTheDelayLoopAndLogsOnlyTheFirstTime() {
        CheckerPolicy policy = new CheckerPolicy(timing(1, false), TCP);
        CheckerPolicy.Step first = policy.onResult(OK, 0);
        assertThat(first.nextAttemptMicros()).isEqualTo(10 * S);
        assertThat(first.changedTo()).isNull(); // it started up
        assertThat(first.logLines()).containsExactly("TCP connection to [10.0.0.2]:tcp:80 success.");
        CheckerPolicy.Step second = policy.onResult(OK, 10 * S);
        assertThat(second.nextAttemptMicros()).isEqualTo(20 * S);
        assertThat(second.logLines()).isEmpty();
    }

    @Test
    void retriesAfterDelayBeforeRetryThenGoesDownAfterTheLastRetry() {
        CheckerPolicy policy = new CheckerPolicy(timing(2, false), TCP);
        policy.onResult(OK, 0);
        CheckerPolicy.Step f1 = policy.onResult(REFUSED, 10 * S);
        assertThat(f1.nextAttemptMicros()).isEqualTo(12 * S);
        assertThat(f1.changedTo()).isNull();
        assertThat(policy.up()).isTrue();
        assertThat(f1.logLines()).containsExactly("TCP connection to [10.0.0.2]:tcp:80 failed.");
        CheckerPolicy.Step f2 = policy.onResult(REFUSED, 12 * S);
        assertThat(f2.nextAttemptMicros()).isEqualTo(14 * S);
        assertThat(f2.changedTo()).isNull();
        assertThat(policy.retriesDone()).isEqualTo(2);
        CheckerPolicy.Step f3 = policy.onResult(REFUSED, 14 * S);
        assertThat(f3.changedTo()).isFalse();
        assertThat(policy.up()).isFalse();
        assertThat(f3.nextAttemptMicros()).isEqualTo(24 * S);
        assertThat(f3.logLines()).containsExactly("TCP connection to [10.0.0.2]:tcp:80 failed.",
                "TCP_CHECK on service [10.0.0.2]:tcp:80 failed after 2 retries.");
        assertThat(policy.retriesDone()).isZero();
        // down: further failures are quiet and wait the delay loop, without retries
        CheckerPolicy.Step f4 = policy.onResult(REFUSED, 24 * S);
        assertThat(f4.logLines()).isEmpty();
        assertThat(f4.changedTo()).isNull();
        assertThat(f4.nextAttemptMicros()).isEqualTo(26 * S);
    }

    @Test
    void aSuccessDuringRetriesResetsTheCount() {
        CheckerPolicy policy = new CheckerPolicy(timing(1, false), TCP);
        policy.onResult(REFUSED, 0);
        assertThat(policy.retriesDone()).isEqualTo(1);
        policy.onResult(OK, 2 * S);
        assertThat(policy.retriesDone()).isZero();
        CheckerPolicy.Step again = policy.onResult(REFUSED, 12 * S);
        assertThat(again.changedTo()).isNull();
        assertThat(again.nextAttemptMicros()).isEqualTo(14 * S);
    }

    @Test
    void noRetryGoesDownAtTheFirstFailure() {
        CheckerPolicy policy = new CheckerPolicy(timing(0, false), TCP);
        CheckerPolicy.Step step = policy.onResult(REFUSED, 0);
        assertThat(step.changedTo()).isFalse();
        assertThat(step.logLines()).last().isEqualTo("TCP_CHECK on service [10.0.0.2]:tcp:80 failed.");
        assertThat(step.nextAttemptMicros()).isEqualTo(10 * S);
    }

    @Test
    void alphaStartsDownAndComesUpAtTheFirstSuccess() {
        CheckerPolicy policy = new CheckerPolicy(timing(1, true), TCP);
        assertThat(policy.up()).isFalse();
        CheckerPolicy.Step step = policy.onResult(OK, 0);
        assertThat(step.changedTo()).isTrue();
        assertThat(step.logLines()).containsExactly("TCP connection to [10.0.0.2]:tcp:80 success.");
        assertThat(policy.up()).isTrue();
    }

    @Test
    void alphaFailingFromTheStartLogsTheFailureOnceWithoutAChange() {
        CheckerPolicy policy = new CheckerPolicy(timing(0, true), TCP);
        CheckerPolicy.Step step = policy.onResult(REFUSED, 0);
        assertThat(step.changedTo()).isNull();
        assertThat(step.logLines()).containsExactly("TCP_CHECK on service [10.0.0.2]:tcp:80 failed.");
        assertThat(policy.onResult(REFUSED, 10 * S).logLines()).isEmpty();
    }

    @Test
    void logAllFailuresLogsEveryFailedAttemptEvenWhenDown() {
        CheckerPolicy policy = new CheckerPolicy(new CheckerTiming(10 * S, 0, 0, S, true, true), TCP);
        assertThat(policy.onResult(REFUSED, 0).logLines()).hasSize(2);
        assertThat(policy.onResult(REFUSED, 10 * S).logLines())
                .containsExactly("TCP connection to [10.0.0.2]:tcp:80 failed.");
    }

    @Test
    void httpWordsAndRealServerHealthNeedsAllCheckersUp() {
        CheckerWords http = CheckerWords.of("HTTP_GET", "[10.0.0.3]:tcp:8080");
        assertThat(http.success()).isEqualTo("Remote Web server [10.0.0.3]:tcp:8080 succeed on service.");
        assertThat(http.failed(1)).isEqualTo("HTTP_CHECK on service [10.0.0.3]:tcp:8080 failed after 1 retries.");

        RealServerHealth health = new RealServerHealth(new boolean[] {true, false, true});
        assertThat(health.up()).isFalse();
        assertThat(health.set(1, true)).isTrue();
        assertThat(health.up()).isTrue();
        assertThat(health.set(0, false)).isTrue();
        assertThat(health.set(2, false)).isFalse();
        assertThat(health.failedCheckers()).isEqualTo(2);
        assertThat(health.set(0, true)).isFalse();
        assertThat(health.set(2, true)).isTrue();
        assertThat(health.up()).isTrue();
    }

    @Test
    void serviceNotationIsKeepalives() throws Exception {
        assertThat(CheckerWords.service(new java.net.InetSocketAddress(java.net.InetAddress.getByName("10.0.0.2"), 80),
                "tcp")).isEqualTo("[10.0.0.2]:tcp:80");
        assertThat(CheckerWords.service(new java.net.InetSocketAddress(java.net.InetAddress.getByName("2001:db8::1"),
                443), "tcp")).isEqualTo("[2001:db8::1]:tcp:443");
    }
}
