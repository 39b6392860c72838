package org.jkeepalived.config.bind.global;

import org.jkeepalived.config.syntax.Syntax;

/**
 * The keyword table of global_defs and of the top-level process keywords: every word keepalived's parser
 * accepts there (2.2.7 and HEAD, see the reference's Appendix A/B), with its aliases. Keywords the product
 * acts on are declared implemented; the others (DBus, firewall, process tuning, netlink buffers, VMAC naming,
 * namespaces, linkbeat, some reload helpers) are accepted and logged once as not implemented.
 */
public final class GlobalKeywords {
    private GlobalKeywords() {
    }

    public static void declare(Syntax root) {
        root.leafNotImplemented("net_namespace")
                .leafNotImplemented("net_namespace_ipvs")
                .leafNotImplemented("namespace_with_ipsets")
                .leaf("instance")
                .leaf("use_pid_dir")
                .leafNotImplemented("linkbeat_use_polling")
                .leaf("child_wait_time")
                .block("global_defs", GlobalKeywords::globalDefs);
    }

    private static void globalDefs(Syntax g) {
        // identity and e-mail
        g.leaf("router_id")
                .list("notification_email")
                .leaf("notification_email_from")
                .leaf("smtp_server")
                .leaf("smtp_helo_name")
                .leaf("smtp_connect_timeout")
                .leaf("smtp_alert")
                .leaf("smtp_alert_vrrp")
                .leaf("smtp_alert_checker")
                .leaf("no_email_faults")
                .leaf("no_checker_emails")
                .leaf("checker_log_all_failures");
        // VRRP defaults
        g.leaf("vrrp_mcast_group4")
                .leaf("vrrp_mcast_group6")
                .leaf("default_interface")
                .leaf("vrrp_version")
                .leaf("vrrp_strict")
                .leaf("vrrp_check_unicast_src")
                .leaf("vrrp_skip_check_adv_addr")
                .leaf("vrrp_lower_prio_no_advert")
                .leaf("vrrp_higher_prio_send_advert")
                .leaf("vrrp_down_timer_adverts")
                .leaf("vrrp_garp_master_delay")
                .leaf("vrrp_garp_master_repeat")
                .leaf("vrrp_garp_lower_prio_delay")
                .leaf("vrrp_garp_lower_prio_repeat")
                .leaf("vrrp_garp_master_refresh")
                .leaf("vrrp_garp_master_refresh_repeat")
                .leaf("vrrp_garp_interval")
                .leaf("vrrp_gna_interval")
                .leaf("vrrp_min_garp")
                .leaf("vrrp_garp_extra_if", "vrrp_vmac_garp_intvl")
                .leaf("vrrp_startup_delay")
                .leaf("vrrp_delay_after_boot")
                .leaf("v3_checksum_as_v2")
                .leaf("vrrp_owner_ignore_adverts")
                .leaf("vrrp_notify_priority_changes")
                .leaf("dynamic_interfaces")
                .leaf("log_unknown_vrids")
                .leafNotImplemented("vmac_prefix")
                .leafNotImplemented("vmac_addr_prefix");
        // LVS
        g.leaf("lvs_sync_daemon")
                .leaf("lvs_timeouts")
                .leaf("lvs_flush")
                .leaf("lvs_flush_on_stop", "lvs_flush_onstop");
        // scripts and FIFOs
        g.leaf("script_user")
                .leaf("enable_script_security")
                .leafNotImplemented("set_supplementary_groups")
                .leafNotImplemented("use_symlink_paths")
                .leaf("startup_script")
                .leaf("startup_script_timeout")
                .leaf("shutdown_script")
                .leaf("shutdown_script_timeout")
                .leaf("notify_fifo")
                .leaf("notify_fifo_script")
                .leaf("vrrp_notify_fifo")
                .leaf("vrrp_notify_fifo_script")
                .leaf("lvs_notify_fifo")
                .leaf("lvs_notify_fifo_script")
                .leaf("fifo_write_vrrp_states_on_reload")
                .leaf("rs_init_notifies");
        // SNMP and DBus
        g.leaf("snmp_socket")
                .leaf("enable_snmp_vrrp", "enable_snmp_keepalived")
                .leaf("enable_snmp_checker")
                .leaf("enable_snmp_rfc")
                .leaf("enable_snmp_rfcv2")
                .leaf("enable_snmp_rfcv3")
                .leaf("enable_traps")
                .leaf("snmp_vs_stats_update_interval")
                .leaf("snmp_rs_stats_update_interval")
                .leafNotImplemented("enable_dbus")
                .leafNotImplemented("dbus_service_name")
                .leafNotImplemented("dbus_no_interface_name");
        // process tuning
        g.leaf("vrrp_priority").leaf("vrrp_rt_priority"); // the VRRP threads' nice value / SCHED_RR priority
        for (String p : new String[] {"vrrp", "checker", "bfd"}) {
            if (!p.equals("vrrp")) {
                g.leafNotImplemented(p + "_priority").leafNotImplemented(p + "_rt_priority");
            }
            g.leafNotImplemented(p + "_no_swap")
                    .leafNotImplemented(p + "_cpu_affinity")
                    .leafNotImplemented(p + "_rlimit_rttime", p + "_rlimit_rtime");
        }
        g.leafNotImplemented("max_auto_priority")
                .leafNotImplemented("min_auto_priority_delay")
                .leafNotImplemented("process_names")
                .leafNotImplemented("process_name")
                .leafNotImplemented("vrrp_process_name")
                .leafNotImplemented("checker_process_name", "lvs_process_name")
                .leafNotImplemented("bfd_process_name");
        // netlink and socket buffers
        for (String b : new String[] {"vrrp_netlink_cmd_rcv_bufs", "vrrp_netlink_monitor_rcv_bufs",
            "lvs_netlink_cmd_rcv_bufs", "lvs_netlink_monitor_rcv_bufs", "process_monitor_rcv_bufs"}) {
            g.leafNotImplemented(b).leafNotImplemented(b + "_force");
        }
        g.leafNotImplemented("vrrp_rx_bufs_policy")
                .leafNotImplemented("vrrp_rx_bufs_multiplier");
        // firewall
        g.leafNotImplemented("nftables")
                .leafNotImplemented("nftables_priority")
                .leafNotImplemented("nftables_counters")
                .leafNotImplemented("nftables_ifindex")
                .leafNotImplemented("nftables_ipvs")
                .leafNotImplemented("nftables_ipvs_priority")
                .leafNotImplemented("nftables_ipvs_start_fwmark")
                .leafNotImplemented("vrrp_iptables")
                .leafNotImplemented("vrrp_ipsets")
                .leafNotImplemented("disable_local_igmp");
        // reload management, dumps, misc
        g.leaf("reload_check_config")
                .leafNotImplemented("reload_time_file")
                .leafNotImplemented("reload_repeat")
                .leafNotImplemented("reload_file")
                .leafNotImplemented("config_save_dir")
                .leafNotImplemented("tmp_config_directory")
                .leaf("data_use_instance")
                .leaf("state_dump_file")
                .leaf("stats_dump_file")
                .leaf("json_dump_file")
                .leaf("json_version")
                .leafNotImplemented("umask")
                .leafNotImplemented("random_seed")
                .leafNotImplemented("include_check")
                .leafNotImplemented("iproute_usr_dir")
                .leafNotImplemented("iproute_etc_dir");
    }
}
