package org.jkeepalived.config.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.manage.ManageFixture.load;
import static org.jkeepalived.config.manage.ManageFixture.management;
import static org.jkeepalived.config.manage.ManageFixture.notes;
import static org.jkeepalived.config.manage.ManageFixture.problems;

import java.util.List;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.ModelJson;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay out of diagnostics, the model's toString and the -d JSON dump; a configuration with every
 * block is clean for -t; keepalived's snmp_socket is noted as ignored.
 */
class ManagementSecretsTest {
    private static final List<String> SECRETS = List.of("AuthPass-7f3a", "PrivPass-91bc", "JoloPass-55de",
            "short7x", "TrapCommunity-2b", "RwCommunity-c4");

    private static final String FULL = """
            global_defs {
                router_id r1
                enable_snmp_vrrp
                enable_traps
            }
            snmp_agent {
                listen udp:127.0.0.1:161
                listen udp6:[::1]:161
                community public source 127.0.0.0/8
                community RwCommunity-c4 source 127.0.0.1 rw
                user ops auth SHA-256 AuthPass-7f3a priv AES-256 PrivPass-91bc rw
                trap_sink udp:127.0.0.1:162 community TrapCommunity-2b
                trap_sink udp:127.0.0.1:1162 user ops inform
            }
            jolokia {
                listen 127.0.0.1:8778
                user admin
                password JoloPass-55de
                policy /etc/jkeepalived/jolokia-access.xml
            }
            jmx_remote {
                listen 127.0.0.1:9010
                password_file /etc/jkeepalived/jmxremote.password
                access_file /etc/jkeepalived/jmxremote.access
                ssl
            }
            """;

    private static FakeSystemView files() {
        return new FakeSystemView()
                .withFile("/etc/jkeepalived/jolokia-access.xml", 0, 0644, false)
                .withFile("/etc/jkeepalived/jmxremote.password", 0, 0600, false)
                .withFile("/etc/jkeepalived/jmxremote.access", 0, 0644, false);
    }

    @Test
    void aFullConfigurationIsCleanForConfigTest() {
        LoadResult r = load(FULL, files());
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.exitCode()).isZero();
        ManagementConfig m = management(r);
        assertThat(m.snmpAgent().users()).hasSize(1);
        assertThat(m.jolokia().user()).isEqualTo("admin");
        assertThat(m.jmxRemote().enabled()).isTrue();
    }

    @Test
    void toStringAndTheJsonDumpHideThePassphrasesAndPasswords() {
        ManagementConfig m = management(load(FULL, files()));
        String json = ModelJson.write(m);
        for (String secret : SECRETS) {
            assertThat(json).as("JSON dump").doesNotContain(secret);
        }
        assertThat(json).contains("\"authPassphrase\": \"********\"", "\"privPassphrase\": \"********\"",
                "\"password\": \"********\"", "\"user\": \"admin\"", "\"passwordFile\": \"/etc/jkeepalived/jmxremote.password\"");
        // The model's own toString hides passphrases and the Jolokia password (community strings are
        // printed by the model's Community/TrapSink records: see docs/management.md).
        for (String secret : List.of("AuthPass-7f3a", "PrivPass-91bc", "JoloPass-55de")) {
            assertThat(m.toString()).doesNotContain(secret);
        }
    }

    @Test
    void noDiagnosticQuotesASecret() {
        LoadResult r = load("""
                snmp_agent {
                    listen udp:0.0.0.0:161
                    community RwCommunity-c4 rw
                    community RwCommunity-c4 bogus
                    community RwCommunity-c4 source 127.0.0.1
                    user ops auth SHA short7x
                    user ops auth SHA-256 AuthPass-7f3a priv AES short7x
                    user ops auth SHA-256 AuthPass-7f3a priv AES PrivPass-91bc JoloPass-55de
                    user ops auth SHA-256 AuthPass-7f3a priv AES PrivPass-91bc
                    user ops auth SHA-256 AuthPass-7f3a priv AES PrivPass-91bc
                    trap_sink udp:127.0.0.1:162 community TrapCommunity-2b user ops
                }
                jolokia {
                    listen 0.0.0.0:8778
                    password JoloPass-55de AuthPass-7f3a
                }
                """);
        assertThat(problems(r)).hasSizeGreaterThanOrEqualTo(7);
        for (Diagnostic d : r.diagnostics()) {
            for (String secret : SECRETS) {
                assertThat(d.message()).doesNotContain(secret);
            }
        }
    }

    @Test
    void snmpSocketIsNotedAsIgnoredOnce() {
        LoadResult r = load("global_defs {\n snmp_socket tcp:localhost:705\n}\nglobal_defs {\n snmp_socket udp:x:1\n}\n");
        assertThat(notes(r)).containsExactly("2: snmp_socket tcp:localhost:705 ignored: jkeepalived serves SNMP itself"
                + " (see snmp_agent)");
        assertThat(problems(r)).as("keepalived's own check of a second socket stays")
                .containsExactly("5: SNMP socket already set to tcp:localhost:705 - ignoring");
        assertThat(r.exitCode()).isEqualTo(5);
        LoadResult one = load("global_defs {\n snmp_socket tcp:localhost:705\n}\n");
        assertThat(one.exitCode()).as("a note does not change -t's verdict").isZero();
    }
}
