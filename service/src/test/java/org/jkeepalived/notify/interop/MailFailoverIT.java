package org.jkeepalived.notify.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.notify.interop.Scenarios.instance;
import static org.jkeepalived.notify.interop.Scenarios.script;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier 4, issue 5: "An SMTP server that is down or slow costs no VRRP timing. Failed mail is retried". jkeepalived
 * (150, a vrrp_script of weight -60) and a keepalived peer (100) fail over and back twice: once with mail off (the
 * baseline), once with {@code smtp_alert} and {@code smtp_server} pointing at a port in jkeepalived's namespace
 * where a listener accepts connections and never says a word. The takeover times (from the start of the script run
 * that changed the priority to the VIP on its new node) must match the baseline within normal jitter. Then a real
 * SMTP server (GreenMail) takes the port over and must receive the retried alerts.
 */
class MailFailoverIT {
    private static final String VIP = "10.9.0.51/24";
    private static final int SMTP_PORT = 2525;
    /** Normal jitter of one takeover here: script-run detection, timers, the 10 ms polling of `ip addr`. */
    private static final long JITTER_MILLIS = 300;

    @TempDir
    Path dir;

    @BeforeEach
    void privileged() {
        Privileged.require("ip", "keepalived", "mkfifo");
    }

    static String config(boolean mail) {
        String global = "global_defs {\n  router_id a\n  script_user root\n  enable_script_security\n"
                + "  notify_fifo @DIR@/fifo\n  notification_email {\n    ops@example.test\n  }\n"
                + "  notification_email_from jka@example.test\n  smtp_server 127.0.0.1 " + SMTP_PORT + "\n"
                + "  smtp_connect_timeout 3\n}\n";
        return global + script("chk", "  weight -60\n")
                + instance("VI_1", 51, 150, (mail ? "  smtp_alert\n" : "") + "  track_script {\n    chk\n  }\n");
    }

    @Test
    void aSilentSmtpServerCostsTheFailoverNothingAndTheMailIsRetried() throws Exception {
        long[] base;
        try (Side s = new Side(Kind.JKEEPALIVED, dir.resolve("base"), true)) {
            base = failoverAndBack(s, config(false));
        }
        try (Side s = new Side(Kind.JKEEPALIVED, dir.resolve("mail"), true);
                SilentServer silent = SilentServer.open(s)) {
            long[] withMail = failoverAndBack(s, config(true));
            System.out.printf("takeover ms, mail off: %s; SMTP server silent: %s%n", Arrays.toString(base),
                    Arrays.toString(withMail));
            assertThat(silent.accepted).as("jkeepalived tried to mail (connections the silent server took)")
                    .isNotEmpty();
            for (int i = 0; i < base.length; i++) {
                assertThat(withMail[i]).as("takeover %d with a silent SMTP server vs %d ms with mail off", i,
                        base[i]).isLessThanOrEqualTo(base[i] + JITTER_MILLIS);
            }

            silent.close();
            GreenMail smtp = s.node().ns().call(() -> {
                GreenMail g = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                g.start(); // its threads are started from this one: they stay in the namespace
                return g;
            });
            try {
                // Every transition's alert: MASTER at start, then twice BACKUP (failover) and MASTER (failback).
                String master = "[a] VRRP Instance VI_1 - Entering MASTER state";
                String backup = "[a] VRRP Instance VI_1 - Entering BACKUP state";
                TrackingIT.awaitThat(s, "the retried alerts (3 x MASTER, 2 x BACKUP) at the real SMTP server, got "
                        + subjects(smtp), 45_000, () -> count(subjects(smtp), master) >= 3
                                && count(subjects(smtp), backup) >= 2);
                MimeMessage m = smtp.getReceivedMessages()[0];
                assertThat(m.getFrom()[0].toString()).isEqualTo("jka@example.test");
                assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ops@example.test");
                System.out.println("received after the SMTP server came up: " + subjects(smtp));
            } finally {
                smtp.stop();
            }
            s.stop();
        }
    }

    private static long count(List<String> subjects, String subject) {
        return subjects.stream().filter(subject::equals).count();
    }

    private static List<String> subjects(GreenMail smtp) {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                out.add(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                out.add("? " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Starts the peer and the daemon, waits for the daemon to be MASTER, then twice: the script fails (the peer takes
     * the VIP) and recovers (the daemon takes it back). Returns the four takeover times in milliseconds, each from
     * the start of the script run that changed the priority (its own timestamp) to the VIP seen on the new node.
     */
    static long[] failoverAndBack(Side s, String config) throws Exception {
        s.startPeer(Scenarios.peer(100));
        TrackingIT.awaitThat(s, "the keepalived peer is MASTER", 5_000, () -> s.peerNode().has(VIP));
        s.start(config);
        TrackingIT.awaitThat(s, "the VIP on a", 8_000, () -> s.node().has(VIP) && !s.peerNode().has(VIP));
        Thread.sleep(1_000);
        long[] out = new long[4];
        for (int i = 0; i < 2; i++) {
            int n = TrackingIT.runs(s);
            s.sh("touch @DIR@/chk.fail");
            TrackingIT.awaitThat(s, "the VIP on the peer", 5_000, () -> s.peerNode().has(VIP) && !s.node().has(VIP));
            out[2 * i] = System.currentTimeMillis() - runStartMillis(s, n);
            Thread.sleep(500);
            n = TrackingIT.runs(s);
            s.sh("rm @DIR@/chk.fail");
            TrackingIT.awaitThat(s, "the VIP back on a", 5_000, () -> s.node().has(VIP) && !s.peerNode().has(VIP));
            out[2 * i + 1] = System.currentTimeMillis() - runStartMillis(s, n);
            Thread.sleep(500);
        }
        return out;
    }

    /** When run number {@code index} (0-based) of chk.sh started, from its own {@code date +%s.%N}. */
    private static long runStartMillis(Side s, int index) {
        String line = s.readFile("chk.runs").lines().skip(index).findFirst()
                .orElseThrow(() -> new AssertionError("no run " + index + " of chk.sh"));
        return new BigDecimal(line.split(" ")[1]).movePointRight(3).longValue();
    }

    /** Accepts SMTP connections in the side's namespace and never answers (no greeting): the client must time out. */
    static final class SilentServer implements AutoCloseable {
        final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final ServerSocket server;

        private SilentServer(ServerSocket server) {
            this.server = server;
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "silent-smtp");
            t.setDaemon(true);
            t.start();
        }

        static SilentServer open(Side s) throws Exception {
            return new SilentServer(s.node().ns().call(() -> {
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(new InetSocketAddress("127.0.0.1", SMTP_PORT));
                return ss;
            }));
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket c : accepted) {
                c.close();
            }
        }
    }
}
