package org.jkeepalived.track;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.os.process.ScriptRunner.ScriptResult;
import org.jkeepalived.track.TrackerUpdate.Status;

/**
 * A vrrp_script's rise/fall hysteresis and log lines, as keepalived 2.2.7 behaves (observed; pure, one
 * instance per script, not thread-safe). The counter runs 0..rise+fall-1 and the script is OK iff it is
 * at least {@code rise}:
 * <ul>
 * <li>start: rise-1 and "init" (neither OK nor failed), or 0 with init_fail;</li>
 * <li>success: below rise-1 it counts up; otherwise it jumps to rise+fall-1, logging
 *     {@code VRRP_Script(NAME) succeeded} when it was exactly rise-1 (the OK transition; so from init a
 *     single success is enough, whatever rise is);</li>
 * <li>failure: above rise it counts down; otherwise it drops to 0, logging the failure when it was exactly
 *     rise or still init: {@code failed (exited with status N)}, or {@code timed_out} for a run killed at
 *     its timeout (observed: that line replaces the "failed" one and later timeouts log nothing);</li>
 * <li>{@code Script `NAME` now returning N} whenever an exit status differs from the previous one (the
 *     first previous being 0; runs that timed out or did not start do not count).</li>
 * </ul>
 * Java reports a death by signal N as status 128+N, so keepalived's {@code failed (due to signal N)} is
 * written as {@code failed (exited with status 128+N)} here.
 */
public final class ScriptResultCounter {
    private final String name;
    private final int rise;
    private final int fall;
    private int count;
    private boolean init;
    private int lastExitStatus;

    /** What one result did. */
    public record Step(Status status, boolean changed, List<String> logLines) {
    }

    public ScriptResultCounter(String name, int rise, int fall, boolean initFail) {
        this.name = name;
        this.rise = Math.max(1, rise);
        this.fall = Math.max(1, fall);
        this.init = !initFail;
        this.count = initFail ? 0 : this.rise - 1;
    }

    public Status status() {
        return init ? Status.INIT : count >= rise ? Status.UP : Status.DOWN;
    }

    /** 0..rise+fall-1. */
    public int count() {
        return count;
    }

    public Step record(ScriptResult result) {
        Status before = status();
        List<String> lines = new ArrayList<>(2);
        if (result.outcome() == org.jkeepalived.os.process.ScriptRunner.Outcome.EXITED
                && result.exitStatus() != lastExitStatus) {
            lines.add("Script `" + name + "` now returning " + result.exitStatus());
            lastExitStatus = result.exitStatus();
        }
        if (result.succeeded()) {
            if (count < rise - 1) {
                count++;
            } else {
                if (count == rise - 1) {
                    lines.add("VRRP_Script(" + name + ") succeeded");
                }
                count = rise + fall - 1;
            }
        } else if (count > rise) {
            count--;
        } else {
            if (count == rise || init) {
                lines.add("VRRP_Script(" + name + ") " + failure(result));
            }
            count = 0;
        }
        init = false;
        Status after = status();
        return new Step(after, after != before, List.copyOf(lines));
    }

    private static String failure(ScriptResult r) {
        return switch (r.outcome()) {
            case TIMED_OUT -> "timed_out";
            case SIGNALLED -> "failed (due to signal " + r.signal() + ")";
            case NOT_STARTED -> "failed (" + r.message() + ")";
            case EXITED -> "failed (exited with status " + r.exitStatus() + ")";
        };
    }
}
