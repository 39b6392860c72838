package org.jkeepalived.check.file;

import java.util.concurrent.CompletableFuture;
import org.jkeepalived.check.Probe;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.model.lvs.FileCheck;
import org.jkeepalived.track.TrackerUpdate;

/**
 * FILE_CHECK: follows the value of a track_file (pushed by the file tracker through {@link #accept}) and
 * judges it per keepalived.conf(5) (track_file, "For real servers monitoring the file"):
 * <ul>
 * <li>weight 0: a non-zero value is a failure, zero is OK;</li>
 * <li>otherwise the value (limited to [-2147483648, 2147483648]) times the weight, negated with
 * {@code reverse}; a result {@code <= -2147483648} is a failure ("FAULT state");</li>
 * <li>with {@code dynamic}, the result is added to the real server's IPVS weight ({@link #weightDelta}).</li>
 * </ul>
 * Not timed: {@link #attempt} answers at once from the last value. Before any value arrived the file counts
 * as 0 (what the tracker reports for a missing file). Thread-safe.
 */
public final class FileProbe implements Probe {
    static final long VALUE_LIMIT = 2_147_483_648L;
    static final long FAULT_AT_OR_BELOW = -2_147_483_648L;

    private final FileCheck check;
    private volatile long value;

    public FileProbe(FileCheck check) {
        this.check = check;
    }

    /** A tracker update; updates for other kinds or names are ignored. Returns whether it applied. */
    public boolean accept(TrackerUpdate update) {
        if (update.kind() != TrackerUpdate.Kind.FILE || !update.name().equals(check.trackFile())) {
            return false;
        }
        value = update.value();
        return true;
    }

    /** The current verdict. */
    public ProbeResult result() {
        return judge(check, value);
    }

    /** With {@code dynamic} and a passing value, what to add to the real server's weight; else 0. */
    public long weightDelta() {
        return weightDelta(check, value);
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        return CompletableFuture.completedFuture(result());
    }

    /** The pass rule, pure. */
    public static ProbeResult judge(FileCheck check, long value) {
        if (check.weight() == 0) {
            return value == 0 ? ProbeResult.success()
                    : ProbeResult.failure(who(check) + " value " + value + " is not 0 (weight 0)");
        }
        long result = scaled(check, value);
        return result <= FAULT_AT_OR_BELOW
                ? ProbeResult.failure(who(check) + " value " + value + " x weight " + signedWeight(check) + " = "
                        + result + " is in the fault range")
                : ProbeResult.success();
    }

    /** value x weight when {@code dynamic} and passing, else 0, pure. */
    public static long weightDelta(FileCheck check, long value) {
        if (!check.dynamic() || check.weight() == 0 || !judge(check, value).up()) {
            return 0;
        }
        return scaled(check, value);
    }

    private static long scaled(FileCheck check, long value) {
        long v = Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, value));
        // |v| <= 2^31 and |weight| < 2^31: the product fits in a long
        return v * signedWeight(check);
    }

    private static long signedWeight(FileCheck check) {
        return check.reverse() ? -check.weight() : check.weight();
    }

    private static String who(FileCheck check) {
        return "FILE_CHECK (" + check.trackFile() + ")";
    }
}
