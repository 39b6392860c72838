package org.jkeepalived.config.model.track;

import java.util.List;

/**
 * The trackers of a vrrp_instance or vrrp_sync_group, after keepalived's load-time adjustments
 * (unknown names dropped, weights forced to 0 or removed on sync-group members and address owners).
 *
 * @param interfaces track_interface lines
 * @param scripts    track_script lines (names of vrrp_script blocks)
 * @param files      track_file lines (names of track_file blocks)
 * @param processes  track_process lines (names of vrrp_track_process blocks)
 * @param bfds       track_bfd lines (names of bfd_instance blocks)
 */
public record Trackers(List<TrackRef> interfaces, List<TrackRef> scripts, List<TrackRef> files,
                       List<TrackRef> processes, List<TrackRef> bfds) {
    public Trackers {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
        bfds = List.copyOf(bfds);
    }

    public static Trackers none() {
        return new Trackers(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return interfaces.isEmpty() && scripts.isEmpty() && files.isEmpty() && processes.isEmpty() && bfds.isEmpty();
    }
}
