package org.jkeepalived.os.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.ffi.UnixDatagramSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** log4j configured in code: file and syslog destinations, the -D filter, and message order. */
@Timeout(30) // an appender started twice hangs LogManager.shutdown: fail, don't hang the build
class LogSetupTest {
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        LogSetup.stop();
    }

    @Test
    void fileAndSyslogGetEveryMessageInOrderAndDetailOnlyWithD() throws Exception {
        Path file = dir.resolve("k.log");
        String socket = dir.resolve("log").toString();
        try (UnixDatagramSocket syslog = UnixDatagramSocket.open()) {
            syslog.bind(socket);
            syslog.receiveTimeout(Duration.ofSeconds(5));
            LogSetup.start(new LogOptions(false, true, SyslogFacility.DAEMON, socket, file, false, "jkeepalived"));
            Log log = Log.get("test");
            log.enteringState("VI_1", "MASTER");
            log.detail("only with -D");
            // bursts with pauses: the asynchronous queue must keep the order (two dispatcher threads would not)
            for (int burst = 0; burst < 5; burst++) {
                for (int i = 0; i < 20; i++) {
                    log.info("m " + (burst * 20 + i));
                }
                Thread.sleep(20);
            }
            LogSetup.stop();

            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(101);
            assertThat(lines.get(0)).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} \\d{4}: "
                    + "\\(VI_1\\) Entering MASTER STATE");
            List<String> numbers = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                numbers.add(l.substring(l.indexOf(": ") + 2));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                expected.add("m " + i);
            }
            assertThat(numbers).containsExactlyElementsOf(expected);

            byte[] buf = new byte[1024];
            int n = syslog.receive(buf);
            assertThat(new String(buf, 0, n, UTF_8)).startsWith("<30>").endsWith(" jkeepalived["
                    + ProcessHandle.current().pid() + "]: (VI_1) Entering MASTER STATE");
            assertThat(new String(buf, 0, syslog.receive(buf), UTF_8)).endsWith(": m 0");
        }
    }

    @Test
    void detailMessagesAppearWithD() throws Exception {
        Path file = dir.resolve("k.log");
        LogSetup.start(new LogOptions(false, false, SyslogFacility.DAEMON, null, file, true, "jkeepalived"));
        Log.get("test").detail("(VI_1) sent 0 priority");
        LogSetup.stop();
        assertThat(Files.readString(file)).endsWith(": (VI_1) sent 0 priority\n");
    }
}
