package org.jkeepalived.config.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;

/**
 * keepalived's line repetition: {@code ~SEQ(var,end)}, {@code ~SEQ(var,start,end)},
 * {@code ~SEQ(var,start,step,end)} (start and step default to 1; {@code ~SEQx} formats in hex) and
 * {@code ~LST(var,v1,v2,...)} or {@code ~LST({a,b},{1,2},{3,4})}. The rest of the line is repeated
 * with the variables bound; several {@code ~} prefixes on one line nest, the first outermost
 * (observed with keepalived 2.2.7).
 */
final class Repeats {
    private Repeats() {
    }

    static boolean isRepeat(String trimmed) {
        return trimmed.startsWith("~SEQ(") || trimmed.startsWith("~SEQx(") || trimmed.startsWith("~LST(");
    }

    /** The rest of the line, to be read once per binding of the loop variables. */
    record Expansion(List<Map<String, String>> bindings, String rest) {
    }

    /**
     * Parses one repetition prefix. The reader defines each binding's variables as ordinary parameters
     * and then reads the rest of the line, so that the variables reach everything the rest expands
     * into (a multi-line parameter, a nested repetition).
     */
    static Expansion parse(String trimmed, Location location, Diagnostics diagnostics) {
        int open = trimmed.indexOf('(');
        int close = matchingParen(trimmed, open);
        if (close < 0) {
            diagnostics.error(location, "Missing ')' in '" + trimmed + "'");
            return new Expansion(List.of(), "");
        }
        String kind = trimmed.substring(1, open);
        String inside = trimmed.substring(open + 1, close);
        List<Map<String, String>> bindings = kind.equals("LST")
                ? listBindings(inside, location, diagnostics)
                : seqBindings(inside, kind.equals("SEQx"), location, diagnostics);
        return new Expansion(bindings, trimmed.substring(close + 1).trim());
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<Map<String, String>> seqBindings(String inside, boolean hex, Location location,
                                                         Diagnostics diagnostics) {
        String[] parts = inside.split(",");
        if (parts.length < 2 || parts.length > 4) {
            diagnostics.error(location, "~SEQ needs (var, [start, [step,]] end): '" + inside + "'");
            return List.of();
        }
        String var = parts[0].trim();
        long start = 1;
        long step = 1;
        long end;
        try {
            end = Long.parseLong(parts[parts.length - 1].trim());
            if (parts.length >= 3) {
                start = Long.parseLong(parts[1].trim());
            }
            if (parts.length == 4) {
                step = Long.parseLong(parts[2].trim());
            }
        } catch (NumberFormatException e) {
            diagnostics.error(location, "Invalid ~SEQ value in '" + inside + "'");
            return List.of();
        }
        if (step == 0 || (step > 0 && start > end) || (step < 0 && start < end)) {
            diagnostics.error(location, "~SEQ(" + inside + ") produces no values");
            return List.of();
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            out.add(Map.of(var, hex ? Long.toHexString(v) : Long.toString(v)));
            if (out.size() > 1_000_000) {
                diagnostics.error(location, "~SEQ(" + inside + ") produces too many values");
                return List.of();
            }
        }
        return out;
    }

    private static List<Map<String, String>> listBindings(String inside, Location location,
                                                          Diagnostics diagnostics) {
        List<String> items = splitTopLevel(inside);
        if (items.size() < 2) {
            diagnostics.error(location, "~LST needs (var, value...): '" + inside + "'");
            return List.of();
        }
        List<String> vars = tuple(items.get(0));
        List<Map<String, String>> out = new ArrayList<>();
        for (String item : items.subList(1, items.size())) {
            List<String> values = tuple(item);
            if (values.size() != vars.size()) {
                diagnostics.error(location, "~LST value " + item + " does not match " + items.get(0));
                continue;
            }
            Map<String, String> b = new java.util.LinkedHashMap<>();
            for (int i = 0; i < vars.size(); i++) {
                b.put(vars.get(i), values.get(i));
            }
            out.add(b);
        }
        return out;
    }

    private static List<String> tuple(String item) {
        String t = item.trim();
        if (t.startsWith("{") && t.endsWith("}")) {
            List<String> parts = new ArrayList<>();
            for (String p : t.substring(1, t.length() - 1).split(",", -1)) {
                parts.add(p.trim());
            }
            return parts;
        }
        return List.of(t);
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
