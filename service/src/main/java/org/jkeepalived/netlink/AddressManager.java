package org.jkeepalived.netlink;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/** Adds and removes interface addresses, and looks interfaces up (rtnetlink). */
public interface AddressManager extends Closeable {
    /** RTM_NEWADDR with NLM_F_CREATE|NLM_F_EXCL: an address already present fails with EEXIST. */
    void add(AddressSpec address) throws NetlinkException;

    /** RTM_DELADDR: an address not present fails with EADDRNOTAVAIL. */
    void remove(AddressSpec address) throws NetlinkException;

    /**
     * Every address of every interface, in the kernel's order (RTM_GETADDR dump): an interface's primary
     * IPv4 address is its first one without {@link NetlinkCodec#IFA_F_SECONDARY}.
     */
    List<InterfaceAddress> interfaceAddresses() throws NetlinkException;

    /** The addresses of one interface, in the kernel's order. */
    default List<InterfaceAddress> interfaceAddresses(int ifIndex) throws NetlinkException {
        return interfaceAddresses().stream().filter(a -> a.ifIndex() == ifIndex).toList();
    }

    /** All links (RTM_GETLINK dump). */
    List<Link> links() throws NetlinkException;

    default Optional<Link> link(String name) throws NetlinkException {
        return links().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    default Optional<Link> link(int index) throws NetlinkException {
        return links().stream().filter(l -> l.index() == index).findFirst();
    }

    @Override
    void close();
}
