package org.jkeepalived.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An interface address to add or remove: what keepalived's {@code virtual_ipaddress} lines say
 * ({@code 192.0.2.10/24 brd 192.0.2.255 dev eth0 scope global label eth0:1}), plus flags such as
 * {@link NetlinkCodec#IFA_F_NODAD} and lifetimes ({@link #FOREVER} when none).
 *
 * @param label IPv4 only (the kernel rejects IFA_LABEL for IPv6); null for none
 * @param broadcast IPv4 only; null for none
 * @param scope RT_SCOPE_* ({@link NetlinkCodec#RT_SCOPE_UNIVERSE} is "global")
 * @param flags IFA_F_* bits (the low 8 go in ifa_flags, all in IFA_FLAGS)
 */
public record AddressSpec(int ifIndex, InetAddress address, int prefixLength, String label, InetAddress broadcast,
                          int scope, int flags, long preferredLifetimeSeconds, long validLifetimeSeconds) {
    /** The lifetime value meaning "forever" (INFINITY_LIFE_TIME, 0xFFFFFFFF). */
    public static final long FOREVER = 0xFFFFFFFFL;

    public AddressSpec {
        Objects.requireNonNull(address, "address");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max);
        }
    }

    /** A plain global address, no label, broadcast, flags or lifetimes. */
    public static AddressSpec of(int ifIndex, InetAddress address, int prefixLength) {
        return new AddressSpec(ifIndex, address, prefixLength, null, null, NetlinkCodec.RT_SCOPE_UNIVERSE, 0,
                FOREVER, FOREVER);
    }

    public AddressSpec withFlags(int newFlags) {
        return new AddressSpec(ifIndex, address, prefixLength, label, broadcast, scope, newFlags,
                preferredLifetimeSeconds, validLifetimeSeconds);
    }

    public AddressSpec withLabel(String newLabel) {
        return new AddressSpec(ifIndex, address, prefixLength, newLabel, broadcast, scope, flags,
                preferredLifetimeSeconds, validLifetimeSeconds);
    }

    public AddressSpec withBroadcast(InetAddress newBroadcast) {
        return new AddressSpec(ifIndex, address, prefixLength, label, newBroadcast, scope, flags,
                preferredLifetimeSeconds, validLifetimeSeconds);
    }

    public AddressSpec withScope(int newScope) {
        return new AddressSpec(ifIndex, address, prefixLength, label, broadcast, newScope, flags,
                preferredLifetimeSeconds, validLifetimeSeconds);
    }

    /** E.g. {@code preferred_lft 0} (keepalived's deprecated VIPs) with a valid lifetime. */
    public AddressSpec withLifetimes(long preferredSeconds, long validSeconds) {
        return new AddressSpec(ifIndex, address, prefixLength, label, broadcast, scope, flags, preferredSeconds,
                validSeconds);
    }
}
