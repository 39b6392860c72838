package org.jkeepalived.snmp.mib;

import org.snmp4j.smi.OID;

/**
 * The OIDs this package serves: KEEPALIVED-MIB (Debian's enterprises.9586.100.5, as keepalived 2.2.7 ships it),
 * VRRP-MIB (RFC 2787, mib-2.68) and VRRPv3-MIB (RFC 6527, mib-2.207). Table constants are the conceptual row
 * ("…Entry") OIDs; an instance is entry.column.index.
 */
public final class KeepalivedOids {
    private KeepalivedOids() {
    }

    /** keepalived: enterprises.debian(9586).project(100).keepalived(5). */
    public static final int[] KEEPALIVED = {1, 3, 6, 1, 4, 1, 9586, 100, 5};
    public static final int[] GLOBAL = sub(KEEPALIVED, 1);
    public static final int[] MAIL = sub(GLOBAL, 3);
    public static final int[] EMAIL_ENTRY = sub(MAIL, 5, 1);

    public static final int[] VRRP = sub(KEEPALIVED, 2);
    public static final int[] SYNC_GROUP_ENTRY = sub(VRRP, 1, 1);
    public static final int[] SYNC_GROUP_MEMBER_ENTRY = sub(VRRP, 2, 1);
    public static final int[] INSTANCE_ENTRY = sub(VRRP, 3, 1);
    public static final int[] TRACKED_INTERFACE_ENTRY = sub(VRRP, 4, 1);
    public static final int[] TRACKED_SCRIPT_ENTRY = sub(VRRP, 5, 1);
    public static final int[] ADDRESS_ENTRY = sub(VRRP, 6, 1);
    public static final int[] ROUTE_ENTRY = sub(VRRP, 7, 1);
    public static final int[] RULE_ENTRY = sub(VRRP, 8, 1);
    public static final int[] SCRIPT_ENTRY = sub(VRRP, 9, 1);
    public static final int[] TRACKED_FILE_ENTRY = sub(VRRP, 12, 1);
    public static final int[] FILE_ENTRY = sub(VRRP, 13, 1);
    public static final int[] SYNC_TRACKED_INTERFACE_ENTRY = sub(VRRP, 14, 1);
    public static final int[] SYNC_TRACKED_SCRIPT_ENTRY = sub(VRRP, 15, 1);
    public static final int[] SYNC_TRACKED_FILE_ENTRY = sub(VRRP, 16, 1);
    public static final int[] TRACKED_BFD_ENTRY = sub(VRRP, 17, 1);
    public static final int[] BFD_ENTRY = sub(VRRP, 18, 1);
    public static final int[] SYNC_TRACKED_BFD_ENTRY = sub(VRRP, 19, 1);
    public static final int[] TRACKED_PROCESS_ENTRY = sub(VRRP, 20, 1);
    public static final int[] PROCESS_ENTRY = sub(VRRP, 21, 1);
    public static final int[] SYNC_TRACKED_PROCESS_ENTRY = sub(VRRP, 22, 1);

    public static final int[] CHECK = sub(KEEPALIVED, 3);
    public static final int[] VS_GROUP_ENTRY = sub(CHECK, 1, 1);
    public static final int[] VS_GROUP_MEMBER_ENTRY = sub(CHECK, 2, 1);
    public static final int[] VIRTUAL_SERVER_ENTRY = sub(CHECK, 3, 1);
    public static final int[] REAL_SERVER_ENTRY = sub(CHECK, 4, 1);
    public static final int[] LVS_SYNC_DAEMON = sub(CHECK, 6);
    public static final int[] LVS_TIMEOUTS = sub(CHECK, 7);

    /**
     * JKEEPALIVED-MIB (mibs/JKEEPALIVED-MIB.txt): jkeepalived's own objects. PROVISIONAL arc: enterprises.32473 is
     * IANA's documentation PEN (RFC 5612) until the project registers its own; this constant, SnapshotMib.ROOTS
     * (SnapshotMibRootsTest keeps the two together) and the MIB's MODULE-IDENTITY are the places to change then.
     */
    public static final int[] JKEEPALIVED = {1, 3, 6, 1, 4, 1, 32473, 1};
    public static final int[] JK_OBJECTS = sub(JKEEPALIVED, 1);
    public static final int[] JK_INSTANCE_ENTRY = sub(JK_OBJECTS, 2, 1);
    /** jkSplitBrainDetected. */
    public static final OID TRAP_SPLIT_BRAIN = new OID(sub(JKEEPALIVED, 0, 1));

    /** routerId.0, carried by every KEEPALIVED-MIB notification. */
    public static final OID ROUTER_ID_0 = new OID(sub(GLOBAL, 2, 0));

    // vrrpInstanceTable columns used by writes and traps
    public static final int INSTANCE_NAME = 2;
    public static final int INSTANCE_STATE = 4;
    public static final int INSTANCE_INITIAL_STATE = 5;
    public static final int INSTANCE_BASE_PRIORITY = 7;
    public static final int INSTANCE_PREEMPT = 13;
    public static final int REAL_SERVER_WEIGHT = 7;

    /** vrrpSyncGroupStateChange, vrrpInstanceStateChange (keepalived vrrpNotifications). */
    public static final OID TRAP_SYNC_GROUP_STATE_CHANGE = new OID(sub(VRRP, 10, 0, 1));
    public static final OID TRAP_INSTANCE_STATE_CHANGE = new OID(sub(VRRP, 10, 0, 2));
    /** realServerStateChange, virtualServerQuorumStateChange (keepalived checkNotifications). */
    public static final OID TRAP_REAL_SERVER_STATE_CHANGE = new OID(sub(CHECK, 5, 0, 1));
    public static final OID TRAP_QUORUM_STATE_CHANGE = new OID(sub(CHECK, 5, 0, 2));

    /** VRRP-MIB, RFC 2787. */
    public static final int[] RFC2787 = {1, 3, 6, 1, 2, 1, 68};
    public static final int[] RFC2787_OPER_ENTRY = sub(RFC2787, 1, 3, 1);
    public static final int[] RFC2787_ASSO_ENTRY = sub(RFC2787, 1, 4, 1);
    public static final int[] RFC2787_STATS_ENTRY = sub(RFC2787, 2, 4, 1);
    public static final OID TRAP_NEW_MASTER = new OID(sub(RFC2787, 0, 1));
    public static final OID TRAP_AUTH_FAILURE = new OID(sub(RFC2787, 0, 2));
    public static final OID TRAP_PACKET_SRC_0 = new OID(sub(RFC2787, 1, 5, 0));
    public static final OID TRAP_AUTH_ERROR_TYPE_0 = new OID(sub(RFC2787, 1, 6, 0));
    public static final int OPER_MASTER_IP = 7;

    /** VRRPv3-MIB, RFC 6527. */
    public static final int[] RFC6527 = {1, 3, 6, 1, 2, 1, 207};
    public static final int[] RFC6527_OPERATIONS_ENTRY = sub(RFC6527, 1, 1, 1, 1);
    public static final int[] RFC6527_ASSOCIATED_ENTRY = sub(RFC6527, 1, 1, 2, 1);
    public static final int[] RFC6527_GLOBAL_STATS = sub(RFC6527, 1, 2);
    public static final int[] RFC6527_STATS_ENTRY = sub(RFC6527, 1, 2, 5, 1);
    public static final OID TRAP_V3_NEW_MASTER = new OID(sub(RFC6527, 0, 1));
    public static final OID TRAP_V3_PROTO_ERROR = new OID(sub(RFC6527, 0, 2));
    public static final int V3_OPERATIONS_MASTER_IP = 3;
    public static final int V3_STATS_NEW_MASTER_REASON = 2;
    public static final int V3_STATS_PROTO_ERR_REASON = 6;

    /** {@code base} followed by {@code more}. */
    public static int[] sub(int[] base, int... more) {
        int[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    /** The instance OID {@code entry.column.index}. */
    public static OID column(int[] entry, int column, int... index) {
        int[] out = new int[entry.length + 1 + index.length];
        System.arraycopy(entry, 0, out, 0, entry.length);
        out[entry.length] = column;
        System.arraycopy(index, 0, out, entry.length + 1, index.length);
        return new OID(out);
    }
}
