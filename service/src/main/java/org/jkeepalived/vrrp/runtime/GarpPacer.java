package org.jkeepalived.vrrp.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.vrrp.VirtualRouter;

/**
 * Spaces gratuitous ARPs and unsolicited NAs per interface (keepalived's {@code vrrp_garp_interval} /
 * {@code vrrp_gna_interval}, and {@code garp_group} overrides, c.4): on one interface, two ARPs are at least
 * the ARP interval apart and two NAs the NA interval apart; ARPs and NAs are paced independently. An
 * aggregate group shares one lane among its interfaces. With interval 0 everything is due at once (back to
 * back, keepalived's default). Pure: time comes in as {@code nowNanos}; the caller sends what {@link #due}
 * returns.
 *
 * <p>Observed with keepalived 2.2.7 (tshark on the veth peer, 2 VIPs, garp_master_repeat 3): with interval
 * 0 the 6 ARPs go in rounds (.100, .101, .100, .101, .100, .101) within 5 ms; with vrrp_garp_interval 0.2
 * they were 200 ms apart but only 3 were sent (.100, .100, .101). We keep the rounds and the spacing and
 * send all of them (repeat × addresses): the missing three look like a keepalived defect, not a design.
 */
final class GarpPacer {
    /** One frame to send on {@code ifIndex}; {@code na} tells which interval paces it. */
    record Frame(String instance, int ifIndex, boolean na, byte[] bytes) {
    }

    /** A lane: an interface, or an aggregate group (negative id), and the kind of frame. */
    private record Key(int lane, boolean na) {
    }

    private static final class Lane {
        final Deque<Frame> queue = new ArrayDeque<>();
        long nextFreeNanos = Long.MIN_VALUE;
    }

    private final long garpIntervalNanos;
    private final long gnaIntervalNanos;
    private final Map<Integer, Integer> laneOfIf = new HashMap<>();
    private final Map<Integer, long[]> laneIntervals = new HashMap<>();
    private final Map<Key, Lane> lanes = new LinkedHashMap<>();
    private int nextGroupLane = -1;

    GarpPacer(long garpIntervalNanos, long gnaIntervalNanos) {
        this.garpIntervalNanos = Math.max(0, garpIntervalNanos);
        this.gnaIntervalNanos = Math.max(0, gnaIntervalNanos);
    }

    /**
     * A garp_group: its intervals (null keeps the global one) for these interfaces, each its own lane, or
     * one lane for all of them when {@code aggregate}.
     */
    void group(List<Integer> ifIndexes, Long garpNanos, Long gnaNanos, boolean aggregate) {
        int shared = aggregate ? nextGroupLane-- : 0;
        for (int ifIndex : ifIndexes) {
            int lane = aggregate ? shared : ifIndex;
            laneOfIf.put(ifIndex, lane);
            laneIntervals.put(lane, new long[] {garpNanos == null ? garpIntervalNanos : Math.max(0, garpNanos),
                    gnaNanos == null ? gnaIntervalNanos : Math.max(0, gnaNanos)});
        }
    }

    /** Queues frames behind those already waiting in their lane. */
    void submit(List<Frame> frames) {
        for (Frame f : frames) {
            int lane = laneOfIf.getOrDefault(f.ifIndex(), f.ifIndex());
            lanes.computeIfAbsent(new Key(lane, f.na()), k -> new Lane()).queue.add(f);
        }
    }

    private long interval(Key k) {
        long[] own = laneIntervals.get(k.lane());
        if (own != null) {
            return k.na() ? own[1] : own[0];
        }
        return k.na() ? gnaIntervalNanos : garpIntervalNanos;
    }

    /** The frames to send now, in order, each lane's next slot moved one interval on. */
    List<Frame> due(long nowNanos) {
        List<Frame> out = new ArrayList<>();
        for (Map.Entry<Key, Lane> e : lanes.entrySet()) {
            Lane lane = e.getValue();
            long interval = interval(e.getKey());
            while (!lane.queue.isEmpty() && lane.nextFreeNanos <= nowNanos) {
                out.add(lane.queue.poll());
                if (interval > 0) {
                    lane.nextFreeNanos = nowNanos + interval;
                }
            }
        }
        return out;
    }

    /** The earliest time a queued frame becomes due, or {@link VirtualRouter#NEVER}. */
    long nextDeadlineNanos() {
        long next = VirtualRouter.NEVER;
        for (Lane lane : lanes.values()) {
            if (!lane.queue.isEmpty()) {
                next = Math.min(next, lane.nextFreeNanos);
            }
        }
        return next;
    }

    /** Drops an instance's queued frames (it left MASTER: announcing its VIPs would now be wrong). */
    void cancel(String instance) {
        for (Lane lane : lanes.values()) {
            lane.queue.removeIf(f -> f.instance().equals(instance));
        }
    }

    int queued() {
        return lanes.values().stream().mapToInt(l -> l.queue.size()).sum();
    }
}
