package org.jkeepalived.vrrp;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Split-brain detection for one virtual router: two MASTERs at once for longer than a handover takes. Pure, like
 * {@link VirtualRouter} that owns it: adverts and {@code now} in, a new episode (or null) out.
 *
 * <p>Only a Master advertises (RFC 5798 §6.4.3), so every non-zero advert a MASTER hears comes from a second one.
 * VRRP's own handovers show two MASTERs for a moment, and are not counted:
 * <ul>
 *   <li>a higher-priority advert: a Backup preempting us (§6.4.2 takes over on its Master_Down_Timer after
 *   discarding our adverts, at a phase we cannot tell from a healing partition's), or an address owner starting;
 *   </li>
 *   <li>any advert within {@link #SETTLE_NANOS} of our own takeover: the old master's advert crossing our first
 *   one, or two Backups whose equal timers expired together.</li>
 * </ul>
 * What remains is counted: an equal or lower priority MASTER heard after we settled. A healed partition is seen by
 * the higher side when the lower side's advert crosses first; {@code higher_prio_send_advert} makes the lower side
 * always send one. A BACKUP counts two routers advertising in turn: A, then B, then A again within three advert
 * intervals of A's previous advert and more than {@link #SETTLE_NANOS} after B's first (a handover is A…A then B…B,
 * where only the old master's crossing advert may follow B's first, and A comes back, if ever, after a
 * Master_Down_Interval of its own).
 *
 * <p>Each episode is counted and reported once; it ends when no second MASTER was heard for a master-down interval.
 */
final class SplitBrainDetector {
    /** How long a handover may show two MASTERs: deliveries and the loops of both routers, with a wide margin. */
    static final long SETTLE_NANOS = 200_000_000L;
    /** Sources a BACKUP remembers (more would be an attack or a misconfigured VRID, not more information). */
    private static final int MAX_SOURCES = 8;

    private SplitBrainStatus status = SplitBrainStatus.NONE;
    private boolean episodeOpen;
    private long episodeUntilNanos;
    /** BACKUP: when each source last advertised, in order of last advert (the last entry is the last heard). */
    private final Map<InetAddress, Long> lastHeard = new LinkedHashMap<>();
    /** BACKUP: when the last heard source's current run of adverts began. */
    private long runStartNanos;

    SplitBrainStatus status() {
        return status;
    }

    /**
     * A BACKUP accepted or discarded a non-zero advert. The new episode, or null.
     *
     * @param intervalNanos the master's advert interval: a router that comes back within three of them never went
     *                      quiet (any takeover, by preemption or after a failure, waits a Master_Down_Interval)
     */
    SplitBrainStatus backupHeard(InetAddress source, int priority, int ownPriority, long now, long intervalNanos,
                                 long masterDownNanos) {
        closeIfOver(now);
        InetAddress previous = null;
        for (InetAddress a : lastHeard.keySet()) {
            previous = a;
        }
        Long before = lastHeard.remove(source);
        boolean newRun = !source.equals(previous);
        boolean twoMasters = newRun && previous != null && before != null && now - before < 3 * intervalNanos
                && now - runStartNanos > SETTLE_NANOS;
        if (newRun) {
            runStartNanos = now;
        }
        lastHeard.put(source, now);
        lastHeard.values().removeIf(t -> now - t >= masterDownNanos);
        if (lastHeard.size() > MAX_SOURCES) {
            Iterator<InetAddress> oldest = lastHeard.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return twoMasters
                ? seen(SplitBrainKind.BACKUP_SEES_TWO_MASTERS, source, priority, ownPriority, now, masterDownNanos)
                : null;
    }

    /**
     * A MASTER received a non-zero advert.
     *
     * @param masterSinceNanos when we became MASTER
     */
    SplitBrainStatus masterHeard(InetAddress source, int priority, int ownPriority, long now, long masterSinceNanos,
                                 long masterDownNanos) {
        closeIfOver(now);
        if (priority > ownPriority || now - masterSinceNanos < SETTLE_NANOS) {
            return null;
        }
        return seen(priority < ownPriority ? SplitBrainKind.MASTER_SEES_LOWER_MASTER
                : SplitBrainKind.MASTER_SEES_EQUAL_MASTER, source, priority, ownPriority, now, masterDownNanos);
    }

    /** A priority-0 advert or a change of state: the sources a BACKUP heard no longer tell anything. */
    void forgetSources() {
        lastHeard.clear();
    }

    private SplitBrainStatus seen(SplitBrainKind kind, InetAddress peer, int peerPriority, int ownPriority, long now,
                                  long masterDownNanos) {
        boolean newEpisode = !episodeOpen;
        episodeOpen = true;
        episodeUntilNanos = now + masterDownNanos;
        if (!newEpisode) {
            return null;
        }
        status = new SplitBrainStatus(status.episodes() + 1, kind, peer, peerPriority, ownPriority, now);
        return status;
    }

    private void closeIfOver(long now) {
        if (episodeOpen && now - episodeUntilNanos >= 0) {
            episodeOpen = false;
        }
    }
}
