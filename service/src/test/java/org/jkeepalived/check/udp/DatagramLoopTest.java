package org.jkeepalived.check.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The shared UDP loop on loopback: reply filtering, timeouts, close. */
class DatagramLoopTest {
    private static DatagramChannel localServer() throws java.io.IOException {
        return DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void completesWithTheFirstAcceptedReplyAndDropsOthers() throws Exception {
        try (DatagramLoop loop = new DatagramLoop();
             DatagramChannel server = localServer()) {
            InetSocketAddress target = (InetSocketAddress) server.getLocalAddress();
            CompletableFuture<ByteBuffer> f = loop.exchange(new DatagramLoop.Endpoints(target, null), text("q"),
                    5000, b -> b.get(b.position()) == 'y');
            ByteBuffer in = ByteBuffer.allocate(100);
            SocketAddress client = server.receive(in);
            assertThat(new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII)).isEqualTo("q");
            server.send(text("no"), client);
            server.send(text("yes"), client);
            ByteBuffer reply = f.get(5, TimeUnit.SECONDS);
            assertThat(StandardCharsets.US_ASCII.decode(reply).toString()).isEqualTo("yes");
        }
    }

    @Test
    void timesOutWhenNothingComes() throws Exception {
        try (DatagramLoop loop = new DatagramLoop();
             DatagramChannel server = localServer()) {
            long start = System.nanoTime();
            DatagramLoop.Endpoints to = new DatagramLoop.Endpoints((InetSocketAddress) server.getLocalAddress(), null);
            CompletableFuture<ByteBuffer> f = loop.exchange(to, text("q"), 200, b -> true);
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(190L, 2000L);
        }
    }

    @Test
    void closeFailsExchangesInFlightAndRefusesNewOnes() throws Exception {
        DatagramLoop loop = new DatagramLoop();
        try (DatagramChannel server = localServer()) {
            DatagramLoop.Endpoints to = new DatagramLoop.Endpoints((InetSocketAddress) server.getLocalAddress(), null);
            CompletableFuture<ByteBuffer> f = loop.exchange(to, text("q"), 60_000, b -> true);
            loop.close();
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasMessageContaining("checker stopped");
            assertThatThrownBy(() -> loop.exchange(to, text("q"), 1000, b -> true).get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("checker stopped");
        }
    }

    @Test
    void aThousandExchangesInFlightShareTheOneThread() throws Exception {
        int n = 1000;
        try (DatagramLoop loop = new DatagramLoop();
             DatagramChannel server = localServer()) {
            server.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
            DatagramLoop.Endpoints to = new DatagramLoop.Endpoints((InetSocketAddress) server.getLocalAddress(), null);
            java.util.List<CompletableFuture<ByteBuffer>> all = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(loop.exchange(to, text("q" + i), 10_000, b -> true));
            }
            ByteBuffer in = ByteBuffer.allocate(100);
            for (int i = 0; i < n; i++) {
                in.clear();
                SocketAddress client = server.receive(in);
                in.flip();
                server.send(in, client); // echo
            }
            for (int i = 0; i < n; i++) {
                assertThat(StandardCharsets.US_ASCII.decode(all.get(i).get(10, TimeUnit.SECONDS)).toString())
                        .isEqualTo("q" + i);
            }
        }
    }
}
