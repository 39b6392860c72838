package org.jkeepalived.ipvs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.model.lvs.LvsConfig;
import org.jkeepalived.config.model.lvs.SchedulerFlag;
import org.jkeepalived.config.model.lvs.VirtualServerGroup;
import org.jkeepalived.ipvs.kernel.IpvsService;
import org.junit.jupiter.api.Test;

class KernelServicesTest {

    private static LvsConfig lvs(String text) {
        return ConfigFixture.load(text).config().lvs();
    }

    private static List<String> keys(LvsConfig lvs) {
        Map<String, VirtualServerGroup> groups = new java.util.HashMap<>();
        lvs.virtualServerGroups().forEach(g -> groups.put(g.name(), g));
        return lvs.virtualServers().stream().flatMap(vs -> KernelServices.of(vs, groups).stream())
                .map(s -> s.key().toString()).toList();
    }

    @Test
    void groupRangesExpandToOneServicePerAddressIncludingIpv6() {
        assertThat(keys(lvs("""
                virtual_server_group G {
                  10.0.0.254-10.0.1.1 80
                  2001:db8::fffe-2001:db8::1:0 443
                  fwmark 5 inet6
                }
                virtual_server group G {
                  protocol TCP
                  lb_kind TUN
                  real_server 10.1.0.1 80 {
                  }
                }
                """))).containsExactly("TCP  10.0.0.254:80", "TCP  10.0.0.255:80", "TCP  10.0.1.0:80",
                "TCP  10.0.1.1:80", "TCP  [2001:db8::fffe]:443", "TCP  [2001:db8::ffff]:443", "TCP  [2001:db8::1:0]:443",
                "FWM  5 IPv6");
    }

    @Test
    void schedulerFlagsAreTheKernelsBits() {
        assertThat(KernelServices.flags(List.of(SchedulerFlag.SH_PORT, SchedulerFlag.SH_FALLBACK,
                SchedulerFlag.ONE_PACKET))).isEqualTo(IpvsService.SH_PORT | IpvsService.SH_FALLBACK
                | IpvsService.ONE_PACKET);
        assertThat(KernelServices.flags(List.of(SchedulerFlag.FLAG_3))).isEqualTo(IpvsService.SCHED3);
    }

    @Test
    void persistenceCarriesTimeoutGranularityAndEngine() {
        LvsConfig c = lvs("""
                virtual_server 10.0.0.1 5060 {
                  protocol UDP
                  persistence_timeout 120
                  persistence_granularity 255.255.0.0
                  persistence_engine sip
                  real_server 10.1.0.1 5060 {
                  }
                }
                """);
        IpvsService s = KernelServices.of(c.virtualServers().get(0), Map.of()).get(0);
        assertThat(s.persistent()).isTrue();
        assertThat(s.timeoutSeconds()).isEqualTo(120);
        assertThat(s.netmaskPrefixLength()).isEqualTo(16);
        assertThat(s.persistenceEngine()).isEqualTo("sip");
    }

    @Test
    void expandHandlesAByteCarry() throws Exception {
        assertThat(KernelServices.expand(InetAddress.getByName("10.0.0.255"), InetAddress.getByName("10.0.1.0")))
                .extracting(InetAddress::getHostAddress).containsExactly("10.0.0.255", "10.0.1.0");
    }
}
