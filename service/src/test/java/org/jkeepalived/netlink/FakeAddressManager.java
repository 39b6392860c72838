package org.jkeepalived.netlink;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.ffi.Errno;

/**
 * In-memory {@link AddressManager} with the kernel's answers: EEXIST on a repeated add,
 * EADDRNOTAVAIL on removing an absent address, ENODEV for an unknown ifindex. Changes are also
 * posted to an optional {@link FakeNetlinkMonitor}, as the kernel would multicast them.
 */
public final class FakeAddressManager implements AddressManager {
    private record Key(int ifIndex, InetAddress address) {
    }

    private final Map<Integer, Link> links = new LinkedHashMap<>();
    private final Map<Key, AddressSpec> addresses = new LinkedHashMap<>();
    private final FakeNetlinkMonitor monitor;

    public FakeAddressManager(FakeNetlinkMonitor monitor) {
        this.monitor = monitor;
    }

    /** Adds or replaces a link, posting LinkUp/LinkDown when its usable state changes. */
    public synchronized FakeAddressManager putLink(Link link) {
        Link before = links.put(link.index(), link);
        if (monitor != null && (before == null || before.up() != link.up())) {
            monitor.post(link.up() ? new NetlinkEvent.LinkUp(link.index(), link.name())
                    : new NetlinkEvent.LinkDown(link.index(), link.name()));
        }
        return this;
    }

    @Override
    public synchronized void add(AddressSpec a) throws NetlinkException {
        if (!links.containsKey(a.ifIndex())) {
            throw new NetlinkException("RTM_NEWADDR: No such device", Errno.ENODEV, null);
        }
        if (addresses.putIfAbsent(new Key(a.ifIndex(), a.address()), a) != null) {
            throw new NetlinkException("RTM_NEWADDR: File exists", Errno.EEXIST, null);
        }
        if (monitor != null) {
            monitor.post(new NetlinkEvent.AddressAdded(a.ifIndex(), a.address(), a.prefixLength()));
        }
    }

    @Override
    public synchronized void remove(AddressSpec a) throws NetlinkException {
        AddressSpec removed = addresses.remove(new Key(a.ifIndex(), a.address()));
        if (removed == null) {
            throw new NetlinkException("RTM_DELADDR: Cannot assign requested address", Errno.EADDRNOTAVAIL, null);
        }
        if (monitor != null) {
            monitor.post(new NetlinkEvent.AddressRemoved(a.ifIndex(), a.address(), removed.prefixLength()));
        }
    }

    /** The addresses present, in the order they were added. */
    public synchronized List<AddressSpec> addresses() {
        return List.copyOf(addresses.values());
    }

    /**
     * As the kernel lists them: in the order added, an IPv4 address inside the subnet of an earlier one on
     * the same interface flagged IFA_F_SECONDARY.
     */
    @Override
    public synchronized List<InterfaceAddress> interfaceAddresses() {
        List<InterfaceAddress> out = new ArrayList<>();
        for (AddressSpec a : addresses.values()) {
            boolean secondary = a.address() instanceof java.net.Inet4Address && out.stream().anyMatch(o ->
                    o.ifIndex() == a.ifIndex() && !o.secondary() && o.address() instanceof java.net.Inet4Address
                            && o.prefixLength() == a.prefixLength() && sameSubnet(o.address(), a.address(),
                            a.prefixLength()));
            out.add(new InterfaceAddress(a.ifIndex(), a.address(), a.prefixLength(),
                    a.flags() | (secondary ? NetlinkCodec.IFA_F_SECONDARY : 0), a.scope(), a.label()));
        }
        return out;
    }

    private static boolean sameSubnet(InetAddress x, InetAddress y, int prefixLength) {
        int a = java.nio.ByteBuffer.wrap(x.getAddress()).getInt();
        int b = java.nio.ByteBuffer.wrap(y.getAddress()).getInt();
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (a & mask) == (b & mask);
    }

    @Override
    public synchronized List<Link> links() {
        return new ArrayList<>(links.values());
    }

    @Override
    public void close() {
    }
}
