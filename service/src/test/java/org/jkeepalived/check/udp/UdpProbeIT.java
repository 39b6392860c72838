package org.jkeepalived.check.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.UdpCheck;
import org.jkeepalived.testsupport.Await;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UDP_CHECK against a python3 UDP echo in a namespace: echoing, answering wrongly, stopped, hung. */
class UdpProbeIT {
    private static final int PORT = 7007;
    // echoes each datagram; a datagram starting with "w" gets "WRONG" back, "s" gets no reply
    private static final String ECHO = String.join("\n",
            "import socket",
            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
            "s.bind(('127.0.0.1', " + PORT + "))",
            "while True:",
            "    d, a = s.recvfrom(65535)",
            "    if d[:1] == b'w': s.sendto(b'WRONG', a)",
            "    elif d[:1] != b's': s.sendto(d, a)");
    private Netns ns;
    private Process echo;
    private DatagramLoop loop;

    @BeforeEach
    void setUp() throws Exception {
        Privileged.require("ip", "python3");
        ns = Netns.create("prb-udp");
        loop = new DatagramLoop();
        echo = new ProcessBuilder(ns.exec(List.of("python3", "-c", ECHO))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.await("UDP echo answering", 10_000, () -> attempt("6869", true, null, null, 200).up());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (echo != null) {
            Runtime.getRuntime().exec(new String[] {"kill", "-CONT", Long.toString(echo.pid())}).waitFor();
            echo.destroy();
            echo.waitFor(5, TimeUnit.SECONDS);
        }
        if (loop != null) {
            loop.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    private ProbeResult attempt(String payload, boolean requireReply, String data, String mask, long timeoutMillis) {
        return attempt("127.0.0.1", payload, requireReply, data, mask, timeoutMillis);
    }

    private ProbeResult attempt(String address, String payload, boolean requireReply, String data, String mask,
            long timeoutMillis) {
        try {
            CheckerConnection c = new CheckerConnection(InetAddress.getByName(address), PORT, null, 0, null, 0,
                    timeoutMillis * 1000);
            UdpProbe probe = new UdpProbe(new UdpCheck(new CheckerTiming(0, 0, 1, 0, false, false), c, payload,
                    requireReply, data, mask, 0, 255), loop);
            return ns.call(probe::attempt).get(timeoutMillis + 5000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void upWhenTheReplyMatches() {
        assertThat(attempt("68656c6c6f", true, "68656c0000", "ffffff0000", 2000)).isEqualTo(ProbeResult.success());
        assertThat(attempt(null, true, null, null, 2000).up()).as("random payload, any reply").isTrue();
    }

    @Test
    void downWhenTheReplyIsWrong() {
        assertThat(attempt("77", true, "77", null, 2000).reason())
                .isEqualTo("UDP_CHECK ([127.0.0.1]:udp:7007) reply data mismatch at byte 0");
    }

    @Test
    void silenceIsUpWithoutRequireReplyAndDownWithIt() {
        assertThat(attempt("73", false, null, null, 300).up()).isTrue();
        assertThat(attempt("73", true, null, null, 300).reason())
                .isEqualTo("UDP_CHECK ([127.0.0.1]:udp:7007) no reply within the connect timeout");
    }

    @Test
    void downWhenTheServerIsStoppedEvenWithoutRequireReply() throws Exception {
        echo.destroy();
        echo.waitFor(5, TimeUnit.SECONDS);
        assertThat(attempt("73", false, null, null, 2000).reason())
                .isEqualTo("UDP_CHECK ([127.0.0.1]:udp:7007) port unreachable");
        // the echo never listened on IPv6: ICMPv6 port unreachable
        assertThat(attempt("::1", "73", false, null, null, 2000).reason())
                .isEqualTo("UDP_CHECK ([::1]:udp:7007) port unreachable");
    }

    @Test
    void downWhenTheServerHangs() throws Exception {
        assertThat(Runtime.getRuntime().exec(new String[] {"kill", "-STOP", Long.toString(echo.pid())}).waitFor())
                .isZero();
        assertThat(attempt("6869", true, null, null, 300).up()).isFalse();
    }
}
