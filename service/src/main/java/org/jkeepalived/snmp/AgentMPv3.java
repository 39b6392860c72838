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
 *
 * <p>Its msgIDs are never negative ({@link #positiveMsgIds}).
 */
final class AgentMPv3 extends MPv3 {
    private static final Set<OID> UNAUTHENTICATED = Set.of(SnmpConstants.usmStatsUnknownEngineIDs,
            SnmpConstants.usmStatsUnknownUserNames, SnmpConstants.usmStatsUnsupportedSecLevels,
            SnmpConstants.usmStatsWrongDigests, SnmpConstants.usmStatsDecryptionErrors);

    AgentMPv3(byte[] engineId, USM usm, CounterSupport counters) {
        super(engineId, null, usm.getSecurityProtocols(), SecurityModels.getCollection(new SecurityModel[] {usm}),
                counters);
        positiveMsgIds(this, usm.getEngineBoots());
    }

    /**
     * snmp4j seeds an MPv3's msgIDs with {@code MPv3.randomMsgID(engineBoots)}: the boots' low 16 bits above 16
     * random ones. Our snmpEngineBoots counts seconds (SnmpAgent.engineBoots), so for half of every 18.2 hours bit
     * 15 is set and every msgID is negative, which RFC 3412 §6 forbids (INTEGER (0..2147483647)): net-snmp drops
     * such messages, and our v3 informs and traps were lost (seen: SnmptrapdHandlerIT). Clearing the sign bit
     * keeps snmp4j's scheme otherwise; {@link MPv3#getNextMessageID} then stays in range.
     */
    static MPv3 positiveMsgIds(MPv3 mpv3, int engineBoots) {
        // qualified: inside an MPv3, "MPv3" is MessageProcessingModel.MPv3, the int 3
        mpv3.setCurrentMsgID(org.snmp4j.mp.MPv3.randomMsgID(engineBoots) & org.snmp4j.mp.MPv3.MAX_MESSAGE_ID);
        return mpv3;
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
