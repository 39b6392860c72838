package org.jkeepalived.vrrp.packet;

import java.net.InetAddress;
import java.util.Objects;

/** What {@link VrrpCodec} made of received bytes: an advert with its IP-level facts, or a named drop. */
public sealed interface DecodeResult permits DecodeResult.Advert, DecodeResult.Drop {

    /**
     * A well-formed advertisement.
     *
     * @param source      IP source address (from the IPv4 header, or IPv6 ancillary data)
     * @param destination IP destination address (multicast group or our unicast address)
     * @param ttl         IPv4 TTL or IPv6 Hop Limit as received; already checked to be 255 when the
     *                    destination is multicast (RFC 5798 §7.1); unicast ranges are the instance's business
     * @param advert      the VRRP message
     */
    record Advert(InetAddress source, InetAddress destination, int ttl, VrrpAdvert advert) implements DecodeResult {
        public Advert {
            Objects.requireNonNull(source);
            Objects.requireNonNull(destination);
            Objects.requireNonNull(advert);
        }
    }

    /** A dropped packet: the counter to bump and a human message for the (rate-limited) log. */
    record Drop(DropReason reason, String message) implements DecodeResult {
        public Drop {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(message);
        }
    }
}
