package org.jkeepalived.config.bind.vrrp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.Nexthop;
import org.jkeepalived.config.model.vrrp.VirtualRoute;

/**
 * One line of virtual_routes or static_routes (c.3), in {@code ip route add} long-option syntax.
 * keepalived 2.2.7 (observed) drops the route on an unknown word, a bad number, an unknown table or
 * scope name, or mixed address families; it keeps it with a warning for the deprecated {@code gw} and
 * {@code or}, an unsupported feature, a non-keepalived protocol on a tracked route (reset to 18) and a
 * route without a device (which it then does not track). A word missing its value ends the run (exit 2).
 */
final class RouteLines {
    static final int RTPROT_KEEPALIVED = 18;
    private static final Set<String> TYPES = Set.of("unicast", "local", "broadcast", "multicast", "throw",
            "unreachable", "prohibit", "blackhole", "nat", "anycast");
    /** Route metrics, each {@code [lock] VALUE}. */
    private static final Set<String> METRICS = Set.of("mtu", "advmss", "rtt", "rttvar", "reordering", "window",
            "cwnd", "ssthresh", "initcwnd", "initrwnd", "rto_min", "hoplimit", "features", "quickack", "congctl",
            "fastopen_no_cookie");
    private static final Set<String> TIME_METRICS = Set.of("rtt", "rttvar", "rto_min");
    private static final Set<String> ENCAP_WORDS = Set.of("id", "dst", "src", "tos", "ttl", "hoplimit", "tc",
            "key", "csum-mode", "hook-type", "ident-type");
    private static final Set<String> ENCAP_FLAGS = Set.of("csum", "nocsum", "seq", "noseq");

    private RouteLines() {
    }

    static VirtualRoute parse(List<String> words, Location at, boolean isStatic, BindContext ctx) {
        try {
            return new Parser(words, at, isStatic, ctx).route();
        } catch (LineCursor.Drop d) {
            return null;
        }
    }

    private static final class Parser extends LineCursor {
        private final boolean isStatic;
        private AddressFamily family;
        private String type = "unicast";
        private boolean typeGiven;
        private IpPrefix to;
        private InetAddress src;
        private InetAddress via;
        private String dev;
        private Long table;
        private Long metric;
        private Integer protocol;
        private Integer scope;
        private boolean onlink;
        private final List<Nexthop> nexthops = new ArrayList<>();
        private String operation;
        private final Map<String, String> options = new LinkedHashMap<>();
        private boolean noTrack;
        private String trackGroup;

        Parser(List<String> words, Location at, boolean isStatic, BindContext ctx) {
            super(words, at, ctx);
            this.isStatic = isStatic;
        }

        VirtualRoute route() throws Drop {
            for (i = 0; i < words.size(); i++) {
                word(words.get(i));
            }
            if (to == null) {
                throw drop("Route must have a destination");
            }
            if (family == null) {
                family = AddressFamily.IPV4;
            }
            if (dev == null && !noTrack) {
                ctx.error(at, "Warning - cannot track route " + to + " with no interface specified, not tracking");
                noTrack = true;
            }
            if (protocol != null && protocol != RTPROT_KEEPALIVED && !noTrack) {
                ctx.error(at, "Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol");
                protocol = RTPROT_KEEPALIVED;
            }
            String op = operation != null ? operation : typeGiven ? "add" : "prepend";
            return new VirtualRoute(family, type, to, src, via, dev, table, metric,
                    protocol == null ? RTPROT_KEEPALIVED : protocol, scope, onlink, nexthops, op, options, noTrack,
                    trackGroup, words, at);
        }


        private void word(String w) throws Drop {
            if (TYPES.contains(w)) {
                type = w;
                typeGiven = true;
                return;
            }
            if (METRICS.contains(w)) {
                metricOption(w);
                return;
            }
            switch (w) {
                case "inet", "inet6" -> {
                    family(w.equals("inet") ? AddressFamily.IPV4 : AddressFamily.IPV6,
                            w + " specified for " + (w.equals("inet") ? "IPv6" : "IPv4") + " route");
                    // keepalived 2.2.7 swallows an address right after inet/inet6 and then finds no
                    // destination ("Route must have a destination"); only "to PREFIX" works there.
                    if (to == null && i + 1 < words.size() && prefixOrNull(words.get(i + 1)) != null) {
                        i++;
                    }
                }
                case "to" -> destination(value(w));
                case "src" -> src = address(value(w));
                case "via", "gw" -> {
                    if (w.equals("gw")) {
                        ctx.error(at, "\"gw\" for routes is deprecated. Please use \"via\"");
                    }
                    via = gateway(w);
                }
                case "or" -> {
                    ctx.error(at, "\"or\" for routes is deprecated. Please use \"nexthop\"");
                    InetAddress other = address(value(w));
                    if (nexthops.isEmpty() && via != null) {
                        nexthops.add(new Nexthop(via, null, null, false, null, List.of("via", via.getHostAddress())));
                        via = null;
                    }
                    nexthops.add(new Nexthop(other, null, null, false, null, List.of("via", other.getHostAddress())));
                }
                case "dev", "oif" -> {
                    dev = value(w);
                    checkInterface(dev);
                }
                case "table" -> {
                    String t = value(w);
                    // keepalived takes any number, keeping its low 32 bits
                    if (t.matches("\\d{1,18}")) {
                        table = Long.parseLong(t) & 0xFFFFFFFFL;
                    } else {
                        table = IprouteNames.lookup(t, IprouteNames.TABLES, 0xFFFFFFFFL);
                    }
                    if (table == null) {
                        throw drop("Routing table " + t + " not found for route");
                    }
                }
                case "metric", "priority", "preference" -> {
                    String m = value(w);
                    metric = Args.integer(at, m, 0, 0xFFFFFFFFL, ctx);
                    if (metric == null) {
                        throw drop("Invalid metric " + m + " specified for route");
                    }
                }
                case "protocol" -> {
                    String p = value(w);
                    Long v = IprouteNames.lookup(p, IprouteNames.PROTOCOLS, 255);
                    if (v == null) {
                        throw drop("Protocol " + p + " not found or invalid for route");
                    }
                    protocol = v.intValue();
                }
                case "scope" -> {
                    String s = value(w);
                    Long v = IprouteNames.lookup(s, IprouteNames.SCOPES, 255);
                    if (v == null) {
                        throw drop("Scope " + s + " not found or invalid for route");
                    }
                    scope = v.intValue();
                }
                case "tos", "dsfield" -> {
                    String t = value(w);
                    Long v = IprouteNames.lookup(t, IprouteNames.DSFIELDS, 255);
                    if (v == null) {
                        throw drop("TOS value " + t + " is invalid for route");
                    }
                    options.put("tos", String.valueOf(v));
                }
                case "realms" -> options.put(w, value(w));
                case "expires" -> {
                    String e = value(w);
                    if (family == AddressFamily.IPV4) {
                        throw drop("expires is only valid for IPv6");
                    }
                    if (Args.integer(at, e, 0, 0xFFFFFFFFL, ctx) == null) {
                        throw drop("Invalid expires time " + e + " specified for route");
                    }
                    options.put(w, e);
                }
                case "pref" -> {
                    String p = value(w);
                    if (family == AddressFamily.IPV4) {
                        throw drop("pref is only valid for IPv6");
                    }
                    if (!Set.of("low", "medium", "high").contains(p)) {
                        throw drop("Invalid pref " + p + " specified for route");
                    }
                    options.put(w, p);
                }
                case "vrf" -> {
                    String v = value(w);
                    if (!ctx.system().interfaceExists(v)) {
                        throw drop("Route specified VRF " + v + " is not a VRF");
                    }
                    options.put(w, v);
                }
                case "ttl-propagate" -> {
                    String v = value(w);
                    if (!v.equals("enabled") && !v.equals("disabled")) {
                        throw drop("Invalid ttl-propagate value " + v);
                    }
                    options.put(w, v);
                }
                case "encap" -> options.put(w, encap());
                case "nexthop" -> nexthop();
                case "onlink" -> onlink = true;
                case "append", "prepend", "add" -> operation = w;
                case "no_track" -> noTrack = true;
                case "track_group" -> {
                    if (!isStatic) {
                        unknown(w);
                    }
                    trackGroup = value(w);
                }
                default -> {
                    if (to == null) {
                        IpPrefix p = w.equals("default") ? new IpPrefix(zero(family == AddressFamily.IPV6), 0)
                                : prefixOrNull(w);
                        if (p != null) {
                            destination(w);
                            return;
                        }
                    }
                    unknown(w);
                }
            }
        }

        private void unknown(String w) throws Drop {
            ctx.error(at, "VRRP parsed invalid IP " + w + ". skipping IP...");
            throw drop("unknown route keyword " + w);
        }

        private void family(AddressFamily f, String conflict) throws Drop {
            if (family != null && family != f) {
                throw drop(conflict);
            }
            family = f;
        }

        private void destination(String w) throws Drop {
            IpPrefix p = prefixOrNull(w);
            if (p == null) {
                if (w.equals("default")) {
                    p = new IpPrefix(zero(family == AddressFamily.IPV6), 0);
                } else {
                    ctx.error(at, "VRRP parsed invalid IP " + w + ". skipping IP...");
                    throw drop("Invalid route destination " + w);
                }
            }
            sameFamily(p.address());
            to = p;
        }

        private InetAddress address(String w) throws Drop {
            InetAddress a = w.indexOf('/') >= 0 || w.indexOf('%') >= 0 ? null : Args.address(w);
            if (a == null) {
                throw drop("VRRP parsed invalid IP " + w + ". skipping IP...");
            }
            sameFamily(a);
            return a;
        }

        private InetAddress gateway(String keyword) throws Drop {
            String w = value(keyword);
            if (w.equals("inet") || w.equals("inet6")) {
                w = value(w);
            }
            return address(w);
        }

        private void sameFamily(InetAddress a) throws Drop {
            AddressFamily f = a instanceof Inet4Address ? AddressFamily.IPV4 : AddressFamily.IPV6;
            if (family != null && family != f) {
                throw drop("Cannot mix IPv4 and IPv6 addresses for route");
            }
            family = f;
        }

        private void checkInterface(String name) {
            if (!ctx.system().interfaceExists(name)) {
                Interfaces.missing(at, "WARNING - interface " + name + " for VROUTE nexthop doesn't exist", ctx);
            }
        }

        private void metricOption(String name) throws Drop {
            String v = value(name);
            boolean lock = v.equals("lock");
            if (lock) {
                v = value(name);
            }
            switch (name) {
                case "hoplimit" -> checkRange(name, v, 0, 255);
                case "quickack", "fastopen_no_cookie" -> checkRange(name, v, 0, 1);
                case "features" -> {
                    if (!v.equals("ecn")) {
                        // kept, without the feature
                        ctx.error(at, "feature " + v + " not supported");
                        return;
                    }
                }
                case "congctl" -> {
                }
                default -> {
                    if (TIME_METRICS.contains(name)) {
                        if (!v.matches("\\d+(\\.\\d+)?(s|ms|us|ns|j)?")) {
                            throw drop("Invalid " + name + " " + v + " specified for route");
                        }
                        if (v.matches("\\d+\\.\\d+")) {
                            // kept, without this metric
                            ctx.error(at, "number '" + v + "' has too many decimal places");
                            return;
                        }
                    } else {
                        checkRange(name, v, 0, 0xFFFFFFFFL);
                    }
                }
            }
            options.put(name, lock ? "lock " + v : v);
        }

        private void checkRange(String name, String v, long min, long max) throws Drop {
            if (Args.integer(at, v, min, max, ctx) == null) {
                throw drop("Invalid " + name + (name.equals("quickack") ? " value " : " ") + v + " specified for route");
            }
        }

        private String encap() throws Drop {
            StringBuilder b = new StringBuilder(value("encap"));
            if (b.toString().equals("mpls")) {
                b.append(' ').append(value("mpls"));
            }
            while (i + 1 < words.size()
                    && (ENCAP_WORDS.contains(words.get(i + 1)) || ENCAP_FLAGS.contains(words.get(i + 1)))) {
                String w = words.get(++i);
                b.append(' ').append(w);
                if (ENCAP_WORDS.contains(w)) {
                    b.append(' ').append(value(w));
                }
            }
            return b.toString();
        }

        /** nexthop [via [inet|inet6] IP] [dev IF] [weight 1..256] [onlink] [realms R] [encap ...]. */
        private void nexthop() throws Drop {
            InetAddress nhVia = null;
            String nhDev = null;
            Integer weight = null;
            boolean nhOnlink = false;
            String realms = null;
            boolean valid = true;
            int start = i;
            while (i + 1 < words.size() && !words.get(i + 1).equals("nexthop")) {
                String w = words.get(++i);
                switch (w) {
                    case "via", "gw" -> nhVia = gateway(w);
                    case "dev" -> {
                        nhDev = value(w);
                        checkInterface(nhDev);
                    }
                    case "weight" -> {
                        String v = value(w);
                        Long x = Args.integer(at, v, 0, 256, ctx);
                        if (x == null) {
                            ctx.error(at, "Invalid weight " + v + " specified for route");
                            valid = false;
                        } else {
                            weight = x.intValue();
                        }
                    }
                    case "onlink" -> nhOnlink = true;
                    case "realms" -> realms = value(w);
                    case "encap" -> encap();
                    default -> unknown(w);
                }
            }
            if (valid) {
                nexthops.add(new Nexthop(nhVia, nhDev, weight, nhOnlink, realms, words.subList(start, i + 1)));
            }
        }
    }

    static IpPrefix prefixOrNull(String w) {
        int slash = w.indexOf('/');
        String addr = slash < 0 ? w : w.substring(0, slash);
        if (addr.indexOf('%') >= 0) {
            return null;
        }
        InetAddress a = Args.address(addr);
        if (a == null) {
            return null;
        }
        int max = a instanceof Inet4Address ? 32 : 128;
        if (slash < 0) {
            return new IpPrefix(a, max);
        }
        try {
            int len = Integer.parseInt(w.substring(slash + 1));
            return len < 0 || len > max ? null : new IpPrefix(a, len);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static InetAddress zero(boolean v6) {
        return Args.address(v6 ? "::" : "0.0.0.0");
    }
}
