package org.jkeepalived.snmp;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.snmp4j.TransportMapping;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.MOScope;
import org.snmp4j.agent.MOServer;
import org.snmp4j.agent.ManagedObject;
import org.snmp4j.agent.mo.DefaultMOFactory;
import org.snmp4j.agent.mo.MOAccessImpl;
import org.snmp4j.agent.mo.MOScalar;
import org.snmp4j.agent.mo.snmp.SNMPv2MIB;
import org.snmp4j.agent.mo.snmp.SnmpFrameworkMIB;
import org.snmp4j.agent.mo.snmp.SnmpMpdMib;
import org.snmp4j.agent.mo.snmp.UsmMIB;
import org.snmp4j.event.CounterListener;
import org.snmp4j.security.USM;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * The objects every SNMP agent serves besides its MIBs, from snmp4j-agent: SNMPv2-MIB system and snmp groups
 * (RFC 3418; {@link SNMPv2MIB}), SNMP-FRAMEWORK-MIB snmpEngine (RFC 3411 §5), SNMP-MPD-MIB snmpMPDStats and
 * SNMP-USER-BASED-SM-MIB usmStats (RFC 3414 §5). Their counters are fed by {@link #counters()}.
 *
 * <p>Changed from snmp4j-agent's defaults, with nothing written to disk: the system group is read-only
 * (keepalived's configuration, not a manager, names the router; sysName is the host name), sysUpTime counts
 * from the daemon's start so MIB TimeStamp columns compare with it, snmpEnableAuthenTraps is disabled (none are
 * sent, RFC 3418), and snmpSetSerialNo, usmUserSpinLock and usmUserTable are not served: no manager coordinates
 * SETs here, and users come from the configuration, never from SNMP.
 */
final class StandardMibs {
    private static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");
    private static final OID SYS_CONTACT = new OID("1.3.6.1.2.1.1.4.0");
    private static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");
    private static final OID SYS_LOCATION = new OID("1.3.6.1.2.1.1.6.0");
    private static final OID ENABLE_AUTHEN_TRAPS = new OID("1.3.6.1.2.1.11.30.0");
    private static final OID SET_SERIAL_NO = new OID("1.3.6.1.6.3.1.1.6.1.0");
    private static final OID USM_USER = new OID("1.3.6.1.6.3.15.1.2");
    /** applications (64) + end-to-end (8), as net-snmp's default sysServices. */
    private static final int SERVICES = 72;

    private final SNMPv2MIB snmpv2;
    private final SnmpMpdMib mpd = new SnmpMpdMib(DefaultMOFactory.getInstance());
    private final UsmMIB usmMib;

    StandardMibs(String sysDescr, OID sysObjectId, USM usm) {
        snmpv2 = new SNMPv2MIB(new OctetString(sysDescr), sysObjectId, new Integer32(SERVICES));
        usmMib = new UsmMIB(usm, usm.getSecurityProtocols());
    }

    /** Where snmp4j's dispatcher, MPv3, USM and the CommandProcessor count (each MIB takes its own OIDs). */
    List<CounterListener> counters() {
        return List.of(snmpv2, mpd, usmMib);
    }

    /** Registers everything in {@code server}'s default context. */
    void register(MOServer server, byte[] engineId, USM usm, Collection<TransportMapping<?>> transports,
                  String sysName, Supplier<TimeTicks> upTime) throws DuplicateRegistrationException {
        snmpv2.registerMOs(server, null);
        new SnmpFrameworkMIB(new OctetString(engineId), usm, List.copyOf(transports)).registerMOs(server, null);
        mpd.registerMOs(server, null);
        usmMib.registerMOs(server, null);
        for (OID gone : List.of(SYS_UP_TIME, SYS_CONTACT, SYS_NAME, SYS_LOCATION, ENABLE_AUTHEN_TRAPS, SET_SERIAL_NO,
                USM_USER)) {
            unregister(server, gone);
        }
        server.register(new MOScalar<>(SYS_UP_TIME, MOAccessImpl.ACCESS_READ_ONLY, new TimeTicks(0)) {
            @Override
            public TimeTicks getValue() {
                return upTime.get();
            }
        }, null);
        server.register(readOnly(SYS_CONTACT, new OctetString()), null);
        server.register(readOnly(SYS_NAME, new OctetString(sysName)), null);
        server.register(readOnly(SYS_LOCATION, new OctetString()), null);
        server.register(readOnly(ENABLE_AUTHEN_TRAPS, new Integer32(2)), null);
    }

    private static <V extends Variable> MOScalar<V> readOnly(OID oid, V value) {
        return new MOScalar<>(oid, MOAccessImpl.ACCESS_READ_ONLY, value);
    }

    /** Unregisters the objects holding {@code oid} or under it. */
    private static void unregister(MOServer server, OID oid) {
        List<ManagedObject<?>> found = new java.util.ArrayList<>();
        for (java.util.Iterator<Map.Entry<MOScope, ManagedObject<?>>> it = server.iterator(); it.hasNext(); ) {
            Map.Entry<MOScope, ManagedObject<?>> e = it.next();
            OID lower = e.getKey().getLowerBound();
            if (e.getKey().covers(oid) || (lower != null && lower.startsWith(oid))) {
                found.add(e.getValue());
            }
        }
        found.forEach(mo -> server.unregister(mo, null));
    }
}
