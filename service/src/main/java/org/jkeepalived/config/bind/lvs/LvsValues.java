package org.jkeepalived.config.bind.lvs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;
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
    private static final Pattern TIMER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** ULONG_MAX - 1 microseconds: keepalived's largest timer. */
    private static final BigInteger TIMER_MAX = new BigInteger("18446744073709551614");

    private LvsValues() {
    }

    /** An unsigned number in [min, max]; on failure {@code message} is reported too. */
    static Long number(Node node, int index, long min, long max, BindContext ctx, String message) {
        if (!node.hasArg(index)) {
            ctx.error(node, message);
            return null;
        }
        Long v = integer(node, node.arg(index), min, max, ctx);
        if (v == null) {
            ctx.error(node, message);
        }
        return v;
    }

    /** A decimal integer in [min, max] (keepalived reads these base 10: "0x10" is invalid). */
    static Long integer(Node node, String word, long min, long max, BindContext ctx) {
        if (word.startsWith("0x") || word.startsWith("0X")) {
            ctx.error(node, "invalid number '" + word + "'");
            return null;
        }
        return Values.integer(node, word, min, max, ctx);
    }

    /**
     * A TIMER (seconds, decimal fraction) in microseconds in [minMicros, maxMicros]; on failure
     * {@code message} is reported too. keepalived's largest timer, 18446744073709.551614 s, exceeds a long
     * in microseconds: such values are kept as {@link Long#MAX_VALUE} (about 292,000 years).
     */
    static Long timer(Node node, long minMicros, long maxMicros, BindContext ctx, String message) {
        String w = node.hasArg(0) ? node.arg(0) : "";
        if (!TIMER.matcher(w).matches()) {
            ctx.error(node, w.isEmpty() ? "No value specified for " + node.written() : "invalid timer value '" + w + "'");
            ctx.error(node, message);
            return null;
        }
        BigInteger micros = new BigDecimal(w).movePointRight(6).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        BigInteger max = maxMicros == Long.MAX_VALUE ? TIMER_MAX : BigInteger.valueOf(maxMicros);
        if (micros.compareTo(BigInteger.valueOf(minMicros)) < 0 || micros.compareTo(max) > 0) {
            ctx.error(node, "timer value '" + w + "' outside range [" + seconds(BigInteger.valueOf(minMicros)) + ", "
                    + seconds(max) + "]");
            ctx.error(node, message);
            return null;
        }
        return micros.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    private static String seconds(BigInteger micros) {
        return new BigDecimal(micros).movePointLeft(6).toPlainString();
    }

    /**
     * keepalived's optional boolean: the bare keyword is true, else on/off/true/false/yes/no. An invalid
     * word is reported as {@code <invalid> <word>} and null is returned.
     */
    static Boolean bool(Node node, BindContext ctx, String invalid) {
        return Values.bool(node, ctx, invalid.replace("%", "%%") + " %s");
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
        Long v = integer(node, word, 1, 65535, ctx);
        return v == null ? -1 : v.intValue();
    }

    static IpFamily family(InetAddress a) {
        return a instanceof java.net.Inet6Address ? IpFamily.INET6 : IpFamily.INET;
    }
}
