package org.jkeepalived.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.netlink.linux.RtnetlinkAddressManager;
import org.jkeepalived.netlink.linux.RtnetlinkMonitor;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tier 4: rtnetlink address changes and the monitor, checked against {@code ip -n NS}. */
class RtnetlinkIT {
    private Netns ns;
    private AddressManager mgr;
    private int ve0;

    @BeforeEach
    void namespace() throws Exception {
        Privileged.require("ip");
        ns = Netns.create("jkio-nl").withInterfaces("ve0");
        mgr = ns.call(RtnetlinkAddressManager::open);
        ve0 = mgr.link("ve0").orElseThrow().index();
    }

    @AfterEach
    void cleanup() {
        if (mgr != null) {
            mgr.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void ipv4AddWithLabelAndBroadcastThenRemoveWithErrnos() throws Exception {
        AddressSpec vip = AddressSpec.of(ve0, InetAddress.getByName("192.0.2.10"), 24)
                .withLabel("ve0:vip").withBroadcast(InetAddress.getByName("192.0.2.255"));
        mgr.add(vip);
        assertThat(ns.ip("-4", "addr", "show", "dev", "ve0"))
                .contains("inet 192.0.2.10/24 brd 192.0.2.255 scope global ve0:vip");
        assertThatThrownBy(() -> mgr.add(vip)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        mgr.remove(vip);
        assertThat(ns.ip("-4", "addr", "show", "dev", "ve0")).doesNotContain("192.0.2.10");
        assertThatThrownBy(() -> mgr.remove(vip)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EADDRNOTAVAIL));
    }

    @Test
    void ipv6AddWithNodadAndLifetimes() throws Exception {
        AddressSpec vip = AddressSpec.of(ve0, InetAddress.getByName("2001:db8::10"), 64)
                .withFlags(NetlinkCodec.IFA_F_NODAD).withLifetimes(0, 300);
        mgr.add(vip);
        String out = ns.ip("-6", "addr", "show", "dev", "ve0");
        assertThat(out).contains("inet6 2001:db8::10/64 scope global nodad deprecated").contains("preferred_lft 0sec");
        mgr.remove(vip);
        assertThat(ns.ip("-6", "addr", "show", "dev", "ve0")).doesNotContain("2001:db8::10");
    }

    @Test
    void linkLookupGivesIndexMacAndState() throws Exception {
        Link l = mgr.link(ve0).orElseThrow();
        assertThat(l.name()).isEqualTo("ve0");
        assertThat(ns.ip("link", "show", "ve0")).contains("link/ether " + HexFormat.ofDelimiter(":").formatHex(l.mac()));
        assertThat(l.up()).isFalse(); // its veth peer jkp0 is down: no carrier
        ns.ip("link", "set", "jkp0", "up");
        long deadline = System.nanoTime() + 2_000_000_000L; // carrier comes up asynchronously
        while (!mgr.link("ve0").orElseThrow().up() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(mgr.link("ve0").orElseThrow().up()).isTrue();
        assertThat(mgr.link("lo").orElseThrow().index()).isEqualTo(1);
        assertThat(mgr.link("nonesuch")).isEmpty();
    }

    @Test
    void monitorSeesLinkUpDownAndAddresses() throws Exception {
        try (NetlinkMonitor monitor = ns.call(RtnetlinkMonitor::open)) {
            ns.ip("link", "set", "jkp0", "up");
            awaitEvent(monitor, e -> e.equals(new NetlinkEvent.LinkUp(ve0, "ve0")));
            ns.ip("addr", "add", "192.0.2.20/24", "dev", "ve0");
            awaitEvent(monitor, e -> e.equals(new NetlinkEvent.AddressAdded(ve0, addr("192.0.2.20"), 24)));
            ns.ip("addr", "add", "2001:db8::20/64", "dev", "ve0", "nodad");
            awaitEvent(monitor, e -> e.equals(new NetlinkEvent.AddressAdded(ve0, addr("2001:db8::20"), 64)));
            ns.ip("addr", "del", "192.0.2.20/24", "dev", "ve0");
            awaitEvent(monitor, e -> e.equals(new NetlinkEvent.AddressRemoved(ve0, addr("192.0.2.20"), 24)));
            ns.ip("link", "set", "ve0", "down");
            awaitEvent(monitor, e -> e.equals(new NetlinkEvent.LinkDown(ve0, "ve0")));
        }
    }

    private static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void awaitEvent(NetlinkMonitor monitor, Predicate<NetlinkEvent> wanted) throws Exception {
        List<NetlinkEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (NetlinkEvent e : monitor.poll(200)) {
                seen.add(e);
                if (wanted.test(e)) {
                    return;
                }
            }
        }
        throw new AssertionError("event not seen within 5 s; seen: " + seen);
    }
}
