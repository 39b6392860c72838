package org.jkeepalived.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.lvs.LvsTestSupport.assertClean;
import static org.jkeepalived.config.lvs.LvsTestSupport.ip;
import static org.jkeepalived.config.lvs.LvsTestSupport.load;
import static org.jkeepalived.config.lvs.LvsTestSupport.onlyRs;
import static org.jkeepalived.config.lvs.LvsTestSupport.onlyVs;

import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.lvs.Forwarding;
import org.jkeepalived.config.model.lvs.Forwarding.Method;
import org.jkeepalived.config.model.lvs.IpFamily;
import org.jkeepalived.config.model.lvs.LvsConfig;
import org.jkeepalived.config.model.lvs.Protocol;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.SchedulerFlag;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.junit.jupiter.api.Test;

/** virtual_server and real_server values and defaults (checked against keepalived 2.2.7 -d). */
class VirtualServerModelTest {

    @Test
    void emptyConfigHasNoLvs() {
        LvsConfig lvs = load("").config().lvs();
        assertThat(lvs.virtualServers()).isEmpty();
        assertThat(lvs.virtualServerGroups()).isEmpty();
        assertThat(lvs.ssl()).isNull();
    }

    @Test
    void sampleServiceWithDefaults() {
        LoadResult r = load("""
                virtual_server 10.10.10.2 1358 {
                    delay_loop 6
                    lb_algo rr
                    lb_kind NAT
                    persistence_timeout 50
                    protocol TCP
                    sorry_server 192.168.200.200 1358
                    real_server 192.168.200.2 1358 {
                        weight 1
                    }
                }
                """);
        assertClean(r);
        VirtualServer vs = onlyVs(r);
        assertThat(vs.target()).isEqualTo(new ServiceTarget.Address(ip("10.10.10.2"), 1358));
        assertThat(vs.family()).isEqualTo(IpFamily.INET);
        assertThat(vs.protocol()).isEqualTo(Protocol.TCP);
        assertThat(vs.lvsSched()).isEqualTo("rr");
        assertThat(vs.lvsMethod()).isEqualTo(Forwarding.NAT);
        assertThat(vs.persistenceTimeoutSeconds()).isEqualTo(50);
        assertThat(vs.delayLoopMicros()).isEqualTo(6_000_000L);
        assertThat(vs.quorum()).isEqualTo(1);
        assertThat(vs.hysteresis()).isZero();
        assertThat(vs.weight()).isEqualTo(1);
        assertThat(vs.smtpAlert()).isFalse();
        assertThat(vs.alpha()).isFalse();
        assertThat(vs.omega()).isFalse();
        assertThat(vs.sorryServer()).isEqualTo(new VirtualServer.SorryServer(ip("192.168.200.200"), 1358,
                Forwarding.NAT, false));
        RealServer rs = vs.realServers().get(0);
        assertThat(rs.address()).isEqualTo(ip("192.168.200.2"));
        assertThat(rs.port()).isEqualTo(1358);
        assertThat(rs.weight()).isEqualTo(1);
        assertThat(rs.lvsMethod()).isEqualTo(Forwarding.NAT);
        // keepalived keeps real servers' smtp_alert on by default, unlike services.
        assertThat(rs.smtpAlert()).isTrue();
        assertThat(rs.checkers()).isEmpty();
    }

    @Test
    void realServerInheritsFromVirtualServer() {
        LoadResult r = load("""
                virtual_server 10.0.0.1 80 {
                    lvs_sched wrr
                    lvs_method DR
                    protocol UDP
                    weight 7
                    alpha
                    inhibit_on_failure
                    virtualhost www.example.com
                    smtp_alert on
                    real_server 10.0.1.1 {
                    }
                    real_server 10.0.1.2 80 {
                        weight 0
                        alpha off
                        inhibit_on_failure no
                        smtp_alert false
                        lvs_method NAT
                        uthreshold 100
                        lthreshold 10
                        snmp_name rs2
                    }
                }
                """);
        assertClean(r);
        VirtualServer vs = onlyVs(r);
        assertThat(vs.smtpAlert()).isTrue();
        RealServer a = vs.realServers().get(0);
        assertThat(a.port()).as("a DR server without a port takes the service's").isEqualTo(80);
        assertThat(a.weight()).isEqualTo(7);
        assertThat(a.alpha()).isTrue();
        assertThat(a.inhibitOnFailure()).isTrue();
        assertThat(a.lvsMethod().method()).isEqualTo(Method.DR);
        RealServer b = vs.realServers().get(1);
        assertThat(b.weight()).isZero();
        assertThat(b.alpha()).isFalse();
        assertThat(b.inhibitOnFailure()).isFalse();
        assertThat(b.smtpAlert()).isFalse();
        assertThat(b.lvsMethod().method()).isEqualTo(Method.NAT);
        assertThat(b.uthreshold()).isEqualTo(100);
        assertThat(b.lthreshold()).isEqualTo(10);
        assertThat(b.snmpName()).isEqualTo("rs2");
    }

    @Test
    void schedulerFlagsTunnelAndPersistence() {
        LoadResult r = load("""
                virtual_server fwmark 3 {
                    lvs_sched sh
                    sh-port
                    sh-fallback
                    flag-3
                    lvs_method TUN type gue port 6080 csum
                    persistence_timeout
                    persistence_engine sip
                    quorum_up "/usr/local/bin/up arg"
                    quorum_down /usr/local/bin/down
                    real_server 2001:db8::1 {
                    }
                }
                """);
        assertClean(r);
        VirtualServer vs = onlyVs(r);
        assertThat(vs.target()).isEqualTo(new ServiceTarget.Fwmark(3));
        assertThat(vs.protocol()).as("fwmark services have no protocol").isNull();
        assertThat(vs.family()).as("taken from the all-tunnelled servers").isEqualTo(IpFamily.INET6);
        assertThat(vs.schedulerFlags()).containsExactly(SchedulerFlag.FLAG_3, SchedulerFlag.SH_PORT,
                SchedulerFlag.SH_FALLBACK);
        assertThat(vs.lvsMethod()).isEqualTo(new Forwarding(Method.TUN, Forwarding.TunnelType.GUE, 6080,
                Forwarding.TunnelChecksum.CSUM));
        assertThat(vs.persistenceTimeoutSeconds()).isEqualTo(360);
        assertThat(vs.persistenceEngine()).isEqualTo("sip");
        assertThat(vs.quorumUp().argv()).containsExactly("/usr/local/bin/up", "arg");
        assertThat(vs.quorumDown().program()).isEqualTo("/usr/local/bin/down");
        assertThat(onlyRs(r).port()).as("non-NAT fwmark servers have no port").isZero();
    }

    @Test
    void granularityMakesTheServicePersistent() {
        VirtualServer v4 = onlyVs(load(LvsTestSupport.service("  persistence_granularity 255.255.255.0", "")));
        assertThat(v4.persistenceGranularity().netmask()).isEqualTo(ip("255.255.255.0"));
        assertThat(v4.persistenceTimeoutSeconds()).isEqualTo(360);
        // inet_aton forms are accepted, as keepalived's numeric getaddrinfo does
        VirtualServer short4 = onlyVs(load(LvsTestSupport.service("  persistence_granularity 64", "")));
        assertThat(short4.persistenceGranularity().netmask()).isEqualTo(ip("0.0.0.64"));
        LoadResult r6 = load("""
                virtual_server 2001:db8::1 80 {
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    persistence_granularity 64
                    real_server 2001:db8::2 80 {
                    }
                }
                """);
        assertClean(r6);
        assertThat(onlyVs(r6).persistenceGranularity().prefixLength()).isEqualTo(64);
    }

    @Test
    void smtpAlertDefaultsFollowGlobalSettings() {
        // Without global_defs both default as keepalived does: services off, servers on.
        LoadResult r = load(LvsTestSupport.service("", ""));
        assertThat(onlyVs(r).smtpAlert()).isFalse();
        assertThat(onlyRs(r).smtpAlert()).isTrue();
    }
}
