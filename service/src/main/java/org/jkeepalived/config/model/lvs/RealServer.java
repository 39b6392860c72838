package org.jkeepalived.config.model.lvs;

import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.config.model.ScriptCommand;

/**
 * One {@code real_server} (an IPVS destination), with the virtual server's defaults applied.
 *
 * @param address          the real server's address
 * @param port             the destination port: as written, else the service port; 0 for non-NAT
 *                         fwmark services (keepalived's corrections)
 * @param weight           {@code weight} (else the virtual server's weight, 1)
 * @param lvsMethod        {@code lvs_method} (else the virtual server's)
 * @param uthreshold       {@code uthreshold}: connection upper limit (0 = none)
 * @param lthreshold       {@code lthreshold}: connection lower limit (0 = none)
 * @param inhibitOnFailure {@code inhibit_on_failure} (else the virtual server's)
 * @param alpha            {@code alpha} (else the virtual server's)
 * @param notifyUp         {@code notify_up} script, null when unset
 * @param notifyDown       {@code notify_down} script, null when unset
 * @param smtpAlert        {@code smtp_alert}, else global smtp_alert_checker, else smtp_alert, else true
 * @param virtualhost      {@code virtualhost}, null when unset
 * @param snmpName         {@code snmp_name}, null when unset
 * @param checkers         the health checkers (the server is up only when all are up)
 */
public record RealServer(
        InetAddress address,
        int port,
        long weight,
        Forwarding lvsMethod,
        long uthreshold,
        long lthreshold,
        boolean inhibitOnFailure,
        boolean alpha,
        ScriptCommand notifyUp,
        ScriptCommand notifyDown,
        boolean smtpAlert,
        String virtualhost,
        String snmpName,
        List<Checker> checkers) {

    public RealServer {
        checkers = List.copyOf(checkers);
    }
}
