package org.jkeepalived.config.bind.lvs;

import java.net.InetAddress;
import java.util.Optional;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.model.lvs.IpFamily;
import org.jkeepalived.config.syntax.Node;

/**
 * Argument readers for the LVS keywords. Each reports the generic problem through {@link Values} and
 * then keepalived's keyword-specific line (operators grep for it), returning null so the caller keeps
 * its previous value.
 */
final class LvsValues {
    static final long SECOND = 1_000_000L;
    static final long UINT_MAX = 0xFFFF_FFFFL;
    /** keepalived's weights are ints: IPVS_WEIGHT_LIMIT. */
    static final long WEIGHT_LIMIT = Integer.MAX_VALUE;

    private LvsValues() {
    }

    /** An unsigned number in [min, max]; on failure {@code message} is reported too. */
    static Long number(Node node, int index, long min, long max, BindContext ctx, String message) {
        if (!node.hasArg(index)) {
            ctx.error(node, message);
            return null;
        }
        Long v = Values.integer(node, node.arg(index), min, max, ctx);
        if (v == null) {
            ctx.error(node, message);
        }
        return v;
    }

    /** A TIMER in microseconds in [minMicros, maxMicros]; on failure {@code message} is reported too. */
    static Long timer(Node node, long minMicros, long maxMicros, BindContext ctx, String message) {
        Long v = Values.timerMicros(node, 0, minMicros, maxMicros, ctx);
        if (v == null) {
            ctx.error(node, message);
        }
        return v;
    }

    /**
     * keepalived's optional boolean: the bare keyword is true, else on/off/true/false/yes/no. An invalid
     * word is reported as {@code <invalid> <word>} and null is returned.
     */
    static Boolean bool(Node node, BindContext ctx, String invalid) {
        if (!node.hasArg(0)) {
            return true;
        }
        Boolean b = Values.parseBool(node.arg(0));
        if (b == null) {
            ctx.error(node, invalid + " " + node.arg(0));
        }
        return b;
    }

    /** keepalived's set_value: the words after the keyword joined by single spaces; null when none. */
    static String text(Node node) {
        return node.args().isEmpty() ? null : String.join(" ", node.args());
    }

    /**
     * A literal address as keepalived's inet_stosockaddr takes it: IPv4 dotted quad or IPv6, no scope
     * suffix, no host names.
     */
    static Optional<InetAddress> address(String s) {
        if (s == null || s.indexOf('%') >= 0) {
            return Optional.empty();
        }
        return Values.address(s);
    }

    /**
     * A port word after an address: "0" (any number of zeros) means no port; otherwise 1..65535.
     * Returns -1 (reported) when invalid.
     */
    static int port(Node node, String word, BindContext ctx) {
        if (word == null || word.chars().allMatch(c -> c == '0')) {
            return 0;
        }
        Long v = Values.integer(node, word, 1, 65535, ctx);
        return v == null ? -1 : v.intValue();
    }

    static IpFamily family(InetAddress a) {
        return a instanceof java.net.Inet6Address ? IpFamily.INET6 : IpFamily.INET;
    }
}
