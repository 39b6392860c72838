package org.jkeepalived.config.bind.global;

import org.jkeepalived.config.model.global.GlobalDefs.DbusSettings;
import org.jkeepalived.config.model.global.GlobalDefs.SnmpSettings;
import org.jkeepalived.config.syntax.Node;

/**
 * The SNMP keywords and the DBus ones (accepted only). snmp_socket is checked as keepalived checks it but
 * not used: it names the AgentX master, and jkeepalived serves SNMP itself (snmp_agent block).
 * The enable_* keywords are plain flags: keepalived 2.2.7 ignores words after them ("enable_traps off"
 * enables traps).
 */
final class SnmpDbusBinder implements GlobalSection {
    /** snmp_*_stats_update_interval: 1 ms to 30 s (keepalived.conf(5), after 2.2.7). */
    private static final long MIN_STATS_MICROS = 1_000L;
    private static final long MAX_STATS_MICROS = 30_000_000L;

    private final Args args;
    private String socket;
    private boolean enableVrrp;
    private boolean enableChecker;
    private boolean enableRfcV2;
    private boolean enableRfcV3;
    private boolean enableTraps;
    private long vsStatsUpdateIntervalMicros = SnmpSettings.DEFAULT_VS_STATS_UPDATE_MICROS;
    private long rsStatsUpdateIntervalMicros;
    private final DbusSettings dbusDefaults = DbusSettings.defaults();
    private boolean dbusEnabled;
    private String dbusServiceName;
    private String dbusNoInterfaceName;

    SnmpDbusBinder(Args args) {
        this.args = args;
    }

    @Override
    public boolean bind(Node n) {
        switch (n.keyword()) {
            case "snmp_socket" -> socket(n);
            case "enable_snmp_vrrp" -> enableVrrp = true;
            case "enable_snmp_checker" -> enableChecker = true;
            case "enable_snmp_rfc" -> {
                enableRfcV2 = true;
                enableRfcV3 = true;
            }
            case "enable_snmp_rfcv2" -> enableRfcV2 = true;
            case "enable_snmp_rfcv3" -> enableRfcV3 = true;
            case "enable_traps" -> enableTraps = true;
            case "snmp_vs_stats_update_interval" -> vsStatsUpdateIntervalMicros = interval(n, vsStatsUpdateIntervalMicros);
            case "snmp_rs_stats_update_interval" -> rsStatsUpdateIntervalMicros = interval(n, rsStatsUpdateIntervalMicros);
            case "enable_dbus" -> dbusEnabled = true;
            case "dbus_service_name" -> {
                if (n.hasArg(0)) {
                    dbusServiceName = n.arg(0);
                } else {
                    args.error(n, "dbus_service_name missing - ignoring");
                }
            }
            case "dbus_no_interface_name" -> {
                if (n.hasArg(0)) {
                    dbusNoInterfaceName = n.arg(0);
                } else {
                    args.error(n, "dbus_no_interface_name missing - ignoring");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void socket(Node n) {
        args.ctx().diagnostics().noteOnce("snmp_socket-ignored", n.location(), "snmp_socket"
                + (n.hasArg(0) ? " " + n.arg(0) : "") + " ignored: jkeepalived serves SNMP itself (see snmp_agent)");
        if (!n.hasArg(0)) {
            args.error(n, "SNMP error : snmp socket name missing");
        } else if (n.args().size() > 1) {
            args.error(n, "Too many parameters specified for snmp_socket - ignoring");
        } else if (socket != null) {
            args.error(n, "SNMP socket already set to " + socket + " - ignoring");
        } else {
            socket = n.arg(0);
        }
    }

    private long interval(Node n, long previous) {
        if (!n.hasArg(0)) {
            args.error(n, n.written() + " requires a value");
            return previous;
        }
        Long v = args.timerMicros(n, n.arg(0), MIN_STATS_MICROS, MAX_STATS_MICROS);
        if (v == null) {
            args.error(n, n.written() + " '" + n.arg(0) + "' is invalid");
            return previous;
        }
        return v;
    }

    SnmpSettings snmp() {
        return new SnmpSettings(socket, enableVrrp, enableChecker, enableRfcV2, enableRfcV3, enableTraps,
                vsStatsUpdateIntervalMicros, rsStatsUpdateIntervalMicros);
    }

    DbusSettings dbus() {
        return new DbusSettings(dbusEnabled,
                dbusServiceName != null ? dbusServiceName : dbusDefaults.serviceName(),
                dbusNoInterfaceName != null ? dbusNoInterfaceName : dbusDefaults.noInterfaceName());
    }
}
