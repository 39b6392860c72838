package org.jkeepalived.snmp;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The objects every SNMP agent serves besides its MIBs, computed when read: the SNMPv2-MIB system group
 * (RFC 3418 §2; read-only here: keepalived's configuration, not a manager, names the router), the snmp group
 * counters, SNMP-FRAMEWORK-MIB snmpEngine (RFC 3411 §5), SNMP-MPD-MIB snmpMPDStats and SNMP-USER-BASED-SM-MIB
 * usmStats (RFC 3414 §5). Thirty-odd instances: a TreeMap.
 */
final class LocalObjects {
    static final OID SYSTEM = new OID("1.3.6.1.2.1.1");
    static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID SNMP_UNKNOWN_CONTEXTS = SnmpConstants.snmpUnknownContexts;
    static final OID SNMP_SILENT_DROPS = SnmpConstants.snmpSilentDrops;

    private final NavigableMap<OID, Supplier<Variable>> objects = new TreeMap<>();

    /**
     * @param sysDescr    SNMPv2-MIB sysDescr
     * @param sysObjectId SNMPv2-MIB sysObjectID
     * @param sysName     the host name
     * @param upTime      hundredths of a second since the daemon started (sysUpTime)
     * @param engineId    snmpEngineID
     * @param engineBoots snmpEngineBoots
     * @param engineTime  seconds since snmpEngineBoots last changed
     * @param counters    the agent's counters
     */
    LocalObjects(String sysDescr, OID sysObjectId, String sysName, Supplier<TimeTicks> upTime, byte[] engineId,
                 int engineBoots, Supplier<Integer> engineTime, AgentCounters counters) {
        put("1.3.6.1.2.1.1.1.0", new OctetString(sysDescr));
        put("1.3.6.1.2.1.1.2.0", sysObjectId);
        objects.put(SYS_UP_TIME, upTime::get);
        put("1.3.6.1.2.1.1.4.0", new OctetString(""));
        put("1.3.6.1.2.1.1.5.0", new OctetString(sysName));
        put("1.3.6.1.2.1.1.6.0", new OctetString(""));
        put("1.3.6.1.2.1.1.7.0", new Integer32(72)); // applications (64) + end-to-end (8), as net-snmp's default
        put("1.3.6.1.2.1.1.8.0", new TimeTicks(0)); // sysORTable is not served: it never changes
        for (OID c : new OID[] {SnmpConstants.snmpInPkts, SnmpConstants.snmpInBadVersions,
                SnmpConstants.snmpInBadCommunityNames, SnmpConstants.snmpInBadCommunityUses,
                SnmpConstants.snmpInASNParseErrs, SNMP_SILENT_DROPS, SnmpConstants.snmpProxyDrops,
                SnmpConstants.snmpUnknownSecurityModels, SnmpConstants.snmpInvalidMsgs,
                SnmpConstants.snmpUnknownPDUHandlers, SnmpConstants.snmpUnavailableContexts, SNMP_UNKNOWN_CONTEXTS,
                SnmpConstants.usmStatsUnsupportedSecLevels, SnmpConstants.usmStatsNotInTimeWindows,
                SnmpConstants.usmStatsUnknownUserNames, SnmpConstants.usmStatsUnknownEngineIDs,
                SnmpConstants.usmStatsWrongDigests, SnmpConstants.usmStatsDecryptionErrors}) {
            objects.put(c, () -> counters.counter(c));
        }
        put("1.3.6.1.2.1.11.30.0", new Integer32(2)); // snmpEnableAuthenTraps: disabled
        put("1.3.6.1.6.3.10.2.1.1.0", new OctetString(engineId));
        put("1.3.6.1.6.3.10.2.1.2.0", new Integer32(engineBoots));
        objects.put(new OID("1.3.6.1.6.3.10.2.1.3.0"), () -> new Integer32(engineTime.get()));
        put("1.3.6.1.6.3.10.2.1.4.0", new Integer32(SnmpAgent.MAX_MESSAGE_SIZE));
    }

    private void put(String oid, Variable value) {
        objects.put(new OID(oid), () -> value);
    }

    Variable get(OID oid) {
        Supplier<Variable> s = objects.get(oid);
        return s == null ? null : s.get();
    }

    VariableBinding next(OID oid) {
        Map.Entry<OID, Supplier<Variable>> e = objects.higherEntry(oid);
        return e == null ? null : new VariableBinding(e.getKey(), e.getValue().get());
    }

    boolean contains(OID oid) {
        return objects.containsKey(oid) || oid.startsWith(SYSTEM);
    }
}
