package org.jkeepalived.vrrp;

import java.net.InetAddress;

/**
 * An instance's split-brain episodes: how many, and the last one's details.
 *
 * @param episodes      episodes seen since start (each counted once, when first seen)
 * @param lastKind      how the last one was seen, null before the first
 * @param lastPeer      the other MASTER of the last one, null before the first
 * @param lastPeerPriority the priority in its advert
 * @param lastOwnPriority  our effective priority then
 * @param lastAtNanos   System.nanoTime() when the last one was first seen, {@link InstanceStatus#NEVER} before
 */
public record SplitBrainStatus(long episodes, SplitBrainKind lastKind, InetAddress lastPeer, int lastPeerPriority,
                               int lastOwnPriority, long lastAtNanos) {
    public static final SplitBrainStatus NONE = new SplitBrainStatus(0, null, null, 0, 0, InstanceStatus.NEVER);
}
