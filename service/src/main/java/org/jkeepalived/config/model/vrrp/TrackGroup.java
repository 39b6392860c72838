package org.jkeepalived.config.model.vrrp;

import java.util.List;
import org.jkeepalived.config.Location;

/**
 * A {@code track_group}: instances that go FAULT when a static address/route/rule naming this group is
 * deleted and cannot be restored.
 *
 * @param name     group name
 * @param members  instance names as listed in its {@code group} block
 * @param location where the block starts
 */
public record TrackGroup(String name, List<String> members, Location location) {
    public TrackGroup {
        members = List.copyOf(members);
    }
}
