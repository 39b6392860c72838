package org.jkeepalived.vrrp;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashSet;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.vrrp.UnicastPeer;
import org.jkeepalived.vrrp.packet.DropReason;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * The checks of a received advert that depend on the instance (RFC 3768 §7.1, RFC 5798 §7.1, keepalived
 * c.11); the codec did the packet-only ones. Each refusal is a named {@link DropReason}. Pure.
 */
final class AdvertChecks {
    private AdvertChecks() {
    }

    /** Counts and reports one finding. */
    @FunctionalInterface
    interface Finding {
        void report(DropReason reason, String message);
    }

    /**
     * True when the advert may be processed. A drop is reported through {@code drop} (and the advert is
     * refused); a mismatch that keepalived still processes through {@code mismatch}.
     */
    static boolean accept(RouterSettings settings, ReceivedAdvert rx, InetAddress masterAddress, Finding drop,
                          Finding mismatch) {
        VrrpAdvert a = rx.advert();
        if (a.vrid() != settings.vrid()) {
            return refuse(drop, DropReason.VRID, "advert for VRID " + a.vrid());
        }
        if (a.version() != settings.version()) {
            return refuse(drop, DropReason.VERSION, "received version " + a.version() + ", ours " + settings.version());
        }
        if (rx.unicast() != settings.unicast()) {
            return refuse(drop, DropReason.UNICAST_SOURCE, (rx.unicast() ? "unicast advert on a multicast instance from "
                    : "multicast advert on a unicast instance from ") + AddressText.of(rx.source()));
        }
        if (!rx.unicast() && rx.ttl() != 255) {
            // RFC 5798 §7.1 / RFC 3768 §7.1: TTL / Hop Limit must be 255.
            return refuse(drop, DropReason.IP_TTL, "TTL " + rx.ttl() + " from " + AddressText.of(rx.source()));
        }
        if (rx.unicast() && settings.checkUnicastSrc()) {
            UnicastPeer peer = settings.unicastPeers().stream().filter(p -> p.address().equals(rx.source()))
                    .findFirst().orElse(null);
            if (peer == null) {
                return refuse(drop, DropReason.UNICAST_SOURCE, "unicast advert from " + AddressText.of(rx.source())
                        + ", not a unicast_peer");
            }
            if (rx.ttl() < peer.minTtl() || rx.ttl() > peer.maxTtl()) {
                return refuse(drop, DropReason.IP_TTL, "TTL " + rx.ttl() + " from " + AddressText.of(rx.source())
                        + " outside " + peer.minTtl() + ".." + peer.maxTtl());
            }
        }
        if (rx.source().equals(settings.primaryAddress())) {
            return refuse(drop, DropReason.OWN_PACKET, "our own advert");
        }
        if (settings.addressOwner() && settings.ownerIgnoreAdverts()) {
            return refuse(drop, DropReason.OWNER_IGNORES, "address owner ignores advert from "
                    + AddressText.of(rx.source()));
        }
        if (settings.version() == 2) {
            // RFC 3768 §7.1 / §5.3.6: authentication, then the interval must match.
            if (a.authType() < 0 || a.authType() > 2) {
                return refuse(drop, DropReason.INVALID_AUTH_TYPE, "auth type " + a.authType());
            }
            if (a.authType() != settings.authType()) {
                return refuse(drop, DropReason.AUTH_TYPE_MISMATCH, "auth type " + a.authType() + ", ours "
                        + settings.authType());
            }
            if (settings.authType() == 1 && !Arrays.equals(a.authData(), settings.authPassword())) {
                return refuse(drop, DropReason.AUTH_FAILURE, "received an invalid passwd!"); // keepalived's words
            }
            if (a.advertIntervalCentis() != settings.advertIntervalCentis()) {
                return refuse(drop, DropReason.ADVERT_INTERVAL, "advert interval " + a.advertIntervalCentis() / 100
                        + "s, ours " + settings.advertIntervalCentis() / 100 + "s");
            }
        } else if (a.advertIntervalCentis() != settings.advertIntervalCentis()) {
            // v3: Backups learn the master's interval (RFC 5798 §6.4.2); keepalived only logs the mismatch.
            mismatch.report(DropReason.ADVERT_INTERVAL, "advert interval " + a.advertIntervalCentis() + "cs, ours "
                    + settings.advertIntervalCentis() + "cs");
        }
        if (a.priority() != 0 && !(settings.skipCheckAdvAddr() && rx.source().equals(masterAddress))
                && !new HashSet<>(a.addresses()).equals(new HashSet<>(settings.advertisedAddresses()))) {
            // RFC 3768 §7.1 says drop unless owner; keepalived counts, logs and still processes it.
            mismatch.report(DropReason.ADDRESS_LIST, "address list from " + AddressText.of(rx.source())
                    + " differs: " + a.addresses());
        }
        return true;
    }

    private static boolean refuse(Finding drop, DropReason reason, String message) {
        drop.report(reason, message);
        return false;
    }
}
