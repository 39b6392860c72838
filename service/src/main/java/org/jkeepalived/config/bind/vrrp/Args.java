package org.jkeepalived.config.bind.vrrp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.syntax.Node;

/**
 * Argument reading for the VRRP and tracking sections, with keepalived 2.2.7's wording for the generic
 * number messages ("invalid number 'x'", "negative number '-1'", "number '300' outside range [1, 255]")
 * that precede its keyword-specific line. Callers add that second line themselves.
 */
public final class Args {
    private Args() {
    }

    /**
     * keepalived exits on the spot (exit 2) when a handler reads a parameter that is not there. Returns
     * false (after reporting) when {@code node} has fewer than {@code count} arguments.
     */
    public static boolean require(Node node, int count, BindContext ctx) {
        if (node.args().size() >= count) {
            return true;
        }
        missing(node.location(), node.written(), node.written(), node.args().size() + 2, ctx);
        return false;
    }


    /** The same abort for a word inside a free-form line (route, rule, address option). */
    public static void missing(Location location, String lineStart, String keyword, int position, BindContext ctx) {
        Values.missingParameter(location, lineStart, keyword, position, ctx);
    }

    /** An integer in [min, max], or null after keepalived's generic message. */
    public static Long integer(Location at, String w, long min, long max, BindContext ctx) {
        long v;
        try {
            v = Long.parseLong(w.startsWith("+") ? w.substring(1) : w);
        } catch (NumberFormatException e) {
            if (looksNumeric(w)) {
                ctx.error(at, "number '" + w + "' outside " + (min < 0 ? "" : "unsigned ") + "integer range");
            } else {
                ctx.error(at, "invalid number '" + w + "'");
            }
            return null;
        }
        if (v < 0 && min >= 0) {
            ctx.error(at, "negative number '" + w + "'");
            return null;
        }
        if (v < min || v > max) {
            ctx.error(at, "number '" + w + "' outside range [" + min + ", " + max + "]");
            return null;
        }
        return v;
    }

    public static Integer intValue(Location at, String w, int min, int max, BindContext ctx) {
        Long v = integer(at, w, min, max, ctx);
        return v == null ? null : v.intValue();
    }

    /**
     * A decimal number of seconds (keepalived's TIMER, microsecond resolution) in [minMicros, maxMicros];
     * returns microseconds or null after "number 'x' outside range [0.010000, 255.000000]".
     */
    public static Long seconds(Location at, String w, long minMicros, long maxMicros, BindContext ctx) {
        return decimal(at, w, 6, 6, minMicros, maxMicros, ctx);
    }

    /**
     * A decimal with at most {@code places} fraction digits, scaled by 10^scale; the range is printed with
     * {@code places} digits as keepalived does.
     */
    public static Long decimal(Location at, String w, int scale, int places, long min, long max, BindContext ctx) {
        BigDecimal d;
        try {
            d = new BigDecimal(w);
        } catch (NumberFormatException e) {
            ctx.error(at, "invalid number '" + w + "'");
            return null;
        }
        if (d.scale() > places) {
            ctx.error(at, "number '" + w + "' has too many decimal places");
            return null;
        }
        if (d.signum() < 0 && min >= 0) {
            ctx.error(at, "negative number '" + w + "'");
            return null;
        }
        long v = d.movePointRight(scale).setScale(0, RoundingMode.HALF_UP).longValue();
        if (v < min || v > max) {
            ctx.error(at, "number '" + w + "' outside range [" + plain(min, scale, places) + ", "
                    + plain(max, scale, places) + "]");
            return null;
        }
        return v;
    }

    private static String plain(long v, int scale, int places) {
        return BigDecimal.valueOf(v).movePointLeft(scale).setScale(places, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static boolean looksNumeric(String w) {
        return w.matches("[+-]?\\d+");
    }

    /**
     * keepalived's optional boolean: the bare keyword means true; null when the word is not one of
     * on/off/true/false/yes/no (the caller reports with its keyword's wording).
     */
    public static Boolean optionalBool(Node node) {
        if (!node.hasArg(0)) {
            return true;
        }
        return Values.parseBool(node.arg(0));
    }

    /** Literal address (never DNS), or null. */
    public static java.net.InetAddress address(String w) {
        return Values.address(w).orElse(null);
    }

    public static String lower(String w) {
        return w.toLowerCase(Locale.ROOT);
    }
}
