package org.jkeepalived.config.model.vrrp;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.IpPrefix;

/**
 * One line of virtual_routes or static_routes (c.3), in {@code ip route add} syntax. The main fields are
 * typed; the metrics and rarer attributes are kept as written in {@code options} (name → value, e.g.
 * {@code mtu → "lock 1400"}), and {@code words} holds the whole line.
 *
 * @param family     IPv4 or IPv6
 * @param type       route type: unicast, local, broadcast, multicast, anycast, nat, blackhole,
 *                   unreachable, prohibit, throw
 * @param to         destination prefix
 * @param src        preferred source address ({@code src}), null when none
 * @param via        gateway ({@code via}/{@code gw}), null when none
 * @param dev        device, null when none
 * @param table      routing table number, null = main
 * @param metric     metric ({@code metric}/{@code priority}/{@code preference}), null when none
 * @param protocol   rtnetlink protocol (18 keepalived unless given for an untracked route)
 * @param scope      scope number, null when not given
 * @param onlink     {@code onlink}
 * @param nexthops   multipath next hops (also the deprecated {@code or} gateways)
 * @param operation  how it is added: add, prepend (the default for unicast routes) or append
 * @param options    other attributes as written (tos, mtu, advmss, realms, encap, vrf, ...)
 * @param noTrack    not tracked: deleting it externally does not move the instance (also set when the
 *                   route has no device, since keepalived cannot track it)
 * @param trackGroup {@code track_group} (static routes only), null when none
 * @param words      the line as written
 * @param location   where the line was written
 */
public record VirtualRoute(AddressFamily family, String type, IpPrefix to, InetAddress src, InetAddress via,
                           String dev, Long table, Long metric, int protocol, Integer scope, boolean onlink,
                           List<Nexthop> nexthops, String operation, Map<String, String> options,
                           boolean noTrack, String trackGroup, List<String> words, Location location) {
    public VirtualRoute {
        nexthops = List.copyOf(nexthops);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        words = List.copyOf(words);
    }
}
