package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

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

    private Path config(int priority, String... vips) throws Exception {
        return write("j.conf", "", "veth0", priority, vips.length == 0 ? new String[] {"10.9.0.100/24"} : vips);
    }

    private Path write(String name, String globals, String ifName, int priority, String... vips) throws Exception {
        Path conf = dir.resolve(name);
        Files.writeString(conf, """
                global_defs {
                %s
                }
                vrrp_instance VI_1 {
                  interface %s
                  virtual_router_id 51
                  priority %d
                  advert_int 1
                  virtual_ipaddress {
                    %s
                  }
                }
                """.formatted(globals, ifName, priority, String.join("\n    ", vips)));
        return conf;
    }

    private Process start(Path conf, Path log) throws Exception {
        process = new ProcessBuilder(ns.exec(List.of(Launcher.launcher().toString(), "-n", "-l", "-f",
                conf.toString(), "-p", dir.resolve("j.pid").toString())))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return process;
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
    void aLoneInstanceBecomesMasterKeepsItOverAReloadAndSigtermRemovesTheVip() throws Exception {
        Path conf = config(150);
        Path log = dir.resolve("j.log");
        start(conf, log);
        await("MASTER", 15_000, () -> read(log).contains("(VI_1) Entering MASTER STATE"));
        await("VIP", 3_000, () -> ns.ip("-br", "addr").contains("10.9.0.100/24"));

        // SIGHUP with a new priority and a second VIP: the instance stays MASTER, its VIP stays put, the new one
        // is added (keepalived's reload keeps a matched instance's state).
        config(120, "10.9.0.100/24", "10.9.0.101/24");
        // The kernel's own account: every address deletion in the namespace while the reload runs.
        Path events = dir.resolve("addr-events.txt");
        Process monitor = new ProcessBuilder(ns.exec(List.of("ip", "monitor", "address")))
                .redirectErrorStream(true).redirectOutput(events.toFile()).start();
        try {
            Thread.sleep(300); // the monitor is listening
            Netns.runProcess(List.of("kill", "-HUP", Long.toString(pid())), 10);
            await("reload", 10_000, () -> read(log).contains("Reload complete"));
            await("the second VIP", 3_000, () -> ns.ip("-br", "addr").contains("10.9.0.101/24"));
            Thread.sleep(1_500); // an advert interval and more: nothing else happens
        } finally {
            monitor.destroy();
            monitor.waitFor();
        }
        assertThat(read(events)).contains("10.9.0.101/24").doesNotContain("Deleted");
        assertThat(ns.ip("-br", "addr")).contains("10.9.0.100/24");
        String all = read(log);
        String afterReload = all.substring(all.indexOf("Reloading"));
        assertThat(afterReload).doesNotContain("removing VIPs").doesNotContain("not applied")
                .doesNotContain("Entering");
        assertThat(all.split("Entering MASTER STATE", -1)).hasSize(2); // entered once only

        Netns.runProcess(List.of("kill", "-TERM", Long.toString(pid())), 10);
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(read(log)).contains("(VI_1) removing VIPs.");
        assertThat(ns.ip("-br", "addr")).doesNotContain("10.9.0.100").doesNotContain("10.9.0.101");
    }

    @Test
    void aMissingInterfaceStopsTheDaemonLikeKeepalivedUnlessDynamicInterfaces() throws Exception {
        // keepalived 2.2.7 observed: "Non-existent interface specified in configuration", exit status 2.
        Path conf = write("missing.conf", "", "veth9", 150, "10.9.0.100/24");
        Netns.Result r = ns.run(List.of(Launcher.launcher().toString(), "-n", "-l", "-f", conf.toString(), "-p",
                dir.resolve("m.pid").toString()), 60);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("Non-existent interface specified in configuration");

        // With dynamic_interfaces the instance waits in FAULT and runs once the interface exists.
        Path dyn = write("dyn.conf", "  dynamic_interfaces", "veth9", 150, "10.9.1.100/24");
        Path log = dir.resolve("dyn.log");
        start(dyn, log);
        await("FAULT", 15_000, () -> read(log).contains("(VI_1) Entering FAULT STATE"));
        Thread.sleep(1_000);
        assertThat(read(log)).doesNotContain("Entering MASTER STATE");
        ns.ip("link", "add", "veth9", "type", "veth", "peer", "name", "jkp9");
        ns.ip("link", "set", "jkp9", "up");
        ns.ip("addr", "add", "10.9.1.1/24", "dev", "veth9");
        ns.ip("link", "set", "veth9", "up");
        await("MASTER on veth9", 10_000, () -> read(log).contains("(VI_1) Entering MASTER STATE"));
        await("VIP on veth9", 3_000, () -> ns.ip("-br", "addr").contains("10.9.1.100/24"));
    }

    @Test
    void aReloadThatBringsTheFirstInstanceStartsVrrp() throws Exception {
        // keepalived 2.2.7 observed: started with no instance, a SIGHUP with one starts its VRRP process.
        Path conf = dir.resolve("j.conf");
        Files.writeString(conf, "global_defs {\n  router_id empty\n}\n");
        Path log = dir.resolve("j.log");
        start(conf, log);
        await("startup", 15_000, () -> read(log).contains("Startup complete"));
        config(150);
        Netns.runProcess(List.of("kill", "-HUP", Long.toString(pid())), 10);
        await("MASTER after the reload", 15_000, () -> read(log).contains("(VI_1) Entering MASTER STATE"));
        await("VIP", 3_000, () -> ns.ip("-br", "addr").contains("10.9.0.100/24"));
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
