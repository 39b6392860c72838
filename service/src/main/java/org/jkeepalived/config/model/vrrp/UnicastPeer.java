package org.jkeepalived.config.model.vrrp;

import java.net.InetAddress;
import org.jkeepalived.config.Location;

/**
 * One unicast_peer line: adverts go to this address; received adverts are checked against the TTL range.
 *
 * @param address  the peer
 * @param minTtl   lowest accepted TTL / hop limit (0)
 * @param maxTtl   highest accepted TTL / hop limit (255)
 * @param location where the line was written
 */
public record UnicastPeer(InetAddress address, int minTtl, int maxTtl, Location location) {
}
