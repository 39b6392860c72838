package org.jkeepalived.vrrp;

import java.util.List;

/**
 * keepalived's priority arithmetic (reference c.10, weights c.4), pure:
 * <pre>
 * effective = base                                  if base == 255 (address owner: never adjusted)
 *           = clamp(base + Σ contributions, 1, 254)  otherwise (trackers never reach 255 nor 0)
 * </pre>
 * A weight-0 tracker that fails puts the instance in FAULT instead of changing the priority.
 */
public final class PriorityCalculator {
    private PriorityCalculator() {
    }

    /** One tracker's current input. */
    public sealed interface Tracker {
        /**
         * An up/down tracker (interface, script, process, bfd). {@code weight > 0}: +weight while up;
         * {@code weight < 0}: weight while down; 0: down means FAULT. {@code reverse} negates the
         * contribution (and for weight 0 makes "up" the fault).
         */
        record State(int weight, boolean reverse, boolean up) implements Tracker {
        }

        /**
         * A track_file value: contributes value × weight (negated by reverse); with weight 0 a non-zero
         * value is a failure; a contribution below -253 is a FAULT (keepalived c.4).
         */
        record FileValue(int weight, boolean reverse, long value) implements Tracker {
        }
    }

    /** The outcome: the effective priority to advertise, and whether a tracker forces FAULT. */
    public record Result(int effectivePriority, boolean fault) {
    }

    public static Result compute(int basePriority, List<? extends Tracker> trackers) {
        long total = basePriority;
        boolean fault = false;
        for (Tracker t : trackers) {
            if (t instanceof Tracker.State s) {
                if (s.weight() == 0) {
                    fault |= s.reverse() == s.up();
                } else {
                    boolean counts = s.weight() > 0 ? s.up() : !s.up();
                    long c = counts ? s.weight() : 0;
                    total += s.reverse() ? -c : c;
                }
            } else if (t instanceof Tracker.FileValue f) {
                if (f.weight() == 0) {
                    fault |= f.value() != 0;
                } else {
                    long c = f.value() * f.weight() * (f.reverse() ? -1 : 1);
                    if (c < -253) {
                        fault = true;
                    } else {
                        total += c;
                    }
                }
            }
        }
        if (basePriority >= RouterSettings.OWNER_PRIORITY) {
            return new Result(RouterSettings.OWNER_PRIORITY, fault);
        }
        return new Result((int) Math.max(1, Math.min(254, total)), fault);
    }
}
