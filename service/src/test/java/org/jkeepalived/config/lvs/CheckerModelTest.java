package org.jkeepalived.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.lvs.LvsTestSupport.assertClean;
import static org.jkeepalived.config.lvs.LvsTestSupport.ip;
import static org.jkeepalived.config.lvs.LvsTestSupport.load;
import static org.jkeepalived.config.lvs.LvsTestSupport.onlyRs;
import static org.jkeepalived.config.lvs.LvsTestSupport.service;

import java.util.List;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.DnsCheck;
import org.jkeepalived.config.model.lvs.HttpGetCheck;
import org.jkeepalived.config.model.lvs.HttpRequest;
import org.jkeepalived.config.model.lvs.HttpRequest.StatusRange;
import org.jkeepalived.config.model.lvs.MiscCheck;
import org.jkeepalived.config.model.lvs.PingCheck;
import org.jkeepalived.config.model.lvs.SmtpCheck;
import org.jkeepalived.config.model.lvs.SslGetCheck;
import org.jkeepalived.config.model.lvs.TcpCheck;
import org.jkeepalived.config.model.lvs.UdpCheck;
import org.junit.jupiter.api.Test;

/**
 * Checker settings and their defaults. Every default here was read from keepalived 2.2.7's -d dump:
 * delay_loop 60 s, warmup = delay_loop, connect_timeout 5 s, retry 1 (DNS 3, MISC 0),
 * delay_before_retry 1 s (HTTP/SSL 3 s, DNS = delay_loop).
 */
class CheckerModelTest {
    private static final long S = 1_000_000L;

    private static List<Checker> checkers(String rsBody) {
        LoadResult r = load(service("", rsBody));
        assertClean(r);
        return onlyRs(r).checkers();
    }

    @Test
    void perKindDefaults() {
        List<Checker> cs = checkers("""
                TCP_CHECK {
                }
                HTTP_GET {
                  url {
                    path /
                  }
                }
                SSL_GET {
                  url {
                    path /
                  }
                }
                SMTP_CHECK {
                }
                DNS_CHECK {
                }
                UDP_CHECK {
                }
                PING_CHECK {
                }
                MISC_CHECK {
                  misc_path /usr/local/bin/check
                }
                """);
        assertThat(cs).hasSize(8);
        CheckerTiming one = new CheckerTiming(60 * S, 60 * S, 1, S, false, false);
        assertThat(((TcpCheck) cs.get(0)).timing()).isEqualTo(one);
        assertThat(((HttpGetCheck) cs.get(1)).timing()).isEqualTo(new CheckerTiming(60 * S, 60 * S, 1, 3 * S, false,
                false));
        assertThat(((SslGetCheck) cs.get(2)).timing().delayBeforeRetryMicros()).isEqualTo(3 * S);
        assertThat(((SmtpCheck) cs.get(3)).timing()).isEqualTo(one);
        assertThat(((DnsCheck) cs.get(4)).timing()).isEqualTo(new CheckerTiming(60 * S, 60 * S, 3, 60 * S, false,
                false));
        assertThat(((UdpCheck) cs.get(5)).timing()).isEqualTo(one);
        assertThat(((PingCheck) cs.get(6)).timing()).isEqualTo(one);
        assertThat(((MiscCheck) cs.get(7)).timing()).isEqualTo(new CheckerTiming(60 * S, 60 * S, 0, S, false, false));

        CheckerConnection conn = ((TcpCheck) cs.get(0)).connection();
        assertThat(conn).isEqualTo(new CheckerConnection(ip("10.0.1.1"), 80, null, 0, null, 0, 5 * S));

        HttpRequest http = ((HttpGetCheck) cs.get(1)).http();
        assertThat(http.httpProtocol()).isEqualTo(HttpRequest.HttpProtocol.HTTP_1_0);
        assertThat(http.urls().get(0).statusCodes()).containsExactly(new StatusRange(200, 299));
        assertThat(http.urls().get(0).digest()).isNull();
        assertThat(((SmtpCheck) cs.get(3)).heloName()).isEqualTo("smtpchecker.keepalived.org");
        assertThat(((DnsCheck) cs.get(4)).type()).isEqualTo("SOA");
        assertThat(((DnsCheck) cs.get(4)).name()).isEqualTo(".");
        UdpCheck udp = (UdpCheck) cs.get(5);
        assertThat(udp.payload()).isNull();
        assertThat(udp.requireReply()).isFalse();
        assertThat(udp.minReplyLength()).isZero();
        assertThat(udp.maxReplyLength()).isEqualTo(255);
        MiscCheck misc = (MiscCheck) cs.get(7);
        assertThat(misc.miscTimeoutMicros()).as("the service's delay loop").isEqualTo(60 * S);
        assertThat(misc.miscDynamic()).isFalse();
    }

    @Test
    void timingIsInheritedCheckerRealServerVirtualServer() {
        LoadResult r = load("""
                virtual_server 10.0.0.1 80 {
                  lvs_sched rr
                  lvs_method NAT
                  protocol TCP
                  delay_loop 10
                  retry 4
                  warmup 2
                  connect_timeout 7
                  alpha
                  real_server 10.0.1.1 {
                    delay_before_retry 8
                    TCP_CHECK {
                      connect_port 81
                      bindto 10.0.0.1
                      bind_port 5000
                      bind_if eth0
                      fwmark 9
                    }
                    HTTP_GET {
                      alpha off
                      url {
                        path /
                      }
                    }
                    DNS_CHECK {
                      retry 0
                    }
                  }
                  real_server 10.0.1.2 80 {
                    connect_timeout 3
                    delay_loop 20
                    alpha no
                    SSL_GET {
                      warmup 0
                      log_all_failures
                      url {
                        path /
                      }
                    }
                  }
                }
                """);
        assertClean(r);
        List<Checker> a = r.config().lvs().virtualServers().get(0).realServers().get(0).checkers();
        TcpCheck tcp = (TcpCheck) a.get(0);
        assertThat(tcp.timing()).isEqualTo(new CheckerTiming(10 * S, 2 * S, 4, 8 * S, true, false));
        assertThat(tcp.connection()).isEqualTo(new CheckerConnection(ip("10.0.1.1"), 81, ip("10.0.0.1"), 5000,
                "eth0", 9, 7 * S));
        HttpGetCheck http = (HttpGetCheck) a.get(1);
        assertThat(http.timing().alpha()).isFalse();
        assertThat(http.connection().connectPort()).as("the real server's port as written (none)").isZero();
        DnsCheck dns = (DnsCheck) a.get(2);
        assertThat(dns.timing().retry()).isZero();
        assertThat(dns.timing().delayBeforeRetryMicros()).isEqualTo(8 * S);

        SslGetCheck ssl = (SslGetCheck) r.config().lvs().virtualServers().get(0).realServers().get(1).checkers().get(0);
        assertThat(ssl.timing()).isEqualTo(new CheckerTiming(20 * S, 0, 4, 3 * S, false, true));
        assertThat(ssl.connection().connectTimeoutMicros()).isEqualTo(3 * S);
        assertThat(ssl.connection().connectPort()).isEqualTo(80);
    }

    @Test
    void httpUrlsAndVirtualhostChain() {
        LoadResult r = load("""
                virtual_server 10.0.0.1 80 {
                  lvs_sched rr
                  lvs_method NAT
                  protocol TCP
                  virtualhost vs.example
                  real_server 10.0.1.1 80 {
                    SSL_GET {
                      nb_get_retry 2
                      http_protocol 1.0C
                      fast_recovery
                      enable_sni
                      sni_name sni.example
                      tls_compliant
                      url {
                        path /a
                        digest FF20AD2481F97B1754EF3E12ECD3A9CC
                        status_code 200-299 400-499 503
                        virtualhost url.example
                      }
                      url {
                        path /b
                        regex "ok.*"
                        regex_no_match
                        regex_options caseless multiline
                        regex_min_offset 1
                        regex_max_offset 100
                        regex_stack 100 200
                      }
                    }
                  }
                }
                """);
        SslGetCheck c = (SslGetCheck) onlyRs(r).checkers().get(0);
        assertThat(c.timing().retry()).isEqualTo(2);
        HttpRequest h = c.http();
        assertThat(h.httpProtocol()).isEqualTo(HttpRequest.HttpProtocol.HTTP_1_0C);
        assertThat(h.fastRecovery()).isTrue();
        assertThat(h.enableSni()).isTrue();
        assertThat(h.sniName()).isEqualTo("sni.example");
        assertThat(h.tlsCompliant()).isTrue();
        assertThat(h.virtualhost()).as("from the virtual server").isEqualTo("vs.example");
        HttpRequest.Url a = h.urls().get(0);
        assertThat(a.digest()).isEqualTo("ff20ad2481f97b1754ef3e12ecd3a9cc");
        assertThat(a.statusCodes()).containsExactly(new StatusRange(200, 299), new StatusRange(400, 499),
                new StatusRange(503, 503));
        assertThat(a.virtualhost()).isEqualTo("url.example");
        HttpRequest.Url b = h.urls().get(1);
        assertThat(b.virtualhost()).isEqualTo("vs.example");
        assertThat(b.regex()).isEqualTo(new HttpRequest.Regex("ok.*", true, List.of("caseless", "multiline"), 1, 100L,
                100, 200));
        // nb_get_retry is still honoured but keepalived reports it as deprecated (exit 5)
        LvsTestSupport.assertError(r, "nb_get_retry is deprecated - please use 'retry'");
    }

    @Test
    void smtpHostBlocksBecomeCheckersOfTheirOwn() {
        List<Checker> cs = checkers("""
                SMTP_CHECK {
                  connect_timeout 10
                  retry 2
                  helo_name "foo.bar.com"
                  host {
                    connect_ip 172.16.1.12
                    bindto 172.16.1.2
                  }
                  host {
                    connect_ip 64.233.167.100
                    connect_port 587
                    connect_timeout 4
                  }
                }
                SMTP_CHECK {
                  host {
                    connect_ip 10.0.0.7
                  }
                }
                """);
        // the block itself (it sets connect_timeout), its two hosts, and the second block's only host
        assertThat(cs).hasSize(4).allMatch(c -> c instanceof SmtpCheck);
        SmtpCheck main = (SmtpCheck) cs.get(0);
        SmtpCheck h1 = (SmtpCheck) cs.get(1);
        SmtpCheck h2 = (SmtpCheck) cs.get(2);
        SmtpCheck other = (SmtpCheck) cs.get(3);
        assertThat(main.connection()).isEqualTo(new CheckerConnection(ip("10.0.1.1"), 80, null, 0, null, 0, 10 * S));
        assertThat(h1.connection()).isEqualTo(new CheckerConnection(ip("172.16.1.12"), 80, ip("172.16.1.2"), 0, null, 0,
                10 * S));
        assertThat(h2.connection().connectPort()).isEqualTo(587);
        assertThat(h2.connection().connectTimeoutMicros()).isEqualTo(4 * S);
        assertThat(h1.heloName()).isEqualTo("foo.bar.com");
        assertThat(h2.timing().retry()).isEqualTo(2);
        assertThat(other.connection().connectIp()).isEqualTo(ip("10.0.0.7"));
        assertThat(other.connection().connectTimeoutMicros()).isEqualTo(5 * S);
    }

    @Test
    void dnsUdpAndMisc() {
        List<Checker> cs = checkers("""
                DNS_CHECK {
                  type aaaa
                  name www.example.com
                }
                UDP_CHECK {
                  payload Ab12f 3 456 546443123
                  require_reply 0x1 Xx
                  min_reply_length 3
                  max_reply_length 100
                }
                UDP_CHECK {
                  require_reply
                }
                MISC_CHECK {
                  misc_path "/usr/local/bin/check 'a b' c"
                  misc_timeout 7
                  misc_dynamic
                  user nobody
                  retry 2
                }
                """);
        DnsCheck dns = (DnsCheck) cs.get(0);
        assertThat(dns.type()).isEqualTo("AAAA");
        assertThat(dns.name()).isEqualTo("www.example.com");
        UdpCheck udp = (UdpCheck) cs.get(1);
        // keepalived's free-form hex: pairs of digits, a lone last digit is a byte of its own
        assertThat(udp.payload()).isEqualTo("ab120f03450654644312" + "03");
        assertThat(udp.requireReply()).isTrue();
        assertThat(udp.replyData()).isEqualTo("000100");
        assertThat(udp.replyMask()).isEqualTo("f0ff00");
        assertThat(udp.minReplyLength()).isEqualTo(3);
        assertThat(udp.maxReplyLength()).isEqualTo(100);
        UdpCheck anyReply = (UdpCheck) cs.get(2);
        assertThat(anyReply.requireReply()).isTrue();
        assertThat(anyReply.replyData()).isNull();
        MiscCheck misc = (MiscCheck) cs.get(3);
        assertThat(misc.miscPath().argv()).containsExactly("/usr/local/bin/check", "a b", "c");
        assertThat(misc.miscPath().user()).isEqualTo("nobody");
        assertThat(misc.miscTimeoutMicros()).isEqualTo(7 * S);
        assertThat(misc.miscDynamic()).isTrue();
        assertThat(misc.timing().retry()).isEqualTo(2);
    }

    @Test
    void miscScriptIsRegisteredForScriptSecurity() {
        LoadResult r = load(service("", """
                MISC_CHECK {
                  misc_path /bin/true
                }
                """), new org.jkeepalived.config.FakeSystemView().withProgram("/bin/true", "/bin/true"));
        assertThat(r.exitCode()).as("a script without enable_script_security").isEqualTo(6);
    }
}
