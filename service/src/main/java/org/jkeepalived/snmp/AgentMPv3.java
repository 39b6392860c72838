package org.jkeepalived.snmp;

import java.util.Set;
import org.snmp4j.MessageDispatcher;
import org.snmp4j.ScopedPDU;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StateReference;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.USM;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * MPv3 whose Reports for a failed authentication or decryption go out noAuthNoPriv, as RFC 3414 §3.2 steps
 * 3-6 and 8 say: snmp4j signs them with the request's level, which a manager with a wrong passphrase cannot
 * verify, so net-snmp printed "Authentication failed" and a timeout instead of "Authentication failure
 * (incorrect password, community or key)".
 */
final class AgentMPv3 extends MPv3 {
    private static final Set<OID> UNAUTHENTICATED = Set.of(SnmpConstants.usmStatsUnknownEngineIDs,
            SnmpConstants.usmStatsUnknownUserNames, SnmpConstants.usmStatsUnsupportedSecLevels,
            SnmpConstants.usmStatsWrongDigests, SnmpConstants.usmStatsDecryptionErrors);

    AgentMPv3(byte[] engineId, USM usm, CounterSupport counters) {
        super(engineId, null, usm.getSecurityProtocols(), SecurityModels.getCollection(new SecurityModel[] {usm}),
                counters);
    }

    @Override
    public int sendReport(MessageDispatcher dispatcher, ScopedPDU pdu, int securityLevel, int securityModel,
                          OctetString securityName, int maxSizeResponseScopedPDU, StateReference<?> stateReference,
                          VariableBinding payload) {
        int level = payload != null && UNAUTHENTICATED.contains(payload.getOid())
                ? SecurityLevel.NOAUTH_NOPRIV : securityLevel;
        return super.sendReport(dispatcher, pdu, level, securityModel, securityName, maxSizeResponseScopedPDU,
                stateReference, payload);
    }
}
