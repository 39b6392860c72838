package org.jkeepalived.config.bind.vrrp;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Scripts;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.config.syntax.Node;

/**
 * The scripts of the VRRP process (vrrp_script, instance and sync-group notifies) are judged by the
 * security pass only when keepalived's VRRP process would get to its script checks (observed with
 * 2.2.7): there must be a vrrp_instance, and no reference to a missing interface, since that ends the
 * VRRP process right after reading. So they are parsed without registering and registered at the end.
 */
final class VrrpScripts {
    private VrrpScripts() {
    }

    /** Parses a notify script (command, then optional user and group) without registering it yet. */
    static ScriptCommand parse(Node n, BindContext ctx) {
        return Scripts.parse(n, 0, new BindContext(ctx.diagnostics(), ctx.system()));
    }

    /** Scripts of every instance and group read, including ones that fail their checks later. */
    static void register(TrackConfig tracking, List<InstanceDraft> instances, List<SyncGroups.Draft> groups,
                         BindContext ctx) {
        if (instances.isEmpty() || missingInterface(ctx)) {
            return;
        }
        List<ScriptCommand> all = new ArrayList<>();
        for (VrrpScript s : tracking.scripts()) {
            all.add(s.script());
            // keepalived keeps the block (track_script still resolves) but never runs a missing program.
            if (ctx.system().findExecutable(s.script().program()).isEmpty()) {
                ctx.error((Location) null, "Disabling track script " + s.name() + " since not found/accessible");
            }
        }
        for (InstanceDraft d : instances) {
            add(all, new NotifyScripts(d.notifyMaster, d.notifyBackup, d.notifyFault, d.notifyStop, d.notifyDeleted,
                    d.notify, d.notifyMasterRxLowerPri, d.notifyDeletedGiven));
        }
        groups.forEach(g -> add(all, g.notifyScripts()));
        all.forEach(ctx::registerScript);
    }

    private static void add(List<ScriptCommand> all, NotifyScripts n) {
        for (ScriptCommand c : new ScriptCommand[] {n.master(), n.backup(), n.fault(), n.stop(), n.deleted(),
                n.notifyScript(), n.masterRxLowerPri()}) {
            if (c != null) {
                all.add(c);
            }
        }
    }

    private static boolean missingInterface(BindContext ctx) {
        for (Diagnostic d : ctx.diagnostics().all()) {
            if (d.location() == null && d.message().equals(Interfaces.NON_EXISTENT)) {
                return true;
            }
        }
        return false;
    }
}
