package org.jkeepalived.snmp.mib;

import java.util.List;
import org.jkeepalived.config.model.track.BfdInstance;
import org.jkeepalived.config.model.track.TrackFile;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.track.Trackers;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.snmp.MibTree;
import org.jkeepalived.status.TrackerStatus;

/**
 * KEEPALIVED-MIB tracker tables: what each instance and sync group tracks (vrrpTracked*Table,
 * vrrpSyncTracked*Table) and the tracked objects themselves (vrrpScriptTable, vrrpFileTable, vrrpProcessTable,
 * vrrpBfdTable).
 *
 * <p>vrrpTrackedFileWeight/WgtRev are the track_file line's (those in effect, as keepalived's own data dump shows
 * them); keepalived 2.2.7's agent shows the track_file block's defaults there (observed), a bug we do not copy.
 *
 * <p>Not served: vrrpBfdResult (no BFD runtime); vrrpProcessCurProc comes from {@link TrackerStatus#value()} of
 * the process tracker (0 until the runtime reports a count there).
 */
final class VrrpTrackerRows {
    private VrrpTrackerRows() {
    }

    /** The five tracker tables of an owner kind: an instance's, or a sync group's (their entry OIDs). */
    private record Tables(int[] interfaces, int[] scripts, int[] files, int[] processes, int[] bfds) {
    }

    private static final Tables INSTANCE = new Tables(KeepalivedOids.TRACKED_INTERFACE_ENTRY,
            KeepalivedOids.TRACKED_SCRIPT_ENTRY, KeepalivedOids.TRACKED_FILE_ENTRY,
            KeepalivedOids.TRACKED_PROCESS_ENTRY, KeepalivedOids.TRACKED_BFD_ENTRY);
    private static final Tables SYNC_GROUP = new Tables(KeepalivedOids.SYNC_TRACKED_INTERFACE_ENTRY,
            KeepalivedOids.SYNC_TRACKED_SCRIPT_ENTRY, KeepalivedOids.SYNC_TRACKED_FILE_ENTRY,
            KeepalivedOids.SYNC_TRACKED_PROCESS_ENTRY, KeepalivedOids.SYNC_TRACKED_BFD_ENTRY);

    static void instanceTrackers(MibTree.Builder b, MibContext c) {
        for (int i = 0; i < c.instances.size(); i++) {
            trackers(b, INSTANCE, i + 1, c.instances.get(i).trackers());
        }
    }

    static void syncGroupTrackers(MibTree.Builder b, MibContext c) {
        List<SyncGroup> groups = c.config.vrrp().syncGroups();
        for (int g = 0; g < groups.size(); g++) {
            trackers(b, SYNC_GROUP, g + 1, groups.get(g).trackers());
        }
    }

    /** The rows of one owner's trackers ({@code owner}: its 1-based index), none when it has none. */
    private static void trackers(MibTree.Builder b, Tables tables, int owner, Trackers t) {
        if (t == null) {
            return;
        }
        interfaces(b, tables.interfaces(), owner, t.interfaces());
        refs(b, tables.scripts(), owner, t.scripts());
        refs(b, tables.files(), owner, t.files());
        refs(b, tables.processes(), owner, t.processes());
        refs(b, tables.bfds(), owner, t.bfds());
    }

    /**
     * Tracked-interface rows: Name(1), Weight(2), WgtRev(3). The MIB indexes them (owner, ifIndex), but keepalived
     * 2.2.7 serves (owner, ordinal of the track_interface line) (observed: veth3 with ifIndex 4 at .1): we do
     * as keepalived, so existing pollers find the same rows, and a row does not depend on the interface existing.
     */
    private static void interfaces(MibTree.Builder b, int[] entry, int owner, List<TrackRef> refs) {
        for (int k = 0; k < refs.size(); k++) {
            TrackRef r = refs.get(k);
            new Row(b, entry, owner, k + 1).str(1, r.name()).i32(2, r.weight()).truth(3, r.reverse());
        }
    }

    /** (owner, ordinal) rows: Name(2), Weight(3), WgtRev(4). */
    private static void refs(MibTree.Builder b, int[] entry, int owner, List<TrackRef> refs) {
        for (int k = 0; k < refs.size(); k++) {
            TrackRef r = refs.get(k);
            new Row(b, entry, owner, k + 1).str(2, r.name()).i32(3, r.weight()).truth(4, r.reverse());
        }
    }

    static void objects(MibTree.Builder b, MibContext c) {
        List<VrrpScript> scripts = c.config.tracking().scripts();
        for (int s = 0; s < scripts.size(); s++) {
            VrrpScript vs = scripts.get(s);
            new Row(b, KeepalivedOids.SCRIPT_ENTRY, s + 1)
                    .str(2, vs.name())
                    .str(3, MibContext.script(vs.script()))
                    .i32(4, MibContext.seconds(vs.intervalMicros()))
                    .i32(5, vs.weight())
                    .i32(6, scriptResult(vs, c.tracker("script", vs.name())))
                    .u32(7, vs.rise())
                    .u32(8, vs.fall())
                    .truth(9, vs.reverse());
        }
        List<TrackFile> files = c.config.tracking().files();
        for (int f = 0; f < files.size(); f++) {
            TrackFile tf = files.get(f);
            TrackerStatus st = c.tracker("file", tf.name());
            new Row(b, KeepalivedOids.FILE_ENTRY, f + 1)
                    .str(2, tf.name())
                    .str(3, tf.file())
                    .i32(4, st == null ? 0 : st.value())
                    .i32(5, tf.weight())
                    .truth(6, tf.reverse());
        }
        List<TrackProcess> procs = c.config.tracking().processes();
        for (int p = 0; p < procs.size(); p++) {
            TrackProcess tp = procs.get(p);
            TrackerStatus st = c.tracker("process", tp.name());
            Row r = new Row(b, KeepalivedOids.PROCESS_ENTRY, p + 1)
                    .str(2, tp.name())
                    .str(3, tp.process());
            r.str(4, String.join(" ", tp.parameters())) // "" without parameters
                    .i32(5, paramMatch(tp.paramMatch()))
                    .i32(6, tp.weight())
                    .truth(7, tp.reverse())
                    .u32(8, tp.quorum())
                    .i32(9, tp.quorumMax() == null ? -1 : tp.quorumMax()) // -1: no maximum (observed)
                    .u32(10, tp.forkDelayMicros())
                    .u32(11, tp.terminateDelayMicros())
                    // parameters are matched against the full command line: keepalived reports it on (observed)
                    .truth(12, tp.fullCommand() || !tp.parameters().isEmpty())
                    .i32(13, st == null ? 0 : st.value())
                    .truth(14, st != null && st.up());
        }
        List<BfdInstance> bfds = c.config.tracking().bfdInstances();
        int bfdIndex = 0;
        for (BfdInstance bi : bfds) {
            if (!bi.toVrrp()) {
                continue; // vrrpBfdTable is the VRRP process's view
            }
            new Row(b, KeepalivedOids.BFD_ENTRY, ++bfdIndex).str(2, bi.name()).i32(4, bi.weight()).truth(5, bi.reverse());
        }
    }

    /**
     * vrrpProcessParamMatch as keepalived 2.2.7 serves it (observed): none 0, exact 1, initial 2, partial 3 — its
     * own order, not the MIB's partial(2) initial(3); kept so that existing pollers read the same numbers.
     */
    private static int paramMatch(TrackProcess.ParamMatch m) {
        return switch (m) {
            case NONE -> 0;
            case EXACT -> 1;
            case INITIAL -> 2;
            case PARTIAL -> 3;
        };
    }

    /** vrrpScriptResult init(1), bad(2), good(3), initfailed(5). */
    private static int scriptResult(VrrpScript s, TrackerStatus st) {
        if (st == null || !st.known()) {
            return s.initFail() ? 5 : 1;
        }
        return st.up() ? 3 : 2;
    }
}
