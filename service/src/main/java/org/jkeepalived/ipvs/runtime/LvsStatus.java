package org.jkeepalived.ipvs.runtime;

import java.util.List;

/**
 * The LVS runtime's state at one moment (immutable), for dumps and the management plane.
 *
 * @param ipvsAvailable whether the kernel has IPVS (else the checkers run and nothing is programmed)
 */
public record LvsStatus(boolean ipvsAvailable, List<VirtualServerStatus> virtualServers) {
    public LvsStatus {
        virtualServers = List.copyOf(virtualServers);
    }

    /** One virtual server: keepalived's name, its quorum state and the weight of its live real servers. */
    public record VirtualServerStatus(String name, boolean quorumUp, long liveWeight,
                                      List<RealServerStatus> realServers) {
        public VirtualServerStatus {
            realServers = List.copyOf(realServers);
        }
    }

    /** One real server: keepalived's name, up or down, and its current weight. */
    public record RealServerStatus(String name, boolean up, long weight) {
    }
}
