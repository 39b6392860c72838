package org.jkeepalived.os;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jkeepalived.ffi.UnixDatagramSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdNotifyTest {
    @TempDir
    Path dir;

    @Test
    void withoutNotifySocketEverythingIsANoOp() {
        SystemdNotify n = SystemdNotify.fromEnvironment(Map.of());
        assertThat(n.enabled()).isFalse();
        assertThat(n.ready("Running")).isTrue();
    }

    @Test
    void sendsTheStatesToAPathSocket() throws Exception {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramSocket systemd = UnixDatagramSocket.open()) {
            systemd.bind(path);
            systemd.receiveTimeout(Duration.ofSeconds(5));
            SystemdNotify n = SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path));
            assertThat(n.enabled()).isTrue();
            assertThat(n.ready("Running")).isTrue();
            assertThat(receive(systemd)).isEqualTo("READY=1\nSTATUS=Running");
            assertThat(n.reloading()).isTrue();
            assertThat(receive(systemd)).matches("RELOADING=1\nMONOTONIC_USEC=\\d+");
            assertThat(n.stopping()).isTrue();
            assertThat(receive(systemd)).isEqualTo("STOPPING=1");
        }
    }

    @Test
    void abstractSocketsAsSystemdUsesThem() throws Exception {
        String name = "@jkeepalived-notify-" + UUID.randomUUID();
        try (UnixDatagramSocket systemd = UnixDatagramSocket.open()) {
            systemd.bind(name);
            systemd.receiveTimeout(Duration.ofSeconds(5));
            assertThat(SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", name)).ready("x")).isTrue();
            assertThat(receive(systemd)).isEqualTo("READY=1\nSTATUS=x");
        }
    }

    @Test
    void aMissingSocketIsReportedNotThrown() {
        SystemdNotify n = SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", dir.resolve("gone").toString()));
        assertThat(n.ready("Running")).isFalse();
    }

    private static String receive(UnixDatagramSocket s) throws Exception {
        byte[] buf = new byte[256];
        int n = s.receive(buf);
        assertThat(n).isPositive();
        return new String(buf, 0, n, UTF_8);
    }
}
