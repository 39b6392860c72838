package org.jkeepalived.snmp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * An immutable, sorted set of object instances (OID to value), built from one status snapshot. GET is a
 * binary search and GETNEXT the entry after it: O(log n) per varbind, where keepalived's agent scans its
 * lists (O(n) per row).
 */
public final class MibTree {
    private static final MibTree EMPTY = new MibTree(new OID[0], new Variable[0]);

    private final OID[] oids;
    private final Variable[] values;

    private MibTree(OID[] oids, Variable[] values) {
        this.oids = oids;
        this.values = values;
    }

    public static MibTree empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return oids.length;
    }

    /** The value of exactly {@code oid}, or null. */
    public Variable get(OID oid) {
        int i = Arrays.binarySearch(oids, oid);
        return i >= 0 ? values[i] : null;
    }

    /** The first instance strictly after {@code oid} in lexicographic order, or null at the end. */
    public VariableBinding next(OID oid) {
        int i = Arrays.binarySearch(oids, oid);
        int at = i >= 0 ? i + 1 : -i - 1;
        return at < oids.length ? new VariableBinding(oids[at], values[at]) : null;
    }

    /** Every instance in order (tests, dumps). */
    public List<VariableBinding> all() {
        List<VariableBinding> out = new ArrayList<>(oids.length);
        for (int i = 0; i < oids.length; i++) {
            out.add(new VariableBinding(oids[i], values[i]));
        }
        return out;
    }

    /** Collects instances in any order; {@link #build()} sorts them. A repeated OID is a bug in the caller. */
    public static final class Builder {
        private final List<VariableBinding> entries = new ArrayList<>();

        public Builder add(OID oid, Variable value) {
            entries.add(new VariableBinding(oid, value));
            return this;
        }

        public MibTree build() {
            entries.sort((a, b) -> a.getOid().compareTo(b.getOid()));
            OID[] o = new OID[entries.size()];
            Variable[] v = new Variable[entries.size()];
            for (int i = 0; i < o.length; i++) {
                o[i] = entries.get(i).getOid();
                v[i] = entries.get(i).getVariable();
                if (i > 0 && o[i].equals(o[i - 1])) {
                    throw new IllegalStateException("object instance " + o[i] + " added twice");
                }
            }
            return new MibTree(o, v);
        }
    }
}
