package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tier 4: bin/jkeepalived alone in a namespace: VRRP wiring, missing capabilities, reload, SIGTERM. */
class DaemonVrrpIT {
    @TempDir
    Path dir;
    private Netns ns;
    private Process process;

    @BeforeEach
    void namespace() {
        Privileged.require("ip", "setpriv");
        ns = Netns.create("jkrt-d").withInterfaces("veth0");
        ns.ip("addr", "add", "10.9.0.1/24", "dev", "veth0");
        ns.ip("link", "set", "jkp0", "up"); // the veth peer: without it veth0 has no carrier (FAULT)
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
        if (ns != null) {
            ns.close();
        }
    }

    private Path config(int priority) throws Exception {
        Path conf = dir.resolve("j.conf");
        Files.writeString(conf, """
                vrrp_instance VI_1 {
                  interface veth0
                  virtual_router_id 51
                  priority %d
                  advert_int 1
                  virtual_ipaddress {
                    10.9.0.100/24
                  }
                }
                """.formatted(priority));
        return conf;
    }

    @Test
    void withoutCapNetRawItSaysSoInOneLineAndExitsNonZero() throws Exception {
        Path conf = config(150);
        Netns.Result r = ns.run(List.of("setpriv", "--bounding-set", "-net_raw,-net_admin", "--",
                Launcher.launcher().toString(), "-n", "-l", "-f", conf.toString(), "-p",
                dir.resolve("j.pid").toString()), 60);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.output()).contains("Operation not permitted").contains("needs CAP_NET_RAW and CAP_NET_ADMIN");
    }

    @Test
    void aLoneInstanceBecomesMasterReloadSaysNotYetAndSigtermRemovesTheVip() throws Exception {
        Path conf = config(150);
        Path log = dir.resolve("j.log");
        process = new ProcessBuilder(ns.exec(List.of(Launcher.launcher().toString(), "-n", "-l", "-f",
                conf.toString(), "-p", dir.resolve("j.pid").toString())))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        InteropIT.await("MASTER", 15_000, () -> read(log).contains("(VI_1) Entering MASTER STATE"));
        InteropIT.await("VIP", 3_000, () -> ns.ip("-br", "addr").contains("10.9.0.100/24"));

        config(120);
        ProcessHandle.of(pid()).orElseThrow(); // still alive
        Netns.runProcess(List.of("kill", "-HUP", Long.toString(pid())), 10);
        InteropIT.await("reload warning", 10_000,
                () -> read(log).contains("VRRP configuration changes are not applied on reload yet"));

        Netns.runProcess(List.of("kill", "-TERM", Long.toString(pid())), 10);
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(read(log)).contains("(VI_1) removing VIPs.");
        assertThat(ns.ip("-br", "addr")).doesNotContain("10.9.0.100");
    }

    private long pid() throws Exception {
        return Long.parseLong(Files.readString(dir.resolve("j.pid")).trim());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
