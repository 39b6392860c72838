package org.jkeepalived.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Back-off and abandonment with time passed in: no clock, no thread. */
class RetryPolicyTest {

    static MailMessage mail(String subject) {
        return new MailMessage("127.0.0.1", 25, "h", 1000, "f@x", List.of("a@x"), List.of("a@x"), subject, "b",
                "d");
    }

    @Test
    void delaysDoubleFromOneSecondAndAreCappedAtSixty() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9).stream().map(p::delayMillis).toList())
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
        assertThat(p.delayMillis(1_000)).isEqualTo(60_000L);
    }

    @Test
    void givesUpAfterMaxAttemptsOrMaxAge() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(p.giveUp(9, 0)).isFalse();
        assertThat(p.giveUp(10, 0)).isTrue();
        assertThat(p.giveUp(1, RetryPolicy.MAX_AGE_MILLIS - 1_000)).isFalse();
        assertThat(p.giveUp(1, RetryPolicy.MAX_AGE_MILLIS - 999)).isTrue();
        assertThatThrownBy(() -> new RetryPolicy(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outboxRetriesOnItsScheduleThenAbandons() {
        Outbox box = new Outbox(10, new RetryPolicy(1_000, 4_000, 4, 60_000));
        assertThat(box.offer(mail("m"), 0)).isTrue();
        Outbox.Entry e = box.takeDue(0).orElseThrow();
        assertThat(box.takeDue(0)).as("in flight is not due again").isEmpty();
        assertThat(box.failed(e, 100, false)).isEqualTo(new Outbox.AfterFailure(false, 1, 1_000));
        assertThat(box.millisUntilDue(100)).isEqualTo(1_000);
        assertThat(box.takeDue(1_099)).isEmpty();
        assertThat(box.takeDue(1_100)).containsSame(e);
        assertThat(box.failed(e, 1_100, false)).isEqualTo(new Outbox.AfterFailure(false, 2, 2_000));
        assertThat(box.takeDue(3_100)).containsSame(e);
        assertThat(box.failed(e, 3_100, false)).isEqualTo(new Outbox.AfterFailure(false, 3, 4_000));
        assertThat(box.takeDue(7_100)).containsSame(e);
        assertThat(box.failed(e, 7_100, false)).isEqualTo(new Outbox.AfterFailure(true, 4, 0));
        assertThat(box.size()).isZero();
        assertThat(box.millisUntilDue(7_100)).isEqualTo(-1);
    }

    @Test
    void outboxAbandonsStaleMailBeforeMaxAttempts() {
        Outbox box = new Outbox(10, new RetryPolicy(1_000, 60_000, 100, 5_000));
        box.offer(mail("m"), 0);
        Outbox.Entry e = box.takeDue(0).orElseThrow();
        assertThat(box.failed(e, 0, false).abandoned()).isFalse();       // next at 1 s
        box.takeDue(1_000);
        assertThat(box.failed(e, 1_000, false).abandoned()).isFalse();   // next at 3 s
        box.takeDue(3_000);
        assertThat(box.failed(e, 3_000, false)).as("next attempt would start at 7 s > 5 s")
                .isEqualTo(new Outbox.AfterFailure(true, 3, 0));
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        Outbox box = new Outbox(10, RetryPolicy.DEFAULT);
        box.offer(mail("m"), 0);
        Outbox.Entry e = box.takeDue(0).orElseThrow();
        assertThat(box.failed(e, 0, true)).isEqualTo(new Outbox.AfterFailure(true, 1, 0));
        assertThat(box.size()).isZero();
        assertThat(new MailSendException(MailSendException.Failure.SMTP_STATUS, "RCPT", 550, "x").permanent())
                .isTrue();
        assertThat(new MailSendException(MailSendException.Failure.SMTP_STATUS, "MAIL", 451, "x").permanent())
                .isFalse();
        assertThat(new MailSendException(MailSendException.Failure.CONNECT_ERROR, "x").permanent()).isFalse();
    }

    @Test
    void aRetryingMailDoesNotHoldBackANewerOne() {
        Outbox box = new Outbox(10, RetryPolicy.DEFAULT);
        box.offer(mail("old"), 0);
        Outbox.Entry old = box.takeDue(0).orElseThrow();
        box.failed(old, 10, false);
        box.offer(mail("new"), 20);
        Optional<Outbox.Entry> next = box.takeDue(20);
        assertThat(next).isPresent();
        assertThat(next.get().message.subject()).isEqualTo("new");
    }

    @Test
    void outboxIsBounded() {
        Outbox box = new Outbox(2, RetryPolicy.DEFAULT);
        assertThat(box.offer(mail("1"), 0)).isTrue();
        assertThat(box.offer(mail("2"), 0)).isTrue();
        assertThat(box.offer(mail("3"), 0)).isFalse();
        box.sent(box.takeDue(0).orElseThrow());
        assertThat(box.offer(mail("3"), 0)).isTrue();
    }
}
