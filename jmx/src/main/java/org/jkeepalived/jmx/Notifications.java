package org.jkeepalived.jmx;

/**
 * The notification types jkeepalived's MBeans emit. Every change emits one notification of its own type
 * below, whose {@code userData} is a {@code CompositeData} with the details (items listed per type), and, for
 * the attribute it changes, one standard {@code javax.management.AttributeChangeNotification}
 * ({@code jmx.attribute.change}) so that generic consoles can follow the attribute. Subscribe with a filter on
 * the type you want.
 */
public final class Notifications {
    /**
     * A VRRP instance changed state, from its {@code type=VrrpInstance} MBean (attribute {@code State}).
     * Items: {@code name}, {@code oldState}, {@code newState}, {@code priority}, {@code reason}.
     */
    public static final String VRRP_STATE = "jkeepalived.vrrp.state";

    /**
     * A sync group changed state, from its {@code type=SyncGroup} MBean (attribute {@code State}). Items as
     * {@link #VRRP_STATE} (priority 0).
     */
    public static final String SYNC_GROUP_STATE = "jkeepalived.syncgroup.state";

    /**
     * A VRRP instance's effective priority changed (only for instances with {@code notify_priority_changes}),
     * from its {@code type=VrrpInstance} MBean (attribute {@code EffectivePriority}). Items: {@code name},
     * {@code state}, {@code oldPriority}, {@code newPriority}.
     */
    public static final String VRRP_PRIORITY = "jkeepalived.vrrp.priority";

    /**
     * A real server went up or down, from its {@code type=RealServer} MBean (attribute {@code Up}). Items:
     * {@code virtualServer}, {@code realServer}, {@code up}, {@code reason}, {@code checker}.
     */
    public static final String REAL_SERVER_STATE = "jkeepalived.realserver.state";

    /**
     * A virtual server gained or lost its quorum, from its {@code type=VirtualServer} MBean (attribute
     * {@code QuorumUp}). Items: {@code virtualServer}, {@code up}, {@code message}.
     */
    public static final String QUORUM = "jkeepalived.quorum";

    /**
     * A VRRP instance saw a split brain: another MASTER for its virtual router (JKEEPALIVED-MIB
     * jkSplitBrainDetected), once per episode, from its {@code type=VrrpInstance} MBean (attribute
     * {@code SplitBrains}). Items: {@code name}, {@code vrid}, {@code kind} (BACKUP_SEES_TWO_MASTERS,
     * MASTER_SEES_LOWER_MASTER or MASTER_SEES_EQUAL_MASTER), {@code peer}, {@code peerPriority},
     * {@code ownPriority}, {@code episodes}.
     */
    public static final String VRRP_SPLIT_BRAIN = "jkeepalived.vrrp.splitbrain";

    private Notifications() {
    }
}
