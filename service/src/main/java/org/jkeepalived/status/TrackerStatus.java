package org.jkeepalived.status;

/**
 * A tracked object's last reported state (vrrp_script result, track_file value, tracked process, interface).
 *
 * @param kind  {@code script}, {@code file}, {@code process} or {@code interface}
 * @param name  its configured name
 * @param known whether it has reported at all (a vrrp_script still in init(1) has not)
 * @param up    its state (a file: value not 0)
 * @param value a track_file's value, else 0
 */
public record TrackerStatus(String kind, String name, boolean known, boolean up, long value) {
}
