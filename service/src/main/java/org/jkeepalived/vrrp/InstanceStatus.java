package org.jkeepalived.vrrp;

import java.net.InetAddress;
import java.util.Map;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * An immutable copy of one instance's state and counters, taken on the VRRP loop thread, for readers on
 * other threads (the stats dump now; SNMP, JMX and Jolokia later).
 *
 * @param masterAddress the master whose adverts this BACKUP accepts, null when none (or when MASTER)
 * @param drops         per-reason drop and mismatch counters; reasons never seen are absent
 */
public record InstanceStatus(String name, int vrid, int version, VrrpState state, int basePriority,
                             int effectivePriority, InetAddress masterAddress, long advertsReceived,
                             long advertsSent, long becomeMaster, long releaseMaster, long priorityZeroReceived,
                             long priorityZeroSent, Map<DropReason, Long> drops) {
    public InstanceStatus {
        drops = Map.copyOf(drops);
    }

    public long drops(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }
}
