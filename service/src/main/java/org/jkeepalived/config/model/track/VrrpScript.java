package org.jkeepalived.config.model.track;

import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;

/**
 * A {@code vrrp_script} block (c.5): a command run periodically whose exit status is tracked.
 *
 * @param name           the block's name, referenced by track_script
 * @param script         the command (with its own user/group when the script line gave one)
 * @param intervalMicros interval between runs (1 s; keepalived 2.2.7 takes whole seconds 1..4294)
 * @param timeoutMicros  time after which a run counts as failed (defaults to the interval)
 * @param weight         default weight for track_script lines that give none (0, range -253..253)
 * @param reverse        default reverse for track_script lines that give no weight
 * @param rise           consecutive successes to become OK (1)
 * @param fall           consecutive failures to become KO (1)
 * @param user           {@code user} keyword's user name, null when not given (script_user applies)
 * @param group          {@code user} keyword's group name, null when not given
 * @param initFail       {@code init_fail}: the script starts in the failed state
 * @param location       where the block starts
 */
public record VrrpScript(String name, ScriptCommand script, long intervalMicros, long timeoutMicros, int weight,
                         boolean reverse, int rise, int fall, String user, String group, boolean initFail,
                         Location location) {
}
