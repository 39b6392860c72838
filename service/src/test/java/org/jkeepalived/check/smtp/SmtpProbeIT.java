package org.jkeepalived.check.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.SmtpCheck;
import org.jkeepalived.testsupport.Await;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SMTP_CHECK against a small python3 SMTP responder in a namespace: right, wrong, stopped, hung. */
class SmtpProbeIT {
    private static final int PORT = 2525;
    // argv[1]: ok | badgreeting | badhelo; records each HELO line in argv[2]
    private static final String SMTPD = String.join("\n",
            "import socketserver, sys",
            "mode, log = sys.argv[1], sys.argv[2]",
            "class H(socketserver.StreamRequestHandler):",
            "    def handle(self):",
            "        greeting = b'554 go away' if mode == 'badgreeting' else b'220-prb.test\\r\\n220 ESMTP'",
            "        self.wfile.write(greeting + b'\\r\\n')",
            "        for line in self.rfile:",
            "            if line.startswith(b'HELO'):",
            "                open(log, 'ab').write(line)",
            "                self.wfile.write(b'501 no\\r\\n' if mode == 'badhelo' else b'250 hello\\r\\n')",
            "            elif line.startswith(b'QUIT'):",
            "                self.wfile.write(b'221 bye\\r\\n'); return",
            "socketserver.TCPServer.allow_reuse_address = True",
            "socketserver.ThreadingTCPServer(('127.0.0.1', " + PORT + "), H).serve_forever()");
    private Netns ns;
    private Process smtpd;
    private ScheduledExecutorService timer;
    private java.nio.file.Path heloLog;

    @BeforeEach
    void setUp() throws Exception {
        Privileged.require("ip", "python3");
        ns = Netns.create("prb-smtp").withInterfaces("prbs0");
        ns.ip("addr", "add", "10.78.0.1/24", "dev", "prbs0");
        timer = Executors.newSingleThreadScheduledExecutor();
        heloLog = java.nio.file.Files.createTempFile("prb-smtp", ".log");
    }

    private void startServer(String mode) throws Exception {
        smtpd = new ProcessBuilder(ns.exec(List.of("python3", "-c", SMTPD, mode, heloLog.toString())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.await("SMTP responder listening", 10_000,
                () -> !attempt("probe.test", 200).reason().contains("refused"));
    }

    @AfterEach
    void tearDown() throws Exception {
        stopServer();
        if (timer != null) {
            timer.shutdownNow();
        }
        if (ns != null) {
            ns.close();
        }
        if (heloLog != null) {
            java.nio.file.Files.deleteIfExists(heloLog);
        }
    }

    private void stopServer() throws IOException, InterruptedException {
        if (smtpd != null) {
            Runtime.getRuntime().exec(new String[] {"kill", "-CONT", Long.toString(smtpd.pid())}).waitFor();
            smtpd.destroy();
            smtpd.waitFor(5, TimeUnit.SECONDS);
            smtpd = null;
        }
    }

    private ProbeResult attempt(String helo, long timeoutMillis) {
        return attempt("127.0.0.1", helo, timeoutMillis);
    }

    private ProbeResult attempt(String address, String helo, long timeoutMillis) {
        try {
            CheckerConnection c = new CheckerConnection(InetAddress.getByName(address), PORT, null, 0, null, 0,
                    timeoutMillis * 1000);
            SmtpProbe probe = new SmtpProbe(new SmtpCheck(new CheckerTiming(0, 0, 1, 0, false, false), c, helo),
                    timer);
            return ns.call(probe::attempt).get(timeoutMillis * 3 + 5000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void upAfterGreetingAndHelo() throws Exception {
        startServer("ok");
        assertThat(attempt("mail.prb.test", 2000)).isEqualTo(ProbeResult.success());
        assertThat(attempt(null, 2000).up()).isTrue();
        assertThat(java.nio.file.Files.readString(heloLog)).contains("HELO mail.prb.test\r\n")
                .contains("HELO smtpchecker.keepalived.org\r\n");
    }

    @Test
    void downOnAWrongGreetingOrHeloReply() throws Exception {
        startServer("badgreeting");
        assertThat(attempt("x", 2000).reason())
                .isEqualTo("SMTP_CHECK [127.0.0.1]:tcp:2525 bad greeting reply, expected 220: '554 go away'");
        stopServer();
        startServer("badhelo");
        assertThat(attempt("x", 2000).reason())
                .isEqualTo("SMTP_CHECK [127.0.0.1]:tcp:2525 bad HELO reply, expected 250: '501 no'");
    }

    @Test
    void downWhenStopped() {
        assertThat(attempt("x", 2000).reason()).isEqualTo("SMTP_CHECK [127.0.0.1]:tcp:2525 connection refused");
    }

    @Test
    void downAfterTheTimeoutWhenHung() throws Exception {
        startServer("ok");
        assertThat(Runtime.getRuntime().exec(new String[] {"kill", "-STOP", Long.toString(smtpd.pid())}).waitFor())
                .isZero();
        long start = System.nanoTime();
        ProbeResult r = attempt("x", 400);
        assertThat(r.reason()).isEqualTo("SMTP_CHECK [127.0.0.1]:tcp:2525 read timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(350L, 3000L);
    }

    @Test
    void downAfterTheTimeoutWhenNobodyAnswersTheConnect() {
        // 10.78.0.9 is on the namespace's link but nobody has it: ARP goes unanswered
        long start = System.nanoTime();
        assertThat(attempt("10.78.0.9", "x", 400).reason())
                .isEqualTo("SMTP_CHECK [10.78.0.9]:tcp:2525 connection timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(350L, 2500L);
    }
}
