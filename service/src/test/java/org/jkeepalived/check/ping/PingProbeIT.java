package org.jkeepalived.check.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.PingCheck;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PING_CHECK in a namespace: answered (IPv4, IPv6), an address nobody has, and a host that ignores
 * echoes; once over a raw socket (a fresh namespace's ping_group_range excludes root) and once over a
 * ping socket.
 */
class PingProbeIT {
    private Netns ns;
    private PingLoop loop;

    @BeforeEach
    void setUp() {
        Privileged.require("ip", "sysctl");
        ns = Netns.create("prb-ping").withInterfaces("prbv0");
        ns.ip("addr", "add", "10.77.0.1/24", "dev", "prbv0");
    }

    @AfterEach
    void tearDown() {
        if (loop != null) {
            loop.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    private ProbeResult ping(String address, long timeoutMillis) throws Exception {
        return ping(address, null, null, timeoutMillis);
    }

    private ProbeResult ping(String address, String bindto, String bindIf, long timeoutMillis) throws Exception {
        CheckerConnection c = new CheckerConnection(InetAddress.getByName(address), 0,
                bindto == null ? null : InetAddress.getByName(bindto), 0, bindIf, 0, timeoutMillis * 1000);
        PingProbe probe = new PingProbe(new PingCheck(new CheckerTiming(0, 0, 1, 0, false, false), c), loop);
        // in the namespace: a bound socket is opened on first use, by the thread that asks
        return ns.call(probe::attempt).get(timeoutMillis + 5000, TimeUnit.MILLISECONDS);
    }

    @ParameterizedTest(name = "ping socket allowed: {0}")
    @ValueSource(booleans = {false, true})
    void upWhenAnsweredDownWhenNotThere(boolean pingSocket) throws Exception {
        if (pingSocket) {
            assertThat(ns.run(List.of("sysctl", "-qw", "net.ipv4.ping_group_range=0 0"), 10).exitCode()).isZero();
        }
        loop = ns.call(PingLoop::new);
        assertThat(ping("127.0.0.1", 2000)).isEqualTo(ProbeResult.success());
        assertThat(ping("10.77.0.1", 2000)).isEqualTo(ProbeResult.success());
        assertThat(ping("::1", 2000)).isEqualTo(ProbeResult.success());

        long start = System.nanoTime();
        assertThat(ping("10.77.0.9", 500).reason())
                .isEqualTo("PING_CHECK [10.77.0.9] no echo reply within the connect timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(450L, 3000L);
    }

    @ParameterizedTest(name = "ping socket allowed: {0}")
    @ValueSource(booleans = {false, true})
    void downWhenTheHostIgnoresEchoes(boolean pingSocket) throws Exception {
        if (pingSocket) {
            assertThat(ns.run(List.of("sysctl", "-qw", "net.ipv4.ping_group_range=0 0"), 10).exitCode()).isZero();
        }
        loop = ns.call(PingLoop::new);
        assertThat(ping("10.77.0.1", 2000).up()).isTrue();
        assertThat(ns.run(List.of("sysctl", "-qw", "net.ipv4.icmp_echo_ignore_all=1"), 10).exitCode()).isZero();
        assertThat(ping("10.77.0.1", 300).up()).isFalse();
        assertThat(ns.run(List.of("sysctl", "-qw", "net.ipv4.icmp_echo_ignore_all=0"), 10).exitCode()).isZero();
        assertThat(ping("10.77.0.1", 2000).up()).isTrue();
    }

    @ParameterizedTest(name = "ping socket allowed: {0}")
    @ValueSource(booleans = {false, true})
    void bindtoAndBindIfChooseTheSource(boolean pingSocket) throws Exception {
        if (pingSocket) {
            assertThat(ns.run(List.of("sysctl", "-qw", "net.ipv4.ping_group_range=0 0"), 10).exitCode()).isZero();
        }
        loop = ns.call(PingLoop::new);
        assertThat(ping("127.0.0.1", "10.77.0.1", null, 2000)).isEqualTo(ProbeResult.success());
        assertThat(ping("127.0.0.1", null, "lo", 2000)).isEqualTo(ProbeResult.success());
        assertThat(ping("127.0.0.1", "10.77.0.5", null, 2000).reason())
                .startsWith("PING_CHECK [127.0.0.1] no ICMP socket:");
        assertThat(ping("127.0.0.1", null, "prbv0", 500).up()).as("loopback is not behind prbv0").isFalse();
        assertThat(ping("127.0.0.1", null, "nosuchif", 500).reason()).contains("no ICMP socket");
    }
}
