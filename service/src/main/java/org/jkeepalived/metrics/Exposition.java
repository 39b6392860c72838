package org.jkeepalived.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes Prometheus' text exposition format 0.0.4: per metric family a {@code # HELP} and a {@code # TYPE} line,
 * then its samples, all contiguous (the format requires it). Each family gathers its samples apart, so a
 * renderer may fill several at once; {@link #text()} writes them in the order they were started. A family with
 * no sample writes nothing, so a daemon without LVS shows no empty LVS families. Label values and help texts are escaped as the format says:
 * backslash, double quote (label values only) and line feed.
 */
final class Exposition {
    /** A family's type: the format's {@code counter} and {@code gauge} are all this endpoint serves. */
    enum Type { COUNTER, GAUGE }

    private final List<Family> families = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** One metric family: its samples, written after its header by {@link #text()}. */
    final class Family {
        private final String name;
        private final Type type;
        private final String help;
        private final String[] labelNames;
        private final StringBuilder out = new StringBuilder();

        private Family(String name, Type type, String help, String[] labelNames) {
            this.name = name;
            this.type = type;
            this.help = help;
            this.labelNames = labelNames;
        }

        /** One sample; {@code labelValues} in the order of the family's label names. */
        Family sample(double value, String... labelValues) {
            if (labelValues.length != labelNames.length) {
                throw new IllegalArgumentException(name + ": " + labelNames.length + " label values expected, got "
                        + labelValues.length);
            }
            out.append(name);
            if (labelNames.length > 0) {
                out.append('{');
                for (int i = 0; i < labelNames.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(labelNames[i]).append("=\"").append(escapeLabel(labelValues[i])).append('"');
                }
                out.append('}');
            }
            out.append(' ').append(format(value)).append('\n');
            return this;
        }
    }

    /**
     * Starts a family. Each name may be started once per exposition: two blocks of one family would be invalid
     * text, and a renderer that tried is a bug.
     */
    Family family(String name, Type type, String help, String... labelNames) {
        if (!names.add(name)) {
            throw new IllegalStateException("metric family " + name + " started twice");
        }
        Family f = new Family(name, type, help, labelNames.clone());
        families.add(f);
        return f;
    }

    String text() {
        StringBuilder all = new StringBuilder(4096);
        for (Family f : families) {
            if (f.out.length() > 0) {
                all.append("# HELP ").append(f.name).append(' ').append(escapeHelp(f.help)).append('\n');
                all.append("# TYPE ").append(f.name).append(' ').append(f.type == Type.COUNTER ? "counter" : "gauge")
                        .append('\n');
                all.append(f.out);
            }
        }
        return all.toString();
    }

    /** Integers as integers (counters must not read 1.0E9); other values with Java's shortest round-trip form. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String escapeLabel(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
