package org.jkeepalived.snmp;

import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * The writable object instances (keepalived's: vrrpInstanceBasePriority, vrrpInstancePreempt,
 * realServerWeight). The agent calls {@link #check} for every varbind of a SET first, and {@link #commit} only
 * when all passed (RFC 3416 §4.2.5: all or none; a commit that then fails reports commitFailed).
 */
public interface MibWrites {

    /**
     * An SNMP error status for writing {@code value} to {@code oid}: 0 (noError) when it may be written,
     * else e.g. notWritable(17), wrongType(7), wrongValue(10), noCreation(11), inconsistentValue(12)
     * ({@link org.snmp4j.mp.SnmpConstants} / {@link org.snmp4j.PDU} constants).
     */
    int check(OID oid, Variable value);

    /** Applies a checked write; an SNMP error status, 0 when applied (commitFailed(14) when it no longer can be). */
    int commit(OID oid, Variable value);

    /** Nothing is writable. */
    MibWrites NONE = new MibWrites() {
        @Override
        public int check(OID oid, Variable value) {
            return org.snmp4j.PDU.notWritable;
        }

        @Override
        public int commit(OID oid, Variable value) {
            return org.snmp4j.PDU.commitFailed;
        }
    };
}
