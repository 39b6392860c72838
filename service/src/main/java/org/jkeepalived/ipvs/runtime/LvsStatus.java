package org.jkeepalived.ipvs.runtime;

import java.util.List;
import org.jkeepalived.ipvs.kernel.IpvsStats;

/**
 * The LVS runtime's state at one moment (immutable), for dumps and the management plane.
 *
 * @param ipvsAvailable whether the kernel has IPVS (else the checkers run and nothing is programmed)
 */
public record LvsStatus(boolean ipvsAvailable, List<VirtualServerStatus> virtualServers) {
    public LvsStatus {
        virtualServers = List.copyOf(virtualServers);
    }

    /**
     * One virtual server: keepalived's name, its quorum state, the weight of its live real servers, and the
     * kernel's counters (summed over a group's services; {@link IpvsStats#ZERO} when not read).
     */
    public record VirtualServerStatus(String name, boolean quorumUp, long liveWeight,
                                      List<RealServerStatus> realServers, IpvsStats stats) {
        public VirtualServerStatus {
            realServers = List.copyOf(realServers);
            stats = stats == null ? IpvsStats.ZERO : stats;
        }

        public VirtualServerStatus(String name, boolean quorumUp, long liveWeight, List<RealServerStatus> realServers) {
            this(name, quorumUp, liveWeight, realServers, IpvsStats.ZERO);
        }
    }

    /**
     * One real server: keepalived's name, up or down, its current weight, and the kernel's counters for its
     * destination ({@link IpvsStats#ZERO} and 0 connections when not read or not in the kernel).
     *
     * @param sorry        the virtual server's sorry_server
     * @param failedChecks realServerFailedChecks: 0 while up, 1 while down (the runtime keeps the checkers'
     *                     verdict, not how many of them failed)
     */
    public record RealServerStatus(String name, boolean up, long weight, boolean sorry, int failedChecks,
                                   int activeConns, int inactiveConns, int persistConns, IpvsStats stats) {
        public RealServerStatus {
            stats = stats == null ? IpvsStats.ZERO : stats;
        }

        public RealServerStatus(String name, boolean up, long weight) {
            this(name, up, weight, false, 0, 0, 0, 0, IpvsStats.ZERO);
        }
    }
}
