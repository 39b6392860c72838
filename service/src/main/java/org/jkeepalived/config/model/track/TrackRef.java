package org.jkeepalived.config.model.track;

import org.jkeepalived.config.Location;

/**
 * One line of a {@code track_interface}, {@code track_script}, {@code track_file}, {@code track_process}
 * or {@code track_bfd} block: what is tracked and how its state moves the priority (keepalived.conf(5),
 * c.4). Weight 0 means a failure puts the instance in FAULT; a positive weight is added while the tracked
 * thing is up, a negative one subtracted while it is down; {@code reverse} swaps up and down.
 *
 * @param name     interface name, or the name of the vrrp_script / track_file / vrrp_track_process /
 *                 bfd_instance
 * @param weight   the resolved weight (the tracked object's own weight when the line gave none)
 * @param reverse  reverse the sense of the tracked state
 * @param location where the line was written
 */
public record TrackRef(String name, int weight, boolean reverse, Location location) {
}
