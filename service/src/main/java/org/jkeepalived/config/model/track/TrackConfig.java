package org.jkeepalived.config.model.track;

/** Stub: vrrp_script, track_file, vrrp_track_process, bfd_instance (filled in by the tracking work). */
public record TrackConfig() {
    public static TrackConfig empty() {
        return new TrackConfig();
    }
}
