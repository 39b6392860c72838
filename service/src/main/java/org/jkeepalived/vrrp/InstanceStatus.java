package org.jkeepalived.vrrp;

import java.net.InetAddress;
import java.util.Map;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * An immutable copy of one instance's state and counters, taken on the VRRP loop thread, for readers on
 * other threads (the stats dump now; SNMP, JMX and Jolokia later).
 *
 * @param masterAddress the master whose adverts this BACKUP accepts, null when none (or when MASTER)
 * @param drops         per-reason drop and mismatch counters; reasons never seen are absent
 * @param preempt       whether it preempts now (the configuration's, or an SNMP/JMX SET since)
 * @param newMasterReason why it last became MASTER ({@link NewMasterReason#NOT_MASTER} when not MASTER)
 * @param lastProtoError the last protocol error received (TTL, version, checksum or VRID), null for none
 * @param upSinceNanos  System.nanoTime() when it last left INIT/FAULT for BACKUP or MASTER, {@link #NEVER}
 *                      while it is not BACKUP or MASTER (RFC 2787 vrrpOperVirtualRouterUpTime)
 * @param stateSinceNanos System.nanoTime() of its last transition ({@link #NEVER} before the first)
 * @param splitBrain    its split-brain episodes ({@link SplitBrainStatus#NONE} before the first)
 * @param statsClearedNanos System.nanoTime() of the last STATS_CLEAR, {@link #NEVER} if none: the counters'
 *                      discontinuity (RFC 6527 vrrpv3StatisticsRowDiscontinuityTime)
 */
public record InstanceStatus(String name, int vrid, int version, VrrpState state, int basePriority,
                             int effectivePriority, InetAddress masterAddress, long advertsReceived,
                             long advertsSent, long becomeMaster, long releaseMaster, long priorityZeroReceived,
                             long priorityZeroSent, Map<DropReason, Long> drops, boolean preempt,
                             NewMasterReason newMasterReason, DropReason lastProtoError, long upSinceNanos,
                             long stateSinceNanos, SplitBrainStatus splitBrain, long statsClearedNanos) {
    /** A time that never was. */
    public static final long NEVER = Long.MIN_VALUE;

    public InstanceStatus {
        drops = Map.copyOf(drops);
        newMasterReason = newMasterReason == null ? NewMasterReason.NOT_MASTER : newMasterReason;
        splitBrain = splitBrain == null ? SplitBrainStatus.NONE : splitBrain;
    }

    /** A status that has seen no split brain. */
    public InstanceStatus(String name, int vrid, int version, VrrpState state, int basePriority,
                          int effectivePriority, InetAddress masterAddress, long advertsReceived, long advertsSent,
                          long becomeMaster, long releaseMaster, long priorityZeroReceived, long priorityZeroSent,
                          Map<DropReason, Long> drops, boolean preempt, NewMasterReason newMasterReason,
                          DropReason lastProtoError, long upSinceNanos, long stateSinceNanos) {
        this(name, vrid, version, state, basePriority, effectivePriority, masterAddress, advertsReceived, advertsSent,
                becomeMaster, releaseMaster, priorityZeroReceived, priorityZeroSent, drops, preempt, newMasterReason,
                lastProtoError, upSinceNanos, stateSinceNanos, SplitBrainStatus.NONE, NEVER);
    }

    public long drops(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }
}
