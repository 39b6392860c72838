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
     * A route was deleted (RTM_DELROUTE), by anyone: the fields the owner matches on.
     *
     * @param family   AF_INET (2) or AF_INET6 (10)
     * @param table    RTA_TABLE, else rtm_table
     * @param type     RTN_*
     * @param protocol RTPROT_*
     * @param metric   RTA_PRIORITY, null when absent
     * @param oifIndex RTA_OIF, 0 when absent
     * @param gateway  RTA_GATEWAY, null when absent
     */
    record RouteRemoved(int family, InetAddress destination, int prefixLength, int table, int type, int protocol,
                        int tos, Integer metric, int oifIndex, InetAddress gateway) implements NetlinkEvent {
    }

    /**
     * A policy rule was deleted (RTM_DELRULE).
     *
     * @param priority FRA_PRIORITY, null when absent
     * @param from     FRA_SRC, null for any
     * @param to       FRA_DST, null for any
     * @param action   FR_ACT_*
     * @param table    FRA_TABLE, else the header's table
     */
    record RuleRemoved(int family, Integer priority, InetAddress from, int fromPrefixLength, InetAddress to,
                       int toPrefixLength, int action, int table) implements NetlinkEvent {
    }

    /**
     * The kernel dropped events (ENOBUFS: the socket's queue overflowed): the consumer must re-read
     * the state it cares about.
     */
    record Overrun() implements NetlinkEvent {
    }
}
