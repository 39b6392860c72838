package org.jkeepalived.config.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.manage.ManageFixture.load;
import static org.jkeepalived.config.manage.ManageFixture.management;
import static org.jkeepalived.config.manage.ManageFixture.notes;
import static org.jkeepalived.config.manage.ManageFixture.problems;

import java.net.InetAddress;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.AuthProtocol;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.Community;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.PrivProtocol;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.TrapSink;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The snmp_agent block: its defaults, every form it accepts, and each bad line reported at its place and skipped. */
class SnmpAgentBlockTest {
    private static SnmpAgentConfig snmp(LoadResult r) {
        return management(r).snmpAgent();
    }

    private static SnmpAgentConfig clean(String body) {
        LoadResult r = load("snmp_agent {\n" + body + "\n}\n");
        assertThat(r.diagnostics()).as(body).isEmpty();
        assertThat(r.exitCode()).isZero();
        return snmp(r);
    }

    /** Loads a block whose line 2 is {@code line}: exactly one problem, on line 2, containing {@code message}. */
    private static SnmpAgentConfig rejected(String line, String message) {
        LoadResult r = load("snmp_agent {\n" + line + "\n}\n");
        assertThat(problems(r)).as(line).hasSize(1);
        assertThat(problems(r).get(0)).as(line).startsWith("2: ").contains(message).endsWith("- ignoring");
        assertThat(r.exitCode()).as("a skipped line is a config error -t reports (5)").isEqualTo(5);
        return snmp(r);
    }

    @Test
    void noBlockGivesTheModelDefaults() {
        LoadResult r = load("global_defs {\n router_id r1\n}\n");
        assertThat(management(r)).isEqualTo(ManagementConfig.defaults());
        assertThat(snmp(r).configured()).isFalse();
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void fullBlock() throws Exception {
        SnmpAgentConfig s = clean("""
                listen udp:127.0.0.1:161
                listen UDP6:[::1]:1161
                community public source 10.1.2.3/8
                community ops-rw rw
                user ops auth SHA-256 opspassword priv AES opsprivacy rw
                user reader auth md5 "reader pass"
                trap_sink udp:127.0.0.1:162 community traps
                trap_sink udp6:[::1] user ops inform
                trap_sink udp:192.0.2.7:1162""");
        assertThat(s.listen()).containsExactly("udp:127.0.0.1:161", "udp6:[::1]:1161");
        assertThat(s.communities()).containsExactly(
                new Community("public", new IpPrefix(InetAddress.getByName("10.0.0.0"), 8), false),
                new Community("ops-rw", null, true));
        assertThat(s.users()).containsExactly(
                new User("ops", AuthProtocol.SHA_256, "opspassword", PrivProtocol.AES, "opsprivacy", true),
                new User("reader", AuthProtocol.MD5, "reader pass", null, null, false));
        assertThat(s.trapSinks()).containsExactly(
                new TrapSink("udp:127.0.0.1:162", "traps", null, false),
                new TrapSink("udp6:[::1]:162", null, "ops", true),
                new TrapSink("udp:192.0.2.7:1162", "public", null, false));
        assertThat(s.configured()).isTrue();
    }

    @Test
    void emptyBlockKeepsLoopbackAndTheReadOnlyPublicCommunity() {
        SnmpAgentConfig s = clean("");
        assertThat(s.listen()).containsExactly(SnmpAgentConfig.DEFAULT_LISTEN);
        assertThat(s.communities()).containsExactly(new Community("public", null, false));
        assertThat(s.users()).isEmpty();
        assertThat(s.configured()).isTrue();
    }

    @Test
    void usersWithoutCommunityMeanV3Only() {
        SnmpAgentConfig s = clean("user ops auth SHA opspassword");
        assertThat(s.communities()).isEmpty();
        assertThat(s.users()).extracting(User::name).containsExactly("ops");
    }

    @Test
    void aGivenCommunityReplacesTheDefault() {
        assertThat(clean("community nms source 192.0.2.0/24").communities())
                .containsExactly(new Community("nms", prefix("192.0.2.0/24"), false));
    }

    @Test
    void badCredentialLinesStillRemoveTheDefaultCommunity() {
        // the operator chose credentials; falling back to 'public' would grant what they did not write
        LoadResult r = load("snmp_agent {\nuser ops auth SHA short\n}\n");
        assertThat(snmp(r).communities()).isEmpty();
        assertThat(snmp(r).users()).isEmpty();
        assertThat(notes(r)).containsExactly("1: snmp_agent has no usable community or user: every SNMP request"
                + " will be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:161", "tcp:127.0.0.1:161", "udp:127.0.0.1", "udp:127.0.0.1:0",
        "udp:127.0.0.1:65536", "udp:127.0.0.1:x", "udp:[::1]:161", "udp:::1:161", "udp6:::1:161",
        "udp6:[127.0.0.1]:161", "udp6:[::1]161", "udp:localhost:161", "udp:300.0.0.1:161", "udp:"})
    void malformedListenIsSkipped(String address) {
        SnmpAgentConfig s = rejected("listen " + address, "snmp_agent listen '" + address + "' is invalid");
        assertThat(s.listen()).as("the default stands when no listen line is usable")
                .containsExactly(SnmpAgentConfig.DEFAULT_LISTEN);
    }

    @Test
    void aBadListenLineLeavesTheGoodOnes() {
        LoadResult r = load("snmp_agent {\nlisten udp:127.0.0.1:1161\nlisten udp:127.0.0.1:99999\n}\n");
        assertThat(problems(r)).hasSize(1).allMatch(p -> p.startsWith("3: "));
        assertThat(snmp(r).listen()).containsExactly("udp:127.0.0.1:1161");
    }

    @ParameterizedTest
    @CsvSource({"md5, MD5", "sha, SHA", "Sha-224, SHA_224", "SHA-256, SHA_256", "sha-384, SHA_384",
        "SHA-512, SHA_512", "SHA512, SHA_512"})
    void everyAuthProtocolName(String name, AuthProtocol expected) {
        assertThat(clean("user u auth " + name + " 12345678").users().get(0).auth()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"des, DES", "AES, AES", "aes-128, AES", "AES128, AES", "AES-192, AES_192", "aes-256, AES_256",
        "AES256, AES_256"})
    void everyPrivProtocolName(String name, PrivProtocol expected) {
        assertThat(clean("user u auth SHA 12345678 priv " + name + " 87654321").users().get(0).priv())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user u auth SHA-1 12345678                       | unknown auth protocol 'SHA-1'",
        "user u auth HMAC 12345678                        | unknown auth protocol 'HMAC'",
        "user u auth SHA 12345678 priv 3DES 12345678      | unknown priv protocol '3DES'",
        "user u auth SHA 12345678 priv AES-512 12345678   | unknown priv protocol 'AES-512'",
        "user u auth SHA 1234567                          | auth passphrase is shorter than 8 characters",
        "user u auth SHA 12345678 priv AES 1234567        | priv passphrase is shorter than 8 characters",
        "user u priv AES 12345678                         | has no auth: every SNMPv3 user must authenticate",
        "user u                                           | has no auth",
        "user u auth SHA                                  | auth needs a protocol and a passphrase",
        "user u auth SHA 12345678 auth MD5 12345678       | auth given twice",
        "user u auth SHA 12345678 admin                   | unexpected word after a passphrase",
        "user u rw auth SHA 12345678 admin                | unexpected word after a passphrase",
        "user u write auth SHA 12345678                   | unknown word 'write'",
        "user                                             | snmp_agent user needs a name",
        "user abcdefghijklmnopqrstuvwxyz0123456 auth SHA 12345678 | longer than 32 octets",
    })
    void badUserLineIsSkipped(String line, String message) {
        assertThat(rejected(line, message).users()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "community                               | snmp_agent community needs a community string",
        "community c source                      | source needs an address or prefix",
        "community c source 10.0.0.0/33          | source needs an address or prefix (ADDR[/LEN]), not '10.0.0.0/33'",
        "community c source nms.example          | not 'nms.example'",
        "community c readwrite                   | unknown word 'readwrite'",
    })
    void badCommunityLineIsSkipped(String line, String message) {
        assertThat(rejected(line, message).communities()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "trap_sink                                         | trap_sink needs an address",
        "trap_sink 192.0.2.1:162                           | trap_sink '192.0.2.1:162' is invalid",
        "trap_sink udp:192.0.2.1:162 community             | community needs a value",
        "trap_sink udp:192.0.2.1:162 community a user b    | either community or user",
        "trap_sink udp:192.0.2.1:162 acknowledged          | unknown word 'acknowledged'",
    })
    void badTrapSinkIsSkipped(String line, String message) {
        assertThat(rejected(line, message).trapSinks()).isEmpty();
    }

    @Test
    void trapSinkNamingAnUndefinedUserIsSkipped() {
        LoadResult r = load("""
                snmp_agent {
                    trap_sink udp:192.0.2.1:162 user nobody
                    trap_sink udp:192.0.2.2:162 user ops
                    user ops auth SHA-256 opspassword
                }
                """);
        assertThat(problems(r)).containsExactly("2: snmp_agent trap_sink udp:192.0.2.1:162: user 'nobody' is not"
                + " defined in snmp_agent - ignoring this trap sink");
        assertThat(snmp(r).trapSinks()).as("a user defined after the sink counts")
                .containsExactly(new TrapSink("udp:192.0.2.2:162", null, "ops", false));
    }

    @Test
    void duplicateNamesLaterWinsWithAWarningThatDoesNotQuoteTheCommunity() {
        LoadResult r = load("""
                snmp_agent {
                    community s3cretCommunity
                    user ops auth SHA firstpassword
                    community s3cretCommunity rw source 192.0.2.1
                    user ops auth SHA-512 secondpassword rw
                }
                """);
        assertThat(problems(r)).hasSize(2);
        assertThat(problems(r).get(0)).startsWith("4: WARNING - snmp_agent community already defined at (")
                .endsWith(": Line 2) - this later definition wins").doesNotContain("s3cretCommunity");
        assertThat(problems(r).get(1)).startsWith("5: WARNING - snmp_agent user 'ops' already defined at (")
                .endsWith(": Line 3) - this later definition wins");
        assertThat(snmp(r).communities()).containsExactly(new Community("s3cretCommunity", prefix("192.0.2.1/32"), true));
        assertThat(snmp(r).users()).containsExactly(
                new User("ops", AuthProtocol.SHA_512, "secondpassword", null, null, true));
    }

    @Test
    void theDefaultCommunityOnANetworkAddressIsAWarning() {
        LoadResult r = load("snmp_agent {\nlisten udp:127.0.0.1:161\nlisten udp:0.0.0.0:161\n}\n");
        assertThat(problems(r)).containsExactly("3: WARNING - snmp_agent listens on udp:0.0.0.0:161 with only the"
                + " default read-only community 'public': this exposes management to the network (give a community"
                + " with source, or SNMPv3 users)");
        assertThat(snmp(r).communities()).extracting(Community::name).containsExactly("public");
        assertThat(problems(load("snmp_agent {\nlisten udp:0.0.0.0:161\ncommunity nms source 192.0.2.0/24\n}\n")))
                .as("a chosen community is the operator's decision").isEmpty();
        assertThat(problems(load("snmp_agent {\nlisten udp6:[::1]:161\n}\n"))).isEmpty();
    }

    @Test
    void severalBlocksReadAsOne() {
        LoadResult r = load("snmp_agent {\nlisten udp:127.0.0.1:1161\n}\nsnmp_agent {\ncommunity nms\n}\n");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(snmp(r).listen()).containsExactly("udp:127.0.0.1:1161");
        assertThat(snmp(r).communities()).extracting(Community::name).containsExactly("nms");
    }

    @Test
    void argumentsAfterTheBlockNameAreReported() {
        LoadResult r = load("snmp_agent on {\n}\n");
        assertThat(problems(r)).containsExactly("1: snmp_agent takes no arguments (whether SNMP runs follows"
                + " enable_snmp_* and -x) - ignoring 'on'");
    }

    @Test
    void snmpAgentOffIsReportedAndDoesNotSwallowTheNextBlock() {
        LoadResult r = load("snmp_agent off\njolokia off\n");
        assertThat(problems(r)).containsExactly("1: snmp_agent takes no arguments (whether SNMP runs follows"
                + " enable_snmp_* and -x) - ignoring 'off'");
        assertThat(management(r).jolokia().enabled()).isFalse();
        assertThat(snmp(r).listen()).containsExactly(SnmpAgentConfig.DEFAULT_LISTEN);
    }

    @Test
    void unknownKeywordInsideTheBlockIsTheParsersUsualError() {
        LoadResult r = load("snmp_agent {\nlisten udp:127.0.0.1:161\nport 161\n}\n");
        assertThat(problems(r)).containsExactly("3: Unknown keyword 'port'");
        assertThat(snmp(r).listen()).containsExactly("udp:127.0.0.1:161");
    }

    private static IpPrefix prefix(String s) {
        int slash = s.indexOf('/');
        try {
            return new IpPrefix(InetAddress.getByName(s.substring(0, slash)), Integer.parseInt(s.substring(slash + 1)));
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
