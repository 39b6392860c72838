package org.jkeepalived.vrrp.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.netlink.AddressManager;
import org.jkeepalived.netlink.AddressSpec;
import org.jkeepalived.netlink.NetlinkCodec;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.netlink.RouteManager;
import org.jkeepalived.netlink.RouteSpec;
import org.jkeepalived.netlink.RuleSpec;
import org.jkeepalived.os.log.Log;

/**
 * What keepalived owns besides the VIPs (c.3), on the engine's loop thread only: static_ipaddress,
 * static_routes and static_rules (kept configured while running), and each MASTER's virtual_routes and
 * virtual_rules. Order as keepalived 2.2.7 (observed): addresses, routes, rules when adding; rules, routes,
 * addresses when removing ("(VI_1) removing Virtual Rules" comes before "removing Virtual Routes").
 *
 * <p>Restoring (observed with keepalived 2.2.7 in a namespace, {@code ip addr/route/rule del}):
 * <ul>
 * <li>a tracked static address, route or rule deleted by someone else is put back at once, logged
 *     "Restoring deleted static address|route|rule ..."; an untracked one ({@code no_track}, or a route
 *     without {@code dev}, which keepalived cannot track) is left deleted, silently;</li>
 * <li>a tracked virtual route or rule of a MASTER deleted by someone else: keepalived leaves MASTER (sends
 *     priority 0, removes everything) and re-elects, adding it again if it wins. Deliberate deviation until
 *     the state machine has an "owned item deleted" input: we put the item back directly, so it is back as
 *     fast, without the handover; no_track ones are left deleted, as keepalived does.</li>
 * </ul>
 * Our own removals also produce deletion events: an item stops being owned before we remove it, so those
 * events find no owner and are ignored.
 */
final class OwnedItems {
    /** An owned item: its request, the line it came from, whether its deletion is repaired. */
    private record Item<T>(T spec, String line, boolean tracked) {
    }

    /** The virtual routes and rules currently added for one MASTER instance. */
    private record Installed(List<Item<RouteSpec>> routes, List<Item<RuleSpec>> rules) {
    }

    private final AddressManager addresses;
    private final RouteManager routes;
    private final Log log;
    private final ToIntFunction<String> ifIndex;
    private final Set<String> logged = new HashSet<>();
    private final Map<String, Installed> virtuals = new HashMap<>();
    private List<Item<AddressSpec>> staticAddresses = List.of();
    private List<Item<RouteSpec>> staticRoutes = List.of();
    private List<Item<RuleSpec>> staticRules = List.of();

    /**
     * @param routes  null when routes and rules are not applied (logged once if some are configured)
     * @param ifIndex interface name → index, 0 when there is no such interface
     */
    OwnedItems(AddressManager addresses, RouteManager routes, Log log, ToIntFunction<String> ifIndex) {
        this.addresses = addresses;
        this.routes = routes;
        this.log = log;
        this.ifIndex = ifIndex;
    }

    // ---------------------------------------------------------------- static items

    /** At start: static addresses, then routes, then rules. */
    void applyStatic(StaticConfig statics) {
        staticAddresses = staticAddressItems(statics.addresses());
        staticRoutes = routeItems(statics.routes());
        staticRules = ruleItems(statics.rules());
        staticAddresses.forEach(i -> change(i.spec(), true));
        staticRoutes.forEach(i -> change(i.spec(), true));
        staticRules.forEach(i -> change(i.spec(), true));
    }

    /** At stop: rules, routes, then addresses; nothing is owned afterwards. */
    void removeStatic() {
        List<Item<AddressSpec>> a = staticAddresses;
        List<Item<RouteSpec>> r = staticRoutes;
        List<Item<RuleSpec>> u = staticRules;
        staticAddresses = List.of();
        staticRoutes = List.of();
        staticRules = List.of();
        reversed(u).forEach(i -> change(i.spec(), false));
        reversed(r).forEach(i -> change(i.spec(), false));
        reversed(a).forEach(i -> change(i.spec(), false));
    }

    /** On reload: what is no longer configured goes (rules, routes, addresses), then what is new comes. */
    void reloadStatic(StaticConfig next) {
        List<Item<AddressSpec>> a = staticAddressItems(next.addresses());
        List<Item<RouteSpec>> r = routeItems(next.routes());
        List<Item<RuleSpec>> u = ruleItems(next.rules());
        List<Item<AddressSpec>> oldA = staticAddresses;
        List<Item<RouteSpec>> oldR = staticRoutes;
        List<Item<RuleSpec>> oldU = staticRules;
        staticAddresses = a;
        staticRoutes = r;
        staticRules = u;
        reversed(gone(oldU, u)).forEach(s -> change(s, false));
        reversed(gone(oldR, r)).forEach(s -> removingRoute(s));
        reversed(gone(oldA, a)).forEach(s -> change(s, false));
        gone(a, oldA).forEach(s -> change(s, true));
        gone(r, oldR).forEach(s -> change(s, true));
        gone(u, oldU).forEach(s -> change(s, true));
    }

    /** A route a reload dropped: keepalived 2.2.7 logs "Removing route 10.31.0.0/16" (observed). */
    private void removingRoute(RouteSpec r) {
        log.info("Removing route " + AddressText.of(r.destination()) + "/" + r.prefixLength());
        change(r, false);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The specs of {@code from} that {@code to} does not have, in order. */
    private static <T> List<T> gone(List<Item<T>> from, List<Item<T>> to) {
        Set<T> keep = new HashSet<>();
        to.forEach(i -> keep.add(i.spec()));
        List<T> out = new ArrayList<>();
        for (Item<T> i : from) {
            if (!keep.contains(i.spec())) {
                out.add(i.spec());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- virtual routes and rules

    /** The instance became MASTER (its VIPs were just added): routes, then rules. */
    void masterEntered(String instance, List<VirtualRoute> vroutes, List<VirtualRule> vrules) {
        if (virtuals.containsKey(instance)) {
            return;
        }
        Installed in = new Installed(routeItems(vroutes), ruleItems(vrules));
        virtuals.put(instance, in);
        if (!in.routes().isEmpty()) {
            log.info("(" + instance + ") setting Virtual Routes");
            in.routes().forEach(i -> change(i.spec(), true));
        }
        if (!in.rules().isEmpty()) {
            log.info("(" + instance + ") setting Virtual Rules");
            in.rules().forEach(i -> change(i.spec(), true));
        }
    }

    /** A reload renamed a kept instance: what it owns moves with it. */
    void renamed(String previous, String next) {
        Installed in = virtuals.remove(previous);
        if (in != null) {
            virtuals.put(next, in);
        }
    }

    /** The instance left MASTER (before its VIPs go): rules, then routes. */
    void masterLeft(String instance) {
        Installed in = virtuals.remove(instance);
        if (in == null) {
            return;
        }
        if (!in.rules().isEmpty()) {
            log.info("(" + instance + ") removing Virtual Rules");
            reversed(in.rules()).forEach(i -> change(i.spec(), false));
        }
        if (!in.routes().isEmpty()) {
            log.info("(" + instance + ") removing Virtual Routes");
            reversed(in.routes()).forEach(i -> change(i.spec(), false));
        }
    }

    /**
     * An instance starting as BACKUP or FAULT: its virtual rules and routes are removed in case a previous
     * run left them (keepalived 2.2.7 logs "(VI_1) removing Virtual Rules" / "Routes" then, observed).
     * Nothing becomes owned; "not there" answers are fine.
     */
    void removeLeftovers(String instance, List<VirtualRoute> vroutes, List<VirtualRule> vrules) {
        if (virtuals.containsKey(instance) || routes == null) {
            return;
        }
        // Never what is owned otherwise (a static item, another MASTER's): only true leftovers.
        Set<Object> ownedSpecs = new HashSet<>();
        staticRoutes.forEach(i -> ownedSpecs.add(i.spec()));
        staticRules.forEach(i -> ownedSpecs.add(i.spec()));
        virtuals.values().forEach(in -> {
            in.routes().forEach(i -> ownedSpecs.add(i.spec()));
            in.rules().forEach(i -> ownedSpecs.add(i.spec()));
        });
        List<Item<RuleSpec>> u = ruleItems(vrules).stream().filter(i -> !ownedSpecs.contains(i.spec())).toList();
        List<Item<RouteSpec>> r = routeItems(vroutes).stream().filter(i -> !ownedSpecs.contains(i.spec())).toList();
        if (!u.isEmpty()) {
            log.info("(" + instance + ") removing Virtual Rules");
            reversed(u).forEach(i -> change(i.spec(), false));
        }
        if (!r.isEmpty()) {
            log.info("(" + instance + ") removing Virtual Routes");
            reversed(r).forEach(i -> change(i.spec(), false));
        }
    }

    /** After lost netlink events: adds again everything owned (EEXIST for what is still there). */
    void reassert() {
        staticAddresses.forEach(i -> change(i.spec(), true));
        staticRoutes.forEach(i -> change(i.spec(), true));
        staticRules.forEach(i -> change(i.spec(), true));
        for (Installed in : virtuals.values()) {
            in.routes().forEach(i -> change(i.spec(), true));
            in.rules().forEach(i -> change(i.spec(), true));
        }
    }

    boolean isMasterOwned(String instance) {
        return virtuals.containsKey(instance);
    }

    /** A reload changed a MASTER's lines: the old ones not kept go, the new ones come. */
    void reconfigured(String instance, List<VirtualRoute> vroutes, List<VirtualRule> vrules) {
        Installed old = virtuals.get(instance);
        if (old == null) {
            return;
        }
        Installed next = new Installed(routeItems(vroutes), ruleItems(vrules));
        virtuals.put(instance, next);
        reversed(gone(old.rules(), next.rules())).forEach(s -> change(s, false));
        reversed(gone(old.routes(), next.routes())).forEach(s -> removingRoute(s));
        gone(next.routes(), old.routes()).forEach(s -> change(s, true));
        gone(next.rules(), old.rules()).forEach(s -> change(s, true));
    }

    /** Forgets an instance that no longer exists, removing what it had added. */
    void instanceRemoved(String instance) {
        masterLeft(instance);
    }

    // ---------------------------------------------------------------- restore

    /** A deletion by someone else: an owned, tracked item is put back (see the class comment). */
    void onDeleted(NetlinkEvent e) {
        if (e instanceof NetlinkEvent.AddressRemoved ar) {
            for (Item<AddressSpec> i : staticAddresses) {
                if (i.tracked() && RouteMapping.matches(i.spec(), ar)) {
                    log.info("Restoring deleted static address " + i.line());
                    change(i.spec(), true);
                }
            }
        } else if (e instanceof NetlinkEvent.RouteRemoved rr) {
            for (Item<RouteSpec> i : staticRoutes) {
                if (i.tracked() && RouteMapping.matches(i.spec(), rr)) {
                    log.info("Restoring deleted static route " + i.line());
                    change(i.spec(), true);
                }
            }
            for (Map.Entry<String, Installed> v : virtuals.entrySet()) {
                for (Item<RouteSpec> i : v.getValue().routes()) {
                    if (i.tracked() && RouteMapping.matches(i.spec(), rr)) {
                        log.info("(" + v.getKey() + ") Restoring deleted virtual route " + i.line());
                        change(i.spec(), true);
                    }
                }
            }
        } else if (e instanceof NetlinkEvent.RuleRemoved ur) {
            for (Item<RuleSpec> i : staticRules) {
                if (i.tracked() && RouteMapping.matches(i.spec(), ur)) {
                    log.info("Restoring deleted static rule " + i.line());
                    change(i.spec(), true);
                }
            }
            for (Map.Entry<String, Installed> v : virtuals.entrySet()) {
                for (Item<RuleSpec> i : v.getValue().rules()) {
                    if (i.tracked() && RouteMapping.matches(i.spec(), ur)) {
                        log.info("(" + v.getKey() + ") Restoring deleted virtual rule " + i.line());
                        change(i.spec(), true);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- mapping and requests

    private List<Item<AddressSpec>> staticAddressItems(List<VirtualAddress> lines) {
        List<Item<AddressSpec>> out = new ArrayList<>();
        for (VirtualAddress v : lines) {
            int index = v.dev() == null ? 0 : ifIndex.applyAsInt(v.dev());
            if (index <= 0) {
                once(v.location(), "static address " + v.address() + ": no interface " + v.dev() + ", not added");
                continue;
            }
            out.add(new Item<>(RouteMapping.address(v, index), describe(v), !v.noTrack()));
        }
        return out;
    }

    /**
     * keepalived's wording for an address ("10.9.2.1/24 dev veth0 scope global set", observed; "set"
     * is its flag for an address it has added).
     */
    private static String describe(VirtualAddress v) {
        return AddressText.of(v.address()) + " dev " + v.dev() + " scope " + scopeName(v.scope()) + " set";
    }

    /**
     * keepalived's wording for a route, observed: "prepend 10.30.0.0/16 src 10.9.0.1 via inet 10.9.0.254 dev
     * veth0 table 100 proto 18 metric 5 mtu 1400"; the rarer attributes follow as written.
     */
    static String describe(VirtualRoute r) {
        StringBuilder b = new StringBuilder(r.operation() == null ? "prepend" : r.operation());
        if (r.type() != null && !r.type().equals("unicast")) {
            b.append(' ').append(r.type());
        }
        b.append(' ').append(AddressText.of(r.to()));
        if (r.src() != null) {
            b.append(" src ").append(AddressText.of(r.src()));
        }
        if (r.via() != null) {
            b.append(" via ").append(r.via() instanceof java.net.Inet4Address ? "inet " : "inet6 ")
                    .append(AddressText.of(r.via()));
        }
        if (r.dev() != null) {
            b.append(" dev ").append(r.dev());
        }
        if (r.table() != null && r.table() != 254) {
            b.append(" table ").append(r.table());
        }
        b.append(" proto ").append(r.protocol());
        if (r.metric() != null) {
            b.append(" metric ").append(r.metric());
        }
        r.options().forEach((k, v) -> b.append(' ').append(k).append(' ').append(v));
        return b.toString();
    }

    /**
     * keepalived's wording for a rule, observed: "from 10.9.2.1 priority 200 tos 0x0 protocol 18 lookup 200"
     * (a host prefix without its length); other selectors follow as written.
     */
    static String describe(VirtualRule r) {
        StringBuilder b = new StringBuilder(r.not() ? "not " : "");
        b.append("from ").append(r.from() == null ? "all" : prefix(r.from()));
        if (r.to() != null) {
            b.append(" to ").append(prefix(r.to()));
        }
        b.append(" priority ").append(r.preference());
        String tos = r.options().getOrDefault("tos", "0");
        b.append(" tos 0x").append(Integer.toHexString(Integer.parseInt(tos)));
        b.append(" protocol ").append(r.options().getOrDefault("protocol", "18"));
        if (r.iif() != null) {
            b.append(" iif ").append(r.iif());
        }
        if (r.oif() != null) {
            b.append(" oif ").append(r.oif());
        }
        r.options().forEach((k, v) -> {
            if (!k.equals("tos") && !k.equals("protocol")) {
                b.append(' ').append(k).append(' ').append(v);
            }
        });
        switch (r.action()) {
            case "table" -> b.append(" lookup ").append(r.table() == null ? 254 : r.table());
            case "goto" -> b.append(" goto ").append(r.gotoTarget());
            default -> b.append(' ').append(r.action());
        }
        return b.toString();
    }

    private static String prefix(org.jkeepalived.config.model.IpPrefix p) {
        int full = p.isIpv4() ? 32 : 128;
        return p.prefixLength() == full ? AddressText.of(p.address()) : AddressText.of(p);
    }

    private static String scopeName(int scope) {
        return switch (scope) {
            case NetlinkCodec.RT_SCOPE_UNIVERSE -> "global";
            case NetlinkCodec.RT_SCOPE_SITE -> "site";
            case NetlinkCodec.RT_SCOPE_LINK -> "link";
            case NetlinkCodec.RT_SCOPE_HOST -> "host";
            default -> Integer.toString(scope);
        };
    }

    private List<Item<RouteSpec>> routeItems(List<VirtualRoute> lines) {
        List<Item<RouteSpec>> out = new ArrayList<>();
        if (!lines.isEmpty() && routes == null) {
            once(lines.get(0).location(), "routes are not applied (no route manager)");
            return out;
        }
        for (VirtualRoute r : lines) {
            RouteMapping.Mapped<RouteSpec> m = RouteMapping.route(r, ifIndex);
            report(r.location(), "route " + String.join(" ", r.words()), m.problems(), m.spec() != null);
            if (m.spec() != null) {
                // keepalived cannot track a route without a device (it says so at load): not restored.
                out.add(new Item<>(m.spec(), describe(r), !r.noTrack() && r.dev() != null));
            }
        }
        return out;
    }

    private List<Item<RuleSpec>> ruleItems(List<VirtualRule> lines) {
        List<Item<RuleSpec>> out = new ArrayList<>();
        if (!lines.isEmpty() && routes == null) {
            once(lines.get(0).location(), "rules are not applied (no route manager)");
            return out;
        }
        for (VirtualRule r : lines) {
            RouteMapping.Mapped<RuleSpec> m = RouteMapping.rule(r);
            report(r.location(), "rule " + String.join(" ", r.words()), m.problems(), m.spec() != null);
            if (m.spec() != null) {
                out.add(new Item<>(m.spec(), describe(r), !r.noTrack()));
            }
        }
        return out;
    }

    private void report(Location at, String what, List<String> problems, boolean applied) {
        if (!problems.isEmpty()) {
            once(at, what + ": " + String.join(", ", problems) + (applied ? "" : "; not added"));
        }
    }

    /** Logs a mapping problem once per line and problem, with the line's location. */
    private void once(Location at, String message) {
        String text = (at == null ? "" : at + " ") + message;
        if (logged.add(text)) {
            log.warn(text);
        }
    }

    /**
     * Adds or removes; EEXIST on add and "not there" on remove (EADDRNOTAVAIL, ESRCH, ENOENT) mean the
     * kernel already has what we want. Failures are logged, never thrown.
     */
    private void change(Object spec, boolean add) {
        try {
            if (spec instanceof AddressSpec a) {
                if (add) {
                    addresses.add(a);
                } else {
                    addresses.remove(a);
                }
            } else if (spec instanceof RouteSpec r) {
                if (add) {
                    routes.add(r);
                } else {
                    routes.remove(r);
                }
            } else if (spec instanceof RuleSpec u) {
                if (add) {
                    routes.add(u);
                } else {
                    routes.remove(u);
                }
            }
        } catch (NetlinkException e) {
            int errno = e.errno();
            boolean fine = add ? errno == Errno.EEXIST
                    : errno == Errno.EADDRNOTAVAIL || errno == Errno.ESRCH || errno == Errno.ENOENT;
            if (!fine) {
                log.error("cannot " + (add ? "add " : "remove ") + e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("cannot " + (add ? "add " : "remove ") + spec + ": " + e);
        }
    }
}
