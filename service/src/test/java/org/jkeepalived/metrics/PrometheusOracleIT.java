package org.jkeepalived.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keepalived 2.2.7 makes of the {@code prometheus} block, recorded as ManagementBlocksOracleIT records the
 * other management blocks: an unknown keyword per line (the brace "Unexpected '{' - ignoring", the closing brace
 * "Unknown keyword '}'"), exit 5, and the daemon would run without it. {@code prometheus off} is one unknown
 * keyword. jkeepalived accepts both files cleanly (exit 0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusOracleIT {
    private static final String VRRP = """
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 51
                priority 100
                advert_int 1
                virtual_ipaddress {
                    192.168.200.16
                }
            }
            """;

    private Netns ns;
    private Path launcher;

    @BeforeAll
    void setUp() {
        Privileged.require("keepalived", "ip");
        launcher = Launcher.launcher();
        ns = Netns.create("jkprom-ora").withInterfaces("eth0");
    }

    @AfterAll
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void keepalivedReportsTheBlockAsUnknownAndExits5WhileWeAcceptIt(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, """
                prometheus {
                    listen 127.0.0.1:9165
                }
                prometheus { listen [::1]:9166 }
                """ + VRRP);
        Netns.Result k = ns.run(List.of("keepalived", "-t", "-f", conf.toString()), 120);
        Netns.Result ours = ns.run(List.of(launcher.toString(), "-t", "-f", conf.toString()), 120);

        assertThat(k.exitCode()).as("keepalived -t: %s", k.output()).isEqualTo(5);
        assertThat(k.output()).contains(
                "(Line 1) Unknown keyword 'prometheus'",
                "(Line 1) Unexpected '{' - ignoring",
                "(Line 2) Unknown keyword 'listen'",
                "(Line 3) Unknown keyword '}'",
                "(Line 4) Unknown keyword 'prometheus'",
                "(Line 4) Unknown keyword 'listen'",
                "(Line 4) Unknown keyword '}'");
        assertThat(ours.exitCode()).as("jkeepalived -t: %s", ours.output()).isZero();
        assertThat(ours.output()).doesNotContain("Unknown keyword");
    }

    @Test
    void prometheusOffIsOneUnknownKeywordForKeepalived(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "prometheus off\n" + VRRP);
        Netns.Result k = ns.run(List.of("keepalived", "-t", "-f", conf.toString()), 120);
        Netns.Result ours = ns.run(List.of(launcher.toString(), "-t", "-f", conf.toString()), 120);
        assertThat(k.exitCode()).as("keepalived -t: %s", k.output()).isEqualTo(5);
        assertThat(k.output()).contains("(Line 1) Unknown keyword 'prometheus'").doesNotContain("Line 2)");
        assertThat(ours.exitCode()).as("jkeepalived -t: %s", ours.output()).isZero();
    }

    @Test
    void aBadListenMakesOurDashTExit5WithTheLine(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "prometheus {\n    listen 127.0.0.1:99999\n}\n" + VRRP);
        Netns.Result ours = ns.run(List.of(launcher.toString(), "-t", "-f", conf.toString()), 120);
        assertThat(ours.exitCode()).as("jkeepalived -t: %s", ours.output()).isEqualTo(5);
        assertThat(ours.output()).contains("Line 2) prometheus listen '127.0.0.1:99999' is invalid"
                + " (HOST:PORT or [ADDR]:PORT, port 1-65535) - ignoring").doesNotContain("Exception");
    }
}
