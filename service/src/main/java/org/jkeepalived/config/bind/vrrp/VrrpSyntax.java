package org.jkeepalived.config.bind.vrrp;

import java.util.List;
import org.jkeepalived.config.syntax.Syntax;

/**
 * The keyword table of the VRRP sections: vrrp_instance, vrrp_sync_group and the top-level static
 * items (keepalived.conf(5) and keepalived's parser, HEAD's language). VMAC/ipvlan, kernel buffer sizes,
 * linkbeat, BFD tracking and auth_hmac are accepted but not implemented.
 */
public final class VrrpSyntax {
    private VrrpSyntax() {
    }

    public static void declare(Syntax root) {
        root.block("vrrp_instance", VrrpSyntax::instance);
        root.block("vrrp_sync_group", g -> g.list("group").with(VrrpSyntax::trackers).with(VrrpSyntax::notifies)
                .leaf("global_tracking").leaf("sync_group_tracking_weight"));
        root.list("static_ipaddress").list("static_routes").list("static_rules");
        root.block("track_group", t -> t.list("group"));
        root.block("garp_group", g -> g.leaf("garp_interval").leaf("gna_interval").leaf("interface")
                .list("interfaces"));
        root.listNotImplemented("linkbeat_interfaces");
        root.list("interface_up_down_delays");
    }

    private static void instance(Syntax b) {
        b.leaf("state").leaf("interface").leaf("vrf").leaf("dont_track_primary")
                .leaf("mcast_src_ip").leaf("unicast_src_ip").leaf("track_src_ip")
                .leaf("virtual_router_id").leaf("version").leaf("priority").leaf("advert_int")
                .list("virtual_ipaddress").list("virtual_ipaddress_excluded").leaf("no_virtual_ipaddress")
                .list("virtual_routes").list("virtual_rules")
                .list("unicast_peer").leaf("unicast_ttl").leaf("unicast_fault_no_peer").leaf("check_unicast_src")
                .leaf("old_unicast_checksum").leaf("mcast_dst_ip").leaf("native_ipv6")
                .block("authentication", a -> a.leaf("auth_type").leaf("auth_pass"))
                .leaf("nopreempt").leaf("preempt").leaf("preempt_delay").leaf("accept").leaf("no_accept")
                .leaf("skip_check_adv_addr").leaf("strict_mode").leaf("lower_prio_no_advert")
                .leaf("higher_prio_send_advert").leaf("v3_checksum_as_v2").leaf("owner_ignore_adverts")
                .leaf("timer_expired_backup", "thread_timer_expired").leaf("debug")
                .leaf("notify_master_rx_lower_pri").leaf("notify_deleted").leaf("lvs_sync_daemon_interface")
                .leaf("garp_master_delay").leaf("garp_master_repeat").leaf("garp_master_refresh")
                .leaf("garp_master_refresh_repeat").leaf("garp_lower_prio_delay").leaf("garp_lower_prio_repeat")
                .leaf("garp_extra_if", "vmac_garp_intvl").leaf("down_timer_adverts").leaf("promote_secondaries")
                .with(VrrpSyntax::trackers).with(VrrpSyntax::notifies)
                .leafNotImplemented("use_vmac").leafNotImplemented("use_vmac_addr")
                .leafNotImplemented("vmac_xmit_base").leafNotImplemented("use_ipvlan")
                .leafNotImplemented("kernel_rx_buf_size").leafNotImplemented("linkbeat_use_polling")
                .block("auth_hmac", List.of(), false, h -> h.leaf("key").leaf("active_key").leaf("anti_replay")
                        .leaf("time_window").leaf("mode"));
    }

    private static void trackers(Syntax b) {
        b.list("track_interface").list("track_script").list("track_file").list("track_process")
                .listNotImplemented("track_bfd");
    }

    private static void notifies(Syntax b) {
        b.leaf("notify_master").leaf("notify_backup").leaf("notify_fault").leaf("notify_stop").leaf("notify")
                .leaf("notify_priority_changes").leaf("smtp_alert");
    }
}
