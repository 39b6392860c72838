package org.jkeepalived.config.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.global.GlobalFixture.global;
import static org.jkeepalived.config.global.GlobalFixture.load;
import static org.jkeepalived.config.global.GlobalFixture.problems;

import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.global.GlobalDefs.SmtpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** router_id and the e-mail keywords; every exit code below was observed with keepalived 2.2.7 -t. */
class EmailSettingsTest {

    @Test
    void aFullMailSetup() {
        LoadResult r = load("""
                router_id LVS_DEVEL
                notification_email {
                  acassen@firewall.loc failover@firewall.loc
                  "Joe Bloggs <joe@example.com>"
                }
                notification_email {
                  sysadmin@firewall.loc
                }
                notification_email_from Alexandre.Cassen@firewall.loc
                smtp_server 192.168.200.1 2525
                smtp_helo_name helo.example.com
                smtp_connect_timeout 20
                smtp_alert
                smtp_alert_vrrp off
                smtp_alert_checker yes
                no_email_faults
                no_checker_emails
                checker_log_all_failures on
                """);
        assertThat(problems(r)).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(global(r).routerId()).isEqualTo("LVS_DEVEL");
        SmtpSettings s = global(r).smtp();
        // Every word is a recipient and the blocks add up (keepalived -d lists all four).
        assertThat(s.emails()).containsExactly("acassen@firewall.loc", "failover@firewall.loc",
                "Joe Bloggs <joe@example.com>", "sysadmin@firewall.loc");
        assertThat(s.from()).isEqualTo("Alexandre.Cassen@firewall.loc");
        assertThat(s.server()).isEqualTo("192.168.200.1");
        assertThat(s.port()).isEqualTo(2525);
        assertThat(s.heloName()).isEqualTo("helo.example.com");
        assertThat(s.connectTimeoutMicros()).isEqualTo(20_000_000L);
        assertThat(s.alert()).isTrue();
        assertThat(s.alertVrrp()).isFalse();
        assertThat(s.alertChecker()).isTrue();
        assertThat(s.noEmailFaults()).isTrue();
        assertThat(s.noCheckerEmails()).isTrue();
        assertThat(s.checkerLogAllFailures()).isTrue();
    }

    @Test
    void onlyTheFirstWordOfAStringKeywordCounts() {
        SmtpSettings s = global(load("smtp_helo_name x y\nnotification_email_from a b")).smtp();
        assertThat(s.heloName()).isEqualTo("x");
        assertThat(s.from()).isEqualTo("a");
        assertThat(global(load("router_id \"a b\"")).routerId()).isEqualTo("a b");
    }

    @Test
    void smtpServerAcceptsIpv6AndHostNamesWithoutResolvingThem() {
        SmtpSettings s = global(load("smtp_server fe80::1%eth0 26")).smtp();
        assertThat(s.server()).isEqualTo("fe80:0:0:0:0:0:0:1");
        assertThat(s.port()).isEqualTo(26);
        LoadResult r = load("smtp_server mail.example.com");
        assertThat(r.exitCode()).isZero();
        assertThat(global(r).smtp().server()).isEqualTo("mail.example.com");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp_server 10.0.0.300       | Invalid smtp server 10.0.0.300 25",
        "smtp_server 10.0.0.3 0       | Invalid smtp server 10.0.0.3 0",
        "smtp_server 10.0.0.3 65536   | Invalid smtp server 10.0.0.3 65536",
        "smtp_server 10.0.0.3 x       | Invalid smtp server 10.0.0.3 x",
        "smtp_server a_b.com          | Invalid smtp server a_b.com 25",
        "router_id                    | routerid name missing - ignoring",
        "notification_email_from      | emailfrom missing - ignoring",
        "smtp_connect_timeout 0       | smtp_connect_timeout must be greater than 0, setting to 1",
        "smtp_connect_timeout 4295    | smtp_connect_timeout '4295' must be in [0, 4294] - ignoring",
        "smtp_connect_timeout 0x10    | smtp_connect_timeout '0x10' must be in [0, 4294] - ignoring",
        "smtp_alert maybe             | Invalid value 'maybe' for global smtp_alert specified",
        "smtp_alert True              | Invalid value 'True' for global smtp_alert specified",
        "smtp_alert_vrrp 1            | Invalid value '1' for global smtp_alert_vrrp specified",
        "no_checker_emails x          | Invalid value 'x' for global no_checker_emails specified",
        "checker_log_all_failures x   | Invalid value for checker_log_all_failures specified",
    })
    void keepalivedReportsTheseAndRunsAnyway(String line, String message) {
        LoadResult r = load(line);
        assertThat(problems(r)).contains(message);
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(global(r).smtp().server()).isNull();
    }

    @Test
    void outOfRangeNumbersGiveKeepalivedsGenericLineToo() {
        LoadResult r = load("smtp_connect_timeout 100000");
        assertThat(problems(r)).containsExactly("number '100000' outside range [0, 4294]",
                "smtp_connect_timeout '100000' must be in [0, 4294] - ignoring");
        assertThat(problems(load("smtp_connect_timeout -1"))).startsWith("negative number '-1'");
        assertThat(problems(load("smtp_connect_timeout 4294967296")))
                .startsWith("number '4294967296' outside unsigned integer range");
        assertThat(global(r).smtp().connectTimeoutMicros()).isEqualTo(30_000_000L);
    }

    @Test
    void zeroTimeoutIsRaisedToOneSecond() {
        assertThat(global(load("smtp_connect_timeout 0")).smtp().connectTimeoutMicros()).isEqualTo(1_000_000L);
    }

    @Test
    void anInvalidBooleanKeepsThePreviousValue() {
        LoadResult r = load("smtp_alert\nsmtp_alert maybe");
        assertThat(global(r).smtp().alert()).isTrue();
    }

    @Test
    void flagsIgnoreTheirArguments() {
        // keepalived 2.2.7: "no_email_faults off" still sets it, -t exits 0.
        LoadResult r = load("no_email_faults off");
        assertThat(r.exitCode()).isZero();
        assertThat(global(r).smtp().noEmailFaults()).isTrue();
        assertThat(global(load("no_checker_emails off")).smtp().noCheckerEmails()).isFalse();
    }

    @Test
    void emptyNotificationBlockAndExtraParameters() {
        LoadResult r = load("notification_email {\n}");
        assertThat(problems(r)).containsExactly("Warning - empty notification_email block");
        assertThat(r.exitCode()).isEqualTo(5);
        LoadResult x = load("notification_email x {\na@b\n}");
        assertThat(problems(x)).containsExactly("Block notification_email has extra parameters x ...");
        assertThat(global(x).smtp().emails()).containsExactly("a@b");
    }

    @Test
    void smtpServerWithoutAnyArgumentStopsKeepalived() {
        LoadResult r = load("smtp_server\nrouter_id after");
        assertThat(problems(r)).containsExactly("*** Configuration line starting `smtp_server` is missing a parameter"
                + " after keyword `smtp_server` at word position 2");
        assertThat(r.exitCode()).isEqualTo(2);
        // keepalived reads nothing after that line
        assertThat(global(r).routerId()).isEqualTo("testhost");
    }
}
