package org.jkeepalived.track;

import java.util.List;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.config.model.track.TrackProcess.ParamMatch;

/**
 * Whether a process counts for a vrrp_track_process (pure). Observed with keepalived 2.2.7, processes
 * {@code /tmp/x/jkasleep1 1000} and {@code jkasleep1 2000 3} (started through PATH):
 * <ul>
 * <li>{@code process jkasleep1}: both (the comm, /proc/PID/comm, matched exactly, not as a pattern);</li>
 * <li>with {@code full_command}, or any parameters, or {@code param_match}, the command line is used
 *     instead: argv[0] must equal the name exactly ({@code /tmp/x/jkasleep1 full_command} matches the
 *     first only, {@code jkasleep1 full_command} the second only, {@code jkasleep1 1000} none);</li>
 * <li>parameters, compared as the NUL-joined argv[1..]: exact by default ({@code jkasleep1 2000} none;
 *     bare {@code param_match}: no parameters at all, none), {@code partial}: the given ones are the first
 *     parameters ({@code 2000} matches {@code 2000 3}), {@code initial}: the given text is a prefix
 *     ({@code 20} matches {@code 2000 3});</li>
 * <li>full_command without parameters or param_match: argv[0] only, parameters not compared.</li>
 * </ul>
 */
final class ProcessMatch {
    private ProcessMatch() {
    }

    static boolean needsCommandLine(TrackProcess t) {
        return t.fullCommand() || t.paramMatch() != ParamMatch.NONE || !t.parameters().isEmpty();
    }

    /**
     * @param comm    the process name (/proc/PID/comm)
     * @param cmdline argv as /proc/PID/cmdline gives it; may be null when {@link #needsCommandLine} is false
     */
    static boolean matches(TrackProcess t, String comm, List<String> cmdline) {
        if (!needsCommandLine(t)) {
            return t.process().equals(comm);
        }
        if (cmdline == null || cmdline.isEmpty() || !cmdline.get(0).equals(t.process())) {
            return false;
        }
        if (t.paramMatch() == ParamMatch.NONE && t.parameters().isEmpty()) {
            return true;
        }
        String have = String.join("\0", cmdline.subList(1, cmdline.size()));
        String want = String.join("\0", t.parameters());
        return switch (t.paramMatch()) {
            case NONE, EXACT -> have.equals(want);
            case PARTIAL -> want.isEmpty() || have.equals(want) || have.startsWith(want + "\0");
            case INITIAL -> have.startsWith(want);
        };
    }

    /** quorum <= count <= quorum_max (unlimited when null). */
    static boolean up(TrackProcess t, int count) {
        return count >= t.quorum() && (t.quorumMax() == null || count <= t.quorumMax());
    }
}
