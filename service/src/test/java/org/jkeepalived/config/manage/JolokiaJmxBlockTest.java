package org.jkeepalived.config.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.manage.ManageFixture.load;
import static org.jkeepalived.config.manage.ManageFixture.management;
import static org.jkeepalived.config.manage.ManageFixture.problems;

import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.manage.JmxRemoteConfig;
import org.jkeepalived.config.model.manage.JolokiaConfig;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The jolokia and jmx_remote blocks: defaults, both written forms, the off form, and every refusal. */
class JolokiaJmxBlockTest {
    private static final String VRRP = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    192.0.2.10
                }
            }
            """;

    private static FakeSystemView files() {
        return new FakeSystemView()
                .withFile("/etc/jkeepalived/jolokia-access.xml", 0, 0644, false)
                .withFile("/etc/jkeepalived/jmxremote.password", 0, 0600, false)
                .withFile("/etc/jkeepalived/jmxremote.access", 0, 0644, false);
    }

    private static JolokiaConfig jolokia(String text) {
        return management(load(text, files())).jolokia();
    }

    private static JmxRemoteConfig jmx(String text) {
        return management(load(text, files())).jmxRemote();
    }

    @Test
    void absentBlocksGiveJolokiaOnLoopbackAndNoRemoteJmx() {
        LoadResult r = load(VRRP);
        assertThat(management(r).jolokia()).isEqualTo(JolokiaConfig.defaults());
        assertThat(management(r).jmxRemote()).isEqualTo(JmxRemoteConfig.off());
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void jolokiaFullBlock() {
        LoadResult r = load("""
                jolokia {
                    listen 192.0.2.5:8779
                    user admin
                    password "s3cret pass"
                    policy /etc/jkeepalived/jolokia-access.xml
                }
                """, files());
        assertThat(r.diagnostics()).isEmpty();
        assertThat(management(r).jolokia()).isEqualTo(new JolokiaConfig(true, "192.0.2.5", 8779, "admin",
                "s3cret pass", "/etc/jkeepalived/jolokia-access.xml"));
    }

    @Test
    void jolokiaOneLineFormMeansTheSame() {
        LoadResult r = load("jolokia { listen [::1]:8779  user admin  password secret123"
                + "  policy /etc/jkeepalived/jolokia-access.xml }\n" + VRRP, files());
        assertThat(r.diagnostics()).isEmpty();
        assertThat(management(r).jolokia()).isEqualTo(new JolokiaConfig(true, "::1", 8779, "admin", "secret123",
                "/etc/jkeepalived/jolokia-access.xml"));
        assertThat(r.config().vrrp().instances()).as("the block ends where it should").hasSize(1);
    }

    @Test
    void jolokiaOffAndTheConfigurationAfterIt() {
        LoadResult r = load("jolokia off\n" + VRRP);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(management(r).jolokia()).isEqualTo(JolokiaConfig.off());
        assertThat(r.config().vrrp().instances()).as("'jolokia off' does not swallow the next block").hasSize(1);
        assertThat(management(load("jolokia off # comment\n{\n}\n")).jolokia())
                .as("with its brace on the next line it is still 'off'").isEqualTo(JolokiaConfig.off());
    }

    @Test
    void onlyATopLevelJolokiaOffIsTheBareForm() {
        // inside another block it stays the parser's unknown keyword, and gains no brace
        LoadResult r = load("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n priority 100\n"
                + " jolokia off\n virtual_ipaddress {\n  192.0.2.10\n }\n}\n");
        assertThat(problems(r)).containsExactly("5: Unknown keyword 'jolokia'");
        assertThat(management(r).jolokia()).isEqualTo(JolokiaConfig.defaults());
    }

    @Test
    void blocksGuardedByAConfigIdReachOnlyThatId() {
        // how one file serves keepalived (-t clean) and jkeepalived (-i jk): keepalived's conditional lines
        String text = "@jk jolokia off\n@jk snmp_agent {\n@jk listen udp:127.0.0.1:1161\n@jk }\n" + VRRP;
        LoadResult jk = ConfigFixture.load(text, new FakeSystemView(), "jk");
        assertThat(jk.diagnostics()).isEmpty();
        assertThat(management(jk).jolokia().enabled()).isFalse();
        assertThat(management(jk).snmpAgent().listen()).containsExactly("udp:127.0.0.1:1161");
        LoadResult other = load(text);
        assertThat(other.diagnostics()).isEmpty();
        assertThat(management(other)).isEqualTo(ManagementConfig.defaults());
    }

    @Test
    void theLastJolokiaStatementDecides() {
        assertThat(jolokia("jolokia off\njolokia {\nlisten 127.0.0.1:9999\n}\n").port()).isEqualTo(9999);
        assertThat(jolokia("jolokia {\nlisten 127.0.0.1:9999\n}\njolokia off\n").enabled()).isFalse();
    }

    @Test
    void jolokiaOffWithABlockOrOtherWords() {
        LoadResult r = load("jolokia off {\nlisten 127.0.0.1:9999\n}\n");
        assertThat(problems(r)).containsExactly("1: jolokia off takes no block - its contents are ignored");
        assertThat(management(r).jolokia()).isEqualTo(JolokiaConfig.off());
        LoadResult on = load("jolokia on\n");
        assertThat(problems(on)).containsExactly("1: jolokia: unexpected 'on' (only 'jolokia off' or a block)"
                + " - ignoring the words");
        assertThat(management(on).jolokia()).isEqualTo(JolokiaConfig.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8778", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "::1:8778", "[::1]8778",
        "[127.0.0.1]:8778", "jolokia.example:8778", "127.0.0.1:http"})
    void badJolokiaListenKeepsTheDefault(String address) {
        LoadResult r = load("jolokia {\nlisten " + address + "\n}\n");
        assertThat(problems(r)).containsExactly("2: jolokia listen '" + address + "' is invalid (HOST:PORT or"
                + " [ADDR]:PORT, port 1-65535) - ignoring");
        assertThat(management(r).jolokia()).isEqualTo(JolokiaConfig.defaults());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user admin            | 1: jolokia: user 'admin' given without password - Jolokia stays off",
        "password secret123    | 1: jolokia: password given without user - Jolokia stays off",
    })
    void halfOfTheCredentialsKeepsJolokiaOff(String line, String message) {
        LoadResult r = load("jolokia {\n" + line + "\n}\n");
        assertThat(problems(r)).containsExactly(message);
        assertThat(management(r).jolokia().enabled()).isFalse();
        assertThat(r.diagnostics()).noneMatch(d -> d.message().contains("secret123"));
    }

    @Test
    void jolokiaOnTheNetworkWithoutCredentialsIsAWarning() {
        LoadResult r = load("jolokia {\nlisten 0.0.0.0:8778\n}\n");
        assertThat(problems(r)).containsExactly("2: WARNING - jolokia listens on 0.0.0.0:8778 without user and"
                + " password: this exposes management to the network");
        assertThat(management(r).jolokia().enabled()).as("a warning, not a refusal").isTrue();
        assertThat(problems(load("jolokia {\nlisten 0.0.0.0:8778\nuser a\npassword secret123\n}\n"))).isEmpty();
        assertThat(problems(load("jolokia {\nlisten localhost:8778\n}\n"))).isEmpty();
        assertThat(problems(load("jolokia {\nlisten 127.0.0.2:8778\n}\n"))).isEmpty();
        assertThat(problems(load("jolokia {\nlisten [::1]:8778\n}\n"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/etc/jkeepalived/missing.xml | jolokia policy '/etc/jkeepalived/missing.xml' does not exist",
        "policy.xml                   | jolokia policy 'policy.xml' must be an absolute path",
        "/etc/jkeepalived             | jolokia policy '/etc/jkeepalived' is a directory",
    })
    void anUnusablePolicyFallsBackToTheReadOnlyOne(String file, String message) {
        LoadResult r = load("jolokia {\npolicy " + file + "\n}\n",
                files().withFile("/etc/jkeepalived", 0, 0755, true));
        assertThat(problems(r)).containsExactly("2: " + message + " - using the default read-only policy");
        assertThat(management(r).jolokia()).isEqualTo(JolokiaConfig.defaults());
    }

    @Test
    void jolokiaUnknownOptionAndWordsAfterThePassword() {
        LoadResult r = load("jolokia {\nlisten 127.0.0.1:8778 proxy on\npassword my secret\nuser u\n}\n");
        assertThat(problems(r)).containsExactly(
                "2: jolokia: unknown option 'proxy' (expected listen, user, password, policy) - ignoring the rest of"
                        + " the line",
                "3: jolokia: unexpected word after password (quote a value that contains spaces) - ignoring the rest"
                        + " of the line");
        assertThat(management(r).jolokia().password()).isEqualTo("my");
        assertThat(problems(load("jolokia {\nuser\n}\n"))).containsExactly("2: jolokia user needs a value - ignoring");
    }

    @Test
    void jmxRemoteFullBlockAndTheIssuesOneLineForm() {
        JmxRemoteConfig expected = new JmxRemoteConfig(true, "127.0.0.1", 9011, "/etc/jkeepalived/jmxremote.password",
                "/etc/jkeepalived/jmxremote.access", true);
        LoadResult r = load("""
                jmx_remote {
                    listen 127.0.0.1:9011
                    password_file /etc/jkeepalived/jmxremote.password
                    access_file /etc/jkeepalived/jmxremote.access
                    ssl
                }
                """, files());
        assertThat(r.diagnostics()).isEmpty();
        assertThat(management(r).jmxRemote()).isEqualTo(expected);
        LoadResult one = load("jmx_remote { listen 127.0.0.1:9011  password_file /etc/jkeepalived/jmxremote.password"
                + "  access_file /etc/jkeepalived/jmxremote.access  ssl }\n" + VRRP, files());
        assertThat(one.diagnostics()).isEmpty();
        assertThat(management(one).jmxRemote()).isEqualTo(expected);
        assertThat(one.config().vrrp().instances()).hasSize(1);
    }

    @Test
    void jmxRemoteDefaultsItsListenAddress() {
        assertThat(jmx("jmx_remote {\npassword_file /etc/jkeepalived/jmxremote.password\n"
                + "access_file /etc/jkeepalived/jmxremote.access\n}\n"))
                .isEqualTo(new JmxRemoteConfig(true, "127.0.0.1", 9010, "/etc/jkeepalived/jmxremote.password",
                        "/etc/jkeepalived/jmxremote.access", false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "access_file /etc/jkeepalived/jmxremote.access     | missing password_file",
        "password_file /etc/jkeepalived/jmxremote.password | missing access_file",
        "listen 127.0.0.1:9010                             | missing both",
    })
    void jmxRemoteWithoutBothFilesStaysOff(String line, String missing) {
        LoadResult r = load("jmx_remote {\n" + line + "\n}\n", files());
        assertThat(problems(r)).containsExactly("1: jmx_remote needs both password_file and access_file (remote JMX"
                + " always authenticates); " + missing + " - remote JMX stays off");
        assertThat(management(r).jmxRemote()).isEqualTo(JmxRemoteConfig.off());
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void jmxRemoteWithAMissingFileStaysOff() {
        LoadResult r = load("jmx_remote {\npassword_file /etc/jkeepalived/jmxremote.password\n"
                + "access_file /etc/nope.access\n}\n", files());
        assertThat(problems(r)).containsExactly("3: jmx_remote access_file '/etc/nope.access' does not exist"
                + " - remote JMX stays off");
        assertThat(management(r).jmxRemote().enabled()).isFalse();
    }

    @Test
    void aPasswordFileOthersCanReadIsAWarning() {
        LoadResult r = load("jmx_remote {\npassword_file /etc/jkeepalived/jmxremote.password\n"
                + "access_file /etc/jkeepalived/jmxremote.access\n}\n",
                files().withFile("/etc/jkeepalived/jmxremote.password", 0, 0644, false));
        assertThat(problems(r)).containsExactly("2: WARNING - jmx_remote password_file"
                + " '/etc/jkeepalived/jmxremote.password' is readable or writable by group or others (chmod 600 it)");
        assertThat(management(r).jmxRemote().enabled()).isTrue();
    }

    @Test
    void jmxRemoteBadListenAndOff() {
        LoadResult r = load("jmx_remote {\nlisten 127.0.0.1:70000\npassword_file /etc/jkeepalived/jmxremote.password\n"
                + "access_file /etc/jkeepalived/jmxremote.access\n}\n", files());
        assertThat(problems(r)).containsExactly("2: jmx_remote listen '127.0.0.1:70000' is invalid (HOST:PORT or"
                + " [ADDR]:PORT, port 1-65535) - ignoring");
        assertThat(management(r).jmxRemote().port()).isEqualTo(JmxRemoteConfig.DEFAULT_PORT);
        LoadResult off = load("jmx_remote off\n" + VRRP);
        assertThat(off.diagnostics()).isEmpty();
        assertThat(management(off).jmxRemote()).isEqualTo(JmxRemoteConfig.off());
        assertThat(off.config().vrrp().instances()).hasSize(1);
    }

    @Test
    void jmxRemoteOnTheNetworkIsNotWarnedAboutItAlwaysAuthenticates() {
        assertThat(problems(load("jmx_remote {\nlisten 0.0.0.0:9010\npassword_file /etc/jkeepalived/jmxremote.password\n"
                + "access_file /etc/jkeepalived/jmxremote.access\n}\n", files()))).isEmpty();
    }
}
