package org.jkeepalived.snmp.mib;

import java.util.List;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.vrrp.Authentication;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.snmp.MibTree;
import org.jkeepalived.status.SyncGroupStatus;
import org.jkeepalived.vrrp.VrrpState;

/**
 * KEEPALIVED-MIB vrrpSyncGroupTable, vrrpSyncGroupMemberTable and vrrpInstanceTable (…5.2.1-3).
 *
 * <p>Values follow what keepalived 2.2.7 was seen to serve (snmpwalk against Debian's 2.2.7), also where it
 * departs from the MIB text: vrrpInstanceAccept is 0 for VRRPv2, vrrpInstanceTrackPrimaryIf says whether the
 * instance has track_interface lines, scripts are shown as quoted arguments.
 *
 * <p>vrrpInstanceTable columns served from the configuration: 2, 3, 5, 10-12, 14-33, 34-35 (multicast only);
 * from the runtime status (configuration when VRRP is not running it): 4, 7, 8, 9, 13. Column 6
 * (vrrpInstanceWantedState) is keepalived's internal "wantstate", which we do not keep: the current state is
 * served, which is what keepalived reports outside a transition. Optional strings (scripts, sync group, the
 * deprecated lvs_sync_daemon columns) are absent when unset, as keepalived returns no instance for them.
 * Column 36 (vrrpInstanceV3ChecksumAsV2) is newer than keepalived 2.2.7's MIB and is not served.
 */
final class VrrpInstanceRows {
    private VrrpInstanceRows() {
    }

    static void syncGroups(MibTree.Builder b, MibContext c) {
        List<SyncGroup> groups = c.config.vrrp().syncGroups();
        for (int g = 0; g < groups.size(); g++) {
            SyncGroup sg = groups.get(g);
            int gi = g + 1;
            SyncGroupStatus st = c.snap.syncGroups().get(sg.name());
            NotifyScripts n = sg.notifyScripts();
            new Row(b, KeepalivedOids.SYNC_GROUP_ENTRY, gi)
                    .str(2, sg.name())
                    .i32(3, MibContext.keepalivedState(st == null ? VrrpState.INIT : st.state()))
                    .enabled(4, sg.smtpAlert())
                    .enabled(5, notifies(n))
                    .str(6, MibContext.script(n.master()))
                    .str(7, MibContext.script(n.backup()))
                    .str(8, MibContext.script(n.fault()))
                    .str(9, MibContext.script(n.notifyScript()))
                    .enabled(10, sg.syncGroupTrackingWeight())
                    .str(11, MibContext.script(n.stop()));
            // vrrpSyncGroupMemberInstanceIndex: the member's ordinal in the group
            for (int m = 0; m < sg.members().size(); m++) {
                new Row(b, KeepalivedOids.SYNC_GROUP_MEMBER_ENTRY, gi, m + 1).str(2, sg.members().get(m));
            }
        }
    }

    static void instances(MibTree.Builder b, MibContext c) {
        GlobalDefs gd = c.config.global();
        GlobalDefs.LvsSyncDaemon lvsSync = gd.lvs().syncDaemon();
        java.util.Set<String> linkbeat = new java.util.HashSet<>();
        c.config.vrrp().linkbeatInterfaces().forEach(l -> linkbeat.add(l.interfaceName()));
        for (int i = 0; i < c.instances.size(); i++) {
            VrrpInstance inst = c.instances.get(i);
            VrrpState state = c.state(inst);
            NotifyScripts n = inst.notifyScripts();
            boolean syncsLvs = lvsSync != null && inst.name().equals(lvsSync.vrrpInstance());
            Row r = new Row(b, KeepalivedOids.INSTANCE_ENTRY, i + 1)
                    .str(2, inst.name())
                    .u32(3, inst.virtualRouterId())
                    .i32(4, MibContext.keepalivedState(state))
                    .i32(5, MibContext.initialState(inst))
                    .i32(6, MibContext.keepalivedState(state))
                    .i32(7, c.basePriority(inst))
                    .i32(8, c.effectivePriority(inst))
                    .i32(9, state == VrrpState.MASTER ? 1 : 2) // allSet(1) while MASTER holds its VIPs
                    .str(10, inst.interfaceName())
                    // keepalived 2.2.7 (observed): tracked(1) when the instance has track_interface lines, whatever
                    // dont_track_primary says
                    .i32(11, inst.trackers() != null && !inst.trackers().interfaces().isEmpty() ? 1 : 2)
                    // advert_int: seconds for VRRPv2, centiseconds for VRRPv3 (keepalived's units)
                    .u32(12, inst.version() == 2 ? inst.advertIntervalMicros() / 1_000_000L
                            : inst.advertIntervalMicros() / 10_000L)
                    .enabled(13, c.preempt(inst))
                    .u32(14, MibContext.seconds(inst.preemptDelayMicros()))
                    .i32(15, authType(inst.authentication()))
                    .enabled(16, syncsLvs);
            if (syncsLvs) {
                r.str(17, lvsSync.interfaceName());
            } else {
                r.str(17, inst.lvsSyncDaemonInterface());
            }
            r.str(18, inst.syncGroup())
                    .u32(19, MibContext.seconds(inst.garp().masterDelayMicros()))
                    .enabled(20, inst.smtpAlert())
                    .enabled(21, notifies(n))
                    .str(22, MibContext.script(n.master()))
                    .str(23, MibContext.script(n.backup()))
                    .str(24, MibContext.script(n.fault()))
                    .str(25, MibContext.script(n.stop()))
                    .str(26, MibContext.script(n.notifyScript()))
                    // accept mode is VRRPv3's (RFC 5798 §6.1): keepalived 2.2.7 reads 0 for VRRPv2 instances (observed)
                    .i32(27, inst.version() == 2 ? 0 : inst.accept() ? 1 : 2)
                    .truth(28, inst.promoteSecondaries())
                    .truth(29, gd.process().linkbeatUsePolling() || linkbeat.contains(inst.interfaceName()))
                    .i32(30, inst.version())
                    .str(31, MibContext.script(n.masterRxLowerPri()))
                    .str(32, MibContext.script(n.deleted()))
                    .truth(33, n.notifyDeleted());
            if (!inst.unicast() && inst.mcastDstIp() != null) {
                r.i32(34, Row.addrType(inst.mcastDstIp())).inet(35, inst.mcastDstIp());
            }
        }
    }

    /** vrrpInstanceAuthType none(0), password(1), ah(2). */
    static int authType(Authentication a) {
        if (a == null) {
            return 0;
        }
        return switch (a.type()) {
            case NONE -> 0;
            case PASS -> 1;
            case AH -> 2;
        };
    }

    /** NotifyExec: enabled when any notify script is configured. */
    private static boolean notifies(NotifyScripts n) {
        return n.master() != null || n.backup() != null || n.fault() != null || n.stop() != null
                || n.deleted() != null || n.notifyScript() != null || n.masterRxLowerPri() != null;
    }
}
