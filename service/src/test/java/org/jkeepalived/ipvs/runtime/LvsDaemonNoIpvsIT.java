package org.jkeepalived.ipvs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.testsupport.AcceptCloseListener;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier 4: bin/jkeepalived -C in a namespace of this host, whose kernel has no IPVS: one line says so, and the
 * checkers still run against a real listener, drive notify_up/notify_down and quorum_up/quorum_down, keep their
 * state over a reload, and the daemon stops cleanly. (keepalived 2.2.7 terminates here instead.)
 */
class LvsDaemonNoIpvsIT {
    @TempDir
    Path dir;
    private Netns ns;
    private Process daemon;
    private Process listener;

    @BeforeEach
    void namespace() {
        Privileged.require("ip", "python3");
        ns = Netns.create("jklvs");
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (Process p : new Process[] {daemon, listener}) {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor();
            }
        }
        if (ns != null) {
            ns.close();
        }
    }

    private void listen() throws Exception {
        listener = AcceptCloseListener.start(ns.exec(AcceptCloseListener.command(9099))).process();
    }

    private void daemon(Path conf, Path log) throws Exception {
        daemon = new ProcessBuilder(ns.exec(List.of(Launcher.launcher().toString(), "-C", "-n", "-l", "-f",
                conf.toString(), "-p", dir.resolve("j.pid").toString(), "-c", dir.resolve("c.pid").toString())))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private Path config(String weight) throws Exception {
        Path events = dir.resolve("events.txt");
        Path conf = dir.resolve("j.conf");
        Files.writeString(conf, """
                virtual_server 127.0.0.1 8080 {
                  delay_loop 1
                  protocol TCP
                  quorum 2
                  quorum_up "/bin/sh -c 'echo quorum-up >> %s'"
                  quorum_down "/bin/sh -c 'echo quorum-down >> %s'"
                  real_server 127.0.0.1 9099 {
                    weight %s
                    notify_up "/bin/sh -c 'echo rs-up >> %s'"
                    notify_down "/bin/sh -c 'echo rs-down >> %s'"
                    TCP_CHECK {
                      connect_timeout 1
                      retry 1
                      delay_before_retry 1
                    }
                  }
                }
                """.formatted(events, events, weight, events, events));
        return conf;
    }

    @Test
    void withoutIpvsTheCheckersRunAndDriveNotificationsAcrossAReload() throws Exception {
        listen();
        Path log = dir.resolve("j.log");
        Path events = dir.resolve("events.txt");
        daemon(config("2"), log);
        await("start", 20_000, () -> read(log).contains("Activating healthchecker for service [127.0.0.1]:tcp:9099"));
        assertThat(read(log).lines().filter(l -> l.contains("IPVS")).toList()).singleElement().asString()
                .contains("the kernel has no IPVS").contains("health checkers run");
        await("quorum at start", 10_000, () -> read(events).contains("quorum-up"));

        listener.destroy();
        listener.waitFor();
        await("down", 15_000, () -> read(events).contains("rs-down"));
        await("quorum lost", 5_000, () -> read(events).contains("quorum-down"));
        assertThat(read(log)).contains("TCP_CHECK on service [127.0.0.1]:tcp:9099 failed after 1 retries.",
                "Removing service [127.0.0.1]:tcp:9099 from VS [127.0.0.1]:tcp:8080",
                "Lost quorum 2-0=2 > 0 for VS [127.0.0.1]:tcp:8080");

        // a reload that changes the real server's weight: it stays down (no rs-up), its checker keeps running
        config("3");
        Netns.runProcess(List.of("kill", "-HUP", Long.toString(daemon.pid())), 10);
        await("reload", 10_000, () -> read(log).contains("Reload complete"));
        Thread.sleep(2_500);
        // the real server's and the virtual server's scripts run in parallel (different targets): any order
        List<String> lines = read(events).lines().toList();
        assertThat(lines).first().isEqualTo("quorum-up");
        assertThat(lines).containsExactlyInAnyOrder("quorum-up", "rs-down", "quorum-down");

        listen();
        await("up again", 15_000, () -> read(events).contains("rs-up"));
        await("quorum again", 5_000, () -> read(events).lines().filter("quorum-up"::equals).count() == 2);
        assertThat(read(log)).contains("Gained quorum 2+0=2 <= 3 for VS [127.0.0.1]:tcp:8080");

        Netns.runProcess(List.of("kill", "-TERM", Long.toString(daemon.pid())), 10);
        assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isZero();
        assertThat(read(log)).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void haSuspendHoldsTheCheckersUntilTheVirtualAddressIsOnTheHost() throws Exception {
        Path log = dir.resolve("s.log");
        Path events = dir.resolve("events.txt");
        Path conf = dir.resolve("s.conf");
        Files.writeString(conf, """
                virtual_server 10.77.0.1 8080 {
                  delay_loop 1
                  protocol TCP
                  ha_suspend
                  real_server 127.0.0.1 9099 {
                    notify_down "/bin/sh -c 'echo rs-down >> %s'"
                    TCP_CHECK {
                      connect_timeout 1
                      retry 0
                    }
                  }
                }
                """.formatted(events));
        ns.ip("link", "set", "lo", "up");
        daemon(conf, log);
        await("suspended", 20_000, () -> read(log).contains("Suspending healthcheckers of VS [10.77.0.1]:tcp:8080"));
        Thread.sleep(3_000); // nothing listens on 9099, but no check runs
        assertThat(read(events)).isEmpty();
        assertThat(read(log)).doesNotContain("TCP_CHECK on service");

        ns.ip("addr", "add", "10.77.0.1/32", "dev", "lo");
        await("resumed", 10_000, () -> read(log).contains("Resuming healthcheckers of VS [10.77.0.1]:tcp:8080"));
        await("checked", 10_000, () -> read(events).contains("rs-down"));
        Netns.runProcess(List.of("kill", "-TERM", Long.toString(daemon.pid())), 10);
        assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isZero();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
