package org.jkeepalived.snmp;

import java.util.function.Function;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.StatusSource;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Everything the agent serves, as one ordered space of object instances: the {@link LocalObjects} merged with
 * the {@link MibTree} of the latest status snapshot. The tree is rebuilt only when the snapshot's generation
 * changes, by the SNMP worker that first needs it (never by a VRRP thread); each request reads one tree
 * ({@link #current()}), so a walk step never mixes two snapshots. GET and GETNEXT are O(log n).
 */
final class ObjectView {
    private final StatusSource status;
    private final Function<StatusSnapshot, MibTree> mibs;
    private final LocalObjects local;
    private final Log log;
    private final RateLimitedLog limited = new RateLimitedLog(java.util.concurrent.TimeUnit.MINUTES.toNanos(1),
            System::nanoTime);
    private long builtGeneration = Long.MIN_VALUE;
    private MibTree tree = MibTree.empty();

    ObjectView(StatusSource status, Function<StatusSnapshot, MibTree> mibs, LocalObjects local, Log log) {
        this.status = status;
        this.mibs = mibs;
        this.local = local;
        this.log = log;
    }

    /** The objects as of the latest snapshot. */
    View current() {
        return new View(tree());
    }

    private synchronized MibTree tree() {
        StatusSnapshot snapshot = status.current();
        if (snapshot.generation() != builtGeneration) {
            try {
                MibTree built = mibs.apply(snapshot);
                tree = built == null ? MibTree.empty() : built;
            } catch (RuntimeException e) { // a bug in a MIB builder: serve the previous tree, say why
                limited.log("build", "SNMP: building the MIB from status generation " + snapshot.generation()
                        + " failed, serving the previous one: " + e, log::error);
            }
            builtGeneration = snapshot.generation();
        }
        return tree;
    }

    /** One request's view. */
    final class View {
        private final MibTree mib;

        private View(MibTree mib) {
            this.mib = mib;
        }

        /** The value of {@code oid}, or noSuchObject/noSuchInstance (RFC 3416 §4.2.1). */
        Variable get(OID oid) {
            Variable v = local.get(oid);
            if (v == null) {
                v = mib.get(oid);
            }
            if (v != null) {
                return v;
            }
            return objectExists(oid) ? Null.noSuchInstance : Null.noSuchObject;
        }

        /** The next instance after {@code oid}, or null at the end of the MIB view. */
        VariableBinding next(OID oid) {
            VariableBinding a = local.next(oid);
            VariableBinding b = mib.next(oid);
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            return a.getOid().compareTo(b.getOid()) <= 0 ? a : b;
        }

        /** Whether {@code oid} is one of the agent's own (read-only) objects. */
        boolean isLocal(OID oid) {
            return local.contains(oid);
        }

        /**
         * Whether an instance of the object type {@code oid} names exists with another index: a guess (the tree
         * carries no schema) that is right for scalars ({@code x.0}) and single-arc table indexes.
         */
        private boolean objectExists(OID oid) {
            if (oid.size() < 2) {
                return false;
            }
            OID parent = new OID(oid.getValue(), 0, oid.size() - 1);
            VariableBinding n = next(parent);
            return n != null && n.getOid().startsWith(parent) && n.getOid().size() > parent.size();
        }
    }
}
