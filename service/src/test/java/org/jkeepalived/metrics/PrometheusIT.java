package org.jkeepalived.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon;
import org.jkeepalived.vrrp.interop.InteropLab;
import org.jkeepalived.vrrp.interop.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier 4: the /metrics endpoint of a running bin/jkeepalived, read by Debian's real Prometheus (package
 * {@code prometheus}). In a namespace of its own, jkeepalived becomes MASTER; {@code promtool check metrics} passes
 * on a real scrape; a real {@code prometheus} server scraping the endpoint answers
 * {@code keepalived_vrrp_state} = 2 through its HTTP API, then 3 after the interface goes down (FAULT). The
 * operator kit in nms-integration/prometheus passes {@code promtool check config}, {@code check rules} and its
 * rule unit tests, and the unit test's fixture (every family) passes {@code promtool check metrics}. A reload
 * moves the endpoint and {@code prometheus off} closes it.
 */
class PrometheusIT {
    private static final int METRICS_PORT = 19165;
    private static final int PROMETHEUS_PORT = 19090;
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.e+]+,\"([^\"]*)\"\\]");

    @TempDir
    Path dir;
    private InteropLab lab;
    private Process prometheus;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy(); // its own pid: `ip netns exec` execs it
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aRealPrometheusScrapesTheStateAndSeesItChange() throws Exception {
        Privileged.require("ip", "curl", "promtool", "prometheus");
        lab = InteropLab.create(dir, 1, "jkprom");
        Node a = lab.node(0);
        Daemon jk = lab.daemon(a, Daemon.Kind.JKEEPALIVED, """
                prometheus {
                  listen 127.0.0.1:%d
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  priority 150
                  advert_int 1
                  virtual_ipaddress {
                    10.9.0.100/24
                  }
                }
                """.formatted(METRICS_PORT));
        jk.start();
        await("jkeepalived MASTER", 20_000, () -> jk.log().contains("(VI_1) Entering MASTER STATE"));
        String url = "http://127.0.0.1:" + METRICS_PORT + "/metrics";
        String master = "keepalived_vrrp_state{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\",ip_address=\"10.9.0.100\"} 2";
        await("the endpoint shows MASTER", 10_000, () -> curl(a, url).contains(master));

        // promtool lints a real scrape, exactly as served.
        Path scrape = dir.resolve("scrape.prom");
        Files.writeString(scrape, curl(a, url));
        Netns.Result lint = Netns.runProcess(List.of("sh", "-c", "promtool check metrics < '" + scrape + "'"), 60);
        assertThat(lint.exitCode()).as("promtool check metrics: %s", lint.output()).isZero();
        assertThat(lint.output()).as("no lint finding").isBlank();
        assertThat(Files.readString(scrape)).contains("keepalived_up 1",
                "jkeepalived_vrrp_effective_priority{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 150");

        // A real Prometheus, in the same namespace, scrapes it every second.
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: jkeepalived
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(METRICS_PORT));
        Path data = Files.createDirectories(dir.resolve("tsdb"));
        prometheus = new ProcessBuilder(a.ns().exec(List.of("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + PROMETHEUS_PORT,
                "--log.level=warn"))).redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        prometheus.getOutputStream().close();
        String api = "http://127.0.0.1:" + PROMETHEUS_PORT + "/api/v1/query?query=";
        await("Prometheus ingests MASTER", 30_000,
                () -> "2".equals(value(curl(a, api + "keepalived_vrrp_state%7Biname%3D%22VI_1%22%7D"))));
        String answer = curl(a, api + "keepalived_vrrp_state");
        assertThat(answer).as("the series as Prometheus stored it").contains("\"status\":\"success\"",
                "\"__name__\":\"keepalived_vrrp_state\"", "\"iname\":\"VI_1\"", "\"intf\":\"eth0\"",
                "\"vrid\":\"51\"", "\"ip_address\":\"10.9.0.100\"", "\"job\":\"jkeepalived\"");
        assertThat(value(curl(a, api + "up%7Bjob%3D%22jkeepalived%22%7D"))).isEqualTo("1");
        assertThat(value(curl(a, api + "keepalived_up"))).isEqualTo("1");
        assertThat(value(curl(a, api + "jkeepalived_vrrp_effective_priority"))).isEqualTo("150");

        // The interface goes down: FAULT (3) reaches Prometheus.
        a.ns().ip("link", "set", "eth0", "down");
        await("jkeepalived FAULT", 10_000, () -> jk.log().contains("(VI_1) Entering FAULT STATE"));
        await("Prometheus ingests FAULT", 15_000,
                () -> "3".equals(value(curl(a, api + "keepalived_vrrp_state%7Biname%3D%22VI_1%22%7D"))));
        assertThat(Files.readString(dir.resolve("prometheus.log"))).doesNotContain("level=error");
        assertThat(jk.log()).doesNotContain("Exception");
    }

    /** A reload (SIGHUP) moves the endpoint to its new address; {@code prometheus off} closes it. */
    @Test
    void aReloadMovesTheEndpointAndOffClosesIt() throws Exception {
        Privileged.require("ip", "curl");
        lab = InteropLab.create(dir, 1, "jkpromr");
        Node a = lab.node(0);
        String vrrp = """
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 52
                  priority 150
                  advert_int 1
                  virtual_ipaddress {
                    10.9.0.101/24
                  }
                }
                """;
        Path conf = dir.resolve("reload.conf");
        Path log = dir.resolve("reload.log");
        Files.writeString(conf, vrrp); // no block: the default, 127.0.0.1:9165
        Process jk = new ProcessBuilder(a.ns().exec(List.of(Launcher.launcher().toString(), "-n", "-l", "-D", "-f",
                conf.toString(), "-p", dir.resolve("reload.pid").toString()))).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            jk.getOutputStream().close();
            await("the default endpoint serves", 20_000,
                    () -> curl(a, "http://127.0.0.1:9165/metrics").contains("keepalived_up 1"));

            Files.writeString(conf, "prometheus {\n  listen 127.0.0.1:" + METRICS_PORT + "\n}\n" + vrrp);
            hup(jk);
            await("the new address serves", 20_000,
                    () -> curl(a, "http://127.0.0.1:" + METRICS_PORT + "/metrics").contains("keepalived_up 1"));
            assertThat(status(a, "http://127.0.0.1:9165/metrics")).as("the old address is closed").isEqualTo("000");

            Files.writeString(conf, "prometheus off\n" + vrrp);
            hup(jk);
            await("off closes it", 20_000,
                    () -> status(a, "http://127.0.0.1:" + METRICS_PORT + "/metrics").equals("000"));
            assertThat(Files.readString(log)).contains("Prometheus: serving http://127.0.0.1:9165/metrics",
                    "Prometheus: serving http://127.0.0.1:" + METRICS_PORT + "/metrics").doesNotContain("Exception");
        } finally {
            jk.destroy(); // by its pid: `ip netns exec` execs the launcher's java
            if (!jk.waitFor(20, TimeUnit.SECONDS)) {
                jk.destroyForcibly();
            }
        }
    }

    private static void hup(Process p) {
        Netns.Result r = Netns.runProcess(List.of("kill", "-HUP", Long.toString(p.pid())), 10);
        assertThat(r.exitCode()).as("kill -HUP: %s", r.output()).isZero();
    }

    /** The HTTP status, {@code 000} when nothing answers. */
    private static String status(Node n, String url) {
        return n.ns().run(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", url), 15)
                .output().trim();
    }

    @Test
    void theOperatorKitPassesPromtool() {
        Privileged.require("promtool");
        Path kit = Launcher.repositoryRoot().resolve("nms-integration/prometheus");
        for (List<String> check : List.of(List.of("check", "config", "prometheus.yml"),
                List.of("check", "rules", "jkeepalived.rules.yml"),
                List.of("test", "rules", "jkeepalived.rules.test.yml"))) {
            List<String> cmd = new java.util.ArrayList<>(List.of("promtool"));
            cmd.addAll(check);
            Netns.Result r = runIn(kit, cmd);
            assertThat(r.exitCode()).as("%s: %s", cmd, r.output()).isZero();
            assertThat(r.output()).contains("SUCCESS");
        }
        // The unit test's fixture has every family (LVS included, which the daemon above does not run).
        Path fixture = Launcher.repositoryRoot().resolve("service/src/test/resources/metrics/fixture.prom");
        Netns.Result lint = Netns.runProcess(List.of("sh", "-c", "promtool check metrics < '" + fixture + "'"), 60);
        assertThat(lint.exitCode()).as("promtool check metrics on the fixture: %s", lint.output()).isZero();
        assertThat(lint.output()).isBlank();
    }

    /** The first sample's value of a Prometheus instant-query answer, or null when it has none. */
    private static String value(String json) {
        Matcher m = VALUE.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String curl(Node n, String url) {
        return n.ns().run(List.of("curl", "-s", "--max-time", "5", url), 15).output();
    }

    private static Netns.Result runIn(Path dir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Netns.Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
