package org.jkeepalived.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.Event.NotifyState;
import org.jkeepalived.event.Event.TargetType;
import org.junit.jupiter.api.Test;

class MailFormatTest {
    static final ZonedDateTime DATE = ZonedDateTime.of(2026, 11, 5, 16, 2, 9, 0, ZoneOffset.UTC);
    static final MailSettings SETTINGS = new MailSettings("mlxr", "kx@example.com",
            List.of("a@example.com", "Bob <b@example.com>"), "127.0.0.1", 2525, "helo.example", 5_000, false);

    static Event.VrrpStateChanged change(TargetType type, String name, NotifyState state, boolean smtpAlert) {
        return new Event.VrrpStateChanged(new Event.Target(type, name, null, smtpAlert, false), state,
                type == TargetType.GROUP ? 0 : 100, "test");
    }

    static MailMessage mail(Event event, MailSettings settings) {
        return MailFormat.format(event, settings, DATE).orElseThrow();
    }

    @Test
    void instanceMasterIsKeepalivedsMail() {
        MailMessage m = mail(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER, true), SETTINGS);
        assertThat(m.subject()).isEqualTo("[mlxr] VRRP Instance VI_1 - Entering MASTER state");
        assertThat(m.body()).isEqualTo("=> VRRP Instance is now owning VRRP VIPs <=");
        assertThat(m.date()).isEqualTo("Thu, 05 Nov 2026 16:02:09 +0000");
        assertThat(m.from()).isEqualTo("kx@example.com");
        assertThat(m.to()).containsExactly("a@example.com", "Bob <b@example.com>");
        assertThat(m.envelopeTo()).containsExactly("a@example.com", "b@example.com");
        assertThat(m.server()).isEqualTo("127.0.0.1");
        assertThat(m.port()).isEqualTo(2525);
        assertThat(m.heloName()).isEqualTo("helo.example");
        assertThat(m.timeoutMillis()).isEqualTo(5_000);
        assertThat(m.serverText()).isEqualTo("[127.0.0.1]:2525");
    }

    @Test
    void instanceBackupAndFault() {
        MailMessage backup = mail(change(TargetType.INSTANCE, "VI_1", NotifyState.BACKUP, true), SETTINGS);
        assertThat(backup.subject()).isEqualTo("[mlxr] VRRP Instance VI_1 - Entering BACKUP state");
        assertThat(backup.body()).isEqualTo("=> VRRP Instance is no longer owning VRRP VIPs <=");
        MailMessage fault = mail(change(TargetType.INSTANCE, "VI_1", NotifyState.FAULT, true), SETTINGS);
        assertThat(fault.subject()).isEqualTo("[mlxr] VRRP Instance VI_1 - Entering FAULT state");
        assertThat(fault.body()).isEqualTo("=> VRRP Instance is no longer owning VRRP VIPs <=");
    }

    @Test
    void groupStates() {
        for (NotifyState state : List.of(NotifyState.MASTER, NotifyState.BACKUP, NotifyState.FAULT)) {
            MailMessage m = mail(change(TargetType.GROUP, "G1", state, true), SETTINGS);
            assertThat(m.subject()).isEqualTo("[mlxr] VRRP Group G1 - Entering " + state + " state");
            assertThat(m.body()).isEqualTo("=> All VRRP group instances are now in " + state + " state <=");
        }
    }

    @Test
    void deletedInstanceMailsAsFaultAndStopOrDeletedGroupMailNothing() {
        MailMessage deleted = mail(change(TargetType.INSTANCE, "VI_1", NotifyState.DELETED, true), SETTINGS);
        assertThat(deleted.subject()).isEqualTo("[mlxr] VRRP Instance VI_1 - Entering FAULT state");
        assertThat(deleted.body()).isEqualTo("=> VRRP Instance is no longer owning VRRP VIPs <=");
        assertThat(MailFormat.format(change(TargetType.INSTANCE, "VI_1", NotifyState.STOP, true), SETTINGS, DATE))
                .isEmpty();
        assertThat(MailFormat.format(change(TargetType.GROUP, "G1", NotifyState.STOP, true), SETTINGS, DATE))
                .isEmpty();
        assertThat(MailFormat.format(change(TargetType.GROUP, "G1", NotifyState.DELETED, true), SETTINGS, DATE))
                .isEmpty();
    }

    @Test
    void noEmailFaultsSuppressesFaultAndDeletedOnly() {
        MailSettings noFaults = new MailSettings("r", "f@x", List.of("a@x"), "h", 25, "h", 1000, true);
        assertThat(MailFormat.format(change(TargetType.INSTANCE, "VI_1", NotifyState.FAULT, true), noFaults, DATE))
                .isEmpty();
        assertThat(MailFormat.format(change(TargetType.GROUP, "G", NotifyState.FAULT, true), noFaults, DATE))
                .isEmpty();
        assertThat(MailFormat.format(change(TargetType.INSTANCE, "VI_1", NotifyState.DELETED, true), noFaults,
                DATE)).isEmpty();
        assertThat(MailFormat.format(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER, true), noFaults, DATE))
                .isPresent();
        assertThat(MailFormat.format(change(TargetType.INSTANCE, "VI_1", NotifyState.BACKUP, true), noFaults, DATE))
                .isPresent();
    }

    @Test
    void nothingWithoutSmtpAlertServerOrRecipients() {
        assertThat(MailFormat.format(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER, false), SETTINGS, DATE))
                .isEmpty();
        MailSettings noServer = new MailSettings("r", "f@x", List.of("a@x"), null, 25, "h", 1000, false);
        assertThat(MailFormat.format(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER, true), noServer, DATE))
                .isEmpty();
        MailSettings noRecipient = new MailSettings("r", "f@x", List.of(), "h", 25, "h", 1000, false);
        assertThat(MailFormat.format(change(TargetType.INSTANCE, "VI_1", NotifyState.MASTER, true), noRecipient,
                DATE)).isEmpty();
        assertThat(MailFormat.format(new Event.TrackerChanged("script", "chk", false, 0), SETTINGS, DATE)).isEmpty();
    }

    @Test
    void dateIsEnglishWithNumericZone() {
        ZonedDateTime cet = ZonedDateTime.of(2026, 1, 31, 23, 59, 58, 0, ZoneOffset.ofHours(1));
        assertThat(MailFormat.date(cet)).isEqualTo("Sat, 31 Jan 2026 23:59:58 +0100");
    }

    @Test
    void realServerAndQuorumMailsAreKeepalivedsObservedOnes() {
        MailMessage up = mail(new Event.RealServerChanged("[127.0.0.1]:tcp:8080", "[127.0.0.1]:tcp:9099", true, null,
                true, "", "TCP_CHECK"), SETTINGS);
        assertThat(up.subject())
                .isEqualTo("[mlxr] Realserver [127.0.0.1]:tcp:9099 of virtual server [127.0.0.1]:tcp:8080 - UP");
        assertThat(up.body()).isEqualTo("=> TCP CHECK succeed on service <=");
        MailMessage down = mail(new Event.RealServerChanged("[127.0.0.1]:tcp:8080", "[127.0.0.1]:tcp:9099", false,
                null, true, "refused", "TCP_CHECK"), SETTINGS);
        assertThat(down.subject()).endsWith(" - DOWN");
        assertThat(down.body()).isEqualTo("=> TCP CHECK failed on service <=");
        MailMessage quorum = mail(new Event.QuorumChanged("[127.0.0.1]:tcp:8080", true, null, true,
                "Gained quorum 2+0=2 <= 2 for VS [127.0.0.1]:tcp:8080"), SETTINGS);
        assertThat(quorum.subject()).isEqualTo("[mlxr] Virtualserver [127.0.0.1]:tcp:8080 - UP");
        assertThat(quorum.body()).isEqualTo("=> Gained quorum 2+0=2 <= 2 <=");
        assertThat(mail(new Event.RealServerChanged("VS", "RS", true, null, true, "", "MISC_CHECK"), SETTINGS).body())
                .isEqualTo("=> MISC CHECK succeeded on service <=");
        assertThat(mail(new Event.RealServerChanged("VS", "RS", false, null, true, "HTTP request failed", "HTTP_GET"),
                SETTINGS).body()).isEqualTo("=> CHECK failed on service : HTTP request failed <=");
        assertThat(MailFormat.format(new Event.QuorumChanged("VS", false, null, false, "Lost"), SETTINGS, DATE))
                .as("no smtp_alert").isEmpty();
    }
}
