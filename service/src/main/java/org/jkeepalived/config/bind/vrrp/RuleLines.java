package org.jkeepalived.config.bind.vrrp;

import java.net.Inet4Address;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.VirtualRule;

/**
 * One line of virtual_rules or static_rules (c.3), in {@code ip rule add} syntax. keepalived 2.2.7
 * (observed) drops the rule on an unknown option (it does not know {@code pref}, {@code ip_proto} or
 * {@code tun_id}), a bad value, more than one action, no action, or mixed families. A rule without a
 * preference gets one (16384, then 16383, ... in file order) with a warning.
 */
final class RuleLines {
    /** The next preference keepalived hands out to a rule that has none. */
    static final class PreferenceCounter {
        private long next = 16384;

        long take() {
            return next--;
        }
    }

    private RuleLines() {
    }

    static VirtualRule parse(List<String> words, Location at, boolean isStatic, PreferenceCounter counter,
                             BindContext ctx) {
        try {
            return new Parser(words, at, isStatic, ctx).rule(counter);
        } catch (LineCursor.Drop d) {
            return null;
        }
    }

    private static final class Parser extends LineCursor {
        private final boolean isStatic;
        private AddressFamily family;
        private boolean not;
        private IpPrefix from;
        private IpPrefix to;
        private Long preference;
        private String action;
        private Long table;
        private Long gotoTarget;
        private String iif;
        private String oif;
        private final Map<String, String> options = new LinkedHashMap<>();
        private boolean noTrack;
        private String trackGroup;
        private Integer protocol;

        Parser(List<String> words, Location at, boolean isStatic, BindContext ctx) {
            super(words, at, ctx);
            this.isStatic = isStatic;
        }

        VirtualRule rule(PreferenceCounter counter) throws Drop {
            for (i = 0; i < words.size(); i++) {
                word(words.get(i));
            }
            if (action == null) {
                throw drop("No action specified for rule - ignoring");
            }
            if (trackGroup != null && iif == null) {
                ctx.error(at, "Static rule cannot have track_group if dev/iif not specified");
                trackGroup = null;
            }
            if (protocol != null && protocol != RouteLines.RTPROT_KEEPALIVED && !noTrack) {
                ctx.error(at, "Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol");
                protocol = RouteLines.RTPROT_KEEPALIVED;
            }
            if (protocol != null) {
                options.put("protocol", String.valueOf(protocol));
            }
            if (preference == null) {
                preference = counter.take();
                ctx.error(at, "Rule has no preference specified - setting to " + preference
                        + ". This is probably not what you want.");
            }
            return new VirtualRule(family == null ? AddressFamily.IPV4 : family, not, from, to, preference, action,
                    table, gotoTarget, iif, oif, options, noTrack, trackGroup, words, at);
        }


        private void action(String a) throws Drop {
            if (action != null) {
                throw drop("Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev"
                        + " for rule");
            }
            action = a;
        }

        private void word(String w) throws Drop {
            switch (w) {
                case "not" -> not = true;
                case "inet" -> family(AddressFamily.IPV4);
                case "inet6" -> family(AddressFamily.IPV6);
                case "from" -> from = selector(w, value(w));
                case "to" -> to = selector(w, value(w));
                case "table", "lookup" -> {
                    String t = value(w);
                    action("table");
                    table = IprouteNames.lookup(t, IprouteNames.TABLES, 0xFFFFFFFFL);
                    if (table == null) {
                        throw drop("Routing table " + t + " not found for rule");
                    }
                }
                case "goto" -> {
                    String g = value(w);
                    action("goto");
                    gotoTarget = Args.integer(at, g, 0, 0xFFFFFFFFL, ctx);
                    if (gotoTarget == null) {
                        throw drop("Invalid target " + g + " specified for rule goto");
                    }
                }
                case "nop", "blackhole", "prohibit", "unreachable", "l3mdev" -> action(w);
                case "type" -> {
                    String t = value(w);
                    switch (t) {
                        case "nop", "blackhole", "prohibit", "unreachable" -> action(t);
                        default -> invalidAction(t);
                    }
                }
                case "nat", "unicast" -> invalidAction(w);
                case "preference", "priority", "order" -> {
                    String p = value(w);
                    preference = Args.integer(at, p, 0, 0xFFFFFFFFL, ctx);
                    if (preference == null) {
                        throw drop("Invalid rule preference " + p + " specified");
                    }
                }
                case "iif", "dev" -> {
                    iif = value(w);
                    checkInterface(iif);
                }
                case "oif" -> {
                    oif = value(w);
                    checkInterface(oif);
                }
                case "tos", "dsfield" -> {
                    String t = value(w);
                    Long v = IprouteNames.lookup(t, IprouteNames.DSFIELDS, 255);
                    if (v == null) {
                        throw drop("Invalid rule tos " + t);
                    }
                    options.put("tos", String.valueOf(v));
                }
                case "fwmark" -> {
                    String f = value(w);
                    if (!f.matches("(0[xX][0-9a-fA-F]+|\\d+)(/(0[xX][0-9a-fA-F]+|\\d+))?")) {
                        throw drop("Invalid rule fwmark " + f);
                    }
                    options.put(w, f);
                }
                case "protocol" -> {
                    // rules take a number only (2.2.7)
                    String p = value(w);
                    Integer v = Args.intValue(at, p, 0, 255, ctx);
                    if (v == null) {
                        throw drop("Invalid protocol " + p);
                    }
                    protocol = v;
                }
                case "uidrange", "sport", "dport" -> {
                    String r = value(w);
                    if (!r.matches(w.equals("uidrange") ? "\\d+-\\d+" : "\\d+(-\\d+)?")) {
                        throw drop("Invalid rule " + w + " " + r);
                    }
                    options.put(w, r);
                }
                case "suppress_prefixlength" -> {
                    String s = value(w);
                    if (Args.integer(at, s, 0, 0xFFFFFFFFL, ctx) == null) {
                        throw drop("Invalid suppress_prefixlength " + s + " specified for rule");
                    }
                    options.put(w, s);
                }
                case "suppress_ifgroup" -> {
                    String g = value(w);
                    if (IprouteNames.lookup(g, IprouteNames.GROUPS, 0xFFFFFFFFL) == null) {
                        throw drop("Invalid suppress_ifgroup " + g + " specified for rule");
                    }
                    options.put(w, g);
                }
                case "realms" -> options.put(w, value(w));
                case "no_track" -> noTrack = true;
                case "track_group" -> {
                    if (!isStatic) {
                        unknown(w);
                    }
                    trackGroup = value(w);
                }
                default -> unknown(w);
            }
        }

        private void unknown(String w) throws Drop {
            throw drop("Unknown rule option " + w);
        }

        private void invalidAction(String a) throws Drop {
            throw drop("Invalid rule action " + a);
        }

        private IpPrefix selector(String which, String w) throws Drop {
            if (w.equals("all") || w.equals("default")) {
                return null;
            }
            IpPrefix p = RouteLines.prefixOrNull(w);
            if (p == null) {
                ctx.error(at, "VRRP parsed invalid IP " + w + ". skipping IP...");
                throw drop("Invalid rule " + which + " address " + w);
            }
            AddressFamily f = p.address() instanceof Inet4Address ? AddressFamily.IPV4 : AddressFamily.IPV6;
            if (family != null && family != f) {
                throw drop("rule specification has mixed IPv4 and IPv6");
            }
            family = f;
            return p;
        }

        private void family(AddressFamily f) throws Drop {
            if (family != null && family != f) {
                throw drop("rule specification has mixed IPv4 and IPv6");
            }
            family = f;
        }

        private void checkInterface(String name) {
            if (!ctx.system().interfaceExists(name)) {
                Interfaces.missing(at, "WARNING - interface " + name + " for rule doesn't exist", ctx);
            }
        }
    }
}
