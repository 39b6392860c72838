package org.jkeepalived.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.Event.NotifyState;
import org.jkeepalived.event.Event.TargetType;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender thread, the counters and the log lines, with the scripted transport. */
class MailAlertsTest {
    static final RetryPolicy FAST = new RetryPolicy(10, 40, 4, 60_000);

    final List<String> logLines = new CopyOnWriteArrayList<>();
    final Log log = Log.to((level, detail, message) -> logLines.add(level + " " + message));
    final FakeMailTransport transport = new FakeMailTransport();
    MailAlerts alerts;

    MailAlerts start(RetryPolicy policy, int capacity) {
        alerts = MailAlerts.start(MailFormatTest.SETTINGS, transport, policy, capacity, Clock.systemDefaultZone(),
                log);
        return alerts;
    }

    @AfterEach
    void stop() {
        transport.release();
        if (alerts != null) {
            alerts.close();
        }
    }

    static Event master(String name) {
        return MailFormatTest.change(TargetType.INSTANCE, name, NotifyState.MASTER, true);
    }

    @Test
    void sendsOneMailPerMailWorthyEvent() throws Exception {
        start(FAST, 10);
        alerts.accept(master("VI_1"));
        alerts.accept(MailFormatTest.change(TargetType.INSTANCE, "VI_1", NotifyState.STOP, true));
        alerts.accept(MailFormatTest.change(TargetType.INSTANCE, "VI_2", NotifyState.MASTER, false));
        alerts.accept(new Event.TrackerChanged("script", "chk", true, 0));
        alerts.accept(MailFormatTest.change(TargetType.GROUP, "G1", NotifyState.BACKUP, true));
        await("two mails logged", 5_000, () -> logLines.size() == 2);
        assertThat(transport.delivered()).extracting(MailMessage::subject).containsExactly(
                "[mlxr] VRRP Instance VI_1 - Entering MASTER state", "[mlxr] VRRP Group G1 - Entering BACKUP state");
        assertThat(alerts.counters()).isEqualTo(new MailAlerts.Counters(2, 2, 0, 0, 0, 0, 0));
        assertThat(logLines).containsExactly("INFO SMTP alert successfully sent.", "INFO SMTP alert successfully sent.");
    }

    @Test
    void failedMailIsRetriedUntilItGoesThroughAndCounted() throws Exception {
        transport.failNext(2, MailSendException.Failure.CONNECT_ERROR);
        start(FAST, 10);
        alerts.accept(master("VI_1"));
        await("the mail after two failures, logged", 5_000, () -> logLines.size() == 5);
        assertThat(transport.attempts()).hasSize(3);
        assertThat(alerts.counters()).isEqualTo(new MailAlerts.Counters(1, 1, 2, 2, 0, 0, 0));
        assertThat(logLines).containsExactly(
                "ERROR SMTP connection ERROR to [127.0.0.1]:2525.",
                "WARN SMTP alert \"[mlxr] VRRP Instance VI_1 - Entering MASTER state\" will be retried in 10 ms"
                        + " (attempt 1 failed)",
                "ERROR SMTP connection ERROR to [127.0.0.1]:2525.",
                "WARN SMTP alert \"[mlxr] VRRP Instance VI_1 - Entering MASTER state\" will be retried in 20 ms"
                        + " (attempt 2 failed)",
                "INFO SMTP alert successfully sent.");
    }

    @Test
    void mailIsAbandonedAfterTheLastAttempt() throws Exception {
        transport.failNext(10, MailSendException.Failure.READ_TIMEOUT);
        start(FAST, 10);
        alerts.accept(master("VI_1"));
        await("abandoned, logged", 5_000, () -> logLines.stream().anyMatch(l -> l.contains("abandoned")));
        assertThat(transport.attempts()).hasSize(4);
        assertThat(alerts.counters()).isEqualTo(new MailAlerts.Counters(1, 0, 4, 3, 1, 0, 0));
        assertThat(logLines).contains("ERROR Timeout reading data to remote SMTP server [127.0.0.1]:2525.",
                "ERROR SMTP alert \"[mlxr] VRRP Instance VI_1 - Entering MASTER state\" abandoned after 4 attempt(s)");
    }

    @Test
    void theCallerIsNeverHeldByTheServerAndAFullQueueDropsAndCounts() throws Exception {
        transport.hold();
        start(FAST, 3);
        alerts.accept(master("VI_1"));
        await("the first mail in flight", 5_000, () -> transport.entered() == 1);
        for (int i = 2; i <= 5; i++) {
            alerts.accept(master("VI_" + i));   // returns although the transport is stuck
        }
        MailAlerts.Counters stuck = alerts.counters();
        assertThat(stuck.queued()).isEqualTo(3);
        assertThat(stuck.dropped()).isEqualTo(2);
        assertThat(stuck.sent()).isZero();
        assertThat(logLines).contains("WARN SMTP alert queue full (3), dropping: "
                + "[mlxr] VRRP Instance VI_5 - Entering MASTER state");
        transport.release();
        await("the queued three", 5_000, () -> alerts.counters().sent() == 3);
        assertThat(transport.delivered()).extracting(MailMessage::subject).containsExactly(
                "[mlxr] VRRP Instance VI_1 - Entering MASTER state",
                "[mlxr] VRRP Instance VI_2 - Entering MASTER state",
                "[mlxr] VRRP Instance VI_3 - Entering MASTER state");
    }

    @Test
    void aReloadAppliesToMailQueuedAfterIt() throws Exception {
        start(FAST, 10);
        alerts.accept(master("VI_1"));
        alerts.update(new MailSettings("other", "new@example.com", List.of("c@example.com"), "10.0.0.1", 26, "h2",
                2_000, false));
        alerts.accept(master("VI_1"));
        await("two mails", 5_000, () -> alerts.counters().sent() == 2);
        MailMessage before = transport.delivered().get(0);
        MailMessage after = transport.delivered().get(1);
        assertThat(before.subject()).startsWith("[mlxr] ");
        assertThat(before.server()).isEqualTo("127.0.0.1");
        assertThat(after.subject()).startsWith("[other] ");
        assertThat(after.from()).isEqualTo("new@example.com");
        assertThat(after.to()).containsExactly("c@example.com");
        assertThat(after.serverText()).isEqualTo("[10.0.0.1]:26");
        assertThat(after.timeoutMillis()).isEqualTo(2_000);
    }

    @Test
    void closeReturnsWithinItsBoundEvenWhenTheServerHangs() throws Exception {
        transport.hold();
        start(FAST, 10);
        alerts.accept(master("VI_1"));
        await("in flight", 5_000, () -> transport.entered() == 1);
        long started = System.nanoTime();
        alerts.close();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).isBetween(MailAlerts.CLOSE_WAIT_MILLIS - 100, MailAlerts.CLOSE_WAIT_MILLIS + 1_000);
        assertThat(logLines).contains("WARN Stopping with 1 SMTP alert(s) not sent");
        alerts.accept(master("VI_2"));
        assertThat(alerts.counters().queued()).as("nothing is queued after close").isEqualTo(1);
    }
}
