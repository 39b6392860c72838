package org.jkeepalived.net;

import java.net.InetAddress;

/**
 * What a {@link VrrpSocket} is opened for: the interface (name and index), the source address of
 * its adverts (IPv4, or an IPv6 link-local address per RFC 5798 section 5.1.2.1), and the multicast
 * group to join (null for unicast-only).
 */
public record VrrpSocketSpec(String ifName, int ifIndex, InetAddress source, InetAddress group) {
}
