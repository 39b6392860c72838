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
    void dataShowsEachInstancesStateAndConfigurationInKeepalivedsStyle() throws Exception {
        String conf;
        try (var in = DumpsTest.class.getResourceAsStream("/dumps/keepalived-2.2.7.conf")) {
            conf = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        KeepalivedConfig config = ConfigFixture.load(conf,
                new org.jkeepalived.config.FakeSystemView().withInterface("veth0").withInterface("veth1")).config();
        Instant now = Instant.ofEpochSecond(1795649400L);
        long nowNanos = 50_000_000_000L;
        var master = new org.jkeepalived.vrrp.InstanceStatus("VI_1", 51, 2, org.jkeepalived.vrrp.VrrpState.MASTER,
                150, 150, null, 0, 5, 1, 0, 0, 0, java.util.Map.of(), true,
                org.jkeepalived.vrrp.NewMasterReason.MASTER_NO_RESPONSE, null, 0L, nowNanos - 2_500_000_000L);
        var backup = new org.jkeepalived.vrrp.InstanceStatus("VI_2", 52, 3, org.jkeepalived.vrrp.VrrpState.BACKUP,
                100, 110, java.net.InetAddress.getByName("10.77.0.2"), 7, 0, 0, 0, 0, 0, java.util.Map.of(), false,
                null, null, 0L, nowNanos - 1_000_000_000L);
        var running = new DataDump.Running(java.util.List.of(master, backup), java.util.List.of(
                org.jkeepalived.track.TrackerUpdate.script("chk", org.jkeepalived.track.TrackerUpdate.Status.UP)),
                null, now, nowNanos);
        String text = Dumps.data("1.2.3", 77, Path.of("/k.conf"), status, config, running);
        assertThat(text).contains("------< VRRP Topology >------\n VRRP Instance = VI_1\n   VRRP Version = 2\n"
                        + "   Sync group = G1\n   State = MASTER\n   Last transition = 1795649397.500000 (",
                "   New master reason = MASTER_NO_RESPONSE\n",
                "   Virtual Router ID = 51\n   Priority = 150\n",
                "   Authentication type = SIMPLE_PASSWORD\n",
                "   Virtual IP (1):\n     10.77.0.100/24 dev veth0 scope global set\n",
                " VRRP Instance = VI_2\n   VRRP Version = 3\n   State = BACKUP\n",
                "   Master router = 10.77.0.2\n", "   Effective priority = 110\n", "   Preempt = disabled\n",
                "   Advert interval = 1000 milli-sec\n",
                "   Virtual IP (1):\n     10.77.0.101/24 dev veth0 scope global\n",
                "   Unicast Peer :\n     10.77.0.2 min_ttl 0 max_ttl 255\n",
                "   Tracked interfaces :\n     veth1 weight 0\n", "   Tracked scripts :\n     chk weight 10\n",
                "     Adverts received 7, sent 0, became master 0, released master 0\n",
                " VRRP Instance = VI_3\n   VRRP Version = 2\n   Sync group = G1\n   State = not running\n",
                "------< VRRP Sync groups >------\n VRRP Sync Group = G1, MASTER\n"
                        + "   VRRP member instances :\n     VI_1\n     VI_3\n",
                "------< VRRP Scripts >------\n VRRP Script = chk\n   Command = '/bin/true'\n",
                "   Status = GOOD\n   Tracking instances :\n     VI_2\n");
        // keepalived's headings, in its order (fixture observed from keepalived 2.2.7 for the same configuration)
        String theirs;
        try (var in = DumpsTest.class.getResourceAsStream("/dumps/keepalived-2.2.7.data")) {
            theirs = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String heading : java.util.List.of("------< Global definitions >------", "------< VRRP Topology >------",
                "------< VRRP Sync groups >------", "------< VRRP Scripts >------", " VRRP Instance = VI_1",
                "   Virtual Router ID = 51", "   Priority = 150", "   Effective priority = 150",
                "   Accept = enabled", "   Preempt = enabled", "   Authentication type = SIMPLE_PASSWORD",
                "   Virtual IP (1):", "     10.77.0.100/24 dev veth0 scope global set", "   Tracked scripts :",
                "     chk weight 10", " VRRP Script = chk", "   Weight = 10", "   Status = GOOD")) {
            assertThat(theirs).contains(heading + "\n");
            assertThat(text).contains(heading + "\n");
        }
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
