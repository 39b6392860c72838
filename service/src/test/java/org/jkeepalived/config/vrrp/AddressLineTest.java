package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.vrrp.VrrpConf.clean;
import static org.jkeepalived.config.vrrp.VrrpConf.hasFinding;
import static org.jkeepalived.config.vrrp.VrrpConf.inst;
import static org.jkeepalived.config.vrrp.VrrpConf.load;
import static org.jkeepalived.config.vrrp.VrrpConf.only;

import java.util.List;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.junit.jupiter.api.Test;

/** virtual_ipaddress / virtual_ipaddress_excluded / static_ipaddress line syntax (c.2), as keepalived 2.2.7 reads it. */
class AddressLineTest {

    private static List<VirtualAddress> vips(String... lines) {
        return only(load(inst("VI_1", 1, "", lines))).virtualIpaddresses();
    }

    @Test
    void everyOptionIsRead() {
        LoadResult r = load(inst("VI_1", 1, "",
                "10.0.0.1/24 brd + dev eth1 scope link label eth1:1",
                "10.0.0.2 peer 10.0.0.9 no_track",
                "10.0.0.3/24 brd 10.0.0.255 home -nodad mngtmpaddr noprefixroute autojoin preferred_lft 0",
                "10.0.0.4 use_vmac scope 200"));
        clean(r);
        List<VirtualAddress> v = only(r).virtualIpaddresses();
        assertThat(v.get(0).broadcast().getHostAddress()).isEqualTo("10.0.0.255");
        assertThat(v.get(0).dev()).isEqualTo("eth1");
        assertThat(v.get(0).scope()).isEqualTo(253);
        assertThat(v.get(0).label()).isEqualTo("eth1:1");
        assertThat(v.get(1).peer().getHostAddress()).isEqualTo("10.0.0.9");
        assertThat(v.get(1).noTrack()).isTrue();
        assertThat(v.get(1).dev()).isEqualTo("eth0");
        VirtualAddress third = v.get(2);
        assertThat(third.home() && third.noDad() && third.mngtmpaddr() && third.noprefixroute() && third.autojoin())
                .isTrue();
        assertThat(third.preferredLftSeconds()).isZero();
        assertThat(third.words()).startsWith("10.0.0.3/24", "brd");
        assertThat(v.get(3).useVmac()).isTrue();
        assertThat(v.get(3).scope()).isEqualTo(200);
    }

    @Test
    void brdMinusClearsTheHostBits() {
        assertThat(vips("10.1.2.3/16 brd -").get(0).broadcast().getHostAddress()).isEqualTo("10.1.0.0");
    }

    @Test
    void unknownWordsAreSkippedOneByOne() {
        LoadResult r = load(inst("VI_1", 1, "", "10.0.0.1 track_group x"));
        hasFinding(r, Severity.ERROR, "Unknown configuration entry 'track_group' for ip address - ignoring");
        hasFinding(r, Severity.ERROR, "Unknown configuration entry 'x' for ip address - ignoring");
        assertThat(only(r).virtualIpaddresses()).hasSize(1);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void droppedAddresses() {
        LoadResult r = load(inst("VI_1", 1, "", "10.0.0.", "10.0.0.2 label averyveryverylonglabel",
                "10.0.0.3 brd 1.2.3", "10.0.0.4/24 brd", "10.0.0.5 dev", "10.0.0.6 dev eth1 dev eth2",
                "fe80::1%eth0", "10.0.0.7"));
        hasFinding(r, Severity.ERROR, "VRRP parsed invalid IP 10.0.0.. skipping IP...");
        hasFinding(r, Severity.ERROR, "Address label averyveryverylonglabel is longer than maximum length 15 - removing address");
        hasFinding(r, Severity.ERROR, "VRRP is trying to assign invalid broadcast 1.2.3. skipping VIP...");
        hasFinding(r, Severity.ERROR, "No brd parameter specified for 10.0.0.4/24");
        hasFinding(r, Severity.ERROR, "No dev parameter specified for 10.0.0.5");
        hasFinding(r, Severity.ERROR, "Cannot specify ipaddress device more than once for 10.0.0.6");
        hasFinding(r, Severity.ERROR, "VRRP parsed invalid IP fe80::1%eth0. skipping IP...");
        assertThat(only(r).virtualIpaddresses()).extracting(a -> a.address().toString()).containsExactly("10.0.0.7/32");
    }

    @Test
    void keptWithAWarning() {
        LoadResult r = load(inst("VI_1", 1, "", "10.0.0.1/33", "10.0.0.2 scope bogus", "10.0.0.3 peer 10.0.0.9/24",
                "10.0.0.4 preferred_lft abc", "10.0.0.5 brd -", "10.0.0.6 peer 10.0.0.9 brd +"));
        hasFinding(r, Severity.ERROR, "Invalid address prefix len 33 for address 10.0.0.1/33 - using 32");
        hasFinding(r, Severity.ERROR, "Invalid scope 'bogus' specified for 10.0.0.2 - ignoring");
        hasFinding(r, Severity.ERROR, "Invalid peer address 10.0.0.9/24");
        hasFinding(r, Severity.ERROR, "preferred_lft abc is invalid");
        hasFinding(r, Severity.ERROR, "Address prefix length 32 too long for broadcast");
        hasFinding(r, Severity.ERROR, "Cannot specify broadcast and peer addresses - ignoring broadcast address");
        assertThat(only(r).virtualIpaddresses()).hasSize(6);
        assertThat(only(r).virtualIpaddresses().get(0).address().prefixLength()).isEqualTo(32);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void excludedAddressesMayMixFamilies() {
        LoadResult r = load(inst("virtual_ipaddress_excluded {\n2001:db8::1/64\n2001:db8::2 preferred_lft forever\n"
                + "10.1.0.1/24 dev eth2\n}"));
        clean(r);
        List<VirtualAddress> e = only(r).virtualIpaddressesExcluded();
        assertThat(e).extracting(a -> a.dev()).containsExactly("eth0", "eth0", "eth2");
        assertThat(e.get(1).preferredLftSeconds()).isNull();
    }

    @Test
    void moreThan255VipsOverflowIntoExcluded() {
        String[] lines = new String[300];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "10.0." + (i / 250) + "." + (i % 250 + 1);
        }
        LoadResult r = load(inst("VI_1", 1, "", lines));
        hasFinding(r, Severity.ERROR, "(VI_1) Number of VIPs (300) exceeds maximum/space available in packet");
        assertThat(only(r).virtualIpaddresses()).hasSize(255);
        assertThat(only(r).virtualIpaddressesExcluded()).hasSize(45);
    }

    @Test
    void staticAddressesUseTheDefaultInterfaceAndTrackGroups() {
        LoadResult r = load("track_group TG {\n group {\n VI_1\n }\n}\nstatic_ipaddress {\n 192.168.1.1/24 dev eth1 "
                + "track_group TG\n 192.168.1.2/24\n}\n" + inst(""));
        clean(r);
        List<VirtualAddress> s = r.config().vrrp().staticIpaddress();
        assertThat(s.get(0).trackGroup()).isEqualTo("TG");
        assertThat(s.get(1).dev()).isEqualTo("eth0");
        assertThat(r.config().vrrp().trackGroups()).singleElement().satisfies(t -> assertThat(t.members())
                .containsExactly("VI_1"));
    }

    @Test
    void staticAddressChecks() {
        LoadResult r = load("static_ipaddress {\n 192.168.1.1/24 dev eth1 track_group NOTG\n 192.168.1.2/24 dev eth1 use_vmac\n"
                + " 192.168.1.3/24 dev eth9\n}\n");
        hasFinding(r, Severity.ERROR, "track_group NOTG not found");
        hasFinding(r, Severity.ERROR, "Unknown configuration entry 'use_vmac' for ip address - ignoring");
        hasFinding(r, Severity.ERROR, "WARNING - interface eth9 for ip address 192.168.1.3/24 doesn't exist");
        assertThat(r.exitCode()).isEqualTo(5);
    }
}
