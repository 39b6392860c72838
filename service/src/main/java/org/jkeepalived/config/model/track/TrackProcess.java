package org.jkeepalived.config.model.track;

import java.util.List;
import org.jkeepalived.config.Location;

/**
 * A {@code vrrp_track_process} block (c.7): how many processes with a given name (and parameters) run.
 *
 * @param name                the block's name, referenced by track_process lines
 * @param process             process name (matched exactly against comm, or the first cmdline word)
 * @param parameters          parameters to match, empty when none were given
 * @param paramMatch          how parameters are matched
 * @param weight              default weight for track_process lines that give none (0, range -254..254)
 * @param reverse             default reverse
 * @param quorum              minimum number of processes for success (1)
 * @param quorumMax           maximum number of processes for success, null = unlimited
 * @param forkDelayMicros     delay after quorum is gained before counting as up (0)
 * @param terminateDelayMicros delay after quorum is lost before counting as down (0)
 * @param fullCommand         match /proc/PID/cmdline instead of the process name
 * @param location            where the block starts
 */
public record TrackProcess(String name, String process, List<String> parameters, ParamMatch paramMatch,
                           int weight, boolean reverse, int quorum, Integer quorumMax, long forkDelayMicros,
                           long terminateDelayMicros, boolean fullCommand, Location location) {
    public TrackProcess {
        parameters = List.copyOf(parameters);
    }

    /** {@code param_match}: NONE = parameters not compared (none given and no param_match). */
    public enum ParamMatch { NONE, EXACT, PARTIAL, INITIAL }
}
