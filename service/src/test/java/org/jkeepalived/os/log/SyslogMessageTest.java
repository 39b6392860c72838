package org.jkeepalived.os.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyslogMessageTest {
    @Test
    void datagramIsGlibcsRfc3164Form() {
        byte[] b = SyslogMessage.encode(SyslogFacility.DAEMON, SyslogMessage.INFO,
                LocalDateTime.of(2026, 11, 25, 9, 8, 7), "jkeepalived", 1234, "(VI_1) Entering MASTER STATE");
        // daemon (3) * 8 + info (6) = 30
        assertThat(new String(b, UTF_8)).isEqualTo("<30>Nov 25 09:08:07 jkeepalived[1234]: (VI_1) Entering MASTER STATE");
    }

    @Test
    void singleDigitDaysArePaddedWithASpace() {
        byte[] b = SyslogMessage.encode(SyslogFacility.LOCAL0 + 7, SyslogMessage.ERR, LocalDateTime.of(2026, 3, 5, 23, 59, 0),
                "x", 1, "m");
        // local7 (23) * 8 + err (3) = 187
        assertThat(new String(b, UTF_8)).isEqualTo("<187>Mar  5 23:59:00 x[1]: m");
    }

    @Test
    void utf8MessagesStayUtf8() {
        byte[] b = SyslogMessage.encode(SyslogFacility.USER, SyslogMessage.DEBUG, LocalDateTime.of(2026, 1, 10, 0, 0),
                "x", 1, "héllo");
        assertThat(new String(b, UTF_8)).endsWith(": héllo").startsWith("<15>Jan 10 ");
    }

    @ParameterizedTest
    @CsvSource({"FATAL,2", "ERROR,3", "WARN,4", "INFO,6", "DEBUG,7", "TRACE,7"})
    void severities(String level, int severity) {
        assertThat(SyslogMessage.severity(Level.valueOf(level))).isEqualTo(severity);
    }

    @Test
    void facilityNamesRoundTrip() {
        for (String name : new String[] {"daemon", "user", "local0", "local7"}) {
            assertThat(SyslogFacility.name(SyslogFacility.parse(name))).isEqualTo(name);
        }
        assertThat(SyslogFacility.parse("3")).isEqualTo(SyslogFacility.LOCAL0 + 3);
        assertThatThrownBy(() -> SyslogFacility.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyslogFacility.parse("local")).isInstanceOf(IllegalArgumentException.class);
    }
}
