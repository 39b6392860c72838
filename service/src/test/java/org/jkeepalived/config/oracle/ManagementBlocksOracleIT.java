package org.jkeepalived.config.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * What keepalived 2.2.7 makes of our management blocks, recorded: it has no such keywords, so {@code -t}
 * reports every line of them as unknown (the block's brace as "Unexpected '{' - ignoring", its closing
 * brace as "Unknown keyword '}'"), reads the contents at the top level, and exits 5 (errors it would run
 * despite); the daemon runs without them. jkeepalived accepts the same file cleanly (exit 0). The verdicts
 * differ by design, so these configurations stay out of {@link ConfigOracleIT}'s same-verdict corpus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementBlocksOracleIT {
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
        ns = Netns.create("jka-mgmt").withInterfaces("eth0");
    }

    @AfterAll
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
    }

    private static Path secretFile(Path dir, String name) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "monitorRole readonly\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    void keepalivedReportsEveryLineAsUnknownAndExits5WhileWeAcceptThem(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, """
                snmp_agent {
                    listen udp:127.0.0.1:161
                    community public source 127.0.0.0/8
                    user ops auth SHA-256 opspassword priv AES opsprivacy rw
                    trap_sink udp:127.0.0.1:162 user ops inform
                }
                jolokia {
                    listen 127.0.0.1:8778
                    user admin
                    password secret123
                    policy %s
                }
                jmx_remote { listen 127.0.0.1:9010  password_file %s  access_file %s  ssl }
                """.formatted(secretFile(dir, "policy.xml"), secretFile(dir, "jmx.password"),
                secretFile(dir, "jmx.access")) + VRRP);
        Netns.Result k = ns.run(List.of("keepalived", "-t", "-f", conf.toString()), 120);
        Netns.Result ours = ns.run(List.of(launcher.toString(), "-t", "-f", conf.toString()), 120);

        assertThat(k.exitCode()).as("keepalived -t: %s", k.output()).isEqualTo(5);
        assertThat(k.output()).contains(
                "(Line 1) Unknown keyword 'snmp_agent'",
                "(Line 1) Unexpected '{' - ignoring",
                "(Line 2) Unknown keyword 'listen'",
                "(Line 3) Unknown keyword 'community'",
                "(Line 4) Unknown keyword 'user'",
                "(Line 5) Unknown keyword 'trap_sink'",
                "(Line 6) Unknown keyword '}'",
                "(Line 7) Unknown keyword 'jolokia'",
                "(Line 10) Unknown keyword 'password'",
                "(Line 11) Unknown keyword 'policy'",
                "(Line 13) Unknown keyword 'jmx_remote'",
                "(Line 13) Unknown keyword 'listen'",
                "(Line 13) Unknown keyword '}'");
        assertThat(ours.exitCode()).as("jkeepalived -t: %s", ours.output()).isZero();
        assertThat(ours.output()).doesNotContain("Unknown keyword", "secret123", "opspassword", "opsprivacy");
    }

    @Test
    void jolokiaOffIsOneUnknownKeywordForKeepalived(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "jolokia off\n" + VRRP);
        Netns.Result k = ns.run(List.of("keepalived", "-t", "-f", conf.toString()), 120);
        Netns.Result ours = ns.run(List.of(launcher.toString(), "-t", "-f", conf.toString()), 120);
        assertThat(k.exitCode()).as("keepalived -t: %s", k.output()).isEqualTo(5);
        assertThat(k.output()).contains("(Line 1) Unknown keyword 'jolokia'").doesNotContain("Line 2)");
        assertThat(ours.exitCode()).as("jkeepalived -t: %s", ours.output()).isZero();
    }

    // The prometheus block (the /metrics endpoint), recorded the same way.

    @Test
    void keepalivedReportsThePrometheusBlockAsUnknownAndExits5WhileWeAcceptIt(@TempDir Path dir) throws Exception {
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
    void aBadPrometheusListenMakesOurDashTExit5WithTheLine(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "prometheus {\n    listen 127.0.0.1:99999\n}\n" + VRRP);
        Netns.Result ours = ns.run(List.of(launcher.toString(), "-t", "-f", conf.toString()), 120);
        assertThat(ours.exitCode()).as("jkeepalived -t: %s", ours.output()).isEqualTo(5);
        assertThat(ours.output()).contains("Line 2) prometheus listen '127.0.0.1:99999' is invalid"
                + " (HOST:PORT or [ADDR]:PORT, port 1-65535) - ignoring").doesNotContain("Exception");
    }
}
