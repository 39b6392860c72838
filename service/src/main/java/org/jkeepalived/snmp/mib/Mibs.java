package org.jkeepalived.snmp.mib;

import java.util.function.Function;
import org.jkeepalived.snmp.MibTree;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.status.StatusSnapshot;

/**
 * The MIB content of one status snapshot, as keepalived 2.2.7 serves it: KEEPALIVED-MIB (global scalars with
 * either part, the vrrp subtree, the check subtree), VRRP-MIB (RFC 2787) and VRRPv3-MIB (RFC 6527), each only
 * when {@link Served} says so. Pure: the same snapshot gives the same tree. O(n) rows plus one sort.
 */
public final class Mibs {
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
            GlobalScalars.global(b, c, served.traps());
        }
        if (c.config == null) {
            return b.build();
        }
        if (served.keepalivedVrrp()) {
            VrrpInstanceRows.syncGroups(b, c);
            VrrpInstanceRows.instances(b, c);
            VrrpTrackerRows.instanceTrackers(b, c);
            VrrpTrackerRows.syncGroupTrackers(b, c);
            VrrpTrackerRows.objects(b, c);
            VrrpAddressRows.rows(b, c);
        }
        if (served.keepalivedChecker()) {
            CheckRows.groups(b, c);
            CheckRows.virtualServers(b, c);
            RealServerRows.rows(b, c);
            GlobalScalars.check(b, c);
        }
        if (served.rfcV2()) {
            Rfc2787Rows.rows(b, c, served.traps());
        }
        if (served.rfcV3()) {
            Rfc6527Rows.rows(b, c);
        }
        return b.build();
    }
}
