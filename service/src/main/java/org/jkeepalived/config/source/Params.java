package org.jkeepalived.config.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;

/**
 * {@code $NAME=value} parameters and their use as {@code $NAME} or {@code ${NAME}}. Values are bound
 * late and substituted recursively; an undefined name is left as written so that {@code $} in scripts
 * survives. Names starting with {@code _} are keepalived's built-ins.
 */
final class Params {
    private static final int MAX_DEPTH = 32;

    private final Map<String, List<String>> values = new HashMap<>();
    private final ReaderOptions options;
    private final Random random;

    Params(ReaderOptions options) {
        this.options = options;
        this.random = new Random(options.randomSeed());
    }

    void define(String name, List<String> lines) {
        values.put(name, List.copyOf(lines));
    }

    /** The lines of a multi-line parameter, or null when {@code name} is not one. */
    List<String> multiLine(String name) {
        List<String> v = values.get(name);
        return v != null && v.size() > 1 ? v : null;
    }

    String substitute(String text, Location location, Diagnostics diagnostics, String currentDir) {
        return substitute(text, location, diagnostics, currentDir, 0);
    }

    private String substitute(String text, Location location, Diagnostics diagnostics, String currentDir, int depth) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        if (depth > MAX_DEPTH) {
            diagnostics.error(location, "Parameter substitution nested too deeply in '" + text + "'");
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean changed = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                String inner = text.substring(i + 2, close);
                String value = lookup(inner, location, diagnostics, currentDir);
                if (value == null) {
                    out.append(text, i, close + 1);
                } else {
                    out.append(value);
                    changed = true;
                }
                i = close + 1;
            } else {
                int end = i + 1;
                while (end < text.length() && isNameChar(text.charAt(end))) {
                    end++;
                }
                String name = text.substring(i + 1, end);
                String value = name.isEmpty() ? null : plain(name);
                if (value == null) {
                    out.append(text, i, end == i + 1 ? i + 1 : end);
                } else {
                    out.append(value);
                    changed = true;
                }
                i = end == i + 1 ? i + 1 : end;
            }
        }
        String result = out.toString();
        return changed ? substitute(result, location, diagnostics, currentDir, depth + 1) : result;
    }

    private String plain(String name) {
        List<String> lines = values.get(name);
        return lines == null ? null : String.join(" ", lines);
    }

    private String lookup(String inner, Location location, Diagnostics diagnostics, String currentDir) {
        String[] words = inner.trim().split("\\s+");
        String name = words[0];
        switch (name) {
            case "_PWD":
                return currentDir;
            case "_INSTANCE":
                return options.configId();
            case "_HASH":
                return "#";
            case "_BANG":
                return "!";
            case "_ENV": {
                if (words.length != 2) {
                    diagnostics.error(location, "${_ENV} needs one variable name");
                    return "";
                }
                String v = options.environment().apply(words[1]);
                return v == null ? "" : v;
            }
            case "_RANDOM":
                return randomValue(words, location, diagnostics);
            default:
                return words.length == 1 ? plain(name) : null;
        }
    }

    private String randomValue(String[] words, Location location, Diagnostics diagnostics) {
        long min = 0;
        long max = 32767;
        try {
            if (words.length >= 2) {
                min = Long.parseLong(words[1]);
            }
            if (words.length >= 3) {
                max = Long.parseLong(words[2]);
            }
        } catch (NumberFormatException e) {
            diagnostics.error(location, "Invalid ${_RANDOM} range");
            return "0";
        }
        if (max < min) {
            diagnostics.error(location, "Invalid ${_RANDOM} range " + min + ".." + max);
            return Long.toString(min);
        }
        return Long.toString(min + (long) (random.nextDouble() * (max - min + 1)));
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
