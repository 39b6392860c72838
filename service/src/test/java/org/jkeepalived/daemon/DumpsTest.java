package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpsTest {
    @TempDir
    Path dir;

    private final Lifecycle.Status status = new Lifecycle.Status(Instant.parse("2026-01-01T00:00:00Z"),
            12_345_678_901L, 3, 1, Instant.parse("2026-01-01T01:00:00Z"));

    @Test
    void dataHoldsTheDaemonTheGlobalsAndASummary() {
        KeepalivedConfig config = ConfigFixture.load("").config();
        String text = Dumps.data("1.2.3", 77, Path.of("/etc/keepalived/keepalived.conf"), status, config);
        assertThat(text).startsWith("------< jkeepalived >------\n")
                .contains(" Version = 1.2.3\n", " Pid = 77\n",
                        " Configuration file = /etc/keepalived/keepalived.conf\n",
                        " Started = 2026-01-01T00:00:00Z\n", " Uptime = 12.346 s\n", " Reloads = 3\n",
                        " Refused reloads = 1\n", " Last reload = 2026-01-01T01:00:00Z\n",
                        "------< Global definitions >------\n", " Router ID = " + config.global().routerId() + "\n",
                        "------< Configuration summary >------\n");
    }

    @Test
    void statsHoldEachVrrpInstanceInKeepalivedsLayout() {
        var vi = new org.jkeepalived.vrrp.InstanceStatus("VI_1", 51, 2, org.jkeepalived.vrrp.VrrpState.MASTER, 150,
                150, null, 4, 9, 1, 0, 2, 1, java.util.Map.of(org.jkeepalived.vrrp.packet.DropReason.IP_TTL, 3L,
                org.jkeepalived.vrrp.packet.DropReason.AUTH_FAILURE, 5L), true,
                org.jkeepalived.vrrp.NewMasterReason.MASTER_NO_RESPONSE, null, 0L, 0L);
        String text = Dumps.stats("1.2.3", 77, Path.of("/k.conf"), status, java.util.List.of(vi));
        // keepalived 2.2.7's keepalived.stats, observed
        assertThat(text).endsWith("""
                VRRP Instance: VI_1
                  Advertisements:
                    Received: 4
                    Sent: 9
                  Became master: 1
                  Released master: 0
                  Packet Errors:
                    Length: 0
                    TTL: 3
                    Invalid Type: 0
                    Advertisement Interval: 0
                    Address List: 0
                  Authentication Errors:
                    Invalid Type: 0
                    Type Mismatch: 0
                    Failure: 5
                  Priority Zero:
                    Received: 2
                    Sent: 1
                """);
    }

    @Test
    void statsHoldTheDaemonStatus() {
        String text = Dumps.stats("1.2.3", 77, Path.of("/k.conf"), new Lifecycle.Status(Instant.EPOCH, 0, 0, 0, null));
        assertThat(text).contains(" Reloads = 0\n", " Last reload = never\n", " Uptime = 0.000 s\n");
    }

    @Test
    void writeReplacesTheFileWholeWithMode0600() throws Exception {
        Path f = dir.resolve("keepalived.data");
        Files.writeString(f, "old and much longer content than the new one");
        Dumps.write(f, "new\n");
        assertThat(Files.readString(f)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void aSymlinkAtTheTargetIsReplacedNotFollowed() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious");
        Path f = dir.resolve("keepalived.stats");
        Files.createSymbolicLink(f, victim);
        Dumps.write(f, "stats\n");
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(f)).isFalse();
        assertThat(Files.readString(f)).isEqualTo("stats\n");
    }
}
