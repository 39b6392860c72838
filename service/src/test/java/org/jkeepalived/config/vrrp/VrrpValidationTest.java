package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.vrrp.VrrpConf.hasFinding;
import static org.jkeepalived.config.vrrp.VrrpConf.inst;
import static org.jkeepalived.config.vrrp.VrrpConf.load;

import java.util.stream.Stream;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vrrp_instance / sync group / static-item check, with the message and the {@code -t} exit code
 * keepalived 2.2.7 gives for it (each case was run through {@code keepalived -t} in a namespace with
 * eth0..eth3; FakeSystemView has the same interfaces).
 */
class VrrpValidationTest {

    static Stream<Arguments> cases() {
        String i2 = inst("VI_2", 2, "", "10.0.0.2");
        String i3 = inst("VI_3", 3, "", "10.0.0.3");
        return Stream.of(
                // name and identity
                c("no name", inst("").replace("VI_1 ", ""), "vrrp_instance must have a name", 5),
                c("duplicate name", inst("") + inst("VI_1", 2, "", "10.0.0.2"), "vrrp instance VI_1 already defined", 5),
                c("no VRID", inst("").replace("virtual_router_id 1\n", ""), "(VI_1) the virtual router id must be set", 5),
                c("VRID 0", inst("VI_1", 0, "", "10.0.0.1"), "(VI_1): VRID '0' not valid - must be between 1 & 255", 5),
                c("VRID 300", inst("VI_1", 300, "", "10.0.0.1"), "number '300' outside range [1, 255]", 5),
                c("duplicate VRID", inst("") + inst("VI_2", 1, "", "10.0.0.2"),
                        "VI_1 and VI_2 both use VRID 1 with IPv4 on interface eth0", 5),
                c("no VIP", inst("VI_1", 1, ""), "(VI_1) No VIP specified; at least one is sensible", 5),
                c("no VIP strict", inst("VI_1", 1, "strict_mode"), "(VI_1) No VIP specified; at least one is required", 5),
                // interfaces
                c("no interface", inst("").replace("interface eth0\n", ""), "(VI_1) Unknown interface!", 5),
                c("missing interface", inst("").replace("eth0", "eth9"),
                        "WARNING - interface eth9 for vrrp_instance VI_1 doesn't exist", 5),
                c("missing interface summary", inst("").replace("eth0", "eth9"),
                        "Non-existent interface specified in configuration", 5),
                c("loopback", inst("").replace("eth0", "lo"),
                        "(VI_1) cannot use a loopback interface (lo) for vrrp - ignoring", 5),
                c("tracked interface missing", inst("track_interface {\neth9\n}"),
                        "(VI_1) tracked interface eth9 doesn't exist", 5),
                c("VIP device missing", inst("VI_1", 1, "", "192.168.200.17 dev eth9"),
                        "WARNING - interface eth9 for ip address 192.168.200.17 doesn't exist", 5),
                c("route device missing", inst("virtual_routes {\n10.9.9.0/24 dev eth9\n}"),
                        "WARNING - interface eth9 for VROUTE nexthop doesn't exist", 5),
                c("rule iif missing", inst("virtual_rules {\nfrom 10.9.9.0/24 table 5 iif eth9 preference 5\n}"),
                        "WARNING - interface eth9 for rule doesn't exist", 5),
                c("vrf with interface", inst("vrf eth1"), "(VI_1) Cannot specify VRF interface and interface - ignoring", 5),
                c("lvs_sync_daemon_interface", inst("lvs_sync_daemon_interface eth1"),
                        "(VI_1) Specifying lvs_sync_daemon_interface against a vrrp is deprecated.", 5),
                // state / priority
                c("unknown state", inst("state master"), "(VI_1) unknown state 'master', defaulting to BACKUP", 5),
                c("priority 0", inst("priority 0"), "(VI_1) Priority not valid! must be between 1 & 255. Using default 100", 5),
                c("priority 256", inst("priority 256"), "number '256' outside range [1, 255]", 5),
                c("nopreempt with MASTER", inst("state MASTER\npriority 100\nnopreempt"),
                        "(VI_1) Warning - nopreempt will not work with initial state MASTER - clearing", 5),
                c("nopreempt with owner", inst("priority 255\nnopreempt"),
                        "(VI_1) nopreempt is incompatible with priority 255. resetting nopreempt", 5),
                c("preempt_delay with MASTER", inst("state MASTER\npreempt_delay 5"),
                        "(VI_1) Warning - preempt delay will not work with initial state MASTER - clearing", 5),
                c("preempt_delay 1001", inst("preempt_delay 1001"), "(VI_1) Preempt_delay not valid! must be between 0-1000", 5),
                // authentication
                c("AH with MASTER", inst("state MASTER\npriority 100\nauthentication {\nauth_type AH\nauth_pass 1111\n}"),
                        "(VI_1) Initial state master is incompatible with AH authentication - clearing", 5),
                c("auth v3", inst("version 3\nauthentication {\nauth_type PASS\nauth_pass 1\n}"),
                        "(VI_1) VRRP version 3 does not support authentication. Ignoring.", 5),
                c("auth strict", inst("strict_mode\nauthentication {\nauth_type PASS\nauth_pass 1\n}"),
                        "(VI_1) Strict mode does not support authentication. Ignoring.", 5),
                c("auth no password", inst("authentication {\nauth_type PASS\n}"),
                        "(VI_1) Authentication specified but no password given. Ignoring", 5),
                c("auth unknown type", inst("authentication {\nauth_type FOO\nauth_pass 1\n}"),
                        "(VI_1) unknown authentication type 'FOO'", 5),
                c("auth_pass too long", inst("authentication {\nauth_type PASS\nauth_pass 123456789\n}"),
                        "Truncating auth_pass to 8 characters", 5),
                // version and advert_int
                c("version 4", inst("version 4"), "(VI_1): Version must be either 2 or 3", 5),
                c("version 2 after IPv6", inst("VI_1", 1, "", "2001:db8::1").replace("    }\n}", "    }\n    version 2\n}"),
                        "(VI_1) vrrp_version 2 conflicts with configured or deduced version 3; ignoring.", 5),
                c("advert_int 0", inst("advert_int 0"), "(VI_1) Advert interval (0) not valid! Must be > 0 - ignoring", 5),
                c("advert_int v2 fraction", inst("advert_int 1.5"),
                        "(VI_1) VRRPv2 advertisement interval 1.500000s must be an integer. rounding", 5),
                c("advert_int v3 units", inst("version 3\nadvert_int 0.555"),
                        "(VI_1) VRRPv3 advertisement interval 0.555000s must be in units of 10ms - rounding", 5),
                c("advert_int v3 range", inst("version 3\nadvert_int 45"),
                        "(VI_1) VRRPv3 advertisement interval 45.00s is out of range. Must be less than 40.96s.", 5),
                // strict mode
                c("strict MASTER non-owner", inst("strict_mode\nstate MASTER\npriority 100"),
                        "(VI_1) State MASTER must match being address owner", 5),
                c("strict preempt_delay", inst("strict_mode\npreempt_delay 3"),
                        "(VI_1) preempt_delay is incompatible with strict mode - resetting", 5),
                c("strict accept v2", inst("strict_mode\naccept"),
                        "(VI_1) warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting", 5),
                c("strict higher_prio_send_advert", inst("strict_mode\nhigher_prio_send_advert"),
                        "(VI_1) strict mode requires higher_prio_send_advert to be clear. resetting", 5),
                c("strict IPv6 first VIP", inst("VI_1", 1, "strict_mode", "2001:db8::1"),
                        "(VI_1) the first IPv6 VIP address must be link local", 5),
                c("strict IPv6 version 2", inst("VI_1", 1, "strict_mode\nversion 2", "fe80::1"),
                        "(VI_1) cannot use IPv6 with VRRP version 2; setting version 3", 5),
                c("strict_mode bad", inst("strict_mode maybe"), "(VI_1) invalid strict_mode maybe specified", 5),
                // unicast
                c("unicast keyword without peers", inst("unicast_src_ip 10.0.0.5"),
                        "(VI_1) A unicast keyword has been specified without any unicast peers.", 5),
                c("unicast_ttl without peers", inst("unicast_ttl 5"),
                        "(VI_1): Cannot use unicast_ttl without unicast peers - resetting", 5),
                c("unicast_ttl 256", inst("unicast_ttl 256\nunicast_peer {\n10.0.0.9\n}"),
                        "(VI_1): TTL '256' not valid - must be between 0 & 255", 5),
                c("bad peer", inst("unicast_peer {\n10.0.0.\n}"),
                        "Configuration error: VRRP instance[VI_1] malformed unicast peer address[10.0.0.]. Skipping...", 5),
                c("peer family", inst("VI_1", 1, "", "10.0.0.1").replace("    }\n}", "    }\n    unicast_peer {\n2001:db8::9\n}\n}"),
                        "Configuration error: VRRP instance[VI_1] and unicast peer address[2001:db8::9] MUST be of the same family", 5),
                c("peer ttl range", inst("unicast_peer {\n10.0.0.9 min_ttl 30 max_ttl 20\n}"),
                        "(VI_1) min_ttl 30 > max_ttl 20 - all packets will be discarded", 5),
                c("bad source", inst("mcast_src_ip 10.0.0."),
                        "Configuration error: VRRP instance[VI_1] malformed src address[10.0.0.]. Skipping...", 5),
                c("mcast_dst family", inst("VI_1", 1, "native_ipv6\nmcast_dst_ip 224.0.0.19", "fe80::1"),
                        "(VI_1) mcast dest address 224.0.0.19 MUST match VRRP instance family. Skipping...", 5),
                // other keywords
                c("garp_master_repeat 0", inst("garp_master_repeat 0"),
                        "(VI_1): garp_master_repeat must be greater than 0, setting to 1", 5),
                c("garp_master_refresh -1", inst("garp_master_refresh -1"), "negative number '-1'", 5),
                c("garp_extra_if range", inst("garp_extra_if 100000"), "(VI_1): garp_extra_if '100000' invalid - ignoring", 5),
                c("vmac_garp_intvl", inst("vmac_garp_intvl 10"),
                        "Keyword \"vmac_garp_intvl\" is deprecated - please use \"garp_extra_if\"", 5),
                c("down_timer_adverts", inst("down_timer_adverts 101"), "(VI_1): Invalid down_timer_adverts [1:100] '101'", 5),
                c("debug", inst("debug 9"), "(VI_1) Debug value '9' not valid; must be between 0-4", 5),
                c("smtp_alert", inst("smtp_alert maybe"), "Invalid vrrp_instance smtp_alert parameter maybe", 5),
                c("kernel_rx_buf_size", inst("kernel_rx_buf_size abc"), "(VI_1) invalid kernel_rx_buf_size specified", 5),
                c("linkbeat_use_polling", inst("linkbeat_use_polling"),
                        "(VI_1) 'linkbeat_use_polling' in vrrp instance deprecated - use linkbeat_interfaces block", 5),
                c("vmac_xmit_base without vmac", inst("vmac_xmit_base"), "(VI_1) vmac_xmit_base is only valid with a vmac", 5),
                c("ipvlan without address", inst("use_ipvlan"),
                        "(VI_1) IPv4 ipvlan requires a source ip address to be configured.", 5),
                c("VIP family", inst("VI_1", 1, "", "10.0.0.1", "2001:db8::1"),
                        "(VI_1): address family must match VRRP instance [2001:db8::1] - ignoring", 5),
                // trackers
                c("track script not found", inst("track_script {\ncheck_VI_0\n}"),
                        "(VI_1) track script check_VI_0 not found, ignoring...", 5),
                c("track process not found", inst("track_process {\nnop\n}"), "(VI_1) track process nop not found, ignoring...", 5),
                c("track bfd not found", inst("track_bfd {\nnobfd\n}"), "(VI_1) track bfd nobfd not found, ignoring...", 5),
                c("duplicate track_interface", inst("track_interface {\neth1\neth1 weight 5\n}"),
                        "(VI_1) duplicate track_interface eth1 - ignoring", 5),
                c("track_interface weight", inst("track_interface {\neth1 weight 300\n}"),
                        "(VI_1) weight 300 for eth1 must be between [-253..253] inclusive. Ignoring...", 5),
                c("track_interface option", inst("track_interface {\neth1 foo\n}"),
                        "(VI_1) unknown track_interface eth1 option foo - ignoring", 5),
                c("track_interface weight option", inst("track_interface {\neth1 weight 5 noreverse\n}"),
                        "(VI_1) unknown track_interace eth1 weight option noreverse - ignoring", 5),
                c("track_interface weight without value", inst("track_interface {\neth1 weight\n}"),
                        "(VI_1) weight without value specified for track_interface eth1 - ignoring", 5),
                c("owner weighted interface", inst("priority 255\ntrack_interface {\neth1 weight 10\n}"),
                        "(VI_1) ignoring eth1 tracked interface due to address owner", 5),
                // sync groups
                c("sync group of one", "vrrp_sync_group G {\n group {\n VI_1\n }\n}\n" + inst(""),
                        "Sync group G has only 1 virtual router(s) - this probably isn't what you want", 5),
                c("sync group empty", "vrrp_sync_group H {\n group {\n NOPE\n }\n}\n" + inst(""),
                        "Sync group H, no matching virtual router found in group declaration - removing", 5),
                c("sync group unknown member", "vrrp_sync_group H {\n group {\n VI_1\n NOPE\n }\n}\n" + inst(""),
                        "Virtual router NOPE specified in sync group H doesn't exist - ignoring", 5),
                c("instance in two groups", "vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n}\n"
                        + "vrrp_sync_group H {\n group {\n VI_1\n VI_3\n }\n}\n" + inst("") + i2 + i3,
                        "Virtual router VI_1 cannot exist in more than one sync group; ignoring H", 5),
                c("sync group without list", "vrrp_sync_group VG1 {\n smtp_alert\n}\n" + inst(""),
                        "Sync group VG1 has no virtual router(s). removing", 5),
                c("sync group without name", "vrrp_sync_group {\n group {\n VI_1\n VI_2\n }\n}\n" + inst("") + i2,
                        "vrrp_sync_group must have a name - skipping", 5),
                c("two group lists", "vrrp_sync_group G {\n group {\n VI_1\n }\n group {\n VI_2\n }\n}\n" + inst("") + i2,
                        "Group list already specified for sync group G", 5),
                c("global_tracking", "vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n global_tracking\n}\n" + inst("") + i2,
                        "(G) global_tracking is deprecated. Use track_interface/script/file on the sync group", 5),
                c("weighted interface in sync group", "vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n}\n"
                        + inst("track_interface {\neth1 weight 10\n}") + i2,
                        "(VI_1) ignoring eth1 tracked interface weight due to SYNC group", 5),
                // parameters keepalived cannot do without: it stops reading (exit 2)
                c("state without value", inst("state"),
                        "*** Configuration line starting `state` is missing a parameter after keyword `state` at word position 2", 2),
                c("priority without value", inst("priority"), "is missing a parameter after keyword `priority`", 2),
                c("notify without script", inst("notify_master"), "is missing a parameter after keyword `notify_master`", 2),
                c("route word without value", inst("virtual_routes {\n192.168.1.0/24 dev eth1 src\n}"),
                        "*** Configuration line starting `192.168.1.0/24` is missing a parameter after keyword `src` at word position 5", 2));
    }

    private static Arguments c(String name, String config, String message, int exit) {
        return Arguments.of(name, config, message, exit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsLikeKeepalived(String name, String config, String message, int exit) {
        LoadResult r = load(config);
        hasFinding(r, exit == 2 ? Severity.ABORT : Severity.ERROR, message);
        assertThat(r.exitCode()).as(ConfigFixture.messages(r)).isEqualTo(exit);
    }
}
