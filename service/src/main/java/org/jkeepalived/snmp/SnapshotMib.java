package org.jkeepalived.snmp;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.StatusSource;
import org.snmp4j.PDU;
import org.snmp4j.agent.DefaultMOScope;
import org.snmp4j.agent.MOScope;
import org.snmp4j.agent.mo.GenericManagedObject;
import org.snmp4j.agent.request.Request;
import org.snmp4j.agent.request.SubRequest;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The {@link MibTree} of the latest status snapshot, served to snmp4j-agent's CommandProcessor as one managed
 * object per MIB root ({@link #objects()}). The tree is rebuilt only when the snapshot's generation changes, by
 * the SNMP worker that first needs it (never by a VRRP thread), and pinned for the rest of the request, so a
 * GETBULK never mixes two snapshots. GET and GETNEXT are binary searches.
 */
final class SnapshotMib {
    /**
     * KEEPALIVED-MIB, VRRP-MIB (RFC 2787), VRRPv3-MIB (RFC 6527) and JKEEPALIVED-MIB (snmp.mib.KeepalivedOids
     * .JKEEPALIVED): everything a MibTree may hold.
     */
    static final List<OID> ROOTS = List.of(new OID("1.3.6.1.4.1.9586.100.5"), new OID("1.3.6.1.2.1.68"),
            new OID("1.3.6.1.2.1.207"), new OID("1.3.6.1.4.1.32473.1"));

    private final StatusSource status;
    private final Function<StatusSnapshot, MibTree> mibs;
    private final MibWrites writes;
    private final Log log;
    private final RateLimitedLog limited = new RateLimitedLog(TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    private long builtGeneration = Long.MIN_VALUE;
    private MibTree tree = MibTree.empty();

    SnapshotMib(StatusSource status, Function<StatusSnapshot, MibTree> mibs, MibWrites writes, Log log) {
        this.status = status;
        this.mibs = mibs;
        this.writes = writes;
        this.log = log;
    }

    /** One managed object per root, to register with the MOServer. */
    List<GenericManagedObject> objects() {
        return ROOTS.stream().<GenericManagedObject>map(Root::new).toList();
    }

    private synchronized MibTree current() {
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

    /** The tree this request reads: the first lookup pins it. */
    private MibTree pinned(SubRequest<?> sr) {
        Request<?, ?, ?> request = sr.getRequest();
        if (request == null) {
            return current();
        }
        Object t = request.getProcessingUserObject(this);
        if (t instanceof MibTree pinned) {
            return pinned;
        }
        MibTree now = current();
        request.setProcessingUserObject(this, now);
        return now;
    }

    /**
     * One root's subtree: [root, root's next peer). A GenericManagedObject, the type CommandProcessor asks the
     * MOServer for.
     */
    private final class Root implements GenericManagedObject {
        private final OID root;
        private final MOScope scope;

        Root(OID root) {
            this.root = root;
            this.scope = new DefaultMOScope(root, true, root.nextPeer(), false);
        }

        @Override
        public MOScope getScope() {
            return scope;
        }

        @Override
        public OID find(MOScope range) {
            return first(current(), range);
        }

        /** The first instance of this subtree inside {@code range}, or null. */
        private OID first(MibTree mib, MOScope range) {
            OID lower = range.getLowerBound();
            OID candidate;
            if (lower == null || lower.compareTo(root) < 0) {
                candidate = mib.get(root) != null ? root : nextOid(mib, root);
            } else if (range.isLowerIncluded() && mib.get(lower) != null) {
                candidate = lower;
            } else {
                candidate = nextOid(mib, lower);
            }
            if (candidate == null || !candidate.startsWith(root)) {
                return null;
            }
            OID upper = range.getUpperBound();
            if (upper != null) {
                int c = candidate.compareTo(upper);
                if (c > 0 || (c == 0 && !range.isUpperIncluded())) {
                    return null;
                }
            }
            return candidate;
        }

        private static OID nextOid(MibTree mib, OID oid) {
            VariableBinding n = mib.next(oid);
            return n == null ? null : n.getOid();
        }

        /** RFC 3416 §4.2.1: the value, else noSuchInstance when the object type exists, else noSuchObject. */
        @Override
        public void get(SubRequest<?> sr) {
            MibTree mib = pinned(sr);
            VariableBinding vb = sr.getVariableBinding();
            Variable v = mib.get(vb.getOid());
            vb.setVariable(v != null ? v : objectExists(mib, vb.getOid()) ? Null.noSuchInstance : Null.noSuchObject);
            sr.completed();
        }

        /**
         * Whether an instance of the object type {@code oid} names exists with another index: a guess (the tree
         * carries no schema) that is right for scalars ({@code x.0}) and single-arc table indexes.
         */
        private boolean objectExists(MibTree mib, OID oid) {
            if (oid.size() < 2) {
                return false;
            }
            OID parent = new OID(oid.getValue(), 0, oid.size() - 1);
            VariableBinding n = mib.next(parent);
            return n != null && n.getOid().startsWith(parent) && n.getOid().size() > parent.size();
        }

        @Override
        public boolean next(SubRequest<?> sr) {
            MibTree mib = pinned(sr);
            OID next = first(mib, sr.getScope());
            if (next == null) {
                return false;
            }
            sr.getVariableBinding().setOid(next);
            sr.getVariableBinding().setVariable(mib.get(next));
            sr.completed();
            return true;
        }

        /** RFC 3416 §4.2.5 phase one: every varbind is checked before any is committed. */
        @Override
        public void prepare(SubRequest<?> sr) {
            VariableBinding vb = sr.getVariableBinding();
            int status = guarded(() -> writes.check(vb.getOid(), vb.getVariable()), PDU.genErr, "check", vb);
            finish(sr, status);
        }

        /**
         * Phase two. MibWrites cannot undo: a commit failing after another one of the same request succeeded
         * leaves that one applied, which RFC 3416 §4.2.5 calls undoFailed.
         */
        @Override
        public void commit(SubRequest<?> sr) {
            VariableBinding vb = sr.getVariableBinding();
            int status = guarded(() -> writes.commit(vb.getOid(), vb.getVariable()), PDU.commitFailed, "commit", vb);
            Request<?, ?, ?> request = sr.getRequest();
            String who = request == null ? "?" : String.valueOf(request.getSecurityName());
            boolean earlier = request != null && request.getProcessingUserObject(Phase.COMMITTED) != null;
            if (status == PDU.noError) {
                sr.setUndoValue(Phase.COMMITTED);
                if (request != null) {
                    request.setProcessingUserObject(Phase.COMMITTED, Boolean.TRUE);
                }
                log.info("SNMP: SET by " + who + ": " + vb);
            } else {
                log.warn("SNMP: SET by " + who + " of " + vb
                        + " failed at commit (" + PDU.toErrorStatusText(status) + ")"
                        + (earlier ? "; earlier assignments stay" : ""));
                status = earlier ? PDU.undoFailed : status;
            }
            finish(sr, status);
        }

        /** Nothing to take back but what was committed, which cannot be: undoFailed (RFC 3416 §4.2.5). */
        @Override
        public void undo(SubRequest<?> sr) {
            finish(sr, sr.getUndoValue() == Phase.COMMITTED ? PDU.undoFailed : PDU.noError);
        }

        @Override
        public void cleanup(SubRequest<?> sr) {
            sr.setUndoValue(null);
            sr.getStatus().setPhaseComplete(true);
        }

        private void finish(SubRequest<?> sr, int status) {
            if (status != PDU.noError) {
                sr.getStatus().setErrorStatus(status);
            }
            sr.getStatus().setPhaseComplete(true);
        }

        private int guarded(java.util.function.IntSupplier call, int onError, String phase, VariableBinding vb) {
            try {
                return call.getAsInt();
            } catch (RuntimeException ex) {
                log.error("SNMP: SET " + phase + " of " + vb.getOid() + " failed: " + ex);
                return onError;
            }
        }

        @Override
        public String toString() {
            return "SnapshotMib[" + root + "]";
        }
    }

    /** The request-scoped marker of a committed write. */
    private enum Phase {
        COMMITTED
    }
}
