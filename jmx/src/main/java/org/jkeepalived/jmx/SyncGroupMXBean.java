package org.jkeepalived.jmx;

import java.util.Map;

/** One {@code vrrp_sync_group}: {@code jkeepalived:type=SyncGroup,name=NAME}. Its members change state together. */
public interface SyncGroupMXBean {

    /** The group's name. */
    String getName();

    /** The state its members last reached together: INIT, BACKUP, MASTER, FAULT or STOP (vrrpSyncGroupState). */
    String getState();

    /** Its member instances, in configuration order. */
    String[] getMembers();

    /** Each member's own state now, by member name. */
    Map<String, String> getMemberStates();
}
