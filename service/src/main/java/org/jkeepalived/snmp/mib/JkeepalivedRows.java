package org.jkeepalived.snmp.mib;

import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.snmp.MibTree;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.SplitBrainStatus;

/**
 * JKEEPALIVED-MIB (mibs/JKEEPALIVED-MIB.txt): jkSplitBrainEpisodes.0 and jkInstanceTable, whose index is the
 * instance's KEEPALIVED-MIB vrrpInstanceIndex. Served with any VRRP MIB part.
 */
final class JkeepalivedRows {
    /** JkSplitBrainKind none(1). */
    static final int KIND_NONE = 1;

    private JkeepalivedRows() {
    }

    static void rows(MibTree.Builder b, MibContext c) {
        long total = 0;
        for (int i = 0; i < c.instances.size(); i++) {
            VrrpInstance inst = c.instances.get(i);
            SplitBrainStatus sb = splitBrain(c.status(inst));
            total += sb.episodes();
            Row r = new Row(b, KeepalivedOids.JK_INSTANCE_ENTRY, i + 1)
                    .str(2, inst.name())
                    .i32(3, inst.virtualRouterId())
                    .c32(4, sb.episodes())
                    .i32(5, sb.lastKind() == null ? KIND_NONE : sb.lastKind().mibValue())
                    .i32(6, sb.lastPeer() == null ? 0 : Row.addrType(sb.lastPeer()));
            if (sb.lastPeer() == null) {
                r.bytes(7, new byte[0]);
            } else {
                r.inet(7, sb.lastPeer());
            }
            r.i32(8, sb.lastPeerPriority())
                    .i32(9, sb.lastOwnPriority())
                    .ticks(10, sb.lastAtNanos() == InstanceStatus.NEVER ? 0
                            : c.centis(c.snap.takenAtNanos()) - c.centis(sb.lastAtNanos()));
        }
        Row.scalars(b, KeepalivedOids.JK_OBJECTS).c32(1, total);
    }

    static SplitBrainStatus splitBrain(InstanceStatus s) {
        return s == null ? SplitBrainStatus.NONE : s.splitBrain();
    }
}
