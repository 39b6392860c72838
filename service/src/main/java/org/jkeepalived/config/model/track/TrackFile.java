package org.jkeepalived.config.model.track;

import org.jkeepalived.config.Location;

/**
 * A {@code track_file} block (alias {@code vrrp_track_file}, c.6): a file holding a number, read when it
 * changes; the contribution to a priority is value × weight.
 *
 * @param name          the block's name, referenced by track_file lines
 * @param file          the path of the file
 * @param weight        default weight for track_file lines that give none (1, range -254..254)
 * @param reverse       default reverse
 * @param initFile      {@code init_file}: write {@code initValue} at start if the file does not exist
 * @param initValue     value written by init_file (0)
 * @param initOverwrite {@code init_file ... overwrite}: write even if the file exists
 * @param location      where the block starts
 */
public record TrackFile(String name, String file, int weight, boolean reverse, boolean initFile, long initValue,
                        boolean initOverwrite, Location location) {
}
