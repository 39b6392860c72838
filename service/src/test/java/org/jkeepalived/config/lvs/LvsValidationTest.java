package org.jkeepalived.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.lvs.LvsTestSupport.assertClean;
import static org.jkeepalived.config.lvs.LvsTestSupport.assertError;
import static org.jkeepalived.config.lvs.LvsTestSupport.load;
import static org.jkeepalived.config.lvs.LvsTestSupport.onlyRs;
import static org.jkeepalived.config.lvs.LvsTestSupport.onlyVs;
import static org.jkeepalived.config.lvs.LvsTestSupport.service;

import java.util.stream.Stream;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.lvs.Protocol;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keepalived's load-time checks of virtual and real servers. Each case was run through keepalived 2.2.7
 * {@code -t} in a namespace: it reports the same problem and exits 5 (and the corrected config exits 0).
 */
class LvsValidationTest {

    static Stream<Arguments> serviceErrors() {
        return Stream.of(
                Arguments.of("virtual_server 10.0.0.300 80 {\n real_server 10.0.1.1 80 {\n }\n}\n",
                        "Invalid virtual server IP address/port 10.0.0.300/80 - skipping"),
                Arguments.of("virtual_server 10.0.0.1 70000 {\n real_server 10.0.1.1 80 {\n }\n}\n",
                        "Invalid virtual server IP address/port 10.0.0.1/70000 - skipping"),
                Arguments.of("virtual_server fe80::1%eth0 80 {\n real_server fe80::2 80 {\n }\n}\n",
                        "Invalid virtual server IP address/port fe80::1%eth0/80 - skipping"),
                Arguments.of("virtual_server fwmark abc {\n real_server 10.0.1.1 80 {\n }\n}\n",
                        "virtual server fwmark 'abc' must be in"),
                Arguments.of("virtual_server fwmark 0 {\n real_server 10.0.1.1 80 {\n }\n}\n",
                        "virtual server fwmark '0' must be in"),
                Arguments.of("virtual_server 10.0.0.1 80 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n}\n",
                        "Virtual server [10.0.0.1]:tcp:80 has no real servers - ignoring"),
                Arguments.of("virtual_server fwmark 1 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n"
                        + " real_server 10.0.1.1 80 {\n }\n}\n",
                        "Warning: Virtual server FWM 1: protocol specified for fwmark - protocol will be ignored"),
                Arguments.of("virtual_server fwmark 1 {\n lvs_sched rr\n lvs_method NAT\n ha_suspend\n"
                        + " real_server 10.0.1.1 80 {\n }\n}\n",
                        "Virtual server FWM 1: cannot use ha_suspend with fwmarks - clearing ha_suspend"),
                Arguments.of("virtual_server 10.0.0.1 {\n lvs_sched rr\n lvs_method NAT\n real_server 10.0.1.1 80 {\n }\n}\n",
                        "Virtual server [10.0.0.1]:none:0: no protocol set - defaulting to UDP"),
                Arguments.of("virtual_server 10.0.0.1 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n"
                        + " real_server 10.0.1.1 80 {\n }\n}\n",
                        "Virtual server [10.0.0.1]:tcp:0: zero port only valid for persistent services - setting"),
                Arguments.of("virtual_server 10.0.0.1 80 {\n lvs_method NAT\n protocol TCP\n real_server 10.0.1.1 80 {\n }\n}\n",
                        "Virtual server [10.0.0.1]:tcp:80: no scheduler set, setting default 'wlc'"),
                Arguments.of("virtual_server 10.0.0.1 80 {\n lvs_sched rr\n protocol TCP\n real_server 10.0.1.1 80 {\n }\n}\n",
                        "Virtual server [10.0.0.1]:tcp:80: no forwarding method set, setting default NAT"),
                Arguments.of(service("  ops", ""), "one packet scheduling requires UDP - resetting"),
                Arguments.of(service("  lvs_sched foo", ""), "Invalid lvs_scheduler 'foo' - ignoring"),
                Arguments.of(service("  hashed", ""), "hashed only applies to sh scheduler - ignoring"),
                Arguments.of(service("  sh-port\n  lvs_sched sh", ""),
                        "sh-port only applies to sh scheduler - ignoring"),
                Arguments.of(service("  protocol ICMP", ""), "Unknown protocol ICMP - ignoring"),
                Arguments.of(service("  ip_family inet6", ""),
                        "Virtual server specified family inet6 conflicts with server family"),
                Arguments.of(service("  ip_family foo", ""), "unknown address family foo"),
                Arguments.of(service("  persistence_timeout 0", ""), "persistence_timeout invalid"),
                Arguments.of(service("  persistence_timeout 2678401", ""), "persistence_timeout invalid"),
                Arguments.of(service("  persistence_granularity 300.0.0.0", ""),
                        "Invalid IPv4 persistence_granularity specified - 300.0.0.0"),
                Arguments.of(service("  persistence_engine abcdefghijklmnopqrstuvwxyz", ""),
                        "persistence_name too long, truncating"),
                Arguments.of(service("  connect_timeout 0", ""), "virtual server connect_timeout 0 invalid - ignoring"),
                Arguments.of(service("  delay_loop x", ""), "virtual server delay loop 'x' invalid - ignoring"),
                Arguments.of(service("  delay_before_retry -1", ""), "virtual server delay before retry '-1' invalid"),
                Arguments.of(service("  warmup -2", ""), "virtual server warmup '-2' invalid - ignoring"),
                Arguments.of(service("  retry 0", ""), "retry value invalid - 0"),
                Arguments.of(service("  delay_loop 1e3", ""), "invalid timer value '1e3'"),
                Arguments.of(service("  delay_loop 0.0000001", ""), "virtual server delay loop '0.0000001' invalid"),
                Arguments.of(service("  smtp_alert maybe", ""), "Invalid virtual_server smtp_alert parameter maybe"),
                Arguments.of(service("  virtualhost", ""), "virtual server virtualhost missing"),
                Arguments.of(service("  snmp_name a b", ""), "virtual server snmp_name missing or extra parameters"),
                Arguments.of(service("  quorum_up /x/up1\n  quorum_up /x/up2", ""),
                        "quorum_up script already specified"),
                Arguments.of(service("  quorum 0", ""), "Quorum 0 must be in [1, 4294967295]. Setting to 1."),
                Arguments.of(service("  hysteresis -1", ""), "Hysteresis -1 must be in [0, 4294967295] - ignoring"),
                Arguments.of(service("  weight 0", ""), "Virtual server weight 0 is outside range 1-2147483647"),
                Arguments.of(service("  quorum 5", ""),
                        "Warning - quorum 5 for [10.0.0.1]:tcp:80 exceeds total weight of real servers 1, reducing quorum to 1"),
                Arguments.of(service("  hysteresis 1", ""),
                        "Virtual server [10.0.0.1]:tcp:80: hysteresis 1 >= quorum 1; setting hysteresis to 0"),
                Arguments.of(service("  sorry_server_inhibit", ""),
                        "Ignoring sorry_server inhibit used before or without sorry_server"),
                Arguments.of(service("  sorry_server_lvs_method DR", ""),
                        "sorry_server forwarding used without sorry_server"),
                Arguments.of(service("  sorry_server 10.0.1.300 80", ""),
                        "Invalid sorry server IP address 10.0.1.300 - skipping"),
                Arguments.of(service("  sorry_server fe80::5 80", ""),
                        "Address family of virtual server and sorry server fe80::5 don't match - skipping sorry server."),
                Arguments.of(service("  sorry_server 10.0.1.1 80\n  sorry_server_inhibit", ""),
                        "real server [10.0.1.1]:tcp:80 matches sorry server, but inhibit setting differs, clearing on sorry server"),
                Arguments.of(service("  lvs_method FOO", ""),
                        "PARSER : unknown [FOO] routing method for virtual server."),
                Arguments.of(service("  lvs_method TUN type", ""), "Missing tunnel type for virtual server."),
                Arguments.of(service("  lvs_method TUN type foo", ""), "Unknown tunnel type foo for virtual server."),
                Arguments.of(service("  lvs_method TUN type gue", ""),
                        "gue tunnels require port, otherwise cannot have port."),
                Arguments.of(service("  lvs_method TUN type gue port 0", ""),
                        "Invalid gue tunnel port 0 for virtual server."),
                Arguments.of(service("  lvs_method TUN type gue port", ""),
                        "Missing port for virtual server gue tunnel."),
                Arguments.of(service("  lvs_method TUN type ipip csum", ""),
                        "ipip tunnels do not support checksum option."),
                Arguments.of(service("  lvs_method TUN type gre remcsum", ""),
                        "gre tunnels do not support remote checksum option."),
                Arguments.of(service("  lvs_method TUN bogus", ""), "Invalid tunnel option bogus for virtual server."),
                Arguments.of("virtual_server fwmark 1 {\n lvs_sched rr\n lvs_method DR\n real_server 10.0.1.1 80 {\n }\n}\n",
                        "WARNING - fwmark virtual server FWM 1, real server [10.0.1.1]:none:80 has port specified - clearing"),
                Arguments.of("virtual_server 10.0.0.1 80 {\n lvs_sched rr\n lvs_method DR\n protocol TCP\n"
                        + " real_server 10.0.1.1 82 {\n }\n}\n",
                        "WARNING - virtual server [10.0.0.1]:tcp:80 and real server [10.0.1.1]:tcp:82 ports don't match - resetting"),
                Arguments.of("virtual_server 10.0.0.1 80 {\n lvs_sched rr\n lvs_method DR\n protocol TCP\n"
                        + " sorry_server 10.0.0.9 81\n real_server 10.0.1.1 80 {\n }\n}\n",
                        "WARNING - virtual server [10.0.0.1]:tcp:80 and sorry server ports don't match - resetting"));
    }

    @ParameterizedTest
    @MethodSource("serviceErrors")
    void serviceChecks(String config, String message) {
        assertError(load(config), message);
    }

    static Stream<Arguments> realServerErrors() {
        return Stream.of(
                Arguments.of("real_server 10.0.1.300 80", "",
                        "Invalid real server ip address/port 10.0.1.300/80 - skipping"),
                Arguments.of("real_server 10.0.1.1 99999", "",
                        "Invalid real server ip address/port 10.0.1.1/99999 - skipping"),
                Arguments.of("real_server fe80::1 80", "",
                        "Address family of virtual server and real server fe80::1 don't match - skipping real server."),
                Arguments.of("real_server 10.0.1.1 80", "weight 0x10", "invalid number '0x10'"),
                Arguments.of("real_server 10.0.1.1 80", "weight -1",
                        "Real server weight -1 is outside range 0-2147483647"),
                Arguments.of("real_server 10.0.1.1 80", "uthreshold x",
                        "Invalid real_server uthreshold 'x' - ignoring"),
                Arguments.of("real_server 10.0.1.1 80", "lthreshold -1",
                        "Invalid real_server lthreshold '-1' - ignoring"),
                Arguments.of("real_server 10.0.1.1 80", "inhibit_on_failure maybe",
                        "Invalid inhibit_on_failure parameter maybe"),
                Arguments.of("real_server 10.0.1.1 80", "alpha maybe", "Invalid alpha parameter maybe"),
                Arguments.of("real_server 10.0.1.1 80", "smtp_alert maybe",
                        "Invalid real_server smtp_alert parameter maybe"),
                Arguments.of("real_server 10.0.1.1 80", "connect_timeout 0",
                        "real server connect_timeout 0 invalid - ignoring"),
                Arguments.of("real_server 10.0.1.1 80", "delay_loop 0",
                        "real server delay_loop '0' invalid - ignoring"),
                Arguments.of("real_server 10.0.1.1 80", "delay_before_retry -1",
                        "real server delay_before_retry '-1' invalid"),
                Arguments.of("real_server 10.0.1.1 80", "warmup x", "real server warmup 'x' invalid - ignoring"),
                Arguments.of("real_server 10.0.1.1 80", "retry 0", "retry value invalid - 0"),
                Arguments.of("real_server 10.0.1.1 80", "notify_up /x/a\nnotify_up /x/b",
                        "notify_up script already specified"),
                Arguments.of("real_server 10.0.1.1 80", "virtualhost", "real server virtualhost missing"),
                Arguments.of("real_server 10.0.1.1 80", "snmp_name",
                        "real server snmp_name missing or extra parameters"),
                Arguments.of("real_server 10.0.1.1 80", "lvs_method FOO",
                        "PARSER : unknown [FOO] routing method for real server."),
                Arguments.of("real_server 10.0.1.1 80", "lb_kind NAT", "Unknown keyword 'lb_kind'"));
    }

    @ParameterizedTest
    @MethodSource("realServerErrors")
    void realServerChecks(String header, String body, String message) {
        String config = "virtual_server 10.0.0.1 80 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n"
                + " real_server 10.0.1.9 80 {\n }\n " + header + " {\n" + body + "\n }\n}\n";
        assertError(load(config), message);
    }

    @Test
    void duplicateRealServerIsRemoved() {
        LoadResult r = load(service("  real_server 10.0.1.1 80 {\n  }", ""));
        assertError(r, "VS [10.0.0.1]:tcp:80: real server [10.0.1.1]:tcp:80 is duplicated - removing second rs");
        assertThat(onlyVs(r).realServers()).hasSize(1);
    }

    @Test
    void correctedValuesAreTheOnesKeepalivedUses() {
        LoadResult r = load("virtual_server 10.0.0.1 {\n real_server 10.0.1.1 {\n weight 0\n }\n}\n");
        VirtualServer vs = onlyVs(r);
        assertThat(vs.protocol()).isEqualTo(Protocol.UDP);
        assertThat(vs.persistenceTimeoutSeconds()).isEqualTo(360);
        assertThat(vs.lvsSched()).isEqualTo("wlc");
        assertThat(vs.quorum()).isZero();
        assertThat(vs.hysteresis()).as("keepalived wraps to 4294967295; we keep 0").isZero();
        assertThat(onlyRs(r).port()).isZero();
    }

    @Test
    void invalidServiceIsDroppedAndOthersKept() {
        LoadResult r = load("virtual_server 10.0.0.300 80 {\n real_server 10.0.1.1 80 {\n }\n}\n" + service("", ""));
        assertThat(r.config().lvs().virtualServers()).hasSize(1);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    /** The correct variants of the checks above give no diagnostics (keepalived -t exits 0 for each). */
    @Test
    void correctVariantsAreClean() {
        assertClean(load(service("", "")));
        assertClean(load(service("  lvs_sched sh\n  sh-port\n  sh-fallback\n  flag-1", "")));
        assertClean(load(service("  lvs_sched mh\n  mh-port\n  mh-fallback\n  sh-port", "")));
        assertClean(load(service("  lvs_sched twos", "")));
        assertClean(load(service("  protocol tcp", "")));
        assertClean(load(service("  persistence_timeout 2678400", "")));
        assertClean(load(service("  delay_loop 1.\n  connect_timeout 4294.967295\n  warmup .5", "weight 010")));
        // beyond a long in microseconds, but within keepalived's range: kept as the largest value
        LoadResult huge = load(service("  delay_loop 9300000000000", ""));
        assertClean(huge);
        assertThat(onlyVs(huge).delayLoopMicros()).isEqualTo(Long.MAX_VALUE);
        assertClean(load(service("  lvs_method TUN type gue port 6080 csum", "")));
        assertClean(load(service("  lvs_method TUN type gre csum", "")));
        assertClean(load(service("  lvs_method NAT type gue port 5", "")));
        assertClean(load(service("  quorum 1\n  hysteresis 0\n  weight 2147483647", "weight 2147483647")));
        assertClean(load(service("  inhibit_on_failure maybe\n  alpha\n  omega", "")));
        assertClean(load(service("  sorry_server 10.0.1.1 80", "")));
        assertClean(load("virtual_server 10.0.0.1 80 {\n lvs_sched rr\n lvs_method NAT\n protocol UDP\n ops\n"
                + " real_server 10.0.1.1 {\n }\n}\n"));
        assertClean(load("virtual_server 10.0.0.1 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n"
                + " persistence_timeout\n real_server 10.0.1.1 80 {\n }\n}\n"));
        assertClean(load("virtual_server fwmark 4294967295 {\n lvs_sched rr\n lvs_method NAT\n"
                + " real_server 10.0.1.1 80 {\n }\n}\n"));
        assertClean(load("virtual_server 10.0.0.1 80 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n"
                + " real_server 2001:db8::1 80 {\n  lvs_method TUN\n }\n}\n"));
    }

    @Test
    void undefinedGroupIsOnlyLoggedAndTheServiceDropped() {
        LoadResult r = load("virtual_server group NOPE {\n real_server 10.0.1.1 80 {\n }\n}\n");
        assertThat(r.exitCode()).isZero();
        assertThat(r.config().lvs().virtualServers()).isEmpty();
        assertThat(r.diagnostics()).anyMatch(d -> d.message().contains(
                "Virtual server group NOPE specified but not configured - ignoring virtual server [NOPE]:0"));
    }
}
