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
    void theLoopbackHasAnIpv4PrimaryAddressAndVipsAreNeverChosen() {
        InetAddress lo = LinuxVrrpEngine.primaryAddress("lo", org.jkeepalived.config.model.vrrp.AddressFamily.IPV4,
                Set.of());
        assertThat(lo).isEqualTo(Vrrp.addr("127.0.0.1"));
        assertThat(LinuxVrrpEngine.primaryAddress("lo", org.jkeepalived.config.model.vrrp.AddressFamily.IPV4,
                Set.of(Vrrp.addr("127.0.0.1")))).isNull();
        assertThat(LinuxVrrpEngine.primaryAddress("no-such-if0",
                org.jkeepalived.config.model.vrrp.AddressFamily.IPV4, Set.of())).isNull();
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
