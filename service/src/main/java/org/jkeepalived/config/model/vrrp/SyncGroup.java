package org.jkeepalived.config.model.vrrp;

import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.track.Trackers;

/**
 * A {@code vrrp_sync_group} (c.8) after membership checks: members move together.
 *
 * @param name                    group name
 * @param members                 member instance names (existing, each in one group only)
 * @param trackers                trackers applying to every member
 * @param notifyScripts           group notify scripts (no notify_master_rx_lower_pri)
 * @param notifyPriorityChanges   {@code notify_priority_changes}
 * @param smtpAlert               send mail on group transitions (resolved like an instance's)
 * @param syncGroupTrackingWeight {@code sync_group_tracking_weight}: members keep weighted trackers
 * @param globalTracking          deprecated {@code global_tracking}
 * @param location                where the block starts
 */
public record SyncGroup(String name, List<String> members, Trackers trackers, NotifyScripts notifyScripts,
                        boolean notifyPriorityChanges, boolean smtpAlert, boolean syncGroupTrackingWeight,
                        boolean globalTracking, Location location) {
    public SyncGroup {
        members = List.copyOf(members);
    }
}
