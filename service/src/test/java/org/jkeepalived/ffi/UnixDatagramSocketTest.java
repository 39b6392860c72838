package org.jkeepalived.ffi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AF_UNIX datagram binding against the real kernel. */
class UnixDatagramSocketTest {
    @TempDir
    Path dir;

    @Test
    void datagramSentToABoundPathArrivesWhole() throws Exception {
        String path = dir.resolve("rx.sock").toString();
        try (UnixDatagramSocket rx = UnixDatagramSocket.open(); UnixDatagramSocket tx = UnixDatagramSocket.open()) {
            rx.bind(path);
            rx.receiveTimeout(Duration.ofSeconds(5));
            byte[] msg = "xxhello kernelyy".getBytes(UTF_8);
            tx.sendTo(path, msg, 2, msg.length - 4, false);
            byte[] buf = new byte[64];
            int n = rx.receive(buf);
            assertThat(new String(buf, 0, n, UTF_8)).isEqualTo("hello kernel");
        }
    }

    @Test
    void abstractAddressesWork() throws Exception {
        String name = "@jkeepalived-test-" + UUID.randomUUID();
        try (UnixDatagramSocket rx = UnixDatagramSocket.open(); UnixDatagramSocket tx = UnixDatagramSocket.open()) {
            rx.bind(name);
            rx.receiveTimeout(Duration.ofSeconds(5));
            tx.sendTo(name, "READY=1".getBytes(UTF_8), 0, 7, true);
            byte[] buf = new byte[64];
            assertThat(new String(buf, 0, rx.receive(buf), UTF_8)).isEqualTo("READY=1");
        }
    }

    @Test
    void receiveReturnsMinusOneWhenTheTimeoutExpires() throws Exception {
        try (UnixDatagramSocket rx = UnixDatagramSocket.open()) {
            rx.bind(dir.resolve("idle.sock").toString());
            rx.receiveTimeout(Duration.ofMillis(50));
            long t0 = System.nanoTime();
            assertThat(rx.receive(new byte[8])).isEqualTo(-1);
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(40).toNanos());
        }
    }

    @Test
    void sendingToAMissingSocketNamesTheCallAndTheReason() throws Exception {
        String path = dir.resolve("nobody.sock").toString();
        try (UnixDatagramSocket tx = UnixDatagramSocket.open()) {
            assertThatThrownBy(() -> tx.sendTo(path, new byte[] {1}, 0, 1, true))
                    .isInstanceOfSatisfying(NativeException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                        assertThat(e.call()).isEqualTo("sendto(" + path + ")");
                        assertThat(e.getMessage()).isEqualTo("sendto(" + path + "): No such file or directory (errno 2)");
                    });
        }
    }

    @Test
    void bindingAnExistingPathFailsWithEaddrinuse() throws Exception {
        String path = dir.resolve("twice.sock").toString();
        try (UnixDatagramSocket a = UnixDatagramSocket.open(); UnixDatagramSocket b = UnixDatagramSocket.open()) {
            a.bind(path);
            assertThatThrownBy(() -> b.bind(path))
                    .isInstanceOfSatisfying(NativeException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EADDRINUSE);
                        assertThat(e.getMessage()).startsWith("bind(" + path + "): Address already in use");
                    });
        }
    }

    @Test
    void aClosedSocketRefusesCallsAndClosingTwiceIsHarmless() throws Exception {
        UnixDatagramSocket s = UnixDatagramSocket.open();
        s.close();
        s.close();
        assertThatThrownBy(() -> s.bind(dir.resolve("x").toString())).isInstanceOf(NativeException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void sockaddrUnLayout() throws Exception {
        byte[] a = JnrUnixDatagramSocket.sockaddrUn("/dev/log");
        assertThat(a).hasSize(2 + 8 + 1);
        int family = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? a[0] | a[1] << 8 : a[1] | a[0] << 8;
        assertThat(family).isEqualTo(1);
        assertThat(new String(a, 2, 8, UTF_8)).isEqualTo("/dev/log");
        assertThat(a[10]).isZero();

        byte[] abs = JnrUnixDatagramSocket.sockaddrUn("@sd");
        assertThat(Arrays.copyOfRange(abs, 2, abs.length)).containsExactly(0, 's', 'd');

        assertThat(JnrUnixDatagramSocket.sockaddrUn("/" + "a".repeat(106))).hasSize(110);
        assertThatThrownBy(() -> JnrUnixDatagramSocket.sockaddrUn("/" + "a".repeat(107)))
                .isInstanceOf(NativeException.class).hasMessageContaining("longer than 107 bytes");
        assertThatThrownBy(() -> JnrUnixDatagramSocket.sockaddrUn("")).isInstanceOf(NativeException.class);
    }
}
