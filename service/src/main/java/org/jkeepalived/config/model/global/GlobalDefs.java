package org.jkeepalived.config.model.global;

import java.util.List;
import org.jkeepalived.config.model.ScriptCommand;

/**
 * global_defs and the top-level process keywords, with keepalived's defaults resolved (checked against
 * keepalived 2.2.7's {@code -d} dump). Times are microseconds.
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
 * @param dbus        DBus settings (accepted, not implemented)
 * @param firewall    nftables / iptables / ipsets settings (accepted, not implemented)
 * @param buffers     netlink and VRRP socket receive buffer tuning (accepted, not implemented)
 * @param reload      reload management
 * @param misc        umask, random seed, include checks, iproute directories
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
        DumpSettings dumps,
        DbusSettings dbus,
        FirewallSettings firewall,
        BufferSettings buffers,
        ReloadSettings reload,
        MiscSettings misc) {

    /** The original nine sections; the later ones take their defaults. */
    public GlobalDefs(String routerId, SmtpSettings smtp, VrrpDefaults vrrp, LvsGlobals lvs, ScriptSettings scripts,
                      FifoSettings fifos, SnmpSettings snmp, ProcessSettings process, DumpSettings dumps) {
        this(routerId, smtp, vrrp, lvs, scripts, fifos, snmp, process, dumps, DbusSettings.defaults(),
                FirewallSettings.defaults(), BufferSettings.defaults(), ReloadSettings.defaults(),
                MiscSettings.defaults());
    }

    /**
     * @param emails            notification_email entries, one per word (a display name must be quoted with its
     *                          address: {@code "Joe <joe@x>"})
     * @param from              notification_email_from (default {@code root@<hostname>}, the running user)
     * @param server            smtp_server address (or host name, resolved when mail is sent), null when unset
     * @param port              smtp_server port (25)
     * @param heloName          smtp_helo_name (the host name)
     * @param connectTimeoutMicros smtp_connect_timeout (30 s; 0 is raised to 1 s)
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
     * @param timeoutTcp      lvs_timeouts tcp seconds (0 = leave the kernel's value)
     * @param timeoutTcpFin   lvs_timeouts tcpfin seconds (0 = leave)
     * @param timeoutUdp      lvs_timeouts udp seconds (0 = leave)
     * @param flush           lvs_flush
     * @param flushOnStop     lvs_flush_on_stop: "disabled", "full" (bare keyword) or "VS", as keepalived prints it
     */
    public record LvsGlobals(LvsSyncDaemon syncDaemon, int timeoutTcp, int timeoutTcpFin, int timeoutUdp,
                             boolean flush, String flushOnStop) {
    }

    /**
     * lvs_sync_daemon IF [[inst] VI] [id N] [maxlen N] [port N] [ttl N] [group IP].
     *
     * @param interfaceName the interface the sync daemon binds to
     * @param vrrpInstance  the vrrp_instance whose state it follows, null = run master and backup always
     * @param syncId        id 0..255; -1 = the VRID of {@code vrrpInstance} (0 when there is none)
     * @param maxlen        maxlen 1..65507, null = kernel default
     * @param port          port (8848)
     * @param ttl           ttl 1..255, null = kernel default
     * @param group         multicast group (224.0.0.81)
     */
    public record LvsSyncDaemon(String interfaceName, String vrrpInstance, int syncId, Integer maxlen,
                                Integer port, Integer ttl, String group) {
        public static final int DEFAULT_PORT = 8848;
        public static final String DEFAULT_GROUP = "224.0.0.81";
    }

    /**
     * @param scriptUser            script_user, null when unset
     * @param scriptGroup           script_user's group, null when unset
     * @param enableScriptSecurity  enable_script_security
     * @param startupScript         startup_script, null when unset
     * @param startupTimeoutMicros  startup_script_timeout (10 s, 1..1000 s)
     * @param shutdownScript        shutdown_script, null when unset
     * @param shutdownTimeoutMicros shutdown_script_timeout (10 s, 1..1000 s)
     * @param setSupplementaryGroups set_supplementary_groups (after 2.2.7)
     * @param useSymlinkPaths       use_symlink_paths (after 2.2.7)
     */
    public record ScriptSettings(String scriptUser, String scriptGroup, boolean enableScriptSecurity,
                                 ScriptCommand startupScript, long startupTimeoutMicros,
                                 ScriptCommand shutdownScript, long shutdownTimeoutMicros,
                                 boolean setSupplementaryGroups, boolean useSymlinkPaths) {
        public ScriptSettings(String scriptUser, String scriptGroup, boolean enableScriptSecurity,
                              ScriptCommand startupScript, long startupTimeoutMicros,
                              ScriptCommand shutdownScript, long shutdownTimeoutMicros) {
            this(scriptUser, scriptGroup, enableScriptSecurity, startupScript, startupTimeoutMicros, shutdownScript,
                    shutdownTimeoutMicros, false, false);
        }
    }

    /**
     * A notify FIFO with its optional script and owner.
     *
     * @param path   the FIFO's path (created at start if missing)
     * @param script the *_fifo_script reading it (the FIFO path is appended as its last argument), or null
     * @param user   owner user of the FIFO, null = keepalived's
     * @param group  owner group, null = the user's
     */
    public record Fifo(String path, ScriptCommand script, String user, String group) {
    }

    /**
     * @param notifyFifo     notify_fifo (both VRRP and LVS events), null when unset
     * @param vrrpNotifyFifo vrrp_notify_fifo, null when unset
     * @param lvsNotifyFifo  lvs_notify_fifo, null when unset
     * @param writeVrrpStatesOnReload fifo_write_vrrp_states_on_reload
     * @param rsInitNotifies rs_init_notifies
     */
    public record FifoSettings(Fifo notifyFifo, Fifo vrrpNotifyFifo, Fifo lvsNotifyFifo,
                               boolean writeVrrpStatesOnReload, boolean rsInitNotifies) {
    }

    /**
     * @param socket        snmp_socket (null = net-snmp's default, unix:/var/agentx/master)
     * @param enableVrrp    enable_snmp_vrrp / enable_snmp_keepalived (KEEPALIVED-MIB VRRP part)
     * @param enableChecker enable_snmp_checker
     * @param enableRfcV2   enable_snmp_rfcv2 (or enable_snmp_rfc)
     * @param enableRfcV3   enable_snmp_rfcv3 (or enable_snmp_rfc)
     * @param enableTraps   enable_traps
     * @param vsStatsUpdateIntervalMicros snmp_vs_stats_update_interval (5 s; after 2.2.7)
     * @param rsStatsUpdateIntervalMicros snmp_rs_stats_update_interval (0 = read on every request; after 2.2.7)
     */
    public record SnmpSettings(String socket, boolean enableVrrp, boolean enableChecker, boolean enableRfcV2,
                               boolean enableRfcV3, boolean enableTraps, long vsStatsUpdateIntervalMicros,
                               long rsStatsUpdateIntervalMicros) {
        public static final long DEFAULT_VS_STATS_UPDATE_MICROS = 5_000_000L;

        public SnmpSettings(String socket, boolean enableVrrp, boolean enableChecker, boolean enableRfcV2,
                            boolean enableRfcV3, boolean enableTraps) {
            this(socket, enableVrrp, enableChecker, enableRfcV2, enableRfcV3, enableTraps,
                    DEFAULT_VS_STATS_UPDATE_MICROS, 0L);
        }
    }

    /**
     * Process tuning and the top-level process keywords. Apart from the names and namespaces these are
     * accepted but not acted on (the JVM does not map onto nice/RT priorities, CPU sets or mlock).
     *
     * @param netNamespace   net_namespace, null when unset
     * @param instanceName   instance, null when unset
     * @param usePidDir      use_pid_dir
     * @param childWaitTimeSeconds child_wait_time (5)
     * @param vrrpPriority   vrrp_priority (nice -20..19, 0)
     * @param vrrpRtPriority vrrp_rt_priority (1..99, 0 = none)
     * @param checkerPriority checker_priority (nice, 0)
     * @param checkerRtPriority checker_rt_priority (0 = none)
     * @param netNamespaceIpvs net_namespace_ipvs, null when unset, "" for the default namespace
     * @param namespaceWithIpsets namespace_with_ipsets
     * @param linkbeatUsePolling linkbeat_use_polling
     * @param bfdPriority    bfd_priority (nice, 0)
     * @param bfdRtPriority  bfd_rt_priority (0 = none)
     * @param vrrpNoSwap     vrrp_no_swap
     * @param checkerNoSwap  checker_no_swap
     * @param bfdNoSwap      bfd_no_swap
     * @param vrrpCpuAffinity vrrp_cpu_affinity CPU ids (empty = all)
     * @param checkerCpuAffinity checker_cpu_affinity
     * @param bfdCpuAffinity bfd_cpu_affinity
     * @param vrrpRlimitRttimeMicros vrrp_rlimit_rttime (10000 µs)
     * @param checkerRlimitRttimeMicros checker_rlimit_rttime (10000 µs)
     * @param bfdRlimitRttimeMicros bfd_rlimit_rttime (10000 µs)
     * @param maxAutoPriority max_auto_priority (0 = off, -1 = off without the start-up notice, bare = 99)
     * @param minAutoPriorityDelayMicros min_auto_priority_delay (1 s)
     * @param processName    process_name of the parent, null = default ("keepalived")
     * @param vrrpProcessName vrrp_process_name (process_names: keepalived_vrrp), null = unchanged
     * @param checkerProcessName checker_process_name / lvs_process_name (process_names: keepalived_lvs)
     * @param bfdProcessName bfd_process_name (process_names: keepalived_bfd)
     */
    public record ProcessSettings(String netNamespace, String instanceName, boolean usePidDir,
                                  int childWaitTimeSeconds, int vrrpPriority, int vrrpRtPriority,
                                  int checkerPriority, int checkerRtPriority,
                                  String netNamespaceIpvs, boolean namespaceWithIpsets, boolean linkbeatUsePolling,
                                  int bfdPriority, int bfdRtPriority,
                                  boolean vrrpNoSwap, boolean checkerNoSwap, boolean bfdNoSwap,
                                  List<Integer> vrrpCpuAffinity, List<Integer> checkerCpuAffinity,
                                  List<Integer> bfdCpuAffinity,
                                  long vrrpRlimitRttimeMicros, long checkerRlimitRttimeMicros,
                                  long bfdRlimitRttimeMicros,
                                  int maxAutoPriority, long minAutoPriorityDelayMicros,
                                  String processName, String vrrpProcessName, String checkerProcessName,
                                  String bfdProcessName) {
        public static final long DEFAULT_RLIMIT_RTTIME_MICROS = 10_000L;

        public ProcessSettings {
            vrrpCpuAffinity = List.copyOf(vrrpCpuAffinity);
            checkerCpuAffinity = List.copyOf(checkerCpuAffinity);
            bfdCpuAffinity = List.copyOf(bfdCpuAffinity);
        }

        public ProcessSettings(String netNamespace, String instanceName, boolean usePidDir, int childWaitTimeSeconds,
                               int vrrpPriority, int vrrpRtPriority, int checkerPriority, int checkerRtPriority) {
            this(netNamespace, instanceName, usePidDir, childWaitTimeSeconds, vrrpPriority, vrrpRtPriority,
                    checkerPriority, checkerRtPriority, null, false, false, 0, 0, false, false, false,
                    List.of(), List.of(), List.of(), DEFAULT_RLIMIT_RTTIME_MICROS, DEFAULT_RLIMIT_RTTIME_MICROS,
                    DEFAULT_RLIMIT_RTTIME_MICROS, 0, 1_000_000L, null, null, null, null);
        }
    }

    /**
     * @param stateDumpFile   state_dump_file (default /tmp/keepalived.data; after 2.2.7)
     * @param statsDumpFile   stats_dump_file (default /tmp/keepalived.stats; after 2.2.7)
     * @param jsonDumpFile    json_dump_file (default /tmp/keepalived.json; after 2.2.7)
     * @param dataUseInstance data_use_instance
     * @param jsonVersion     json_version 1 or 2 (1; after 2.2.7)
     */
    public record DumpSettings(String stateDumpFile, String statsDumpFile, String jsonDumpFile,
                               boolean dataUseInstance, int jsonVersion) {
        public DumpSettings(String stateDumpFile, String statsDumpFile, String jsonDumpFile, boolean dataUseInstance) {
            this(stateDumpFile, statsDumpFile, jsonDumpFile, dataUseInstance, 1);
        }
    }

    /**
     * @param enabled         enable_dbus
     * @param serviceName     dbus_service_name (org.keepalived.Vrrp1)
     * @param noInterfaceName dbus_no_interface_name ("none"; after 2.2.7)
     */
    public record DbusSettings(boolean enabled, String serviceName, String noInterfaceName) {
        public static DbusSettings defaults() {
            return new DbusSettings(false, "org.keepalived.Vrrp1", "none");
        }
    }

    /**
     * @param nftablesTable      nftables table name, null when nftables is not configured (keepalived then
     *                           uses "keepalived" if strict mode, no_accept or VMACs need a firewall)
     * @param nftablesPriority   nftables_priority (-1)
     * @param nftablesCounters   nftables_counters
     * @param nftablesIfindex    nftables_ifindex
     * @param nftablesIpvsTable  nftables_ipvs table name, null when unset (bare: keepalived_ipvs)
     * @param nftablesIpvsPriority nftables_ipvs_priority (-1)
     * @param nftablesIpvsStartFwmark nftables_ipvs_start_fwmark (1000)
     * @param iptablesChains     vrrp_iptables chains as written (empty = unset); keepalived 2.2.7 as packaged
     *                           has no iptables support and uses nftables instead
     * @param ipsets             vrrp_ipsets names as written (empty = unset)
     * @param disableLocalIgmp   disable_local_igmp
     */
    public record FirewallSettings(String nftablesTable, int nftablesPriority, boolean nftablesCounters,
                                   boolean nftablesIfindex, String nftablesIpvsTable, int nftablesIpvsPriority,
                                   long nftablesIpvsStartFwmark, List<String> iptablesChains, List<String> ipsets,
                                   boolean disableLocalIgmp) {
        public FirewallSettings {
            iptablesChains = List.copyOf(iptablesChains);
            ipsets = List.copyOf(ipsets);
        }

        public static FirewallSettings defaults() {
            return new FirewallSettings(null, -1, false, false, null, -1, 1000L, List.of(), List.of(), false);
        }
    }

    /**
     * Socket receive buffer tuning; sizes in bytes, 0 = the system default.
     *
     * @param vrrpNetlinkCmdRcvBufs       vrrp_netlink_cmd_rcv_bufs
     * @param vrrpNetlinkCmdRcvBufsForce  vrrp_netlink_cmd_rcv_bufs_force
     * @param vrrpNetlinkMonitorRcvBufs   vrrp_netlink_monitor_rcv_bufs
     * @param vrrpNetlinkMonitorRcvBufsForce vrrp_netlink_monitor_rcv_bufs_force
     * @param lvsNetlinkCmdRcvBufs        lvs_netlink_cmd_rcv_bufs
     * @param lvsNetlinkCmdRcvBufsForce   lvs_netlink_cmd_rcv_bufs_force
     * @param lvsNetlinkMonitorRcvBufs    lvs_netlink_monitor_rcv_bufs
     * @param lvsNetlinkMonitorRcvBufsForce lvs_netlink_monitor_rcv_bufs_force
     * @param processMonitorRcvBufs       process_monitor_rcv_bufs
     * @param processMonitorRcvBufsForce  process_monitor_rcv_bufs_force
     * @param rxBufsPolicy                vrrp_rx_bufs_policy: "default", "MTU", "ADVERT" or "SIZE"
     * @param rxBufsSize                  the size for policy SIZE (vrrp_rx_bufs_policy NUMBER)
     * @param rxBufsMultiplier            vrrp_rx_bufs_multiplier (3)
     */
    public record BufferSettings(long vrrpNetlinkCmdRcvBufs, boolean vrrpNetlinkCmdRcvBufsForce,
                                 long vrrpNetlinkMonitorRcvBufs, boolean vrrpNetlinkMonitorRcvBufsForce,
                                 long lvsNetlinkCmdRcvBufs, boolean lvsNetlinkCmdRcvBufsForce,
                                 long lvsNetlinkMonitorRcvBufs, boolean lvsNetlinkMonitorRcvBufsForce,
                                 long processMonitorRcvBufs, boolean processMonitorRcvBufsForce,
                                 String rxBufsPolicy, long rxBufsSize, long rxBufsMultiplier) {
        public static BufferSettings defaults() {
            return new BufferSettings(0, false, 0, false, 0, false, 0, false, 0, false, "default", 0, 3);
        }
    }

    /**
     * @param checkConfig        reload_check_config: validate the new configuration before reloading
     * @param checkConfigLogFile reload_check_config's log file (/dev/null when not given), null when unset
     * @param timeFile           reload_time_file, null when unset
     * @param repeat             reload_repeat
     * @param reloadFile         reload_file (bare: keepalived.reload in the PID directory), null when unset
     * @param configSaveDir      config_save_dir, null when unset
     * @param tmpConfigDirectory tmp_config_directory, null when unset
     */
    public record ReloadSettings(boolean checkConfig, String checkConfigLogFile, String timeFile, boolean repeat,
                                 String reloadFile, String configSaveDir, String tmpConfigDirectory) {
        public static ReloadSettings defaults() {
            return new ReloadSettings(false, null, null, false, null, null, null);
        }
    }

    /**
     * @param umask          umask for files keepalived creates (0177 = IXUSR|IRWXG|IRWXO)
     * @param randomSeed     random_seed for ${_RANDOM}, null = time based
     * @param includeChecks  include_check options in effect (readable, match, wildcard_match, brace_match);
     *                       accepted, not implemented
     * @param iprouteUsrDir  iproute_usr_dir, null = /usr/share/iproute2 (after 2.2.7)
     * @param iprouteEtcDir  iproute_etc_dir, null = /etc/iproute2 (after 2.2.7)
     */
    public record MiscSettings(int umask, Long randomSeed, List<String> includeChecks, String iprouteUsrDir,
                               String iprouteEtcDir) {
        public static final int DEFAULT_UMASK = 0177;

        public MiscSettings {
            includeChecks = List.copyOf(includeChecks);
        }

        public static MiscSettings defaults() {
            return new MiscSettings(DEFAULT_UMASK, null, List.of(), null, null);
        }
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
