package org.jkeepalived.netlink;

import java.net.InetAddress;

/** What the rtnetlink monitor reports. */
public sealed interface NetlinkEvent {
    /** The link became usable ({@link Link#up()}), or was first seen usable. */
    record LinkUp(int ifIndex, String name) implements NetlinkEvent {
    }

    /** The link stopped being usable, or was deleted (RTM_DELLINK). */
    record LinkDown(int ifIndex, String name) implements NetlinkEvent {
    }

    record AddressAdded(int ifIndex, InetAddress address, int prefixLength) implements NetlinkEvent {
    }

    record AddressRemoved(int ifIndex, InetAddress address, int prefixLength) implements NetlinkEvent {
    }

    /**
     * The kernel dropped events (ENOBUFS: the socket's queue overflowed): the consumer must re-read
     * the state it cares about.
     */
    record Overrun() implements NetlinkEvent {
    }
}
