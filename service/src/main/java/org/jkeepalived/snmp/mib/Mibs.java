package org.jkeepalived.snmp.mib;

import java.util.function.Function;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.snmp.MibTree;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.status.StatusSnapshot;

/**
 * The MIB content of one status snapshot, as keepalived 2.2.7 serves it: KEEPALIVED-MIB (global scalars with
 * either part, the vrrp subtree, the check subtree), VRRP-MIB (RFC 2787) and VRRPv3-MIB (RFC 6527), each only
 * when {@link Served} says so; and jkeepalived's own JKEEPALIVED-MIB with any VRRP part. Pure: the same snapshot gives the same tree. O(n) rows plus one sort.
 */
public final class Mibs {
    private static final Log LOG = Log.get("snmp");

    private Mibs() {
    }

    /** A function from snapshot to tree for the parts {@code served}. */
    public static Function<StatusSnapshot, MibTree> tree(Served served) {
        return snap -> build(served, snap);
    }

    static MibTree build(Served served, StatusSnapshot snap) {
        MibTree.Builder b = MibTree.builder();
        MibContext c = new MibContext(snap);
        if (served.keepalivedVrrp() || served.keepalivedChecker()) {
            part("KEEPALIVED-MIB global scalars", snap, () -> GlobalScalars.global(b, c, served.traps()));
        }
        if (c.config == null) {
            return b.build();
        }
        if (served.keepalivedVrrp()) {
            part("KEEPALIVED-MIB vrrp subtree", snap, () -> {
                VrrpInstanceRows.syncGroups(b, c);
                VrrpInstanceRows.instances(b, c);
                VrrpTrackerRows.instanceTrackers(b, c);
                VrrpTrackerRows.syncGroupTrackers(b, c);
                VrrpTrackerRows.objects(b, c);
                VrrpAddressRows.rows(b, c);
            });
        }
        if (served.keepalivedChecker()) {
            part("KEEPALIVED-MIB check subtree", snap, () -> {
                CheckRows.groups(b, c);
                CheckRows.virtualServers(b, c);
                RealServerRows.rows(b, c);
                GlobalScalars.check(b, c);
            });
        }
        if (served.rfcV2()) {
            part("VRRP-MIB", snap, () -> Rfc2787Rows.rows(b, c, served.traps()));
        }
        if (served.rfcV3()) {
            part("VRRPv3-MIB", snap, () -> Rfc6527Rows.rows(b, c));
        }
        if (served.jkeepalived()) {
            part("JKEEPALIVED-MIB", snap, () -> JkeepalivedRows.rows(b, c));
        }
        return b.build();
    }

    /**
     * Builds one MIB part; a failure (a bug: the inputs are validated snapshots) is logged with the part and the
     * snapshot and leaves the other parts served, never the agent without a tree.
     */
    private static void part(String name, StatusSnapshot snap, Runnable rows) {
        try {
            rows.run();
        } catch (RuntimeException e) {
            LOG.error("SNMP: " + name + " of status snapshot " + snap.generation() + " not served: " + e);
        }
    }
}
