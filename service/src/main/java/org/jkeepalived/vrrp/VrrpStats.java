package org.jkeepalived.vrrp;

import java.util.EnumMap;
import java.util.Map;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * Per-instance counters, the source of VRRP-MIB vrrpRouterStatsTable (RFC 2787) and VRRPv3-MIB
 * vrrpv3StatisticsTable (RFC 6527). Only the owning router's thread writes them; readers take
 * {@link #snapshot()} copies through the status package.
 */
public final class VrrpStats {
    private long advertsReceived;
    private long advertsSent;
    private long becomeMaster;
    private long releaseMaster;
    private long priorityZeroReceived;
    private long priorityZeroSent;
    private long stateChanges;
    private final EnumMap<DropReason, Long> byReason = new EnumMap<>(DropReason.class);
    private DropReason lastProtoError;

    void advertReceived(int priority) {
        advertsReceived++;
        if (priority == 0) {
            priorityZeroReceived++;
        }
    }

    void advertSent(int priority) {
        advertsSent++;
        if (priority == 0) {
            priorityZeroSent++;
        }
    }

    void becameMaster() {
        becomeMaster++;
    }

    void releasedMaster() {
        releaseMaster++;
    }

    void stateChanged() {
        stateChanges++;
    }

    /**
     * keepalived's STATS_CLEAR: every counter back to 0. The last protocol error is a state, not a counter, and
     * stays.
     */
    void clear() {
        advertsReceived = 0;
        advertsSent = 0;
        becomeMaster = 0;
        releaseMaster = 0;
        priorityZeroReceived = 0;
        priorityZeroSent = 0;
        stateChanges = 0;
        byReason.clear();
    }

    /** Counts a drop or a counted mismatch. Public so the runtime can count codec drops demuxed to this instance. */
    public void increment(DropReason reason) {
        byReason.merge(reason, 1L, Long::sum);
        if (reason == DropReason.IP_TTL || reason == DropReason.VERSION || reason == DropReason.CHECKSUM
                || reason == DropReason.VRID) {
            lastProtoError = reason;
        }
    }

    /**
     * The last protocol error counted (RFC 6527 vrrpv3StatisticsProtoErrReason: TTL, version, checksum or VRID),
     * null for none.
     */
    public DropReason lastProtoError() {
        return lastProtoError;
    }

    /** Adverts that passed every instance check (vrrpStatsAdvertiseRcvd / vrrpv3StatisticsRcvdAdvertisements). */
    public long advertsReceived() {
        return advertsReceived;
    }

    /** Adverts asked to be sent, priority 0 included. */
    public long advertsSent() {
        return advertsSent;
    }

    /** Transitions to MASTER (vrrpStatsBecomeMaster / vrrpv3StatisticsMasterTransitions). */
    public long becomeMaster() {
        return becomeMaster;
    }

    /** Transitions out of MASTER. */
    public long releaseMaster() {
        return releaseMaster;
    }

    /** vrrpStatsPriorityZeroPktsRcvd / vrrpv3StatisticsRcvdPriZeroPackets. */
    public long priorityZeroReceived() {
        return priorityZeroReceived;
    }

    /** vrrpStatsPriorityZeroPktsSent / vrrpv3StatisticsSentPriZeroPackets. */
    public long priorityZeroSent() {
        return priorityZeroSent;
    }

    /** Every transition through the choke point. */
    public long stateChanges() {
        return stateChanges;
    }

    /** The counter of one drop (or counted mismatch) reason. */
    public long count(DropReason reason) {
        return byReason.getOrDefault(reason, 0L);
    }

    /** A copy of the per-reason counters (reasons never seen are absent). */
    public Map<DropReason, Long> snapshot() {
        return Map.copyOf(byReason);
    }
}
