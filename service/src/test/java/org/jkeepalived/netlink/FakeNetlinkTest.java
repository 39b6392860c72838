package org.jkeepalived.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.jkeepalived.ffi.Errno;
import org.junit.jupiter.api.Test;

/** The fakes answer like the kernel does in RtnetlinkIT and RouteIT. */
class FakeNetlinkTest {
    @Test
    void addressManagerAndMonitor() throws Exception {
        FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
        FakeAddressManager m = new FakeAddressManager(monitor)
                .putLink(new Link(3, "eth0", Link.IFF_UP | Link.IFF_RUNNING, new byte[6]));
        AddressSpec vip = AddressSpec.of(3, InetAddress.getByName("192.0.2.10"), 24);
        m.add(vip);
        assertThatThrownBy(() -> m.add(vip)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        m.remove(vip);
        assertThatThrownBy(() -> m.remove(vip)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EADDRNOTAVAIL));
        assertThatThrownBy(() -> m.add(AddressSpec.of(9, InetAddress.getByName("192.0.2.10"), 24)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
        m.putLink(new Link(3, "eth0", Link.IFF_UP, new byte[6]));
        assertThat(m.link("eth0").orElseThrow().up()).isFalse();
        assertThat(monitor.poll(0)).containsExactly(
                new NetlinkEvent.LinkUp(3, "eth0"),
                new NetlinkEvent.AddressAdded(3, InetAddress.getByName("192.0.2.10"), 24),
                new NetlinkEvent.AddressRemoved(3, InetAddress.getByName("192.0.2.10"), 24),
                new NetlinkEvent.LinkDown(3, "eth0"));
        assertThat(monitor.poll(10)).isEmpty();
    }

    @Test
    void routeManager() throws Exception {
        FakeRouteManager r = new FakeRouteManager();
        RouteSpec route = RouteSpec.of(InetAddress.getByName("198.51.100.0"), 24, null, 3);
        r.add(route);
        assertThatThrownBy(() -> r.add(route)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        r.remove(route);
        assertThatThrownBy(() -> r.remove(route)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
        RuleSpec rule = RuleSpec.fromLookup(InetAddress.getByName("192.0.2.10"), 32, 100, 100);
        r.add(rule);
        assertThat(r.rules()).containsExactly(rule);
        r.remove(rule);
        assertThatThrownBy(() -> r.remove(rule)).isInstanceOfSatisfying(NetlinkException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }
}
