package org.jkeepalived.jmx.server;

import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.jmx.IpvsCounters;

/** {@link IpvsCounters} read from one {@link IpvsStats} (the virtual or real server's in the current snapshot). */
interface IpvsCountersView extends IpvsCounters {
    /** The counters now; {@link IpvsStats#ZERO} when not read or not in the kernel. */
    IpvsStats stats();

    @Override
    default long getConns() {
        return stats().conns();
    }

    @Override
    default long getInPackets() {
        return stats().inPackets();
    }

    @Override
    default long getOutPackets() {
        return stats().outPackets();
    }

    @Override
    default long getInBytes() {
        return stats().inBytes();
    }

    @Override
    default long getOutBytes() {
        return stats().outBytes();
    }

    @Override
    default long getConnsPerSecond() {
        return stats().connsPerSecond();
    }

    @Override
    default long getInPacketsPerSecond() {
        return stats().inPacketsPerSecond();
    }

    @Override
    default long getOutPacketsPerSecond() {
        return stats().outPacketsPerSecond();
    }

    @Override
    default long getInBytesPerSecond() {
        return stats().inBytesPerSecond();
    }

    @Override
    default long getOutBytesPerSecond() {
        return stats().outBytesPerSecond();
    }
}
