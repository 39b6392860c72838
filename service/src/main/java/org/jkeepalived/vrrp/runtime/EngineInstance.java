package org.jkeepalived.vrrp.runtime;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;

/**
 * One VRRP instance as the engine runs it: the router's settings plus what only the I/O side needs.
 *
 * @param settings     the pure router's settings (primary address resolved)
 * @param ifName       the instance's interface
 * @param ifIndex      its index
 * @param group        the multicast group adverts go to (null for unicast: they go to each peer)
 * @param checksumMode v3 IPv4 checksum flavour (v3_checksum_as_v2 / old_unicast_checksum)
 * @param virtualRoutes virtual_routes: added on becoming MASTER, removed on leaving it
 * @param virtualRoutes virtual_routes: added on becoming MASTER, removed on leaving it
 * @param virtualRules  virtual_rules: likewise
 * @param unusable      why the instance cannot run yet (keepalived keeps it in FAULT: "no IPv4 address for
 *                      interface", a missing interface with dynamic_interfaces), or null. An unusable
 *                      instance has no socket; its ifIndex is 0 when the interface does not exist, and its
 *                      primary address is the family's wildcard address.
 */
public record EngineInstance(RouterSettings settings, String ifName, int ifIndex, InetAddress group,
                             V3ChecksumMode checksumMode, List<VirtualRoute> virtualRoutes,
                             List<VirtualRule> virtualRules, String unusable) {
    /** A usable instance without virtual routes or rules. */
    public EngineInstance(RouterSettings settings, String ifName, int ifIndex, InetAddress group,
                          V3ChecksumMode checksumMode) {
        this(settings, ifName, ifIndex, group, checksumMode, List.of(), List.of(), null);
    }

    /** A usable instance with virtual routes and rules. */
    public EngineInstance(RouterSettings settings, String ifName, int ifIndex, InetAddress group,
                          V3ChecksumMode checksumMode, List<VirtualRoute> virtualRoutes,
                          List<VirtualRule> virtualRules) {
        this(settings, ifName, ifIndex, group, checksumMode, virtualRoutes, virtualRules, null);
    }

    /** This instance, unusable for {@code reason}. */
    EngineInstance withUnusable(String reason) {
        return new EngineInstance(settings, ifName, ifIndex, group, checksumMode, virtualRoutes, virtualRules, reason);
    }

    public boolean usable() {
        return unusable == null;
    }

    /**
     * How a reload recognises the same instance, as keepalived does: VRID, family, interface, unicast or
     * multicast and the multicast group. The source address must match too, see {@link #sameSource}.
     */
    record Key(int vrid, boolean ipv6, String ifName, boolean unicast, InetAddress group) {
    }

    Key key() {
        return new Key(settings.vrid(), settings.primaryAddress() instanceof java.net.Inet6Address, ifName,
                settings.unicast(), group);
    }

    /** Same advert source; an unusable instance's wildcard source (not known yet) matches any. */
    boolean sameSource(EngineInstance other) {
        InetAddress a = settings.primaryAddress();
        InetAddress b = other.settings.primaryAddress();
        return a.equals(b) || a.isAnyLocalAddress() || b.isAnyLocalAddress();
    }

    public EngineInstance {
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ifName, "ifName");
        Objects.requireNonNull(checksumMode, "checksumMode");
        if (group == null && !settings.unicast()) {
            throw new IllegalArgumentException(settings.name() + ": no multicast group and no unicast peer");
        }
    }
}
