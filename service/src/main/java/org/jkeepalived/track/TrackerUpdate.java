package org.jkeepalived.track;

import java.util.Objects;

/**
 * A tracked object's new state, as trackers report it to the VRRP engine (which turns it into priorities
 * and faults, reference c.4 and c.10). Trackers run off the VRRP loop; the engine takes these through its
 * inbox.
 *
 * @param kind   what kind of object
 * @param name   the vrrp_script / track_file / vrrp_track_process name
 * @param status INIT while a script has not produced its first result (instances tracking it wait, as
 *               keepalived's do), else UP or DOWN
 * @param value  a track_file's value (see {@link #file}); else 0
 */
public record TrackerUpdate(Kind kind, String name, Status status, long value) {
    public TrackerUpdate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public enum Kind { SCRIPT, FILE, PROCESS, BFD }

    public enum Status { INIT, UP, DOWN }

    public static TrackerUpdate script(String name, Status status) {
        return new TrackerUpdate(Kind.SCRIPT, name, status, 0);
    }

    /** A track_file value; the status is informational (UP when the value is 0). */
    public static TrackerUpdate file(String name, long value) {
        return new TrackerUpdate(Kind.FILE, name, value == 0 ? Status.UP : Status.DOWN, value);
    }

    public static TrackerUpdate process(String name, boolean up) {
        return new TrackerUpdate(Kind.PROCESS, name, up ? Status.UP : Status.DOWN, 0);
    }
}
