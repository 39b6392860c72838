package org.jkeepalived.netlink;

import java.net.Inet4Address;

/**
 * A policy routing rule (keepalived's {@code virtual_rules}, {@code ip rule} syntax): selectors
 * from/to (null for any), input/output interface names, priority, and the action with its table.
 *
 * @param family AF_INET (2) or AF_INET6 (10)
 * @param from null for any source; its prefix is {@code fromPrefixLength}
 * @param to null for any destination
 * @param priority the rule's preference; null lets the kernel choose
 * @param action FR_ACT_*: {@link RouteCodec#FR_ACT_TO_TBL} with {@code table}, blackhole...
 * @param invert {@code not}: the selector is negated (FIB_RULE_INVERT)
 */
public record RuleSpec(int family, java.net.InetAddress from, int fromPrefixLength, java.net.InetAddress to,
                       int toPrefixLength, String iifName, String oifName, Integer priority, int action, int table,
                       boolean invert) {
    /** {@code from PREFIX lookup TABLE priority N}. */
    public static RuleSpec fromLookup(java.net.InetAddress from, int prefixLength, int table, int priority) {
        return new RuleSpec(from instanceof Inet4Address ? 2 : 10, from, prefixLength, null, 0, null, null, priority,
                RouteCodec.FR_ACT_TO_TBL, table, false);
    }
}
