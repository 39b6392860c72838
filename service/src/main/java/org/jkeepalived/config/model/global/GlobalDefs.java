package org.jkeepalived.config.model.global;

import java.util.List;
import org.jkeepalived.config.model.ScriptCommand;

/**
 * global_defs and the top-level process keywords, with keepalived's defaults resolved.
 *
 * @param routerId    router_id (default: the short host name)
 * @param smtp        e-mail alert settings
 * @param vrrp        defaults for vrrp_instances
 * @param lvs         IPVS-wide settings
 * @param scripts     who runs scripts and how they are checked
 * @param fifos       notify FIFOs
 * @param snmp        SNMP settings
 * @param process     process tuning and top-level keywords (net_namespace, instance, ...)
 * @param dumps       where the state, stats and JSON dumps go
 */
public record GlobalDefs(
        String routerId,
        SmtpSettings smtp,
        VrrpDefaults vrrp,
        LvsGlobals lvs,
        ScriptSettings scripts,
        FifoSettings fifos,
        SnmpSettings snmp,
        ProcessSettings process,
        DumpSettings dumps) {

    /**
     * @param emails            notification_email addresses
     * @param from              notification_email_from (default {@code root@<hostname>}, the running user)
     * @param server            smtp_server host or address, null when unset
     * @param port              smtp_server port (25)
     * @param heloName          smtp_helo_name (the host name)
     * @param connectTimeoutMicros smtp_connect_timeout (30 s)
     * @param alert             smtp_alert (null = unset)
     * @param alertVrrp         smtp_alert_vrrp (null = unset)
     * @param alertChecker      smtp_alert_checker (null = unset)
     * @param noEmailFaults     no_email_faults
     * @param noCheckerEmails   no_checker_emails
     * @param checkerLogAllFailures checker_log_all_failures
     */
    public record SmtpSettings(List<String> emails, String from, String server, int port, String heloName,
                               long connectTimeoutMicros, Boolean alert, Boolean alertVrrp, Boolean alertChecker,
                               boolean noEmailFaults, boolean noCheckerEmails, boolean checkerLogAllFailures) {
        public SmtpSettings {
            emails = List.copyOf(emails);
        }
    }

    /**
     * @param syncDaemon      lvs_sync_daemon, null when unset
     * @param timeoutTcp      lvs_timeouts tcp seconds (0 = kernel default)
     * @param timeoutTcpFin   lvs_timeouts tcpfin seconds
     * @param timeoutUdp      lvs_timeouts udp seconds
     * @param flush           lvs_flush
     * @param flushOnStop     lvs_flush_on_stop: "disabled", "all" or "VS"
     */
    public record LvsGlobals(LvsSyncDaemon syncDaemon, int timeoutTcp, int timeoutTcpFin, int timeoutUdp,
                             boolean flush, String flushOnStop) {
    }

    /** lvs_sync_daemon IF [[inst] VI] [id N] [maxlen N] [port N] [ttl N] [group IP]. */
    public record LvsSyncDaemon(String interfaceName, String vrrpInstance, int syncId, Integer maxlen,
                                Integer port, Integer ttl, String group) {
    }

    /**
     * @param scriptUser            script_user, null when unset
     * @param scriptGroup           script_user's group, null when unset
     * @param enableScriptSecurity  enable_script_security
     * @param startupScript         startup_script, null when unset
     * @param startupTimeoutMicros  startup_script_timeout (10 s)
     * @param shutdownScript        shutdown_script, null when unset
     * @param shutdownTimeoutMicros shutdown_script_timeout (10 s)
     */
    public record ScriptSettings(String scriptUser, String scriptGroup, boolean enableScriptSecurity,
                                 ScriptCommand startupScript, long startupTimeoutMicros,
                                 ScriptCommand shutdownScript, long shutdownTimeoutMicros) {
    }

    /** A notify FIFO with its optional script and owner. */
    public record Fifo(String path, ScriptCommand script, String user, String group) {
    }

    /**
     * @param notifyFifo     notify_fifo (both VRRP and LVS events)
     * @param vrrpNotifyFifo vrrp_notify_fifo
     * @param lvsNotifyFifo  lvs_notify_fifo
     * @param writeVrrpStatesOnReload fifo_write_vrrp_states_on_reload
     * @param rsInitNotifies rs_init_notifies
     */
    public record FifoSettings(Fifo notifyFifo, Fifo vrrpNotifyFifo, Fifo lvsNotifyFifo,
                               boolean writeVrrpStatesOnReload, boolean rsInitNotifies) {
    }

    /**
     * @param socket        snmp_socket (net-snmp's default AgentX socket when null)
     * @param enableVrrp    enable_snmp_vrrp / enable_snmp_keepalived (KEEPALIVED-MIB VRRP part)
     * @param enableChecker enable_snmp_checker
     * @param enableRfcV2   enable_snmp_rfcv2 (or enable_snmp_rfc)
     * @param enableRfcV3   enable_snmp_rfcv3 (or enable_snmp_rfc)
     * @param enableTraps   enable_traps
     */
    public record SnmpSettings(String socket, boolean enableVrrp, boolean enableChecker, boolean enableRfcV2,
                               boolean enableRfcV3, boolean enableTraps) {
    }

    /**
     * @param netNamespace   net_namespace, null when unset
     * @param instanceName   instance, null when unset
     * @param usePidDir      use_pid_dir
     * @param childWaitTimeSeconds child_wait_time (5)
     * @param vrrpPriority   vrrp_priority (nice, 0)
     * @param vrrpRtPriority vrrp_rt_priority (0 = none)
     * @param checkerPriority checker_priority (nice, 0)
     * @param checkerRtPriority checker_rt_priority (0 = none)
     */
    public record ProcessSettings(String netNamespace, String instanceName, boolean usePidDir,
                                  int childWaitTimeSeconds, int vrrpPriority, int vrrpRtPriority,
                                  int checkerPriority, int checkerRtPriority) {
    }

    /**
     * @param stateDumpFile   state_dump_file (default /tmp/keepalived.data)
     * @param statsDumpFile   stats_dump_file (default /tmp/keepalived.stats)
     * @param jsonDumpFile    json_dump_file (default /tmp/keepalived.json)
     * @param dataUseInstance data_use_instance
     */
    public record DumpSettings(String stateDumpFile, String statsDumpFile, String jsonDumpFile,
                               boolean dataUseInstance) {
    }

    /** Everything at keepalived's defaults, for a host called {@code hostname}. */
    public static GlobalDefs defaults(String hostname) {
        return new GlobalDefs(hostname,
                new SmtpSettings(List.of(), "root@" + hostname, null, 25, hostname, 30_000_000L,
                        null, null, null, false, false, false),
                VrrpDefaults.keepalivedDefaults(),
                new LvsGlobals(null, 0, 0, 0, false, "disabled"),
                new ScriptSettings(null, null, false, null, 10_000_000L, null, 10_000_000L),
                new FifoSettings(null, null, null, false, false),
                new SnmpSettings(null, false, false, false, false, false),
                new ProcessSettings(null, null, false, 5, 0, 0, 0, 0),
                new DumpSettings("/tmp/keepalived.data", "/tmp/keepalived.stats", "/tmp/keepalived.json", false));
    }
}
