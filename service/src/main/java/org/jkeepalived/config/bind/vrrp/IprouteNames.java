package org.jkeepalived.config.bind.vrrp;

import java.util.Map;

/**
 * The names iproute2 ships in /etc/iproute2 (rt_tables, rt_protos, rt_scopes, rt_dsfield, group), which
 * keepalived accepts in route and rule lines. Only the stock names are known here; a site-specific
 * name added to those files is reported as unknown.
 */
final class IprouteNames {
    static final Map<String, Long> TABLES = Map.of("unspec", 0L, "default", 253L, "main", 254L, "local", 255L);

    static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("unspec", 0), Map.entry("redirect", 1), Map.entry("kernel", 2), Map.entry("boot", 3),
            Map.entry("static", 4), Map.entry("gated", 8), Map.entry("ra", 9), Map.entry("mrt", 10),
            Map.entry("zebra", 11), Map.entry("bird", 12), Map.entry("dnrouted", 13), Map.entry("xorp", 14),
            Map.entry("ntk", 15), Map.entry("dhcp", 16), Map.entry("keepalived", 18), Map.entry("babel", 42),
            Map.entry("openr", 99), Map.entry("bgp", 186), Map.entry("isis", 187), Map.entry("ospf", 188),
            Map.entry("rip", 189), Map.entry("eigrp", 192));

    static final Map<String, Integer> SCOPES = Map.of("global", 0, "universe", 0, "site", 200, "link", 253,
            "host", 254, "nowhere", 255);

    static final Map<String, Integer> DSFIELDS = Map.ofEntries(
            Map.entry("default", 0x0), Map.entry("AF11", 0x28), Map.entry("AF12", 0x30), Map.entry("AF13", 0x38),
            Map.entry("AF21", 0x48), Map.entry("AF22", 0x50), Map.entry("AF23", 0x58), Map.entry("AF31", 0x68),
            Map.entry("AF32", 0x70), Map.entry("AF33", 0x78), Map.entry("AF41", 0x88), Map.entry("AF42", 0x90),
            Map.entry("AF43", 0x98), Map.entry("CS1", 0x20), Map.entry("CS2", 0x40), Map.entry("CS3", 0x60),
            Map.entry("CS4", 0x80), Map.entry("CS5", 0xA0), Map.entry("CS6", 0xC0), Map.entry("CS7", 0xE0),
            Map.entry("EF", 0xB8));

    static final Map<String, Integer> GROUPS = Map.of("default", 0);

    private IprouteNames() {
    }

    /** A number (decimal or 0x hex) in [0, max] or a name from {@code names}; null when neither. */
    static Long lookup(String w, Map<String, ? extends Number> names, long max) {
        Number n = names.get(w);
        if (n != null) {
            return n.longValue();
        }
        try {
            long v = w.startsWith("0x") || w.startsWith("0X") ? Long.parseLong(w.substring(2), 16) : Long.parseLong(w);
            return v >= 0 && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
