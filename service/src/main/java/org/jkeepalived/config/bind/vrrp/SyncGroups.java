package org.jkeepalived.config.bind.vrrp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.track.Trackers;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.config.syntax.Node;

/**
 * {@code vrrp_sync_group} blocks (c.8) and their resolution against the instances, with keepalived
 * 2.2.7's messages: unknown members are dropped, an instance belongs to the first group naming it, a group
 * left empty is removed, a group of one is suspicious, and members lose their weighted trackers unless
 * the group sets sync_group_tracking_weight.
 */
final class SyncGroups {
    /** A group as read, before its members are checked. */
    record Draft(String name, List<String> listed, boolean hasGroupList, Trackers trackers, NotifyScripts notifyScripts,
                 Boolean notifyPriorityChanges, Boolean smtpAlert, boolean trackingWeight, boolean globalTracking,
                 Location location) {
    }

    private SyncGroups() {
    }

    static Draft read(Node block, TrackConfig tracking, BindContext ctx) {
        if (!block.hasArg(0)) {
            ctx.error(block, "vrrp_sync_group must have a name - skipping");
            return null;
        }
        String name = block.arg(0);
        List<String> listed = new ArrayList<>();
        boolean hasList = false;
        ScriptCommand master = null;
        ScriptCommand backup = null;
        ScriptCommand fault = null;
        ScriptCommand stop = null;
        ScriptCommand notify = null;
        Boolean priorityChanges = null;
        Boolean smtp = null;
        boolean trackingWeight = false;
        boolean globalTracking = false;
        for (Node n : block.children()) {
            switch (n.keyword()) {
                case "group" -> {
                    if (hasList) {
                        ctx.error(n, "Group list already specified for sync group " + name);
                    } else {
                        hasList = true;
                        n.items().forEach(i -> listed.addAll(i.words()));
                    }
                }
                case "notify_master" -> master = script(n, ctx);
                case "notify_backup" -> backup = script(n, ctx);
                case "notify_fault" -> fault = script(n, ctx);
                case "notify_stop" -> stop = script(n, ctx);
                case "notify" -> notify = script(n, ctx);
                case "notify_priority_changes" -> {
                    Boolean b = Args.optionalBool(n);
                    if (b == null) {
                        ctx.error(n, "(" + name + ") invalid notify_priority_changes " + n.arg(0) + " specified");
                    } else {
                        priorityChanges = b;
                    }
                }
                case "smtp_alert" -> {
                    Boolean b = Args.optionalBool(n);
                    if (b == null) {
                        ctx.error(n, "Invalid vrrp_sync_group smtp_alert parameter " + n.arg(0));
                    } else {
                        smtp = b;
                    }
                }
                case "global_tracking" -> {
                    ctx.error(n, "(" + name + ") global_tracking is deprecated. Use track_interface/script/file on"
                            + " the sync group");
                    globalTracking = true;
                }
                case "sync_group_tracking_weight" -> trackingWeight = true;
                default -> {
                }
            }
        }
        Trackers trackers = TrackerLines.read(block, name, tracking, ctx);
        return new Draft(name, listed, hasList, trackers,
                new NotifyScripts(master, backup, fault, stop, null, notify, null, false),
                priorityChanges, smtp, trackingWeight, globalTracking, block.location());
    }

    private static ScriptCommand script(Node n, BindContext ctx) {
        return Args.require(n, 1, ctx) ? VrrpScripts.parse(n, ctx) : null;
    }

    /**
     * Checks members against {@code instances} (by name, in file order) and returns the groups that keep
     * members; {@code instances} is updated in place with each member's group and adjusted trackers.
     */
    static List<SyncGroup> resolve(List<Draft> drafts, Map<String, VrrpInstance> instances, GlobalDefs global,
                                   BindContext ctx) {
        List<SyncGroup> out = new ArrayList<>();
        Map<String, String> groupOf = new HashMap<>();
        for (Draft g : drafts) {
            if (!g.hasGroupList() || g.listed().isEmpty()) {
                ctx.error((Location) null, "Sync group " + g.name() + " has no virtual router(s). removing");
                continue;
            }
            List<String> kept = new ArrayList<>();
            Set<String> inThis = new HashSet<>();
            for (String vi : g.listed()) {
                if (!instances.containsKey(vi)) {
                    ctx.error((Location) null, "Virtual router " + vi + " specified in sync group " + g.name()
                            + " doesn't exist - ignoring");
                } else if (groupOf.containsKey(vi) || !inThis.add(vi)) {
                    ctx.error((Location) null, "Virtual router " + vi + " cannot exist in more than one sync group;"
                            + " ignoring " + g.name());
                } else {
                    groupOf.put(vi, g.name());
                    kept.add(vi);
                }
            }
            if (kept.isEmpty()) {
                ctx.error((Location) null, "Sync group " + g.name()
                        + ", no matching virtual router found in group declaration - removing");
                continue;
            }
            if (kept.size() == 1) {
                ctx.error((Location) null, "Sync group " + g.name() + " has only " + kept.size()
                        + " virtual router(s) - this probably isn't what you want");
            }
            for (String vi : kept) {
                VrrpInstance inst = instances.get(vi).withSyncGroup(g.name());
                if (!g.trackingWeight()) {
                    inst = inst.withTrackers(memberTrackers(inst, ctx));
                }
                instances.put(vi, inst);
            }
            boolean priorityChanges = g.notifyPriorityChanges() != null ? g.notifyPriorityChanges()
                    : global.vrrp().notifyPriorityChanges();
            out.add(new SyncGroup(g.name(), kept, g.trackers(), g.notifyScripts(), priorityChanges,
                    InstanceChecks.smtpAlert(g.smtpAlert(), global), g.trackingWeight(), g.globalTracking(),
                    g.location()));
        }
        return out;
    }

    /**
     * keepalived 2.2.7 on sync-group members: weighted interfaces keep tracking with weight 0, weighted
     * scripts, files and BFDs are dropped, processes are left alone.
     */
    private static Trackers memberTrackers(VrrpInstance inst, BindContext ctx) {
        Trackers t = inst.trackers();
        String who = "(" + inst.name() + ") ";
        List<TrackRef> ifs = new ArrayList<>();
        for (TrackRef r : t.interfaces()) {
            if (r.weight() != 0) {
                ctx.error((Location) null, who + "ignoring " + r.name() + " tracked interface weight due to SYNC group");
                ifs.add(new TrackRef(r.name(), 0, r.reverse(), r.location()));
            } else {
                ifs.add(r);
            }
        }
        return new Trackers(ifs, drop(t.scripts(), who, "script", true, ctx), drop(t.files(), who, "file", false, ctx),
                t.processes(), drop(t.bfds(), who, "bfd", true, ctx));
    }

    private static List<TrackRef> drop(List<TrackRef> refs, String who, String kind, boolean plural,
                                       BindContext ctx) {
        List<TrackRef> out = new ArrayList<>();
        for (TrackRef r : refs) {
            if (r.weight() != 0) {
                ctx.error((Location) null, who + "ignoring tracked " + kind + " " + r.name() + " with "
                        + (plural ? "weights" : "weight " + r.weight()) + " due to SYNC group");
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
