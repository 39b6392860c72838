package org.jkeepalived.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A route to add or remove: what one {@code virtual_routes} / {@code static_routes} line says in
 * {@code ip route} syntax, resolved to numbers (interface indexes, table, RTN_*, RT_SCOPE_*).
 *
 * @param gateway         null for a directly connected route (or a multipath one: see {@code nexthops})
 * @param preferredSource null for none
 * @param oifIndex        0 for none
 * @param table           RT_TABLE_MAIN is 254
 * @param metric          null for none
 * @param protocol        RTPROT_*, {@link RouteCodec#RTPROT_KEEPALIVED} (18) as keepalived marks its routes
 * @param scope           RT_SCOPE_*: link for a route without gateway, universe otherwise ({@link #of})
 * @param type            RTN_*: unicast, blackhole, unreachable, prohibit...
 * @param tos             rtm_tos ({@code tos}/{@code dsfield}), 0 for none
 * @param flags           rtm_flags: {@link RouteCodec#RTNH_F_ONLINK} for {@code onlink}
 * @param nexthops        {@code nexthop} entries (RTA_MULTIPATH); empty for a single-path route
 * @param metrics         RTAX_* → value (RTA_METRICS: mtu, advmss, hoplimit...)
 * @param lockedMetrics   RTAX_LOCK bits: {@code 1 << RTAX_*} for each metric written with {@code lock}
 */
public record RouteSpec(InetAddress destination, int prefixLength, InetAddress gateway, InetAddress preferredSource,
                        int oifIndex, int table, Integer metric, int protocol, int scope, int type, int tos, int flags,
                        List<NextHop> nexthops, Map<Integer, Long> metrics, int lockedMetrics) {
    /**
     * One path of a multipath route.
     *
     * @param gateway  null for none
     * @param oifIndex 0 for none
     * @param weight   1..256 (rtnh_hops is weight - 1)
     * @param flags    RTNH_F_*: {@link RouteCodec#RTNH_F_ONLINK}
     */
    public record NextHop(InetAddress gateway, int oifIndex, int weight, int flags) {
        public NextHop {
            if (weight < 1 || weight > 256) {
                throw new IllegalArgumentException("weight " + weight + " out of 1..256");
            }
        }
    }

    public RouteSpec {
        Objects.requireNonNull(destination, "destination");
        int max = destination instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max);
        }
        nexthops = List.copyOf(nexthops);
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /** The same without the multipath, metrics, tos and flags fields. */
    public RouteSpec(InetAddress destination, int prefixLength, InetAddress gateway, InetAddress preferredSource,
                     int oifIndex, int table, Integer metric, int protocol, int scope, int type) {
        this(destination, prefixLength, gateway, preferredSource, oifIndex, table, metric, protocol, scope, type, 0, 0,
                List.of(), Map.of(), 0);
    }

    /** A unicast route in the main table, protocol keepalived, scope from whether there is a gateway. */
    public static RouteSpec of(InetAddress destination, int prefixLength, InetAddress gateway, int oifIndex) {
        return new RouteSpec(destination, prefixLength, gateway, null, oifIndex, RouteCodec.RT_TABLE_MAIN, null,
                RouteCodec.RTPROT_KEEPALIVED,
                gateway == null ? NetlinkCodec.RT_SCOPE_LINK : NetlinkCodec.RT_SCOPE_UNIVERSE, RouteCodec.RTN_UNICAST);
    }

    public boolean ipv4() {
        return destination instanceof Inet4Address;
    }

    public RouteSpec inTable(int newTable) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, newTable, metric, protocol,
                scope, type, tos, flags, nexthops, metrics, lockedMetrics);
    }

    public RouteSpec withMetric(Integer newMetric) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, newMetric, protocol,
                scope, type, tos, flags, nexthops, metrics, lockedMetrics);
    }

    public RouteSpec withPreferredSource(InetAddress source) {
        return new RouteSpec(destination, prefixLength, gateway, source, oifIndex, table, metric, protocol, scope,
                type, tos, flags, nexthops, metrics, lockedMetrics);
    }

    /** The type; a non-unicast type also gets universe scope (set {@link #withScope} after to override). */
    public RouteSpec withType(int newType) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, metric, protocol,
                newType == RouteCodec.RTN_UNICAST ? scope : NetlinkCodec.RT_SCOPE_UNIVERSE, newType, tos, flags,
                nexthops, metrics, lockedMetrics);
    }

    public RouteSpec withScope(int newScope) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, metric, protocol,
                newScope, type, tos, flags, nexthops, metrics, lockedMetrics);
    }

    public RouteSpec withProtocol(int newProtocol) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, metric, newProtocol,
                scope, type, tos, flags, nexthops, metrics, lockedMetrics);
    }

    public RouteSpec withTos(int newTos) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, metric, protocol,
                scope, type, newTos, flags, nexthops, metrics, lockedMetrics);
    }

    public RouteSpec withFlags(int newFlags) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, metric, protocol,
                scope, type, tos, newFlags, nexthops, metrics, lockedMetrics);
    }

    public RouteSpec withNexthops(List<NextHop> newNexthops) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, metric, protocol,
                scope, type, tos, flags, newNexthops, metrics, lockedMetrics);
    }

    public RouteSpec withMetrics(Map<Integer, Long> newMetrics, int newLocked) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, metric, protocol,
                scope, type, tos, flags, nexthops, newMetrics, newLocked);
    }
}
