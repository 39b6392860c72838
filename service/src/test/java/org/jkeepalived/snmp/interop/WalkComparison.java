package org.jkeepalived.snmp.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Two walks compared: columns only one side serves, columns whose index shapes differ, rows (indexes) only one side
 * has, and values that differ at the same OID. A difference under a column prefix of the known list, of a kind that
 * entry covers, is kept in the report with its reason but does not count. Values of {@link #VOLATILE_TYPES} (times
 * since start) are not compared.
 */
final class WalkComparison {
    enum Kind {
        /** The column is served by the left walk only. */
        MISSING,
        /** The column is served by the right walk only. */
        EXTRA,
        /** Both serve the column, with different sets of index shapes. */
        SHAPE,
        /** Same column and shape, different sets of rows. */
        ROWS,
        /** Same OID, different type or value. */
        VALUE
    }

    /** A known difference: why, and which kinds of difference it explains. */
    record Known(String reason, Set<Kind> kinds) {
        /** A column served by one side only, or with other index shapes. */
        static Known shape(String reason) {
            return new Known(reason, Set.of(Kind.MISSING, Kind.EXTRA, Kind.SHAPE));
        }

        /** Other rows or other values in a column both serve alike. */
        static Known values(String reason) {
            return new Known(reason, Set.of(Kind.ROWS, Kind.VALUE));
        }
    }

    record Difference(Kind kind, String column, String detail, String allowedBecause) {
        boolean allowed() {
            return allowedBecause != null;
        }
    }

    /** net-snmp's names of types whose values depend on when the walk ran. */
    static final Set<String> VOLATILE_TYPES = Set.of("Timeticks");

    private final String leftName;
    private final String rightName;
    private final List<Difference> differences;

    private WalkComparison(String leftName, String rightName, List<Difference> differences) {
        this.leftName = leftName;
        this.rightName = rightName;
        this.differences = List.copyOf(differences);
    }

    /**
     * Compares {@code right} against {@code left}. {@code allowed} maps a column OID prefix (a table's entry, a
     * column, or a subtree) to the known difference there.
     */
    static WalkComparison compare(String leftName, WalkShape left, String rightName, WalkShape right,
            Map<String, Known> allowed) {
        List<Difference> out = new ArrayList<>();
        SortedMap<String, SortedSet<String>> lc = left.columns();
        SortedMap<String, SortedSet<String>> rc = right.columns();
        Set<String> all = new TreeSet<>(WalkShape::compareOids);
        all.addAll(lc.keySet());
        all.addAll(rc.keySet());
        for (String col : all) {
            SortedSet<String> ls = lc.get(col);
            SortedSet<String> rs = rc.get(col);
            if (rs == null) {
                out.add(diff(Kind.MISSING, col, "only " + leftName + " serves it, index shapes " + ls, allowed));
            } else if (ls == null) {
                out.add(diff(Kind.EXTRA, col, "only " + rightName + " serves it, index shapes " + rs, allowed));
            } else if (!ls.equals(rs)) {
                out.add(diff(Kind.SHAPE, col, leftName + " " + ls + ", " + rightName + " " + rs, allowed));
            }
        }
        SortedMap<String, SortedSet<String>> lr = left.rows();
        SortedMap<String, SortedSet<String>> rr = right.rows();
        for (Map.Entry<String, SortedSet<String>> e : lr.entrySet()) {
            SortedSet<String> other = rr.get(e.getKey());
            if (other != null && !other.equals(e.getValue())) {
                String col = e.getKey().substring(0, e.getKey().indexOf(' '));
                out.add(diff(Kind.ROWS, col, "shape " + e.getKey().substring(col.length() + 1) + ": only "
                        + leftName + " " + minus(e.getValue(), other) + ", only " + rightName + " "
                        + minus(other, e.getValue()), allowed));
            }
        }
        for (WalkShape.Varbind l : left.varbinds().values()) {
            WalkShape.Varbind r = right.varbinds().get(l.oid());
            if (r == null || VOLATILE_TYPES.contains(l.type()) && l.type().equals(r.type())
                    || l.typedValue().equals(r.typedValue())) {
                continue;
            }
            WalkShape.Cell c = left.cells().get(l.oid());
            out.add(diff(Kind.VALUE, c.column(), "index " + c.index() + ": " + leftName + " " + l.typedValue()
                    + ", " + rightName + " " + r.typedValue(), allowed));
        }
        return new WalkComparison(leftName, rightName, out);
    }

    private static Difference diff(Kind kind, String column, String detail, Map<String, Known> allowed) {
        String because = null;
        for (Map.Entry<String, Known> a : allowed.entrySet()) {
            if ((column.equals(a.getKey()) || column.startsWith(a.getKey() + "."))
                    && a.getValue().kinds().contains(kind)) {
                because = a.getValue().reason();
            }
        }
        return new Difference(kind, column, detail, because);
    }

    private static SortedSet<String> minus(SortedSet<String> a, SortedSet<String> b) {
        SortedSet<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    List<Difference> differences() {
        return differences;
    }

    /** Differences of the given kinds that the allow-list does not cover. */
    List<Difference> unexpected(Set<Kind> kinds) {
        return differences.stream().filter(d -> kinds.contains(d.kind()) && !d.allowed()).toList();
    }

    /** True when both serve the same columns with the same index shapes, allowed differences aside. */
    boolean sameShape() {
        return unexpected(Set.of(Kind.MISSING, Kind.EXTRA, Kind.SHAPE)).isEmpty();
    }

    /** The differences grouped by kind, one line each, allowed ones with their reason. */
    String report() {
        StringBuilder b = new StringBuilder();
        b.append(leftName).append(" -> ").append(rightName).append(": ")
                .append(sameShape() ? "same columns and index shapes" : "COLUMNS OR INDEX SHAPES DIFFER")
                .append(" (").append(differences.size()).append(" differences, ")
                .append(differences.stream().filter(Difference::allowed).count()).append(" allowed)\n");
        for (Kind k : Kind.values()) {
            List<Difference> ds = differences.stream().filter(d -> d.kind() == k).toList();
            if (ds.isEmpty()) {
                continue;
            }
            b.append(k).append(":\n");
            for (Difference d : ds) {
                b.append(d.allowed() ? "  allowed " : "  ").append(WalkShape.describe(d.column())).append(": ")
                        .append(d.detail());
                if (d.allowed()) {
                    b.append("\n      because: ").append(d.allowedBecause());
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
