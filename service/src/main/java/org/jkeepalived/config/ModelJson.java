package org.jkeepalived.config;

import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.model.manage.JolokiaConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;

/**
 * Writes the immutable model (records, lists, maps, enums, addresses) as indented JSON, field names
 * as the record components are named. Used by {@code --dump-conf} and by tests; no JSON library needed
 * for a one-way dump of our own records.
 */
public final class ModelJson {
    /** Shown in place of the management plane's secrets: {@code -d} output ends up in tickets and logs. */
    static final String MASK = "********";

    /** Record components holding a secret (community strings are SNMPv2c's passwords). */
    private static final Map<Class<?>, Set<String>> SECRETS = Map.of(
            JolokiaConfig.class, Set.of("password"),
            SnmpAgentConfig.User.class, Set.of("authPassphrase", "privPassphrase"),
            SnmpAgentConfig.Community.class, Set.of("name"),
            SnmpAgentConfig.TrapSink.class, Set.of("community"));

    private ModelJson() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object v, int indent) {
        if (v instanceof Optional<?> o) {
            v = o.orElse(null);
        }
        if (v == null) {
            b.append("null");
        } else if (v instanceof String || v instanceof Character || v instanceof Path) {
            string(b, v.toString());
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte) {
            b.append(v);
        } else if (v instanceof Number n) {
            b.append(n.toString());
        } else if (v instanceof Enum<?> e) {
            string(b, e.name());
        } else if (v instanceof InetAddress a) {
            string(b, a.getHostAddress());
        } else if (v instanceof Duration d) {
            b.append(d.toNanos() / 1000);
        } else if (v instanceof Collection<?> c) {
            array(b, c, indent);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                first = field(b, String.valueOf(e.getKey()), e.getValue(), indent + 1, first);
            }
            close(b, '}', indent, first);
        } else if (v.getClass().isRecord()) {
            b.append('{');
            boolean first = true;
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                Object x;
                try {
                    var acc = rc.getAccessor();
                    acc.setAccessible(true);
                    x = acc.invoke(v);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc, e);
                }
                if (x != null && SECRETS.getOrDefault(v.getClass(), Set.of()).contains(rc.getName())) {
                    x = MASK;
                }
                first = field(b, rc.getName(), x, indent + 1, first);
            }
            close(b, '}', indent, first);
        } else {
            string(b, v.toString());
        }
    }

    private static void array(StringBuilder b, Collection<?> c, int indent) {
        b.append('[');
        boolean first = true;
        for (Object x : c) {
            b.append(first ? "\n" : ",\n");
            pad(b, indent + 1);
            write(b, x, indent + 1);
            first = false;
        }
        close(b, ']', indent, first);
    }

    private static boolean field(StringBuilder b, String name, Object x, int indent, boolean first) {
        b.append(first ? "\n" : ",\n");
        pad(b, indent);
        string(b, name);
        b.append(": ");
        write(b, x, indent);
        return false;
    }

    private static void close(StringBuilder b, char c, int indent, boolean empty) {
        if (!empty) {
            b.append('\n');
            pad(b, indent);
        }
        b.append(c);
    }

    private static void pad(StringBuilder b, int indent) {
        b.append("  ".repeat(indent));
    }

    /** Appends {@code s} as a JSON string literal (RFC 8259 §7 escapes). */
    public static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
