package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.config.vrrp.VrrpConf;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.junit.jupiter.api.Test;

/** From the config model to {@link EngineInstance}s (no I/O: the source address is given in the config). */
class LinuxVrrpEngineTest {
    static final List<Link> LINKS = List.of(new Link(7, "eth0", Link.IFF_UP | Link.IFF_RUNNING, new byte[6]));
    private final List<String> log = new ArrayList<>();

    private Optional<EngineInstance> instance(String body) {
        LoadResult r = VrrpConf.load(VrrpConf.inst("mcast_src_ip 10.0.0.2\n" + body));
        VrrpInstance in = VrrpConf.only(r);
        return Optional.of(LinuxVrrpEngine.instance(in, r.config().global().vrrp(), LINKS, Set.of(), NONE));
    }

    static final LinuxVrrpEngine.PrimaryAddresses NONE = (ifName, family, vips) -> null;

    @Test
    void multicastV2InstanceOnAKnownInterface() {
        EngineInstance e = instance("priority 150").orElseThrow();
        assertThat(e.ifIndex()).isEqualTo(7);
        assertThat(e.ifName()).isEqualTo("eth0");
        assertThat(e.group()).isEqualTo(Vrrp.addr("224.0.0.18"));
        assertThat(e.checksumMode()).isEqualTo(V3ChecksumMode.PSEUDO_HEADER);
        assertThat(e.settings().primaryAddress()).isEqualTo(Vrrp.addr("10.0.0.2"));
        assertThat(e.settings().basePriority()).isEqualTo(150);
    }

    @Test
    void unicastInstanceHasNoGroup() {
        EngineInstance e = instance("unicast_peer {\n  10.0.0.3\n}").orElseThrow();
        assertThat(e.group()).isNull();
        assertThat(e.settings().unicastPeers()).extracting(p -> p.address()).containsExactly(Vrrp.addr("10.0.0.3"));
    }

    @Test
    void aMissingInterfaceMakesTheInstanceUnusable() {
        LoadResult r = VrrpConf.load(VrrpConf.inst("mcast_src_ip 10.0.0.2"));
        EngineInstance e = LinuxVrrpEngine.instance(VrrpConf.only(r), r.config().global().vrrp(), List.of(),
                Set.of(), NONE);
        assertThat(e.usable()).isFalse();
        assertThat(e.unusable()).isEqualTo("interface eth0 doesn't exist");
        assertThat(e.ifIndex()).isZero();
    }

    @Test
    void anInterfaceWithoutAnIpv4AddressMakesTheInstanceUnusableWithKeepalivedsReason() {
        LoadResult r = VrrpConf.load(VrrpConf.inst("priority 100"));
        EngineInstance e = LinuxVrrpEngine.instance(VrrpConf.only(r), r.config().global().vrrp(), LINKS, Set.of(),
                NONE);
        assertThat(e.unusable()).isEqualTo("no IPv4 address for interface");
        assertThat(e.ifIndex()).isEqualTo(7);
        assertThat(e.settings().primaryAddress()).isEqualTo(Vrrp.addr("0.0.0.0"));
        EngineInstance found = LinuxVrrpEngine.instance(VrrpConf.only(r), r.config().global().vrrp(), LINKS,
                Set.of(), (ifName, family, vips) -> Vrrp.addr("10.0.0.9"));
        assertThat(found.usable()).isTrue();
        assertThat(found.settings().primaryAddress()).isEqualTo(Vrrp.addr("10.0.0.9"));
        assertThat(found.key()).isEqualTo(e.key());
    }

    @Test
    void thePrimaryAddressIsTheKernelsFirstNonSecondaryNonVipAddress() {
        int secondary = org.jkeepalived.netlink.NetlinkCodec.IFA_F_SECONDARY;
        List<org.jkeepalived.netlink.InterfaceAddress> kernel = List.of(
                new org.jkeepalived.netlink.InterfaceAddress(3, Vrrp.addr("10.0.1.1"), 24, 0, 0, null),
                new org.jkeepalived.netlink.InterfaceAddress(7, Vrrp.addr("10.0.0.100"), 24, 0, 0, null),
                new org.jkeepalived.netlink.InterfaceAddress(7, Vrrp.addr("10.0.0.5"), 24, secondary, 0, null),
                new org.jkeepalived.netlink.InterfaceAddress(7, Vrrp.addr("192.168.9.2"), 24, 0, 0, null),
                new org.jkeepalived.netlink.InterfaceAddress(7, Vrrp.addr("2001:db8::2"), 64, 0, 0, null),
                new org.jkeepalived.netlink.InterfaceAddress(7, Vrrp.addr("fe80::2"), 64, 0, 253, null));
        var p = LinuxVrrpEngine.PrimaryAddresses.of(kernel);
        var v4 = org.jkeepalived.config.model.vrrp.AddressFamily.IPV4;
        var v6 = org.jkeepalived.config.model.vrrp.AddressFamily.IPV6;
        assertThat(p.find(7, v4, Set.of())).isEqualTo(Vrrp.addr("10.0.0.100"));
        // A VIP left behind is never the source; the next primary (not the secondary) is.
        assertThat(p.find(7, v4, Set.of(Vrrp.addr("10.0.0.100")))).isEqualTo(Vrrp.addr("192.168.9.2"));
        assertThat(p.find(7, v4, Set.of(Vrrp.addr("10.0.0.100"), Vrrp.addr("192.168.9.2"))))
                .isEqualTo(Vrrp.addr("10.0.0.5"));
        assertThat(p.find(7, v6, Set.of())).isEqualTo(Vrrp.addr("fe80::2"));
        assertThat(p.find(9, v4, Set.of())).isNull();
    }

    @Test
    void trackSrcIpMakesTheInstanceUnusableWhileItsSourceAddressIsAbsent() {
        LoadResult r = VrrpConf.load(VrrpConf.inst("mcast_src_ip 10.0.0.2\ntrack_src_ip"));
        VrrpInstance in = VrrpConf.only(r);
        var present = LinuxVrrpEngine.PrimaryAddresses.of(List.of(
                new org.jkeepalived.netlink.InterfaceAddress(7, Vrrp.addr("10.0.0.2"), 24, 0, 0, null)));
        var absent = LinuxVrrpEngine.PrimaryAddresses.of(List.of(
                new org.jkeepalived.netlink.InterfaceAddress(7, Vrrp.addr("10.0.0.3"), 24, 0, 0, null)));
        assertThat(LinuxVrrpEngine.instance(in, r.config().global().vrrp(), LINKS, Set.of(), present).usable()).isTrue();
        EngineInstance e = LinuxVrrpEngine.instance(in, r.config().global().vrrp(), LINKS, Set.of(), absent);
        assertThat(e.unusable()).isEqualTo("source address 10.0.0.2 not present");
        // Without track_src_ip the configured source is used as it is (keepalived).
        LoadResult plain = VrrpConf.load(VrrpConf.inst("mcast_src_ip 10.0.0.2"));
        assertThat(LinuxVrrpEngine.instance(VrrpConf.only(plain), plain.config().global().vrrp(), LINKS, Set.of(),
                absent).usable()).isTrue();
    }

    @Test
    void anEmptyUnicastPeerBlockWithUnicastFaultNoPeerIsUnusableAndWithoutItMulticast() {
        EngineInstance fault = instance("unicast_peer {\n}\nunicast_fault_no_peer").orElseThrow();
        assertThat(fault.unusable()).isEqualTo("no unicast peers");
        EngineInstance multicast = instance("unicast_peer {\n}").orElseThrow();
        assertThat(multicast.usable()).isTrue();
        assertThat(multicast.group()).isEqualTo(Vrrp.addr("224.0.0.18"));
    }
}
