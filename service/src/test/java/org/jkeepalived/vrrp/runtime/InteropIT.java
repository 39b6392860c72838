package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier 4: bin/jkeepalived against Debian's keepalived (2.2.7), one in each of two namespaces joined by a
 * veth pair. Same VRID, VRRPv2 multicast, one VIP, advert_int 1 s.
 */
class InteropIT {
    static final String VIP = "10.9.0.100";

    @TempDir
    Path dir;
    private Netns jns;
    private Netns kns;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> pidFiles = new ArrayList<>();

    @BeforeEach
    void namespaces() {
        Privileged.require("ip", "keepalived");
        jns = Netns.create("jkrt-j");
        kns = Netns.create("jkrt-k");
        Netns.veth(jns, "veth0", kns, "veth1");
        jns.ip("addr", "add", "10.9.0.1/24", "dev", "veth0");
        kns.ip("addr", "add", "10.9.0.2/24", "dev", "veth1");
    }

    @AfterEach
    void cleanUp() {
        // Every process we started, by its pid (pid files first: keepalived's VRRP child has its own).
        for (Path p : pidFiles) {
            pid(p).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (jns != null) {
            jns.close();
        }
        if (kns != null) {
            kns.close();
        }
    }

    @Test
    void jkeepalivedWithHigherPriorityIsMasterAndKeepalivedTakesOverAfterSigkill() throws Exception {
        Path klog = startKeepalived(100);
        Path jlog = startJkeepalived(150);

        await("jkeepalived MASTER", 15_000, () -> read(jlog).contains("(VI_1) Entering MASTER STATE"));
        await("the VIP on jkeepalived's interface", 3_000, () -> jns.ip("-br", "addr").contains(VIP + "/24"));
        await("keepalived BACKUP", 10_000, () -> lastState(read(klog)).equals("BACKUP"));
        Thread.sleep(1_500); // > one advert interval: both stay as they are
        assertThat(lastState(read(klog))).isEqualTo("BACKUP");
        assertThat(kns.ip("-br", "addr")).doesNotContain(VIP + "/");

        int mastersBefore = count(read(klog), "Entering MASTER STATE");
        long jpid = pid(dir.resolve("j.pid")).orElseThrow();
        long t0 = System.nanoTime();
        ProcessHandle.of(jpid).orElseThrow().destroyForcibly(); // SIGKILL: no priority 0, no cleanup
        await("keepalived MASTER after SIGKILL", 8_000,
                () -> count(read(klog), "Entering MASTER STATE") > mastersBefore);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("InteropIT: keepalived took over " + millis + " ms after SIGKILL of jkeepalived");
        // Master_Down_Interval of priority 100, v2: 3 s + (256 - 100) / 256 s = 3.61 s.
        assertThat(millis).isBetween(2_500L, 6_000L);
        await("the VIP on keepalived's interface", 3_000, () -> kns.ip("-br", "addr").contains(VIP + "/24"));
    }

    @Test
    void keepalivedWithHigherPriorityIsMasterAndJkeepalivedTakesOverOnItsShutdown() throws Exception {
        Path klog = startKeepalived(150);
        await("keepalived MASTER", 15_000, () -> lastState(read(klog)).equals("MASTER"));
        Path jlog = startJkeepalived(100);

        await("jkeepalived BACKUP", 10_000, () -> read(jlog).contains("(VI_1) Entering BACKUP STATE (init)"));
        Thread.sleep(4_500); // longer than jkeepalived's Master_Down_Interval (3.61 s)
        assertThat(read(jlog)).doesNotContain("Entering MASTER STATE");
        assertThat(jns.ip("-br", "addr")).doesNotContain(VIP + "/");
        assertThat(lastState(read(klog))).isEqualTo("MASTER");

        long kpid = pid(dir.resolve("k.pid")).orElseThrow();
        long t0 = System.nanoTime();
        ProcessHandle.of(kpid).orElseThrow().destroy(); // SIGTERM: keepalived resigns with priority 0
        await("jkeepalived MASTER", 5_000, () -> read(jlog).contains("(VI_1) Entering MASTER STATE"));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("InteropIT: jkeepalived took over " + millis + " ms after SIGTERM of keepalived");
        // Priority 0 received: Skew_Time of priority 100 = 0.61 s (RFC 3768 §6.4.2), plus keepalived's exit.
        assertThat(millis).isLessThan(3_000L);
        await("the VIP on jkeepalived's interface", 3_000, () -> jns.ip("-br", "addr").contains(VIP + "/24"));
    }

    // ---------------------------------------------------------------- helpers

    private static String config(String routerId, String ifName, int priority) {
        return """
                global_defs {
                  router_id %s
                }
                vrrp_instance VI_1 {
                  state BACKUP
                  interface %s
                  virtual_router_id 51
                  priority %d
                  advert_int 1
                  virtual_ipaddress {
                    %s/24
                  }
                }
                """.formatted(routerId, ifName, priority, VIP);
    }

    private Path startKeepalived(int priority) throws IOException {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, config("k", "veth1", priority));
        Path log = dir.resolve("k.log");
        for (String f : List.of("k.pid", "k-vrrp.pid", "k-check.pid")) {
            pidFiles.add(dir.resolve(f));
        }
        start(kns.exec(List.of("keepalived", "-n", "-l", "-D", "-f", conf.toString(), "-p", dir.resolve("k.pid").toString(),
                "-r", dir.resolve("k-vrrp.pid").toString(), "-c", dir.resolve("k-check.pid").toString())), log);
        return log;
    }

    private Path startJkeepalived(int priority) throws IOException {
        Path conf = dir.resolve("j.conf");
        Files.writeString(conf, config("j", "veth0", priority));
        Path log = dir.resolve("j.log");
        pidFiles.add(dir.resolve("j.pid"));
        start(jns.exec(List.of(Launcher.launcher().toString(), "-n", "-l", "-f", conf.toString(), "-p",
                dir.resolve("j.pid").toString())), log);
        return log;
    }

    private void start(List<String> command, Path log) throws IOException {
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    private static Optional<Long> pid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The state of the last "Entering X STATE" line (either wording: keepalived's FAULT line differs). */
    static String lastState(String log) {
        int i = log.lastIndexOf("Entering ");
        if (i < 0) {
            return "";
        }
        int end = log.indexOf(" STATE", i);
        return end < 0 ? "" : log.substring(i + "Entering ".length(), end);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static void await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
