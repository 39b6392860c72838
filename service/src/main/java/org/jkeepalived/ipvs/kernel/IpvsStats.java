package org.jkeepalived.ipvs.kernel;

/**
 * Counters and rates of a service or destination (IPVS_STATS_ATTR_*): totals since creation or the last zero,
 * rates per second as the kernel's estimator computes them. From the *_STATS64 attribute where the kernel
 * has it (Linux 4.1+), else from the older one whose packet and connection counters are 32 bits.
 */
public record IpvsStats(long conns, long inPackets, long outPackets, long inBytes, long outBytes,
                        long connsPerSecond, long inPacketsPerSecond, long outPacketsPerSecond,
                        long inBytesPerSecond, long outBytesPerSecond) {
    public static final IpvsStats ZERO = new IpvsStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
