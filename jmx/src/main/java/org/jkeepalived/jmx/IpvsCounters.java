package org.jkeepalived.jmx;

/**
 * The kernel's IPVS counters and rates of a virtual server (summed over a group's services) or of a real server's
 * destination: totals since the service was created or zeroed, rates per second as the kernel's estimator computes
 * them. Read at most every {@code snmp_vs_stats_update_interval} (5 s by default). The KEEPALIVED-MIB columns are
 * virtualServerStats* / virtualServerRate* and realServerStats* / realServerRate*.
 */
public interface IpvsCounters {
    /** Connections scheduled (…StatsConns). */
    long getConns();

    /** Packets in (…StatsInPkts). */
    long getInPackets();

    /** Packets out (…StatsOutPkts). */
    long getOutPackets();

    /** Bytes in (…StatsInBytes). */
    long getInBytes();

    /** Bytes out (…StatsOutBytes). */
    long getOutBytes();

    /** Connections per second (…RateCps). */
    long getConnsPerSecond();

    /** Packets in per second (…RateInPPS). */
    long getInPacketsPerSecond();

    /** Packets out per second (…RateOutPPS). */
    long getOutPacketsPerSecond();

    /** Bytes in per second (…RateInBPS). */
    long getInBytesPerSecond();

    /** Bytes out per second (…RateOutBPS). */
    long getOutBytesPerSecond();
}
