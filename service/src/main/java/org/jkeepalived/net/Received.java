package org.jkeepalived.net;

import java.net.InetAddress;

/**
 * One received VRRP message with what RFC 5798 section 7.1 checks outside the message: source and
 * destination address, TTL / hop limit (must be 255), and the receiving interface.
 */
public record Received(byte[] bytes, InetAddress src, InetAddress dst, int ttl, int ifIndex) {
}
