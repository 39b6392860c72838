package org.jkeepalived.vrrp;

import java.net.InetAddress;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * A decoded advert as the state machine receives it: the packet plus what only the IP layer knows.
 *
 * @param advert  the advert, already checked by the codec (length, type, checksum)
 * @param source  IP source address: the sender's primary address, used for tie-breaks (RFC 5798 §6.4.3)
 * @param ttl     IPv4 TTL / IPv6 Hop Limit as received
 * @param unicast true when the destination was one of our addresses rather than the multicast group
 */
public record ReceivedAdvert(VrrpAdvert advert, InetAddress source, int ttl, boolean unicast) {
}
