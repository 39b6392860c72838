package org.jkeepalived.snmp.interop;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The conceptual tables of KEEPALIVED-MIB, VRRP-MIB (RFC 2787) and VRRPv3-MIB (RFC 6527), entry OID to name and
 * INDEX clause, so that a numeric walk can be split into column and index without the MIB files (taken from the
 * MIBs' INDEX clauses, /work/shared/reference/mib-map.md §2.2, §3.2, §4.2). An OID under none of these entries is a
 * scalar when it ends in {@code .0}.
 */
final class MibTables {
    /** How one INDEX component is encoded in an instance OID (RFC 2578 §7.7). */
    enum Part {
        /** An integer (Integer32, Unsigned32, InterfaceIndex, VrId, InetAddressType): one sub-identifier. */
        INT,
        /** IpAddress: four sub-identifiers. */
        IPV4,
        /** InetAddress, not IMPLIED: a length sub-identifier, then that many octets (RFC 4001 §4.1). */
        INET
    }

    record Table(String name, List<Part> index) {
    }

    private static final String K = "1.3.6.1.4.1.9586.100.5.";
    private static final List<Part> ONE = List.of(Part.INT);
    private static final List<Part> TWO = List.of(Part.INT, Part.INT);
    private static final List<Part> THREE = List.of(Part.INT, Part.INT, Part.INT);

    /** Entry OID (the table OID plus {@code .1}) to its table. */
    static final Map<String, Table> BY_ENTRY = new TreeMap<>(Map.ofEntries(
            Map.entry(K + "1.3.5.1", new Table("emailTable", ONE)),
            Map.entry(K + "2.1.1", new Table("vrrpSyncGroupTable", ONE)),
            Map.entry(K + "2.2.1", new Table("vrrpSyncGroupMemberTable", TWO)),
            Map.entry(K + "2.3.1", new Table("vrrpInstanceTable", ONE)),
            Map.entry(K + "2.4.1", new Table("vrrpTrackedInterfaceTable", TWO)),
            Map.entry(K + "2.5.1", new Table("vrrpTrackedScriptTable", TWO)),
            Map.entry(K + "2.6.1", new Table("vrrpAddressTable", TWO)),
            Map.entry(K + "2.7.1", new Table("vrrpRouteTable", TWO)),
            Map.entry(K + "2.8.1", new Table("vrrpRuleTable", TWO)),
            Map.entry(K + "2.9.1", new Table("vrrpScriptTable", ONE)),
            Map.entry(K + "2.11.1", new Table("vrrpRouteNextHopTable", THREE)),
            Map.entry(K + "2.12.1", new Table("vrrpTrackedFileTable", TWO)),
            Map.entry(K + "2.13.1", new Table("vrrpFileTable", ONE)),
            Map.entry(K + "2.14.1", new Table("vrrpSyncTrackedInterfaceTable", TWO)),
            Map.entry(K + "2.15.1", new Table("vrrpSyncTrackedScriptTable", TWO)),
            Map.entry(K + "2.16.1", new Table("vrrpSyncTrackedFileTable", TWO)),
            Map.entry(K + "2.17.1", new Table("vrrpTrackedBfdTable", TWO)),
            Map.entry(K + "2.18.1", new Table("vrrpBfdTable", ONE)),
            Map.entry(K + "2.19.1", new Table("vrrpSyncTrackedBfdTable", TWO)),
            Map.entry(K + "2.20.1", new Table("vrrpTrackedProcessTable", TWO)),
            Map.entry(K + "2.21.1", new Table("vrrpProcessTable", ONE)),
            Map.entry(K + "2.22.1", new Table("vrrpSyncTrackedProcessTable", TWO)),
            Map.entry(K + "3.1.1", new Table("virtualServerGroupTable", ONE)),
            Map.entry(K + "3.2.1", new Table("virtualServerGroupMemberTable", TWO)),
            Map.entry(K + "3.3.1", new Table("virtualServerTable", ONE)),
            Map.entry(K + "3.4.1", new Table("realServerTable", TWO)),
            // RFC 2787: INDEX { ifIndex, vrrpOperVrId [, vrrpAssoIpAddr] }; the statistics AUGMENT vrrpOperEntry
            Map.entry("1.3.6.1.2.1.68.1.3.1", new Table("vrrpOperTable", TWO)),
            Map.entry("1.3.6.1.2.1.68.1.4.1", new Table("vrrpAssoIpAddrTable", List.of(Part.INT, Part.INT, Part.IPV4))),
            Map.entry("1.3.6.1.2.1.68.2.4.1", new Table("vrrpRouterStatsTable", TWO)),
            // RFC 6527: INDEX { ifIndex, vrrpv3OperationsVrId, vrrpv3OperationsInetAddrType
            // [, vrrpv3AssociatedIpAddrAddress] }; the statistics AUGMENT vrrpv3OperationsEntry
            Map.entry("1.3.6.1.2.1.207.1.1.1.1", new Table("vrrpv3OperationsTable", THREE)),
            Map.entry("1.3.6.1.2.1.207.1.1.2.1", new Table("vrrpv3AssociatedIpAddrTable",
                    List.of(Part.INT, Part.INT, Part.INT, Part.INET))),
            Map.entry("1.3.6.1.2.1.207.1.2.5.1", new Table("vrrpv3StatisticsTable", THREE))));

    private MibTables() {
    }

    /** The entry OID that {@code oid} lies under, or null. */
    static String entryOf(String oid) {
        // entries are at most 12 arcs long, and none is a prefix of another
        for (int dot = oid.lastIndexOf('.'); dot > 0; dot = oid.lastIndexOf('.', dot - 1)) {
            String prefix = oid.substring(0, dot);
            if (BY_ENTRY.containsKey(prefix)) {
                return prefix;
            }
        }
        return null;
    }
}
