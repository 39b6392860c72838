package org.jkeepalived.config.bind.global;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.syntax.Node;

/**
 * Argument reading for the global keywords with keepalived 2.2.7's observed strictness and wording: numbers
 * are decimal only (no hex, no exponent), booleans are lower-case on/off/true/false/yes/no, and a bad number
 * gives keepalived's generic line ("invalid number 'x'", "negative number '-1'", "number '9' outside range
 * [1, 5]", ...) to which the caller adds the keyword's own line. Methods return null after reporting.
 */
final class Args {
    static final long UINT_MAX = 4_294_967_295L;
    private static final Pattern UNSIGNED = Pattern.compile("\\+?\\d+");
    private static final Pattern SIGNED = Pattern.compile("[+-]?\\d+");
    private static final Pattern NEGATIVE = Pattern.compile("-\\d+(\\.\\d*)?");
    private static final Pattern DECIMAL = Pattern.compile("\\+?(\\d+\\.?\\d*|\\.\\d+)");

    private final BindContext ctx;

    Args(BindContext ctx) {
        this.ctx = ctx;
    }

    BindContext ctx() {
        return ctx;
    }

    void error(Node node, String message) {
        ctx.error(node, message);
    }

    /** True once keepalived would have stopped reading the configuration. */
    boolean aborted() {
        return ctx.diagnostics().has(Severity.ABORT);
    }

    /**
     * The argument at {@code index}; when it is missing keepalived 2.2.7 gives up on the whole configuration
     * (exit 2) for the keywords whose handlers read it unconditionally.
     */
    String required(Node node, int index) {
        if (node.hasArg(index)) {
            return node.arg(index);
        }
        String after = index == 0 ? node.written() : node.arg(index - 1);
        Values.missingParameter(node.location(), node.written(), after, index + 2, ctx);
        return null;
    }

    /** An unsigned decimal in [min, max] (max at most 2^32-1, keepalived's unsigned int). */
    Long unsigned(Node node, String w, long min, long max) {
        if (!UNSIGNED.matcher(w).matches()) {
            error(node, (NEGATIVE.matcher(w).matches() ? "negative number '" : "invalid number '") + w + "'");
            return null;
        }
        BigDecimal v = new BigDecimal(w.startsWith("+") ? w.substring(1) : w);
        if (v.compareTo(BigDecimal.valueOf(UINT_MAX)) > 0) {
            error(node, "number '" + w + "' outside unsigned integer range");
            return null;
        }
        return inRange(node, w, v.longValueExact(), min, max);
    }

    /** A signed decimal in [min, max] (within a C int). */
    Long signed(Node node, String w, long min, long max) {
        if (!SIGNED.matcher(w).matches()) {
            error(node, "invalid number '" + w + "'");
            return null;
        }
        BigDecimal v = new BigDecimal(w.startsWith("+") ? w.substring(1) : w);
        if (v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || v.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            error(node, "number '" + w + "' outside integer range");
            return null;
        }
        return inRange(node, w, v.longValueExact(), min, max);
    }

    private Long inRange(Node node, String w, long v, long min, long max) {
        if (v < min || v > max) {
            error(node, "number '" + w + "' outside range [" + min + ", " + max + "]");
            return null;
        }
        return v;
    }

    /**
     * A TIMER in seconds with up to 6 decimals, returned in microseconds. More decimals are an error but
     * keepalived still uses the rounded value, so this returns it.
     */
    Long timerMicros(Node node, String w, long minMicros, long maxMicros) {
        if (!DECIMAL.matcher(w).matches()) {
            error(node, (NEGATIVE.matcher(w).matches() ? "negative number '" : "invalid number '") + w + "'");
            return null;
        }
        BigDecimal seconds = new BigDecimal(w.startsWith("+") ? w.substring(1) : w);
        if (seconds.scale() > 6) {
            error(node, "number '" + w + "' has too many decimal places");
        }
        BigDecimal micros = seconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP);
        if (micros.compareTo(BigDecimal.valueOf(minMicros)) < 0 || micros.compareTo(BigDecimal.valueOf(maxMicros)) > 0) {
            error(node, "number '" + w + "' outside range [" + sixDecimals(minMicros) + ", " + sixDecimals(maxMicros)
                    + "]");
            return null;
        }
        return micros.longValueExact();
    }

    private static String sixDecimals(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).setScale(6, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The new value, or the previous one when the new one was rejected (null). */
    static <T> T or(T value, T previous) {
        return value != null ? value : previous;
    }

    /**
     * An optional boolean: the bare keyword means true. Invalid words are reported with keepalived's
     * wording for global keywords and leave the setting as it was (null).
     */
    Boolean globalBool(Node node) {
        return bool(node, "Invalid value '%s' for global " + node.written() + " specified");
    }

    /** The same with the wording keepalived uses for a few keywords ("Invalid value for K specified"). */
    Boolean plainBool(Node node) {
        return bool(node, "Invalid value for " + node.written() + " specified");
    }

    private Boolean bool(Node node, String format) {
        return Values.bool(node, ctx, format);
    }
}
