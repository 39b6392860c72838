package org.jkeepalived.config.model.lvs;

import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.config.model.ScriptCommand;

/**
 * One {@code virtual_server} block, validated and defaulted as keepalived does at load.
 *
 * @param target                  address and port, fwmark, or group
 * @param family                  the service's address family; null only for a group that holds both
 *                                IPv4 and IPv6 entries (all real servers tunnelled)
 * @param protocol                {@code protocol} (UDP when a service with addresses sets none, as
 *                                keepalived does); null for fwmark services, whose protocol is ignored
 * @param lvsSched                {@code lvs_sched}/{@code lb_algo} (wlc when unset)
 * @param schedulerFlags          flag-1/2/3, sh-port, sh-fallback, mh-port, mh-fallback, ops
 * @param lvsMethod               {@code lvs_method}/{@code lb_kind}: the default for real and sorry servers
 *                                (NAT when unset)
 * @param persistenceTimeoutSeconds {@code persistence_timeout} (0 = not persistent; 360 when given
 *                                without a value, with a granularity, or forced for a port-less service)
 * @param persistenceGranularity  {@code persistence_granularity}; null when unset
 * @param persistenceEngine       {@code persistence_engine} (e.g. sip); null when unset
 * @param haSuspend               {@code ha_suspend} (cleared for fwmark services)
 * @param quorum                  {@code quorum} (1; lowered to the total real server weight if above it)
 * @param hysteresis              {@code hysteresis} (0; kept below the quorum)
 * @param quorumUp                {@code quorum_up} script, null when unset
 * @param quorumDown              {@code quorum_down} script, null when unset
 * @param sorryServer             {@code sorry_server} and its options, null when unset
 * @param alpha                   {@code alpha}
 * @param omega                   {@code omega}
 * @param inhibitOnFailure        {@code inhibit_on_failure} (the default for real servers)
 * @param weight                  {@code weight}: the default real server weight (1)
 * @param virtualhost             {@code virtualhost}: the default HTTP Host; null when unset
 * @param smtpAlert               {@code smtp_alert}, else global smtp_alert_checker, else smtp_alert, else false
 * @param snmpName                {@code snmp_name}, null when unset
 * @param delayLoopMicros         {@code delay_loop} (60 s): the default for real servers and checkers
 * @param realServers             the real servers, duplicates and family mismatches removed
 */
public record VirtualServer(
        ServiceTarget target,
        IpFamily family,
        Protocol protocol,
        String lvsSched,
        List<SchedulerFlag> schedulerFlags,
        Forwarding lvsMethod,
        long persistenceTimeoutSeconds,
        PersistenceGranularity persistenceGranularity,
        String persistenceEngine,
        boolean haSuspend,
        long quorum,
        long hysteresis,
        ScriptCommand quorumUp,
        ScriptCommand quorumDown,
        SorryServer sorryServer,
        boolean alpha,
        boolean omega,
        boolean inhibitOnFailure,
        long weight,
        String virtualhost,
        boolean smtpAlert,
        String snmpName,
        long delayLoopMicros,
        List<RealServer> realServers) {

    public VirtualServer {
        schedulerFlags = List.copyOf(schedulerFlags);
        realServers = List.copyOf(realServers);
    }

    /**
     * {@code persistence_granularity}: an IPv4 netmask, or an IPv6 prefix length.
     *
     * @param netmask      the IPv4 netmask, null for IPv6 services
     * @param prefixLength the IPv6 prefix length (1..128), 0 for IPv4 services
     */
    public record PersistenceGranularity(InetAddress netmask, int prefixLength) {
    }

    /**
     * {@code sorry_server IP [PORT]} with {@code sorry_server_inhibit} and {@code sorry_server_lvs_method}.
     *
     * @param address          the sorry server's address
     * @param port             its port (for non-NAT methods the service port, as keepalived corrects it)
     * @param lvsMethod        its forwarding (the service default unless set)
     * @param inhibitOnFailure {@code sorry_server_inhibit}
     */
    public record SorryServer(InetAddress address, int port, Forwarding lvsMethod, boolean inhibitOnFailure) {
    }
}
