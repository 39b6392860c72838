package org.jkeepalived.netlink;

import java.io.Closeable;
import java.util.List;

/**
 * Link and address changes, and route and rule deletions, from a socket subscribed to RTMGRP_LINK,
 * RTMGRP_IPV4_IFADDR, RTMGRP_IPV6_IFADDR, the IPv4/IPv6 route groups and the IPv4/IPv6 rule groups.
 */
public interface NetlinkMonitor extends Closeable {
    /**
     * The events of the next datagram, waiting up to {@code timeoutMillis}; empty on timeout, on
     * close, or when the datagram held nothing of interest.
     */
    List<NetlinkEvent> poll(int timeoutMillis) throws NetlinkException;

    @Override
    void close();
}
