package org.jkeepalived.config.model.vrrp;

import org.jkeepalived.config.model.ScriptCommand;

/**
 * Notify scripts of an instance or sync group (f.1); null when not configured.
 *
 * @param master           notify_master
 * @param backup           notify_backup
 * @param fault            notify_fault
 * @param stop             notify_stop
 * @param deleted          notify_deleted's script (the keyword may be given without one)
 * @param notifyScript     notify: called with TYPE NAME STATE PRIORITY appended
 * @param masterRxLowerPri notify_master_rx_lower_pri (instances only)
 * @param notifyDeleted    notify_deleted given: report DELETED rather than FAULT for removed instances
 */
public record NotifyScripts(ScriptCommand master, ScriptCommand backup, ScriptCommand fault, ScriptCommand stop,
                            ScriptCommand deleted, ScriptCommand notifyScript, ScriptCommand masterRxLowerPri,
                            boolean notifyDeleted) {
    public static NotifyScripts none() {
        return new NotifyScripts(null, null, null, null, null, null, null, false);
    }
}
