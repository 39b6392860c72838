package org.jkeepalived.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.EventBus;
import org.jkeepalived.event.Event.NotifyState;
import org.jkeepalived.event.Event.TargetType;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alert mails through real SMTP: Jakarta Mail against GreenMail on a free loopback port. No privileges are
 * needed (loopback only), so these run without {@code Privileged.require}.
 */
class MailAlertsSmtpIT {
    static final String LOOPBACK = "127.0.0.1";

    final List<String> logLines = new CopyOnWriteArrayList<>();
    final Log log = Log.to((level, detail, message) -> logLines.add(level + " " + message));
    GreenMail greenMail;
    MailAlerts alerts;
    ServerSocket silent;
    final List<Socket> held = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws IOException {
        if (alerts != null) {
            alerts.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (silent != null) {
            silent.close();
        }
        for (Socket s : held) {
            s.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        }
    }

    static MailSettings settings(int port, long timeoutMillis) {
        return new MailSettings("mlxr", "kx@example.com", List.of("a@example.com", "Bob <b@example.com>"),
                LOOPBACK, port, "helo.example", timeoutMillis, false);
    }

    GreenMail greenMail(int port) {
        greenMail = new GreenMail(new ServerSetup(port, LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    MailAlerts alerts(MailSettings settings) {
        alerts = MailAlerts.start(settings, new JakartaMailTransport(), RetryPolicy.DEFAULT,
                MailAlerts.QUEUE_CAPACITY, Clock.systemDefaultZone(), log);
        return alerts;
    }

    static Event change(TargetType type, String name, NotifyState state) {
        return MailFormatTest.change(type, name, state, true);
    }

    @Test
    void masterBackupAndFaultMailsArriveAsKeepalivedWritesThem() throws Exception {
        int port = freePort();
        greenMail(port);
        alerts(settings(port, 5_000));
        alerts.accept(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER));
        alerts.accept(change(TargetType.INSTANCE, "VI_1", NotifyState.BACKUP));
        alerts.accept(change(TargetType.INSTANCE, "VI_1", NotifyState.FAULT));
        alerts.accept(change(TargetType.GROUP, "G1", NotifyState.FAULT));
        await("4 mails for each of 2 recipients", 10_000, () -> greenMail.getReceivedMessages().length == 8);

        List<String> subjects = List.of("[mlxr] VRRP Instance VI_1 - Entering MASTER state",
                "[mlxr] VRRP Instance VI_1 - Entering BACKUP state",
                "[mlxr] VRRP Instance VI_1 - Entering FAULT state",
                "[mlxr] VRRP Group G1 - Entering FAULT state");
        List<String> bodies = List.of("=> VRRP Instance is now owning VRRP VIPs <=",
                "=> VRRP Instance is no longer owning VRRP VIPs <=",
                "=> VRRP Instance is no longer owning VRRP VIPs <=",
                "=> All VRRP group instances are now in FAULT state <=");
        MimeMessage[] all = greenMail.getReceivedMessages();
        for (int i = 0; i < 4; i++) {
            String subject = subjects.get(i);
            List<MimeMessage> copies = Arrays.stream(all).filter(m -> subjectOf(m).equals(subject)).toList();
            assertThat(copies).as(subject).hasSize(2);
            for (MimeMessage m : copies) {
                assertThat(m.getHeader("From", ",")).isEqualTo("kx@example.com");
                assertThat(m.getHeader("To", ",")).isEqualTo("a@example.com, Bob <b@example.com>");
                assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                        .containsExactly("a@example.com", "Bob <b@example.com>");
                assertThat(m.getHeader("X-Mailer", ",")).isEqualTo("Keepalived");
                assertThat(m.getHeader("Date", ",")).matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} "
                        + "\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}");
                assertThat(GreenMailUtil.getBody(m).trim()).isEqualTo(bodies.get(i));
            }
        }
        // the envelope: each address got each mail once, the display-name entry at its address
        assertThat(greenMail.findReceivedMessages(u -> u.getEmail().equals("a@example.com"), m -> true))
                .hasSize(4);
        assertThat(greenMail.findReceivedMessages(u -> u.getEmail().equals("b@example.com"), m -> true))
                .hasSize(4);
        await("4 sent", 5_000, () -> alerts.counters().sent() == 4);
        assertThat(alerts.counters()).isEqualTo(new MailAlerts.Counters(4, 4, 0, 0, 0, 0, 0));
        assertThat(logLines).containsOnly("INFO SMTP alert successfully sent.");
    }

    static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void asAnEventBusSubscriberTheMailArrives() throws Exception {
        int port = freePort();
        greenMail(port);
        alerts(settings(port, 5_000));
        try (EventBus bus = new EventBus(log)) {
            bus.subscribe("mail", alerts);
            bus.publish(change(TargetType.INSTANCE, "VI_1", NotifyState.BACKUP));
            bus.publish(new Event.TrackerChanged("script", "chk", false, 0));
            bus.publish(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER));
            await("2 mails for each of 2 recipients", 10_000, () -> greenMail.getReceivedMessages().length == 4);
        }
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(MailAlertsSmtpIT::subjectOf).distinct())
                .containsExactly("[mlxr] VRRP Instance VI_1 - Entering BACKUP state",
                        "[mlxr] VRRP Instance VI_1 - Entering MASTER state");
    }

    @Test
    void theConversationIsPlainSmtpWithTheHeloNameAndTheAddressesOfTheEntries() throws Exception {
        try (RecordingSmtpServer server = new RecordingSmtpServer("250 ok")) {
            alerts(settings(server.port(), 5_000));
            alerts.accept(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER));
            await("sent", 5_000, () -> alerts.counters().sent() == 1);
            List<String> lines = server.lines();
            assertThat(lines.subList(0, 5)).containsExactly("HELO helo.example", "MAIL FROM:<kx@example.com>",
                    "RCPT TO:<a@example.com>", "RCPT TO:<b@example.com>", "DATA");
            assertThat(lines).contains("Subject: [mlxr] VRRP Instance VI_1 - Entering MASTER state",
                    "X-Mailer: Keepalived", "From: kx@example.com", "To: a@example.com, Bob <b@example.com>",
                    "=> VRRP Instance is now owning VRRP VIPs <=", ".", "QUIT");
        }
    }

    @Test
    void aRefusedMailIsLoggedWithTheStatusAndNotRetried() throws Exception {
        try (RecordingSmtpServer server = new RecordingSmtpServer("550 no such user")) {
            alerts(settings(server.port(), 5_000));
            alerts.accept(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER));
            String refused = "ERROR Error processing RCPT cmd on SMTP server [127.0.0.1]:" + server.port()
                    + ". SMTP status code = 550";
            await("the refusal logged", 5_000, () -> logLines.contains(refused));
            assertThat(alerts.counters()).isEqualTo(new MailAlerts.Counters(1, 0, 1, 0, 1, 0, 0));
        }
    }

    @Test
    void mailQueuedWhileTheServerIsDownArrivesOnceItIsUp() throws Exception {
        int port = freePort();   // nothing listens: connection refused
        alerts(settings(port, 2_000));
        alerts.accept(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER));
        String refused = "ERROR SMTP connection ERROR to [127.0.0.1]:" + port + ".";
        await("a refused attempt logged", 5_000, () -> logLines.contains(refused));
        assertThat(alerts.counters().failedAttempts()).isGreaterThanOrEqualTo(1);
        assertThat(alerts.counters().sent()).isZero();

        greenMail(port);
        await("the retried mail", 15_000, () -> greenMail.getReceivedMessages().length == 2
                && alerts.counters().sent() == 1);
        assertThat(greenMail.getReceivedMessages()[0].getSubject())
                .isEqualTo("[mlxr] VRRP Instance VI_1 - Entering MASTER state");
        MailAlerts.Counters c = alerts.counters();
        assertThat(c.sent()).isEqualTo(1);
        assertThat(c.failedAttempts()).isGreaterThanOrEqualTo(1);
        assertThat(c.retried()).isEqualTo(c.failedAttempts());
        assertThat(c.abandoned()).isZero();
        assertThat(c.pending()).isZero();
    }

    @Test
    void aServerThatNeverAnswersCostsThePublisherNothing() throws Exception {
        silent = new ServerSocket();
        silent.bind(new InetSocketAddress(LOOPBACK, 0));
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());   // accepted, never written to
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        long timeoutMillis = 2_000;
        alerts(settings(silent.getLocalPort(), timeoutMillis));

        alerts.accept(change(TargetType.INSTANCE, "VI_0", NotifyState.MASTER));
        await("the sender connected", 5_000, () -> held.size() == 1);
        long connectedAt = System.nanoTime();
        for (int i = 1; i < 100; i++) {
            alerts.accept(change(TargetType.INSTANCE, "VI_" + i, NotifyState.MASTER));
        }
        // all 100 were queued while the first conversation still waits for the greeting
        MailAlerts.Counters whilePending = alerts.counters();
        assertThat(whilePending.queued()).isEqualTo(100);
        assertThat(whilePending.failedAttempts()).isZero();
        assertThat(whilePending.pending()).isEqualTo(100);

        await("the first attempt timed out", 3 * timeoutMillis, () -> alerts.counters().failedAttempts() >= 1);
        long waitedMillis = (System.nanoTime() - connectedAt) / 1_000_000;
        assertThat(waitedMillis).as("the attempt waited for smtp_connect_timeout").isGreaterThanOrEqualTo(
                timeoutMillis - 200);
        String timedOut = "ERROR Timeout reading data to remote SMTP server [127.0.0.1]:" + silent.getLocalPort()
                + ".";
        await("the timeout logged in keepalived's words", 5_000, () -> logLines.contains(timedOut));
        assertThat(alerts.counters().sent()).isZero();
    }
}
