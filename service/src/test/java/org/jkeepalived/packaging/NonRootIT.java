package org.jkeepalived.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jkeepalived.testsupport.Await;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Test;

/**
 * The privilege model of jkeepalived.service without systemd: bin/jkeepalived runs as an unprivileged
 * uid with exactly the unit's three capabilities (ambient, inheritable and the whole bounding set) and
 * no-new-privs, as {@code setpriv} sets them, inside a network namespace of the test's. A VRRP instance
 * alone on its link becomes MASTER and adds its VIP; its notify script runs as the same uid with the
 * same ambient capabilities and may write a net.* sysctl (what docs/install.md promises scripts); a
 * script whose user is another one is refused ("not running as root"), failing the instance that
 * tracks it; SIGTERM removes the VIP again.
 */
class NonRootIT {
    /** nobody / nogroup on Debian (65534 is also RHEL's nobody). */
    private static final String UID = "65534";
    private static final String CAPS = "+net_admin,+net_raw,+net_bind_service";
    /** CAP_NET_BIND_SERVICE (10), CAP_NET_ADMIN (12), CAP_NET_RAW (13), as /proc/PID/status shows them. */
    private static final String CAP_MASK = "0000000000003400";

    @Test
    void vrrpBecomesMasterAsAnUnprivilegedUserWithThreeCapabilities() throws Exception {
        Privileged.require("ip", "setpriv", "getent");
        assertThat(Cmd.of("getent", "passwd", UID).run(10).exitCode()).as("uid " + UID + " exists").isZero();
        assertThat(Cmd.of("getent", "passwd", "daemon").run(10).exitCode()).as("user daemon exists").isZero();
        Path dir = Files.createTempDirectory("jk-nonroot");
        Process daemon = null;
        try (Netns a = Netns.create("rpmnr-a"); Netns b = Netns.create("rpmnr-b")) {
            Netns.veth(a, "eth0", b, "eth0");
            a.ip("addr", "add", "10.99.7.1/24", "dev", "eth0");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path state = ownedByService(dir.resolve("state"));
            Path run = ownedByService(dir.resolve("run"));
            Path out = run.resolve("notify.txt");
            Path notify = dir.resolve("notify.sh");
            Files.writeString(notify, "#!/bin/sh\n"
                    + "grep -E '^(Uid|CapEff|CapAmb):' /proc/self/status > " + out + ".tmp\n"
                    + "echo 1 > /proc/sys/net/ipv4/conf/eth0/arp_ignore && echo sysctl-written >> " + out + ".tmp\n"
                    + "mv " + out + ".tmp " + out + "\n");
            Files.setPosixFilePermissions(notify, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path conf = dir.resolve("keepalived.conf");
            Files.writeString(conf, """
                    global_defs {
                        enable_script_security
                        script_user %s
                    }
                    vrrp_script other_user {
                        script "/bin/true"
                        interval 1
                        user daemon
                    }
                    vrrp_instance VI_1 {
                        state BACKUP
                        interface eth0
                        virtual_router_id 71
                        priority 100
                        advert_int 1
                        virtual_ipaddress {
                            10.99.7.100/24
                        }
                        notify_master %s
                    }
                    vrrp_instance VI_2 {
                        state BACKUP
                        interface eth0
                        virtual_router_id 72
                        priority 100
                        advert_int 1
                        virtual_ipaddress {
                            10.99.7.200/24
                        }
                        track_script {
                            other_user
                        }
                    }
                    """.formatted(userName(), notify));
            Path log = dir.resolve("daemon.log");
            // ip netns exec, setpriv and env exec in turn, and so does the launcher: this is the JVM.
            daemon = new ProcessBuilder(a.exec(unprivileged(CAPS, state, conf, run))).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            daemon.getOutputStream().close();
            Process d = daemon;

            Await.await("VI_1's VIP on eth0", 20_000, () -> !d.isAlive()
                    || a.ip("-4", "addr", "show", "dev", "eth0").contains("10.99.7.100/24"));
            assertThat(d.isAlive()).as(Files.readString(log)).isTrue();
            Await.await("the notify_master script's output", 10_000, () -> Files.exists(out));

            String status = Files.readString(Path.of("/proc/" + d.pid() + "/status"));
            assertThat(status).containsPattern("(?m)^Uid:\\s+" + UID + "\\s+" + UID + "\\s+" + UID)
                    .containsPattern("(?m)^CapEff:\\s+" + CAP_MASK + "$")
                    .containsPattern("(?m)^CapBnd:\\s+" + CAP_MASK + "$")
                    .containsPattern("(?m)^NoNewPrivs:\\s+1$");
            String logText = Files.readString(log);
            assertThat(logText).contains("(VI_1) Entering MASTER STATE");

            String script = Files.readString(out);
            assertThat(script).containsPattern("(?m)^Uid:\\s+" + UID + "\\s")
                    .containsPattern("(?m)^CapAmb:\\s+" + CAP_MASK + "$")
                    .contains("sysctl-written");
            assertThat(Netns.runProcess(a.exec(List.of("cat", "/proc/sys/net/ipv4/conf/eth0/arp_ignore")), 10)
                    .output().strip()).isEqualTo("1");

            // The script with a user of its own cannot run: VI_2 never gets its VIP.
            Await.await("the refused script in the log", 10_000, () -> read(log)
                    .contains("Unable to run script as daemon: not running as root"));
            assertThat(a.ip("-4", "addr", "show", "dev", "eth0")).doesNotContain("10.99.7.200");

            daemon.destroy(); // SIGTERM
            assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).as(read(log)).isTrue();
            assertThat(a.ip("-4", "addr", "show", "dev", "eth0")).doesNotContain("10.99.7.100");
        } finally {
            if (daemon != null && daemon.isAlive()) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The control: without CAP_NET_RAW the same user cannot open VRRP's sockets and the daemon says so. */
    @Test
    void withoutNetRawTheDaemonExitsWithAClearMessage() throws Exception {
        Privileged.require("ip", "setpriv", "getent");
        Path dir = Files.createTempDirectory("jk-nonroot");
        try (Netns a = Netns.create("rpmnr-c"); Netns b = Netns.create("rpmnr-d")) {
            Netns.veth(a, "eth0", b, "eth0");
            a.ip("addr", "add", "10.99.7.1/24", "dev", "eth0"); // else FAULT, and no socket is opened
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path state = ownedByService(dir.resolve("state"));
            Path run = ownedByService(dir.resolve("run"));
            Path conf = dir.resolve("keepalived.conf");
            Files.writeString(conf, """
                    vrrp_instance VI_1 {
                        state BACKUP
                        interface eth0
                        virtual_router_id 73
                        priority 100
                        virtual_ipaddress {
                            10.99.7.100/24
                        }
                    }
                    """);
            // Bounded: a daemon that does not exit is killed after 60 s and the test fails.
            Cmd.Result r = Cmd.of(a.exec(unprivileged("+net_admin,+net_bind_service", state, conf, run))).run(60);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.both()).contains("cannot open the VRRP sockets").contains("CAP_NET_RAW");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** bin/jkeepalived as uid {@link #UID} with exactly {@code caps} (ambient, inheritable, bounding) and no-new-privs. */
    private static List<String> unprivileged(String caps, Path state, Path conf, Path run) {
        return new ArrayList<>(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID,
                "--clear-groups", "--inh-caps=-all," + caps, "--ambient-caps=-all," + caps,
                "--bounding-set=-all," + caps, "--no-new-privs", "--",
                "env", "JKEEPALIVED_STATE_DIR=" + state,
                Launcher.launcher().toString(), "-n", "-l", "-D", "-G", "-f", conf.toString(),
                "-p", run.resolve("jkeepalived.pid").toString()));
    }

    private static Path ownedByService(Path p) throws IOException {
        Files.createDirectories(p);
        UserPrincipalLookupService users = p.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(p, users.lookupPrincipalByName(userName()));
        Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class)
                .setGroup(users.lookupPrincipalByGroupName(
                        Cmd.of("getent", "group", UID).ok(10).out().split(":")[0]));
        return p;
    }

    private static String userName() {
        return Cmd.of("getent", "passwd", UID).ok(10).out().split(":")[0];
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
