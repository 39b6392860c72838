package org.jkeepalived.snmp.interop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numeric walk ({@code snmpbulkwalk -On -Oe}: {@code .1.3.6... = TYPE: value} per line) split into cells: each
 * OID becomes its column (the table entry's OID plus the column number, or a scalar's OID without {@code .0}), its
 * index, and the index's shape (how its components are encoded, see {@link MibTables.Part}). Two implementations
 * serve "the same columns and index shapes" when the sets of (column, shape) pairs of their walks are equal.
 */
final class WalkShape {
    /** One line of the walk; {@code type} is "" where net-snmp prints none (an empty string, an exception). */
    record Varbind(String oid, String type, String value) {
        String typedValue() {
            return type.isEmpty() ? value : type + ": " + value;
        }
    }

    /**
     * Where an OID sits: {@code column} (e.g. {@code 1.3.6.1.4.1.9586.100.5.2.3.1.4}), the {@code table}'s name or
     * "scalar" or "?" (under no known table and not ending in .0), the {@code index} arcs and their {@code shape},
     * e.g. {@code int.int.int.inet(4)}; {@code raw(N)} when the arcs do not follow the INDEX clause's encoding.
     */
    record Cell(String column, String table, String index, String shape) {
    }

    private static final Pattern LINE = Pattern.compile("^\\.?(\\d+(?:\\.\\d+)*) = (?:([A-Za-z][A-Za-z0-9-]*): )?(.*)$");

    private final Map<String, Varbind> varbinds;
    private final Map<String, Cell> cells;

    private WalkShape(Map<String, Varbind> varbinds, Map<String, Cell> cells) {
        this.varbinds = varbinds;
        this.cells = cells;
    }

    /**
     * Parses the text of one or more walks. A line that does not start a varbind continues the previous value (a
     * string with a newline). Before the first varbind, lines starting with {@code #} are comments (the header of a
     * reference walk); any other text there is an error, as is an OID seen twice.
     */
    static WalkShape parse(String text) {
        Map<String, Varbind> varbinds = new LinkedHashMap<>();
        String lastOid = null;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                lastOid = m.group(1);
                Varbind v = new Varbind(lastOid, m.group(2) == null ? "" : m.group(2), m.group(3));
                if (varbinds.put(lastOid, v) != null) {
                    throw new IllegalArgumentException("line " + lineNo + ": " + lastOid + " appears twice");
                }
            } else if (lastOid != null) {
                Varbind prev = varbinds.get(lastOid);
                varbinds.put(lastOid, new Varbind(lastOid, prev.type(), prev.value() + "\n" + line));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException("line " + lineNo + " is not a numeric varbind: " + line);
            }
        }
        // a walk's text ends with a newline, which the split above turns into a continuation of the last value
        if (lastOid != null && text.endsWith("\n")) {
            Varbind v = varbinds.get(lastOid);
            varbinds.put(lastOid, new Varbind(lastOid, v.type(), v.value().substring(0, v.value().length() - 1)));
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        varbinds.keySet().forEach(oid -> cells.put(oid, cell(oid)));
        return new WalkShape(Collections.unmodifiableMap(varbinds), Collections.unmodifiableMap(cells));
    }

    static Cell cell(String oid) {
        String entry = MibTables.entryOf(oid);
        if (entry != null) {
            String[] rest = oid.substring(entry.length() + 1).split("\\.");
            List<Long> index = new ArrayList<>();
            for (int i = 1; i < rest.length; i++) {
                index.add(Long.parseLong(rest[i]));
            }
            MibTables.Table t = MibTables.BY_ENTRY.get(entry);
            return new Cell(entry + "." + rest[0], t.name(), join(index), shape(t.index(), index));
        }
        if (oid.endsWith(".0")) {
            return new Cell(oid.substring(0, oid.length() - 2), "scalar", "0", "scalar");
        }
        int dot = oid.lastIndexOf('.');
        return new Cell(oid.substring(0, dot), "?", oid.substring(dot + 1), "?");
    }

    /** How {@code arcs} encode an index declared as {@code parts}: one word per part, joined by dots. */
    static String shape(List<MibTables.Part> parts, List<Long> arcs) {
        List<String> words = new ArrayList<>();
        int at = 0;
        for (int p = 0; p < parts.size(); p++) {
            int left = arcs.size() - at;
            boolean last = p == parts.size() - 1;
            switch (parts.get(p)) {
                case INT -> {
                    if (left < 1) {
                        words.add("missing");
                        return String.join(".", words);
                    }
                    words.add("int");
                    at++;
                }
                case IPV4 -> {
                    if (left < 4) {
                        words.add("raw(" + left + ")");
                        return String.join(".", words);
                    }
                    words.add("ipv4");
                    at += 4;
                }
                case INET -> {
                    long n = left < 1 ? -1 : arcs.get(at);
                    // the length arc must announce the octets that follow (all of them when it is the last part)
                    boolean prefixed = n >= 0 && (last ? n == left - 1 : n <= left - 1);
                    if (!prefixed) {
                        words.add("raw(" + left + ")");
                        return String.join(".", words);
                    }
                    words.add("inet(" + n + ")");
                    at += 1 + (int) n;
                }
                default -> throw new IllegalStateException();
            }
        }
        if (at < arcs.size()) {
            words.add("extra(" + (arcs.size() - at) + ")");
        }
        return String.join(".", words);
    }

    private static String join(List<Long> arcs) {
        StringBuilder b = new StringBuilder();
        for (Long a : arcs) {
            b.append(b.length() == 0 ? "" : ".").append(a);
        }
        return b.toString();
    }

    Map<String, Varbind> varbinds() {
        return varbinds;
    }

    Map<String, Cell> cells() {
        return cells;
    }

    /** Column to the set of index shapes its cells have. */
    SortedMap<String, SortedSet<String>> columns() {
        SortedMap<String, SortedSet<String>> columns = new TreeMap<>(WalkShape::compareOids);
        cells.values().forEach(c -> columns.computeIfAbsent(c.column(), k -> new TreeSet<>()).add(c.shape()));
        return columns;
    }

    /** Column and shape to the indexes (rows) that have it. */
    SortedMap<String, SortedSet<String>> rows() {
        SortedMap<String, SortedSet<String>> rows = new TreeMap<>();
        cells.values().forEach(c -> rows.computeIfAbsent(c.column() + " " + c.shape(), k -> new TreeSet<>())
                .add(c.index()));
        return rows;
    }

    /** A column for people: {@code vrrpInstanceTable col 4 (1.3.6...)}; a scalar's or unknown column's OID. */
    static String describe(String column) {
        String entry = MibTables.entryOf(column + ".0");
        if (entry == null) {
            return column;
        }
        return MibTables.BY_ENTRY.get(entry).name() + " col " + column.substring(entry.length() + 1) + " (" + column
                + ")";
    }

    /** Numeric order of dotted OIDs (1.2.10 after 1.2.9). */
    static int compareOids(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
