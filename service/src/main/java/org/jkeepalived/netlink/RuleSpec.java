package org.jkeepalived.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * A policy routing rule (keepalived's {@code virtual_rules} / {@code static_rules}, {@code ip rule} syntax):
 * selectors, priority, and the action with its table or goto target.
 *
 * @param family       AF_INET (2) or AF_INET6 (10)
 * @param from         null for any source; its prefix is {@code fromPrefixLength}
 * @param to           null for any destination
 * @param priority     the rule's preference; null lets the kernel choose
 * @param action       FR_ACT_*: {@link RouteCodec#FR_ACT_TO_TBL} with {@code table}, blackhole...
 * @param table        the table of FR_ACT_TO_TBL (0 with {@code l3mdev})
 * @param invert       {@code not}: the selector is negated (FIB_RULE_INVERT)
 * @param tos          the tos selector, 0 for none
 * @param fwmark       FRA_FWMARK, null for none
 * @param fwmask       FRA_FWMASK, null for none
 * @param gotoTarget   FRA_GOTO for FR_ACT_GOTO, null otherwise
 * @param protocol     FRA_PROTOCOL (keepalived marks its rules 18), null for none
 * @param suppressPrefixLength FRA_SUPPRESS_PREFIXLEN, null for none
 * @param suppressIfGroup      FRA_SUPPRESS_IFGROUP, null for none
 * @param l3mdev       FRA_L3MDEV (lookup the table of the l3mdev device)
 * @param uidRange     FRA_UID_RANGE {start, end}, null for none
 * @param sportRange   FRA_SPORT_RANGE {start, end}, null for none
 * @param dportRange   FRA_DPORT_RANGE {start, end}, null for none
 */
public record RuleSpec(int family, InetAddress from, int fromPrefixLength, InetAddress to, int toPrefixLength,
                       String iifName, String oifName, Integer priority, int action, int table, boolean invert,
                       int tos, Long fwmark, Long fwmask, Long gotoTarget, Integer protocol,
                       Long suppressPrefixLength, Long suppressIfGroup, boolean l3mdev, long[] uidRange,
                       int[] sportRange, int[] dportRange) {
    /** The basic selectors only. */
    public RuleSpec(int family, InetAddress from, int fromPrefixLength, InetAddress to, int toPrefixLength,
                    String iifName, String oifName, Integer priority, int action, int table, boolean invert) {
        this(family, from, fromPrefixLength, to, toPrefixLength, iifName, oifName, priority, action, table, invert, 0,
                null, null, null, null, null, null, false, null, null, null);
    }

    /** {@code from PREFIX lookup TABLE priority N}. */
    public static RuleSpec fromLookup(InetAddress from, int prefixLength, int table, int priority) {
        return new RuleSpec(from instanceof Inet4Address ? 2 : 10, from, prefixLength, null, 0, null, null, priority,
                RouteCodec.FR_ACT_TO_TBL, table, false);
    }

    /** Value equality, arrays included (the kernel compares the same fields to find a rule to delete). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSpec r && toString().equals(r.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "RuleSpec[family=" + family + ", from=" + from + "/" + fromPrefixLength + ", to=" + to + "/"
                + toPrefixLength + ", iif=" + iifName + ", oif=" + oifName + ", priority=" + priority + ", action="
                + action + ", table=" + table + ", invert=" + invert + ", tos=" + tos + ", fwmark=" + fwmark + "/"
                + fwmask + ", goto=" + gotoTarget + ", protocol=" + protocol + ", suppressPrefixLength="
                + suppressPrefixLength + ", suppressIfGroup=" + suppressIfGroup + ", l3mdev=" + l3mdev + ", uid="
                + java.util.Arrays.toString(uidRange) + ", sport=" + java.util.Arrays.toString(sportRange) + ", dport="
                + java.util.Arrays.toString(dportRange) + "]";
    }
}
