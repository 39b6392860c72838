package org.jkeepalived.config.bind;

import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.syntax.Node;

/**
 * Typed reading of keyword arguments with keepalived's leniency: a bad value is reported at its line
 * and the caller keeps its default (the methods return null). Messages follow keepalived's wording
 * where operators may know it, e.g. {@code number '300' outside range [1, 255]}.
 */
public final class Values {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.\\-]+)?");

    private Values() {
    }

    /**
     * keepalived stops reading the configuration at once (exit 2) when a keyword's handler needs a
     * parameter that is not there: "*** Configuration line starting `virtual_server` is missing a
     * parameter after keyword `virtual_server` at word position 2".
     */
    public static void missingParameter(org.jkeepalived.config.Location location, String lineStart,
                                        String afterKeyword, int wordPosition, BindContext ctx) {
        ctx.diagnostics().abort(location, "*** Configuration line starting `" + lineStart
                + "` is missing a parameter after keyword `" + afterKeyword + "` at word position " + wordPosition);
    }

    /** True when {@code node} has at least {@code count} arguments; otherwise keepalived's abort (exit 2). */
    public static boolean requireArgs(Node node, int count, BindContext ctx) {
        if (node.args().size() >= count) {
            return true;
        }
        String after = node.args().isEmpty() ? node.written() : node.arg(node.args().size() - 1);
        missingParameter(node.location(), node.written(), after, node.args().size() + 2, ctx);
        return false;
    }

    /** The argument at {@code index} or null, with "missing value" reported. */
    public static String word(Node node, int index, BindContext ctx) {
        if (!node.hasArg(index)) {
            ctx.error(node, "No value specified for " + node.written());
            return null;
        }
        return node.arg(index);
    }

    /** An integer in [min, max]; null (reported) when absent, malformed or out of range. */
    public static Long integer(Node node, int index, long min, long max, BindContext ctx) {
        String w = word(node, index, ctx);
        return w == null ? null : integer(node, w, min, max, ctx);
    }

    public static Long integer(Node node, String w, long min, long max, BindContext ctx) {
        long v;
        try {
            v = w.startsWith("0x") || w.startsWith("0X") ? Long.parseLong(w.substring(2), 16) : Long.parseLong(w);
        } catch (NumberFormatException e) {
            ctx.error(node, "invalid number '" + w + "'");
            return null;
        }
        if (v < min || v > max) {
            ctx.error(node, "number '" + w + "' outside range [" + min + ", " + max + "]");
            return null;
        }
        return v;
    }

    /** Convenience for int-sized keywords. */
    public static Integer intValue(Node node, int index, int min, int max, BindContext ctx) {
        Long v = integer(node, index, min, max, ctx);
        return v == null ? null : v.intValue();
    }

    /**
     * A keepalived TIMER: seconds with an optional fraction, microsecond resolution, in
     * [minMicros, maxMicros]. Returns microseconds, or null (reported).
     */
    public static Long timerMicros(Node node, int index, long minMicros, long maxMicros, BindContext ctx) {
        String w = word(node, index, ctx);
        if (w == null) {
            return null;
        }
        long micros;
        try {
            BigDecimal seconds = new BigDecimal(w);
            micros = seconds.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            ctx.error(node, "invalid timer value '" + w + "'");
            return null;
        }
        if (micros < minMicros || micros > maxMicros) {
            ctx.error(node, "timer value '" + w + "' outside range [" + seconds(minMicros) + ", "
                    + seconds(maxMicros) + "]");
            return null;
        }
        return micros;
    }

    private static String seconds(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    /**
     * keepalived's optional boolean: the bare keyword means true, else one of
     * on/off/true/false/yes/no, lower case only as in keepalived 2.2.7. Returns null (reported) otherwise.
     */
    public static Boolean bool(Node node, BindContext ctx) {
        return bool(node, ctx, "Invalid " + node.written() + " value '%s'");
    }

    /** The same, reporting an invalid word with {@code format} (its {@code %s} is the word). */
    public static Boolean bool(Node node, BindContext ctx, String format) {
        if (!node.hasArg(0)) {
            return true;
        }
        Boolean b = parseBool(node.arg(0));
        if (b == null) {
            ctx.error(node, String.format(java.util.Locale.ROOT, format, node.arg(0)));
        }
        return b;
    }

    public static Boolean parseBool(String w) {
        return switch (w) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> null;
        };
    }

    /** Parses a literal IPv4 or IPv6 address, never using DNS. */
    public static Optional<InetAddress> address(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (s.indexOf(':') >= 0) {
                if (!IPV6_CHARS.matcher(s).matches()) {
                    return Optional.empty();
                }
                InetAddress a = InetAddress.getByName(s.indexOf('%') >= 0 ? s.substring(0, s.indexOf('%')) : s);
                return a instanceof Inet6Address ? Optional.of(a) : Optional.empty();
            }
            if (!IPV4.matcher(s).matches()) {
                return Optional.empty();
            }
            String[] p = s.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(p[i]);
            }
            return Optional.of(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code ADDR[/LEN]}; the default length is 32 or 128. Empty when malformed. */
    public static Optional<IpPrefix> prefix(String s) {
        int slash = s.indexOf('/');
        Optional<InetAddress> a = address(slash < 0 ? s : s.substring(0, slash));
        if (a.isEmpty()) {
            return Optional.empty();
        }
        int max = a.get() instanceof Inet6Address ? 128 : 32;
        int len = max;
        if (slash >= 0) {
            try {
                len = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (len < 0 || len > max) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpPrefix(a.get(), len));
    }
}
