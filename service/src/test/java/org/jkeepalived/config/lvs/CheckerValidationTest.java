package org.jkeepalived.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.lvs.LvsTestSupport.assertClean;
import static org.jkeepalived.config.lvs.LvsTestSupport.assertError;
import static org.jkeepalived.config.lvs.LvsTestSupport.load;
import static org.jkeepalived.config.lvs.LvsTestSupport.onlyRs;
import static org.jkeepalived.config.lvs.LvsTestSupport.service;

import java.util.stream.Stream;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.lvs.HttpGetCheck;
import org.jkeepalived.config.model.lvs.TcpCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checker checks, each verified with keepalived 2.2.7 -t (exit 5, and 0 for the correct variants). */
class CheckerValidationTest {

    static Stream<Arguments> checkerErrors() {
        return Stream.of(
                Arguments.of("TCP_CHECK", "connect_ip 10.0.1.300", "Invalid connect_ip address 10.0.1.300 - ignoring"),
                Arguments.of("TCP_CHECK", "connect_port 0", "Invalid checker connect_port '0'"),
                Arguments.of("TCP_CHECK", "bindto x", "Invalid bindto address x - ignoring"),
                Arguments.of("TCP_CHECK", "bind_port 70000", "Invalid checker bind_port '70000'"),
                Arguments.of("TCP_CHECK", "bind_if 12345678901234567890",
                        "Interface name 12345678901234567890 is too long"),
                Arguments.of("TCP_CHECK", "connect_timeout 0", "connect_timeout 0 invalid - ignoring"),
                Arguments.of("TCP_CHECK", "fwmark -1", "Invalid fwmark connection value '-1'"),
                Arguments.of("TCP_CHECK", "retry -1", "Invalid retry connection value '-1'"),
                Arguments.of("TCP_CHECK", "delay_before_retry x", "Invalid delay_before_retry connection value 'x'"),
                Arguments.of("TCP_CHECK", "warmup -1", "Invalid warmup connection value '-1'"),
                Arguments.of("TCP_CHECK", "delay_loop 0", "delay_loop '0' is invalid - ignoring"),
                Arguments.of("TCP_CHECK", "alpha maybe", "Invalid alpha parameter maybe"),
                Arguments.of("TCP_CHECK", "log_all_failures maybe", "Invalid log_all_failures parameter maybe"),
                Arguments.of("TCP_CHECK", "bindto 10.0.0.1\nconnect_ip fe80::1",
                        "connect_ip address fe80::1 does not match address family of bindto - skipping"),
                Arguments.of("TCP_CHECK", "connect_ip fe80::1\nbind_if eth0\nbindto 10.0.0.1",
                        "bindto address 10.0.0.1 does not match address family of connect_ip - skipping"),
                Arguments.of("TCP_CHECK", "connect_ip fe80::1",
                        "Checker link local address fe80::1 requires a bind_if"),
                Arguments.of("HTTP_GET", "", "HTTP/SSL_GET checker has no urls specified - ignoring"),
                Arguments.of("HTTP_GET", "url {\ndigest ff20ad2481f97b1754ef3e12ecd3a9cc\n}",
                        "HTTP/SSL_GET checker url has no path - ignoring"),
                Arguments.of("HTTP_GET", "virtualhost\nurl {\npath /\n}", "HTTP_GET virtualhost name missing"),
                Arguments.of("HTTP_GET", "http_protocol 2.0\nurl {\npath /\n}", "Invalid http_protocol version 2.0"),
                Arguments.of("HTTP_GET", "enable_sni maybe\nurl {\npath /\n}", "Invalid enable_sni parameter maybe"),
                Arguments.of("HTTP_GET", "fast_recovery maybe\nurl {\npath /\n}",
                        "Invalid fast_recovery parameter maybe"),
                Arguments.of("HTTP_GET", "nb_get_retry 3\nurl {\npath /\n}",
                        "nb_get_retry is deprecated - please use 'retry'"),
                Arguments.of("HTTP_GET", "url {\npath /\ndigest ff20ad\n}",
                        "digest 'ff20ad' character length should be 32 rather than 6"),
                Arguments.of("HTTP_GET", "url {\npath /\ndigest zz20ad2481f97b1754ef3e12ecd3a9cc\n}",
                        "Unable to interpret hex digit in 'zz20ad2481f97b1754ef3e12ecd3a9cc' at offset 0/1"),
                Arguments.of("HTTP_GET", "url {\npath /\ndigest ff20ad2481f97b1754ef3e12ecd3a9cc\n"
                        + "digest ff20ad2481f97b1754ef3e12ecd3a9cc\n}", "is a duplicate"),
                Arguments.of("HTTP_GET", "url {\npath /\nstatus_code 99\n}", "Invalid HTTP_GET status code '99'"),
                Arguments.of("HTTP_GET", "url {\npath /\nstatus_code 600\n}", "Invalid HTTP_GET status code '600'"),
                Arguments.of("HTTP_GET", "url {\npath /\nstatus_code 200-100\n}",
                        "Invalid HTTP_GET status code '200-100'"),
                Arguments.of("HTTP_GET", "url {\npath /\nstatus_code 200-\n}", "Invalid HTTP_GET status code '200-'"),
                Arguments.of("HTTP_GET", "url {\npath /\nvirtualhost\n}", "Missing HTTP_GET virtualhost name"),
                Arguments.of("SMTP_CHECK", "helo_name", "SMTP_CHECK helo name missing"),
                Arguments.of("SMTP_CHECK", "host {\nconnect_ip fe80::1\n}",
                        "Checker link local address fe80::1 requires a bind_if"),
                Arguments.of("DNS_CHECK", "type FOO", "Unknown DNS check type FOO - ignoring"),
                Arguments.of("DNS_CHECK", "name a..b", "DNS_CHECK name 'a..b' has empty label - ignoring"),
                Arguments.of("DNS_CHECK", "name .a", "DNS_CHECK name '.a' has empty label - ignoring"),
                Arguments.of("DNS_CHECK", "name a.example.com", "DNS_CHECK name 'a.example.com' has empty label"),
                Arguments.of("UDP_CHECK", "payload zz", "Invalid hex string for UDP_CHECK payload"),
                Arguments.of("UDP_CHECK", "payload 0x12", "Invalid hex string for UDP_CHECK payload"),
                Arguments.of("UDP_CHECK", "payload", "UDP_CHECK payload requires a payload"),
                Arguments.of("UDP_CHECK", "require_reply qq", "Invalid hex string for UDP_CHECK reply"),
                Arguments.of("UDP_CHECK", "min_reply_length -1",
                        "UDP_CHECK min length -1 not valid - must be between 0 & 65535"),
                Arguments.of("UDP_CHECK", "max_reply_length 70000", "UDP_CHECK max length 70000 not valid"),
                Arguments.of("UDP_CHECK", "min_reply_length 5\nmax_reply_length 3",
                        "UDP_CHECK min_reply length 5 > max_reply_length 3 - will always fail"),
                Arguments.of("PING_CHECK", "foo", "Unknown keyword 'foo'"),
                Arguments.of("MISC_CHECK", "", "No script path has been specified for MISC_CHECKER - skipping"),
                Arguments.of("MISC_CHECK", "misc_path",
                        "No script path has been specified for MISC_CHECKER - skipping"),
                Arguments.of("MISC_CHECK", "misc_path /x/y\nmisc_timeout x", "Invalid misc_timeout value 'x'"),
                Arguments.of("MISC_CHECK", "misc_path /x/y\nuser nosuchuser",
                        "Failed to set uid/gid for misc checker script /x/y - removing"),
                Arguments.of("MISC_CHECK", "misc_path /x/y\nconnect_ip 10.0.0.1", "Unknown keyword 'connect_ip'"),
                Arguments.of("MISC_CHECK", "misc_path /x/y\nconnect_timeout 3", "Unknown keyword 'connect_timeout'"),
                Arguments.of("FILE_CHECK", "", "FILE_CHECK has no track_file specified - ignoring"),
                Arguments.of("FILE_CHECK", "track_file nope", "track_file nope not found"),
                Arguments.of("FILE_CHECK", "weight 2 backwards",
                        "unknown track file weight option backwards - ignoring"),
                Arguments.of("FILE_CHECK", "weight 3000000000",
                        "weight for track file must be in [-2147483647..2147483647] inclusive. Ignoring..."),
                Arguments.of("BFD_CHECK", "name b1", "([10.0.1.1]:tcp:80) BFD_CHECK - BFD b1 not configured"),
                Arguments.of("BFD_CHECK", "",
                        "([10.0.1.1]:tcp:80) No name has been specified for BFD_CHECKER - skipping"));
    }

    @ParameterizedTest
    @MethodSource("checkerErrors")
    void checkerChecks(String kind, String body, String message) {
        assertError(load(service("", kind + " {\n" + body + "\n}")), message);
    }

    @Test
    void droppedCheckersLeaveTheRealServer() {
        LoadResult r = load(service("", "TCP_CHECK {\nconnect_ip fe80::1\n}\nHTTP_GET {\n}\nTCP_CHECK {\n}"));
        assertThat(onlyRs(r).checkers()).hasSize(1).first().isInstanceOf(TcpCheck.class);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void regexProblemsAreOnlyLogged() {
        // keepalived 2.2.7 logs these with log_message: -t still exits 0.
        LoadResult r = load(service("", "HTTP_GET {\nurl {\npath /\nregex_no_match\nregex_options foo\n"
                + "regex_min_offset x\nregex_max_offset 5\nregex_stack 5\n}\n}"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.diagnostics()).anyMatch(d -> d.severity() == Severity.NOTE
                && d.message().equals("regex parameters specified without regex"));
        assertThat(((HttpGetCheck) onlyRs(r).checkers().get(0)).http().urls().get(0).regex()).isNull();
    }

    @Test
    void correctVariantsAreClean() {
        assertClean(load(service("", "TCP_CHECK {\nretry 0\ndelay_before_retry 0\nwarmup 0\n}")));
        assertClean(load(service("", "TCP_CHECK {\nconnect_ip fe80::1\nbind_if eth0\n}")));
        assertClean(load(service("",
                "HTTP_GET {\nhttp_protocol 1.0c\nurl {\npath /\nstatus_code 100 599 200-299\n}\n}")));
        assertClean(load(service("", "DNS_CHECK {\nname .\n}\nDNS_CHECK {\nname ab.\n}\nDNS_CHECK {\nname x\n}")));
        assertClean(load(service("", "DNS_CHECK {\ntype txt\nname aa.b\n}")));
        assertClean(load(service("", "UDP_CHECK {\npayload Ab12f 3\nrequire_reply 0x1 Xx\nmin_reply_length 0\n}")));
        assertClean(load(service("",
                "MISC_CHECK {\nmisc_path /x/y\nmisc_timeout 0\nmisc_dynamic\nuser nobody nogroup\n}")));
        assertClean(load(service("", "SMTP_CHECK {\nhelo_name foo\nhost {\nconnect_ip 10.0.0.5\n}\n}")));
    }

    @Test
    void misc_userMustExist() {
        LoadResult r = load(service("", "MISC_CHECK {\nmisc_path /x/y\nuser alice\n}"),
                new FakeSystemView().withUser("alice"));
        assertClean(r);
        assertThat(onlyRs(r).checkers()).hasSize(1);
    }
}
