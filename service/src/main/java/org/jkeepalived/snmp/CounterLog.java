package org.jkeepalived.snmp;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.os.log.Log;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;

/**
 * One log line (rate-limited, with the sender) for the counters that mean a malformed or forged message: the
 * counting itself is snmp4j-agent's (SNMPv2MIB, SnmpMpdMib, UsmMIB). The dispatcher fires these counters on the
 * transport's thread while {@link #peer} is set for that message.
 */
final class CounterLog implements CounterListener {
    /** Counters worth a log line: the message was broken or failed authentication (not discovery steps). */
    private static final Map<org.snmp4j.smi.OID, String> LOGGED = Map.of(
            SnmpConstants.snmpInASNParseErrs, "malformed message (ASN.1/BER parse error)",
            SnmpConstants.snmpInBadVersions, "unsupported SNMP version (this agent serves SNMPv2c and SNMPv3)",
            SnmpConstants.usmStatsUnknownUserNames, "SNMPv3 unknown user name",
            SnmpConstants.usmStatsWrongDigests, "SNMPv3 wrong digest (bad authentication passphrase)",
            SnmpConstants.usmStatsDecryptionErrors, "SNMPv3 decryption error (bad privacy passphrase)",
            SnmpConstants.usmStatsUnsupportedSecLevels, "SNMPv3 unsupported security level");

    private final ThreadLocal<Address> peer = new ThreadLocal<>();
    private final RateLimitedLog limited = new RateLimitedLog(TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    private final Log log;

    CounterLog(Log log) {
        this.log = log;
    }

    @Override
    public void incrementCounter(CounterEvent event) {
        String what = LOGGED.get(event.getOid());
        if (what != null) {
            refused(peer.get(), what, event.getOid().toString());
        }
    }

    /** Logs that a message from {@code from} was dropped because of {@code what}, once a minute per kind and host. */
    void refused(Address from, String what, String kind) {
        String source = from == null ? "unknown source" : SnmpAddresses.show(from);
        String host = from instanceof org.snmp4j.smi.IpAddress ip ? ip.getInetAddress().getHostAddress() : source;
        limited.log(kind + " " + host, "SNMP: dropped a message from " + source + ": " + what, log::warn);
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
