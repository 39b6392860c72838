package org.jkeepalived.snmp;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jkeepalived.os.log.Log;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.OID;

/**
 * The agent's own statistics (snmp group, snmpMPDStats, usmStats): snmp4j's dispatcher, MPv3 and USM fire
 * counter events here, and the agent counts the communities it refuses itself. The current value goes back
 * into the event because MPv3 puts it in its Report PDUs (RFC 3414 §3.2).
 *
 * <p>Counters that mean a malformed or forged message also log one line with the sender (rate-limited): the
 * dispatcher fires them on the transport's thread while {@link #peer} is set for that message.
 */
final class AgentCounters implements CounterListener {
    /** Counters worth a log line: the message was broken or failed authentication (not discovery steps). */
    private static final Map<OID, String> LOGGED = Map.of(
            SnmpConstants.snmpInASNParseErrs, "malformed message (ASN.1/BER parse error)",
            SnmpConstants.snmpInBadVersions, "unsupported SNMP version (this agent serves SNMPv2c and SNMPv3)",
            SnmpConstants.usmStatsUnknownUserNames, "SNMPv3 unknown user name",
            SnmpConstants.usmStatsWrongDigests, "SNMPv3 wrong digest (bad authentication passphrase)",
            SnmpConstants.usmStatsDecryptionErrors, "SNMPv3 decryption error (bad privacy passphrase)",
            SnmpConstants.usmStatsUnsupportedSecLevels, "SNMPv3 unsupported security level");
    private static final Set<OID> QUIET = Set.of(SnmpConstants.snmpInPkts);

    private final Map<OID, AtomicLong> counts = new ConcurrentHashMap<>();
    private final ThreadLocal<Address> peer = new ThreadLocal<>();
    private final RateLimitedLog limited = new RateLimitedLog(TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    private final Log log;

    AgentCounters(Log log) {
        this.log = log;
    }

    @Override
    public void incrementCounter(CounterEvent event) {
        OID oid = event.getOid();
        long value = increment(oid, Math.max(1, event.getIncrement()));
        event.setCurrentValue(new Counter32(value & 0xFFFFFFFFL));
        String what = LOGGED.get(oid);
        if (what != null && !QUIET.contains(oid)) {
            Address from = peer.get();
            String source = from == null ? "unknown source" : SnmpAddresses.show(from);
            String host = from instanceof org.snmp4j.smi.IpAddress ip ? ip.getInetAddress().getHostAddress() : source;
            limited.log(oid + " " + host, "SNMP: dropped a message from " + source + ": " + what, log::warn);
        }
    }

    long increment(OID oid, long by) {
        return counts.computeIfAbsent(oid, k -> new AtomicLong()).addAndGet(by);
    }

    long get(OID oid) {
        AtomicLong c = counts.get(oid);
        return c == null ? 0 : c.get();
    }

    Counter32 counter(OID oid) {
        return new Counter32(get(oid) & 0xFFFFFFFFL);
    }

    /** Marks the sender of the message the current thread is decoding (null when done). */
    void peer(Address address) {
        if (address == null) {
            peer.remove();
        } else {
            peer.set(address);
        }
    }
}
