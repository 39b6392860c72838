package org.jkeepalived.snmp;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.os.log.Log;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OctetString;

/**
 * Who may do what: our VACM (RFC 3415), reduced to what the configuration can say. Every accepted principal
 * reads everything served; only {@code rw} communities and users may write. A community is refused like
 * net-snmp does (RFC 3584 §5.2.1): unknown, or used from outside its {@code source} prefix, the message is
 * counted (snmpInBadCommunityNames) and not answered. An SNMPv3 user below its configured security level gets
 * authorizationError (RFC 3413 §3.2 step 5, VACM noAccessEntry). USM has already authenticated v3 users.
 */
final class Access {
    /** What to do with a request. */
    sealed interface Decision {
    }

    /** Answer it as {@code name}; {@code write}: SET reaches MibWrites. */
    record Principal(String name, boolean write) implements Decision {
    }

    /** Drop without an answer (already counted and logged). */
    record Drop() implements Decision {
    }

    /** Answer with authorizationError. */
    record Unauthorized(String name) implements Decision {
    }

    private final List<SnmpAgentConfig.Community> communities;
    private final Map<String, SnmpAgentConfig.User> users = new HashMap<>();
    private final AgentCounters counters;
    private final Log log;
    private final RateLimitedLog limited = new RateLimitedLog(TimeUnit.MINUTES.toNanos(1), System::nanoTime);

    Access(List<SnmpAgentConfig.Community> communities, List<SnmpAgentConfig.User> users, AgentCounters counters,
           Log log) {
        this.communities = List.copyOf(communities);
        users.forEach(u -> this.users.put(u.name(), u));
        this.counters = counters;
        this.log = log;
    }

    Decision decide(CommandResponderEvent<?> e) {
        String from = SnmpAddresses.show(e.getPeerAddress());
        String host = e.getPeerAddress() instanceof IpAddress ip ? ip.getInetAddress().getHostAddress() : from;
        byte[] secName = e.getSecurityName() == null ? new byte[0] : e.getSecurityName();
        String name = new String(secName, StandardCharsets.UTF_8);
        if (e.getMessageProcessingModel() == MessageProcessingModel.MPv2c) {
            InetAddress source = e.getPeerAddress() instanceof IpAddress ip ? ip.getInetAddress() : null;
            boolean known = false;
            boolean write = false;
            boolean allowed = false;
            for (SnmpAgentConfig.Community c : communities) {
                if (Arrays.equals(c.name().getBytes(StandardCharsets.UTF_8), secName)) {
                    known = true;
                    if (c.source() == null || (source != null && contains(c.source(), source))) {
                        allowed = true;
                        write |= c.write();
                    }
                }
            }
            if (!allowed) {
                counters.increment(SnmpConstants.snmpInBadCommunityNames, 1);
                limited.log("community " + host, "SNMP: refused a request from " + from + ": "
                        + (known ? "community not allowed from that address" : "unknown community"), log::warn);
                return new Drop();
            }
            return new Principal("community " + name, write);
        }
        if (e.getMessageProcessingModel() == MessageProcessingModel.MPv3) {
            SnmpAgentConfig.User user = users.get(name);
            if (user == null) { // USM refuses unknown users first; kept for safety
                return new Drop();
            }
            int needed = user.priv() != null ? SecurityLevel.AUTH_PRIV
                    : user.auth() != null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.NOAUTH_NOPRIV;
            if (e.getSecurityLevel() < needed) {
                limited.log("level " + host + " " + name, "SNMP: refused a request from " + from + ": user "
                        + name + " must use " + SecurityLevel.get(needed), log::warn);
                return new Unauthorized(name);
            }
            return new Principal("user " + name, user.write());
        }
        counters.increment(SnmpConstants.snmpInBadVersions, 1);
        return new Drop();
    }

    /** Whether {@code a} is inside {@code prefix} (both of one family). */
    static boolean contains(IpPrefix prefix, InetAddress a) {
        byte[] p = prefix.address().getAddress();
        byte[] x = a.getAddress();
        if (p.length != x.length) {
            return false;
        }
        int bits = Math.min(prefix.prefixLength(), p.length * 8);
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (p[i] != x[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (p[full] & mask) == (x[full] & mask);
    }

    static OctetString octets(String s) {
        return new OctetString(s.getBytes(StandardCharsets.UTF_8));
    }
}
