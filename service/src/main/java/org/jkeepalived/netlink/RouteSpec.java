package org.jkeepalived.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A route to add or remove (the subset of keepalived's {@code virtual_routes} that the engine needs
 * first): destination prefix, optional gateway, preferred source and output interface, table,
 * metric, protocol, scope and type.
 *
 * @param gateway null for a directly connected route
 * @param preferredSource null for none
 * @param oifIndex 0 for none
 * @param table RT_TABLE_MAIN is 254
 * @param metric null for none
 * @param protocol RTPROT_*, {@link RouteCodec#RTPROT_KEEPALIVED} (18) as keepalived marks its routes
 * @param scope RT_SCOPE_*: link for a route without gateway, universe otherwise ({@link #of})
 * @param type RTN_*: unicast, blackhole, unreachable, prohibit...
 */
public record RouteSpec(InetAddress destination, int prefixLength, InetAddress gateway, InetAddress preferredSource,
                        int oifIndex, int table, Integer metric, int protocol, int scope, int type) {
    public RouteSpec {
        Objects.requireNonNull(destination, "destination");
        int max = destination instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max);
        }
    }

    /** A unicast route in the main table, protocol keepalived, scope from whether there is a gateway. */
    public static RouteSpec of(InetAddress destination, int prefixLength, InetAddress gateway, int oifIndex) {
        return new RouteSpec(destination, prefixLength, gateway, null, oifIndex, RouteCodec.RT_TABLE_MAIN, null,
                RouteCodec.RTPROT_KEEPALIVED,
                gateway == null ? NetlinkCodec.RT_SCOPE_LINK : NetlinkCodec.RT_SCOPE_UNIVERSE, RouteCodec.RTN_UNICAST);
    }

    public RouteSpec inTable(int newTable) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, newTable, metric, protocol,
                scope, type);
    }

    public RouteSpec withMetric(Integer newMetric) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, newMetric, protocol,
                scope, type);
    }

    public RouteSpec withPreferredSource(InetAddress source) {
        return new RouteSpec(destination, prefixLength, gateway, source, oifIndex, table, metric, protocol, scope,
                type);
    }

    public RouteSpec withType(int newType) {
        return new RouteSpec(destination, prefixLength, gateway, preferredSource, oifIndex, table, metric, protocol,
                newType == RouteCodec.RTN_UNICAST ? scope : NetlinkCodec.RT_SCOPE_UNIVERSE, newType);
    }
}
