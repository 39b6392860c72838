package org.jkeepalived.snmp;

import java.util.List;
import java.util.Objects;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * One notification to send: its snmpTrapOID and varbinds (the agent prepends sysUpTime.0 and snmpTrapOID.0).
 */
public record SnmpNotification(OID trapOid, List<VariableBinding> varbinds) {
    public SnmpNotification {
        Objects.requireNonNull(trapOid, "trapOid");
        varbinds = List.copyOf(varbinds);
    }
}
