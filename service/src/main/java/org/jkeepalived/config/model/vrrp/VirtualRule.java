package org.jkeepalived.config.model.vrrp;

import java.util.List;
import java.util.Map;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.IpPrefix;

/**
 * One line of virtual_rules or static_rules (c.3), in {@code ip rule add} syntax.
 *
 * @param family     IPv4 or IPv6
 * @param not        {@code not}: invert the selector
 * @param from       source prefix, null = all
 * @param to         destination prefix, null = all
 * @param preference preference (priority); keepalived assigns 16384, 16383, ... when none is given
 * @param action     table, goto, nop, blackhole, prohibit, unreachable or l3mdev
 * @param table      table number for the {@code table} action, null otherwise
 * @param gotoTarget target preference for the {@code goto} action, null otherwise
 * @param iif        input interface, null when none
 * @param oif        output interface, null when none
 * @param options    other selectors/attributes as written (tos, fwmark, realms, uidrange, protocol,
 *                   sport, dport, suppress_prefixlength, suppress_ifgroup, ...)
 * @param noTrack    {@code no_track}
 * @param trackGroup {@code track_group} (static rules only), null when none
 * @param words      the line as written
 * @param location   where the line was written
 */
public record VirtualRule(AddressFamily family, boolean not, IpPrefix from, IpPrefix to, long preference,
                          String action, Long table, Long gotoTarget, String iif, String oif,
                          Map<String, String> options, boolean noTrack, String trackGroup, List<String> words,
                          Location location) {
    public VirtualRule {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        words = List.copyOf(words);
    }
}
