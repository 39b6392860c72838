package org.jkeepalived.check.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.check.SocketReactor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TcpProbeTest {
    private static SocketReactor reactor;

    @BeforeAll
    static void start() {
        reactor = SocketReactor.start("test-reactor");
    }

    @AfterAll
    static void stop() {
        reactor.close();
    }

    private static ProbeResult attempt(TcpProbe probe) throws Exception {
        return probe.attempt().get(10, TimeUnit.SECONDS);
    }

    @Test
    void upWhenTheListenerAcceptsAndFromTheBindtoAddress() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var target = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
            assertThat(attempt(new TcpProbe(reactor, target, null, 1_000))).isEqualTo(ProbeResult.success());
            try (Socket accepted = server.accept()) {
                assertThat(accepted.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
            }
            var source = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0);
            assertThat(attempt(new TcpProbe(reactor, target, source, 1_000)).up()).isTrue();
            try (Socket accepted = server.accept()) {
                assertThat(accepted.getInetAddress().getHostAddress()).isEqualTo("127.0.0.2");
            }
        }
    }

    @Test
    void refusedWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        var target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        ProbeResult result = attempt(new TcpProbe(reactor, target, null, 1_000));
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("TCP connection to [127.0.0.1]:tcp:" + port + " failed");
    }

    @Test
    void timeoutWhenTheListenersBacklogIsFull() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var target = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
            List<Socket> fillers = new ArrayList<>();
            try {
                // never accepted: once the accept queue is full the kernel drops further SYNs
                for (int i = 0; i < 3; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(target, 200);
                        fillers.add(s);
                    } catch (java.io.IOException e) {
                        s.close();
                    }
                }
                long start = System.nanoTime();
                ProbeResult result = attempt(new TcpProbe(reactor, target, null, 300));
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                assertThat(result.reason()).isEqualTo("TCP connection to [127.0.0.1]:tcp:" + server.getLocalPort()
                        + " timeout");
                assertThat(tookMillis).isBetween(250L, 3_000L);
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aClosedReactorFailsAttemptsInsteadOfHanging() throws Exception {
        SocketReactor own = SocketReactor.start("closed-reactor");
        own.close();
        var target = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
        ProbeResult result = attempt(new TcpProbe(own, target, null, 1_000));
        assertThat(result.up()).isFalse();
    }
}
