package org.jkeepalived.jmx;

import java.util.Map;

/**
 * One {@code vrrp_instance}: {@code jkeepalived:type=VrrpInstance,name=NAME}. The attributes mirror
 * KEEPALIVED-MIB's vrrpInstanceTable and the VRRP-MIB (RFC 2787) / VRRPv3-MIB (RFC 6527) statistics. Counters
 * count since the daemon started (a reload keeps them for an instance it keeps) and never go down.
 *
 * <p>Operations return {@code DONE}, {@code NO_SUCH_OBJECT}, {@code BAD_VALUE} or {@code UNAVAILABLE}; like an
 * SNMP SET they take effect at once and do not survive a reload.
 */
public interface VrrpInstanceMXBean {

    /** The instance's name. */
    String getName();

    /** INIT, BACKUP, MASTER, FAULT or STOP (vrrpInstanceState). */
    String getState();

    /** The configured {@code state}: MASTER or BACKUP (vrrpInstanceInitialState). */
    String getInitialState();

    /** {@code virtual_router_id}, 1..255. */
    int getVrid();

    /** VRRP version, 2 or 3. */
    int getVersion();

    /** The {@code interface} adverts go out on; empty when none. */
    String getInterface();

    /** The {@code vrrp_sync_group} it belongs to; empty when none. */
    String getSyncGroup();

    /** The base priority: configured, or set since by {@link #setBasePriority} (vrrpInstanceBasePriority). */
    int getBasePriority();

    /** The priority advertised now: base plus tracker weights, 1..254 (255 for the owner, 0 when leaving). */
    int getEffectivePriority();

    /** Advertisement interval in milliseconds. */
    long getAdvertIntervalMillis();

    /** The master this BACKUP follows; empty when none is known or when MASTER. */
    String getMasterAddress();

    /** Whether it preempts a lower-priority master now (vrrpInstancePreempt). */
    boolean isPreempt();

    /** Why it last became MASTER: NOT_MASTER, PRIORITY, PREEMPTED or MASTER_NO_RESPONSE (vrrpv3StatisticsNewMasterReason). */
    String getNewMasterReason();

    /** The last protocol error received (IP_TTL, VERSION, CHECKSUM, VRID); empty for none (vrrpv3StatisticsProtoErrReason). */
    String getLastProtocolError();

    /** Milliseconds since it last entered BACKUP or MASTER from INIT/FAULT, 0 while not up (vrrpOperVirtualRouterUpTime). */
    long getUpTimeMillis();

    /** Milliseconds since its last state change, 0 before the first. */
    long getStateAgeMillis();

    /** The virtual addresses it owns as MASTER ({@code virtual_ipaddress}), as configured text. */
    String[] getVirtualAddresses();

    /** Adverts accepted (vrrpStatsAdvertiseRcvd / vrrpv3StatisticsRcvdAdvertisements). */
    long getAdvertsReceived();

    /** Adverts sent. */
    long getAdvertsSent();

    /** Transitions to MASTER (vrrpStatsBecomeMaster / vrrpv3StatisticsMasterTransitions). */
    long getBecomeMaster();

    /** Transitions from MASTER to another state. */
    long getReleaseMaster();

    /** Priority-0 adverts received: a master giving up (vrrpStatsPriorityZeroPktsRcvd). */
    long getPriorityZeroReceived();

    /** Priority-0 adverts sent when giving up mastership (vrrpStatsPriorityZeroPktsSent). */
    long getPriorityZeroSent();

    /**
     * Packets dropped or flagged, by reason (PACKET_LENGTH, IP_TTL, VERSION, INVALID_TYPE, CHECKSUM, VRID,
     * INVALID_AUTH_TYPE, AUTH_TYPE_MISMATCH, AUTH_FAILURE, ADVERT_INTERVAL, ADDRESS_LIST, UNICAST_SOURCE,
     * OWNER_IGNORES, OWN_PACKET, IP_HEADER); every reason is present, 0 when never seen.
     */
    Map<String, Long> getDrops();

    /** The sum of {@link #getDrops()}. */
    long getDropsTotal();

    /** Split-brain episodes seen since start: another MASTER for its virtual router (jkInstanceSplitBrains). */
    long getSplitBrains();

    /**
     * The last split brain: kind, the other MASTER and its priority, e.g. {@code MASTER_SEES_LOWER_MASTER from
     * 10.0.0.2 (priority 100, ours 150) 12 s ago}; empty if none was seen.
     */
    String getLastSplitBrain();

    /** Sets the base priority (1..255; keepalived refuses 0); the effective priority is recomputed at once. */
    String setBasePriority(int priority);

    /** Turns preemption on or off. */
    String setPreempt(boolean preempt);
}
