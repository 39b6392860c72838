package org.jkeepalived.check.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.check.udp.DatagramLoop;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.DnsCheck;
import org.jkeepalived.testsupport.Await;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DNS_CHECK against a real dnsmasq in a namespace: answering, answering wrongly, stopped, hung. */
class DnsProbeIT {
    private static final int PORT = 5353;
    private Netns ns;
    private Process dnsmasq;
    private DatagramLoop loop;

    @BeforeEach
    void setUp() throws Exception {
        Privileged.require("ip", "dnsmasq");
        ns = Netns.create("prb-dns");
        loop = new DatagramLoop();
        dnsmasq = new ProcessBuilder(ns.exec(List.of("dnsmasq", "--no-daemon", "--port=" + PORT,
                "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--listen-address=127.0.0.1,::1",
                "--bind-interfaces", "--pid-file=", "--address=/x.test/10.9.9.9",
                "--local=/test/", "--txt-record=t.test,hello", "--cname=c.test,t.test")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.await("dnsmasq answering", 10_000, () -> attempt("x.test", "A", 200).up());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dnsmasq != null) {
            Runtime.getRuntime().exec(new String[] {"kill", "-CONT", Long.toString(dnsmasq.pid())}).waitFor();
            dnsmasq.destroy();
            dnsmasq.waitFor(5, TimeUnit.SECONDS);
        }
        if (loop != null) {
            loop.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    private ProbeResult attempt(String name, String type, long timeoutMillis) {
        return attempt("127.0.0.1", name, type, timeoutMillis);
    }

    private ProbeResult attempt(String server, String name, String type, long timeoutMillis) {
        try {
            CheckerConnection c = new CheckerConnection(InetAddress.getByName(server), PORT, null, 0, null, 0,
                    timeoutMillis * 1000);
            DnsProbe probe = new DnsProbe(new DnsCheck(new CheckerTiming(0, 0, 3, 0, false, false), c, type, name),
                    loop);
            return ns.call(probe::attempt).get(timeoutMillis + 5000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void upWhenTheServerAnswersTheQueriedType() {
        assertThat(attempt("x.test", "A", 2000)).isEqualTo(ProbeResult.success());
        assertThat(attempt("www.x.test.", "a", 2000).up()).isTrue();
        assertThat(attempt("::1", "x.test", "A", 2000)).as("over IPv6").isEqualTo(ProbeResult.success());
    }

    @Test
    void downWhenTheAnswerIsWrong() {
        // t.test has only a TXT record: an A query is answered NOERROR without answers
        assertThat(attempt("t.test", "A", 2000).reason())
                .isEqualTo("DNS_CHECK ([127.0.0.1]:udp:5353) ANCOUNT is zero");
        // c.test is a CNAME to t.test: an answer, but not of the queried type
        assertThat(attempt("c.test", "TXT", 2000).up()).isTrue();
        assertThat(attempt("c.test", "CNAME", 2000).up()).isTrue();
        assertThat(attempt("c.test", "MX", 2000).reason())
                .isEqualTo("DNS_CHECK ([127.0.0.1]:udp:5353) no MX record in the answer");
        // a name it does not serve and cannot forward (--no-resolv)
        ProbeResult other = attempt("y.test", "A", 2000);
        assertThat(other.up()).isFalse();
        assertThat(other.reason()).startsWith("DNS_CHECK ([127.0.0.1]:udp:5353) RCODE is");
    }

    @Test
    void downAtOnceWhenTheServerIsStopped() throws Exception {
        dnsmasq.destroy();
        dnsmasq.waitFor(5, TimeUnit.SECONDS);
        long start = System.nanoTime();
        ProbeResult r = attempt("x.test", "A", 3000);
        assertThat(r.reason()).isEqualTo("DNS_CHECK ([127.0.0.1]:udp:5353) port unreachable");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void downAfterTheTimeoutWhenTheServerHangs() throws Exception {
        assertThat(Runtime.getRuntime().exec(new String[] {"kill", "-STOP", Long.toString(dnsmasq.pid())})
                .waitFor()).isZero();
        long start = System.nanoTime();
        ProbeResult r = attempt("x.test", "A", 500);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.reason()).isEqualTo("DNS_CHECK ([127.0.0.1]:udp:5353) read timeout from socket");
        assertThat(tookMillis).isBetween(450L, 3000L);
    }
}
