package org.jkeepalived.vrrp.sim;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Random;
import org.jkeepalived.vrrp.ReceivedAdvert;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * One in-memory LAN segment: each multicast reaches every other node after a random delay, unless lost or
 * cut by a partition. All randomness comes from the simulation's seeded {@link Random}. Delivery is FIFO
 * per (sender, receiver) pair, as on one Ethernet segment: without that, a delayed old advert overtaking a
 * priority-0 advert resets the receivers' down timer and the skew-time handover cannot hold (seen with
 * seed 25481715902 before this rule).
 */
final class SimLan implements Network {
    private final Simulation sim;
    private final Random random;
    private final InetAddress[] addresses;
    private final int[] partitionOf;
    private final long[][] lastDelivery;
    private long maxDelayNanos;
    private double lossRate;

    SimLan(Simulation sim, Random random, InetAddress[] addresses, long maxDelayNanos) {
        this.sim = sim;
        this.random = random;
        this.addresses = addresses.clone();
        this.partitionOf = new int[addresses.length];
        this.lastDelivery = new long[addresses.length][addresses.length];
        this.maxDelayNanos = maxDelayNanos;
    }

    long maxDelayNanos() {
        return maxDelayNanos;
    }

    void setLossRate(double rate) {
        lossRate = rate;
    }

    /** Splits the nodes into {@code groups} random partitions (1 = healed). */
    void partition(int groups) {
        for (int i = 0; i < partitionOf.length; i++) {
            partitionOf[i] = groups <= 1 ? 0 : random.nextInt(groups);
        }
    }

    void heal() {
        Arrays.fill(partitionOf, 0);
        lossRate = 0;
    }

    @Override
    public void multicast(int fromNode, VrrpAdvert advert, long nowNanos) {
        for (int to = 0; to < addresses.length; to++) {
            if (to == fromNode || partitionOf[to] != partitionOf[fromNode]) {
                continue;
            }
            if (lossRate > 0 && random.nextDouble() < lossRate) {
                continue;
            }
            long delay = maxDelayNanos == 0 ? 0 : (long) (random.nextDouble() * maxDelayNanos);
            long at = Math.max(nowNanos + delay, lastDelivery[fromNode][to]);
            lastDelivery[fromNode][to] = at;
            ReceivedAdvert rx = new ReceivedAdvert(advert, addresses[fromNode], 255, false);
            int node = to;
            sim.schedule(at, "deliver " + fromNode + "->" + to + " prio " + advert.priority(),
                    now -> sim.deliver(node, rx, now));
        }
    }
}
