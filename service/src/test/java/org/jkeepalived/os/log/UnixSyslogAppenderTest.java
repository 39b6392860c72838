package org.jkeepalived.os.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.jkeepalived.ffi.UnixDatagramSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The syslog appender sending real datagrams to a socket the test binds in place of /dev/log. */
class UnixSyslogAppenderTest {
    private static final Pattern DATAGRAM =
            Pattern.compile("<(\\d+)>[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} ([^\\[]+)\\[(\\d+)]: (.*)", Pattern.DOTALL);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream problems = new ByteArrayOutputStream();

    private static LogEvent event(Level level, String message) {
        return Log4jLogEvent.newBuilder().setLevel(level).setMessage(new SimpleMessage(message))
                .setTimeMillis(System.currentTimeMillis()).build();
    }

    @Test
    void eachEventIsOneDatagramWithPriFacilityTimesEightPlusSeverity() throws Exception {
        String path = dir.resolve("log").toString();
        try (UnixDatagramSocket syslog = UnixDatagramSocket.open()) {
            syslog.bind(path);
            syslog.receiveTimeout(Duration.ofSeconds(5));
            int local3 = SyslogFacility.parse("local3");
            UnixSyslogAppender a = new UnixSyslogAppender("syslog", path, local3, "jkeepalived",
                    new PrintStream(problems, true, UTF_8));
            a.start();
            a.append(event(Level.INFO, "(VI_1) Entering MASTER STATE"));
            a.append(event(Level.ERROR, "Reload aborted"));
            a.append(event(Level.WARN, "(/k.conf: Line 3) Unknown keyword 'x'"));
            a.stop();

            Matcher m = receive(syslog);
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(19 * 8 + 6);
            assertThat(m.group(2)).isEqualTo("jkeepalived");
            assertThat(Long.parseLong(m.group(3))).isEqualTo(ProcessHandle.current().pid());
            assertThat(m.group(4)).isEqualTo("(VI_1) Entering MASTER STATE");
            Matcher e = receive(syslog);
            assertThat(Integer.parseInt(e.group(1))).isEqualTo(19 * 8 + 3);
            assertThat(e.group(4)).isEqualTo("Reload aborted");
            Matcher w = receive(syslog);
            assertThat(Integer.parseInt(w.group(1))).isEqualTo(19 * 8 + 4);
            assertThat(a.dropped()).isZero();
            assertThat(problems.toString(UTF_8)).isEmpty();
        }
    }

    @Test
    void withoutASyslogMessagesAreDroppedCountedAndReportedOncePerOutage() throws Exception {
        String path = dir.resolve("log").toString();
        UnixSyslogAppender a = new UnixSyslogAppender("syslog", path, SyslogFacility.DAEMON, "jkeepalived",
                new PrintStream(problems, true, UTF_8));
        a.start();
        a.append(event(Level.INFO, "one"));
        a.append(event(Level.INFO, "two"));
        assertThat(a.dropped()).isEqualTo(2);
        assertThat(problems.toString(UTF_8)).isEqualTo("jkeepalived: cannot log to syslog: sendto(" + path
                + "): No such file or directory (errno 2); dropping syslog messages until it works again\n");

        // syslog comes (back): delivered at once, no reconnect needed
        try (UnixDatagramSocket syslog = UnixDatagramSocket.open()) {
            syslog.bind(path);
            syslog.receiveTimeout(Duration.ofSeconds(5));
            a.append(event(Level.INFO, "three"));
            assertThat(receive(syslog).group(4)).isEqualTo("three");
        }
        // and a new outage is reported again
        java.nio.file.Files.delete(Path.of(path));
        a.append(event(Level.INFO, "four"));
        assertThat(a.dropped()).isEqualTo(3);
        assertThat(problems.toString(UTF_8).lines()).hasSize(2);
        a.stop();
    }

    private static Matcher receive(UnixDatagramSocket s) throws Exception {
        byte[] buf = new byte[4096];
        int n = s.receive(buf);
        assertThat(n).isPositive();
        Matcher m = DATAGRAM.matcher(new String(buf, 0, n, UTF_8));
        assertThat(m.matches()).as(new String(buf, 0, n, UTF_8)).isTrue();
        return m;
    }
}
