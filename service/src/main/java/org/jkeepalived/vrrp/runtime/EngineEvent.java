package org.jkeepalived.vrrp.runtime;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jkeepalived.net.Received;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.track.TrackerUpdate;

/** What the {@link VrrpEngine}'s loop takes from its inbox. */
sealed interface EngineEvent {
    /** A datagram from a channel's socket. */
    record Packet(Channel channel, Received received) implements EngineEvent {
    }

    /** A netlink event (links, addresses, routes, rules, overrun). */
    record LinkChange(NetlinkEvent event) implements EngineEvent {
    }

    /** A reloaded configuration; {@code plan} null keeps the trackers and groups; {@code done} once applied. */
    record Reload(List<EngineInstance> instances, StaticConfig statics, VrrpEngine.Resolver resolver,
                  TrackingPlan plan, CountDownLatch done) implements EngineEvent {
    }

    /** A tracker's report. */
    record Tracked(TrackerUpdate update) implements EngineEvent {
    }

    /** Copy every instance's status into {@code result}. */
    record Snapshot(java.util.concurrent.CompletableFuture<List<org.jkeepalived.vrrp.InstanceStatus>> result)
            implements EngineEvent {
    }

    /** A management SET of an instance's base priority and/or preempt mode (null: unchanged). */
    record Adjust(String instance, Integer basePriority, Boolean preempt,
                  java.util.concurrent.CompletableFuture<Boolean> done) implements EngineEvent {
    }

    /**
     * keepalived's STATS_CLEAR: every router's status as it was, then its counters cleared, in one step of the loop
     * (nothing counted between the two is lost).
     */
    record ClearStats(java.util.concurrent.CompletableFuture<java.util.List<org.jkeepalived.vrrp.InstanceStatus>>
            before) implements EngineEvent {
    }

    /** A liveness probe (the systemd watchdog): {@code answered} runs on the loop, doing nothing else. */
    record Probe(Runnable answered) implements EngineEvent {
    }

    /** Shut every router down; {@code done} is counted down once they are. */
    record Stop(CountDownLatch done) implements EngineEvent {
    }
}
