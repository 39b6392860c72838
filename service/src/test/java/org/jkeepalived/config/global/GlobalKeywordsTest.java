package org.jkeepalived.config.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.bind.GlobalBinder;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.syntax.Keyword;
import org.jkeepalived.config.syntax.Syntax;
import org.junit.jupiter.api.Test;

/** The keyword table covers every global_defs and top-level process word of keepalived (Appendix B). */
class GlobalKeywordsTest {
    private final Keyword root = declared();

    private static Keyword declared() {
        Syntax s = Syntax.root();
        GlobalBinder.declare(s);
        return s.keyword();
    }

    @Test
    void topLevelProcessKeywords() {
        assertThat(root.children().keySet()).containsExactlyInAnyOrder("global_defs", "net_namespace",
                "net_namespace_ipvs", "namespace_with_ipsets", "instance", "use_pid_dir", "linkbeat_use_polling",
                "child_wait_time");
    }

    @Test
    void everyGlobalDefsWordAndAlias() {
        List<String> words = List.of("bfd_cpu_affinity", "bfd_no_swap", "bfd_priority", "bfd_process_name",
                "bfd_rlimit_rtime", "bfd_rlimit_rttime", "bfd_rt_priority", "checker_cpu_affinity",
                "checker_log_all_failures", "checker_no_swap", "checker_priority", "checker_process_name",
                "checker_rlimit_rtime", "checker_rlimit_rttime", "checker_rt_priority", "config_save_dir",
                "data_use_instance", "dbus_no_interface_name", "dbus_service_name", "default_interface",
                "disable_local_igmp", "dynamic_interfaces", "enable_dbus", "enable_script_security",
                "enable_snmp_checker", "enable_snmp_keepalived", "enable_snmp_rfc", "enable_snmp_rfcv2",
                "enable_snmp_rfcv3", "enable_snmp_vrrp", "enable_traps", "fifo_write_vrrp_states_on_reload",
                "include_check", "iproute_etc_dir", "iproute_usr_dir", "json_dump_file", "json_version",
                "log_unknown_vrids", "lvs_flush", "lvs_flush_on_stop", "lvs_flush_onstop", "lvs_netlink_cmd_rcv_bufs",
                "lvs_netlink_cmd_rcv_bufs_force", "lvs_netlink_monitor_rcv_bufs", "lvs_netlink_monitor_rcv_bufs_force",
                "lvs_notify_fifo", "lvs_notify_fifo_script", "lvs_process_name", "lvs_sync_daemon", "lvs_timeouts",
                "max_auto_priority", "min_auto_priority_delay", "nftables", "nftables_counters", "nftables_ifindex",
                "nftables_ipvs", "nftables_ipvs_priority", "nftables_ipvs_start_fwmark", "nftables_priority",
                "no_checker_emails", "no_email_faults", "notification_email", "notification_email_from",
                "notify_fifo", "notify_fifo_script", "process_monitor_rcv_bufs", "process_monitor_rcv_bufs_force",
                "process_name", "process_names", "random_seed", "reload_check_config", "reload_file", "reload_repeat",
                "reload_time_file", "router_id", "rs_init_notifies", "script_user", "set_supplementary_groups",
                "shutdown_script", "shutdown_script_timeout", "smtp_alert", "smtp_alert_checker", "smtp_alert_vrrp",
                "smtp_connect_timeout", "smtp_helo_name", "smtp_server", "snmp_rs_stats_update_interval",
                "snmp_socket", "snmp_vs_stats_update_interval", "startup_script", "startup_script_timeout",
                "state_dump_file", "stats_dump_file", "tmp_config_directory", "umask", "use_symlink_paths",
                "v3_checksum_as_v2", "vmac_addr_prefix", "vmac_prefix", "vrrp_check_unicast_src",
                "vrrp_cpu_affinity", "vrrp_delay_after_boot", "vrrp_down_timer_adverts", "vrrp_garp_extra_if",
                "vrrp_garp_interval", "vrrp_garp_lower_prio_delay", "vrrp_garp_lower_prio_repeat",
                "vrrp_garp_master_delay", "vrrp_garp_master_refresh", "vrrp_garp_master_refresh_repeat",
                "vrrp_garp_master_repeat", "vrrp_gna_interval", "vrrp_higher_prio_send_advert", "vrrp_ipsets",
                "vrrp_iptables", "vrrp_lower_prio_no_advert", "vrrp_mcast_group4", "vrrp_mcast_group6",
                "vrrp_min_garp", "vrrp_netlink_cmd_rcv_bufs", "vrrp_netlink_cmd_rcv_bufs_force",
                "vrrp_netlink_monitor_rcv_bufs", "vrrp_netlink_monitor_rcv_bufs_force", "vrrp_no_swap",
                "vrrp_notify_fifo", "vrrp_notify_fifo_script", "vrrp_notify_priority_changes",
                "vrrp_owner_ignore_adverts", "vrrp_priority", "vrrp_process_name", "vrrp_rlimit_rtime",
                "vrrp_rlimit_rttime", "vrrp_rt_priority", "vrrp_rx_bufs_multiplier", "vrrp_rx_bufs_policy",
                "vrrp_skip_check_adv_addr", "vrrp_startup_delay", "vrrp_strict", "vrrp_version",
                "vrrp_vmac_garp_intvl");
        assertThat(root.children().get("global_defs").children().keySet()).containsExactlyInAnyOrderElementsOf(words);
    }

    @Test
    void aliasesResolveToTheCanonicalKeyword() {
        Keyword g = root.children().get("global_defs");
        assertThat(g.children().get("enable_snmp_keepalived").name()).isEqualTo("enable_snmp_vrrp");
        assertThat(g.children().get("lvs_flush_onstop").name()).isEqualTo("lvs_flush_on_stop");
        assertThat(g.children().get("lvs_process_name").name()).isEqualTo("checker_process_name");
        assertThat(g.children().get("vrrp_vmac_garp_intvl").name()).isEqualTo("vrrp_garp_extra_if");
        assertThat(g.children().get("bfd_rlimit_rtime").name()).isEqualTo("bfd_rlimit_rttime");
    }

    @Test
    void outOfScopeKeywordsAreLoggedOnceAsNotImplemented() {
        LoadResult r = GlobalFixture.load("enable_dbus\nchecker_priority -5\nchecker_priority -6");
        assertThat(r.exitCode()).isZero();
        assertThat(r.diagnostics()).filteredOn(d -> d.severity() == Severity.NOTE).extracting(d -> d.message())
                .containsExactly("'enable_dbus' accepted but not implemented",
                        "'checker_priority' accepted but not implemented");
        assertThat(root.children().get("global_defs").children().get("vrrp_rt_priority").implemented()).isTrue();
        assertThat(root.children().get("global_defs").children().get("smtp_server").implemented()).isTrue();
        assertThat(root.children().get("global_defs").children().get("enable_snmp_vrrp").implemented()).isTrue();
    }

    @Test
    void theOriginalRecordShapesStillConstruct() {
        // the VRRP and LVS work compiles against these constructors
        GlobalDefs d = GlobalDefs.defaults("h");
        GlobalDefs old = new GlobalDefs(d.routerId(), d.smtp(), d.vrrp(), d.lvs(),
                new GlobalDefs.ScriptSettings(null, null, false, null, 10_000_000L, null, 10_000_000L),
                d.fifos(), new GlobalDefs.SnmpSettings(null, false, false, false, false, false),
                new GlobalDefs.ProcessSettings(null, null, false, 5, 0, 0, 0, 0),
                new GlobalDefs.DumpSettings("/tmp/keepalived.data", "/tmp/keepalived.stats", "/tmp/keepalived.json",
                        false));
        assertThat(old).isEqualTo(d);
        VrrpDefaults v = VrrpDefaults.keepalivedDefaults();
        assertThat(new VrrpDefaults(v.version(), v.mcastGroup4(), v.mcastGroup6(), v.defaultInterface(), v.strict(),
                v.checkUnicastSrc(), v.skipCheckAdvAddr(), v.lowerPrioNoAdvert(), v.higherPrioSendAdvert(),
                v.downTimerAdverts(), v.garpMasterDelayMicros(), v.garpMasterRepeat(), v.garpLowerPrioDelayMicros(),
                v.garpLowerPrioRepeat(), v.garpMasterRefreshMicros(), v.garpMasterRefreshRepeat(),
                v.garpIntervalMicros(), v.gnaIntervalMicros(), v.minGarp(), v.garpExtraIfMicros(), v.garpExtraIfAll(),
                v.startupDelayMicros(), v.v3ChecksumAsV2(), v.ownerIgnoreAdverts(), v.notifyPriorityChanges(),
                v.dynamicInterfaces(), v.allowIfChanges())).isEqualTo(v);
    }
}
