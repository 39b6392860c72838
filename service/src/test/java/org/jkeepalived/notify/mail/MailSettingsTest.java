package org.jkeepalived.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void keepalivedsDefaultsSendNothing() {
        MailSettings s = MailSettings.from(GlobalDefs.defaults("host1"));
        assertThat(s.routerId()).isEqualTo("host1");
        assertThat(s.from()).isEqualTo("root@host1");
        assertThat(s.heloName()).isEqualTo("host1");
        assertThat(s.port()).isEqualTo(25);
        assertThat(s.timeoutMillis()).isEqualTo(30_000);
        assertThat(s.canSend()).as("no smtp_server, no notification_email").isFalse();
    }

    @Test
    void takesServerRecipientsTimeoutAndNoEmailFaults() {
        GlobalDefs d = GlobalDefs.defaults("host1");
        GlobalDefs.SmtpSettings smtp = new GlobalDefs.SmtpSettings(List.of("a@x", "B <b@x>"), "k@x", "192.0.2.1",
                2525, "helo", 1_500_000L, true, null, null, true, false, false);
        GlobalDefs g = new GlobalDefs("r1", smtp, d.vrrp(), d.lvs(), d.scripts(), d.fifos(), d.snmp(), d.process(),
                d.dumps());
        MailSettings s = MailSettings.from(g);
        assertThat(s).isEqualTo(new MailSettings("r1", "k@x", List.of("a@x", "B <b@x>"), "192.0.2.1", 2525, "helo",
                1_500, true));
        assertThat(s.canSend()).isTrue();
        assertThat(s.serverText()).isEqualTo("[192.0.2.1]:2525");
    }
}
