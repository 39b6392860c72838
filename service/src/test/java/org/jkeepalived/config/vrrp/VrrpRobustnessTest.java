package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.FakeSystemView;
import org.junit.jupiter.api.Test;

/** Bad input is reported, never thrown: seeded mutations of a config that uses every VRRP/tracking block. */
class VrrpRobustnessTest {
    private static final String BASE = """
            vrrp_script chk { script "/bin/true a" interval 2 timeout 3 weight -5 reverse rise 2 fall 2 user root init_fail }
            track_file tf { file /run/tf weight 3 reverse init_file 5 overwrite }
            vrrp_track_process tp { process sshd -D param_match initial weight 4 quorum 1 quorum_max 3 delay 1.5 full_command }
            bfd_instance b1 { neighbor_ip 10.0.0.9 source_ip 10.0.0.8 min_rx 20 weight 3 reverse vrrp }
            track_group TG { group { VI_1 VI_2 } }
            static_ipaddress { 192.168.1.1/24 dev eth1 brd + scope link label eth1:5 track_group TG }
            static_routes { 192.168.2.0/24 via 192.168.1.100 dev eth1 table 5 metric 3 mtu lock 1400 track_group TG }
            static_rules { from 192.168.2.0/24 to 10.0.0.0/8 table 1 iif eth1 fwmark 0x10/0xff preference 10 track_group TG }
            garp_group { garp_interval 0.5 gna_interval 1 interfaces { eth2 eth3 } }
            linkbeat_interfaces { eth0 MII }
            interface_up_down_delays { eth0 1 2 }
            vrrp_sync_group G { group { VI_1 VI_2 } track_interface { eth3 weight 4 } track_script { chk weight 2 }
              notify "/bin/n a" smtp_alert sync_group_tracking_weight }
            vrrp_instance VI_1 {
              state MASTER interface eth0 virtual_router_id 51 priority 150 advert_int 1.5 version 3
              authentication { auth_type PASS auth_pass secret }
              unicast_src_ip 10.0.0.5 unicast_peer { 10.0.0.6 min_ttl 2 max_ttl 250 10.0.0.7 } unicast_ttl 9
              virtual_ipaddress { 10.0.0.1/24 brd - dev eth1 scope site label eth1:1 peer 10.0.0.9 preferred_lft 60 }
              virtual_ipaddress_excluded { 2001:db8::1/64 dev eth2 no_track }
              virtual_routes { src 10.0.0.1 to 10.1.0.0/16 via 10.0.0.254 dev eth1 nexthop via 10.0.0.2 dev eth2 weight 3 onlink
                encap mpls 100 realms 1/2 }
              virtual_rules { not from all to 10.2.0.0/16 goto 5 uidrange 1-2 sport 1-2 preference 9 }
              track_interface { eth1 weight 10 reverse } track_script { chk } track_file { tf weight 2 } track_process { tp }
              track_bfd { b1 } nopreempt preempt_delay 4 garp_master_delay 3 garp_extra_if all 5 strict_mode off
              notify_master "/bin/m x" root notify_master_rx_lower_pri /bin/l mcast_dst_ip 224.0.0.19 use_vmac vrf eth0
            }
            vrrp_instance VI_2 { interface eth0 virtual_router_id 52 virtual_ipaddress { fe80::1 2001:db8::2 } }
            """;

    @Test
    void mutatedConfigsNeverThrow() {
        List<String> words = new ArrayList<>(Arrays.asList(BASE.split("[ \\n]+")));
        Random random = new Random(20240611L);
        String[] junk = {"{", "}", "", "-1", "999999999999", "abc", "10.0.0.", "::", "eth9", "lo", "\"", "weight",
                "dev", "via", "nexthop", "inet6", "0.0.0.0/0", "track_group", "/", "all", "lock"};
        for (int n = 0; n < 1000; n++) {
            List<String> w = new ArrayList<>(words);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(w.size());
                switch (random.nextInt(3)) {
                    case 0 -> w.remove(at);
                    case 1 -> w.set(at, junk[random.nextInt(junk.length)]);
                    default -> w.add(at, junk[random.nextInt(junk.length)]);
                }
            }
            String text = rejoin(w, random);
            assertThatCode(() -> ConfigFixture.load(text, new FakeSystemView())).as(text).doesNotThrowAnyException();
        }
    }

    /** Puts the words back on lines, breaking at braces and now and then elsewhere. */
    private static String rejoin(List<String> words, Random random) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append(w);
            b.append(w.equals("{") || w.equals("}") || random.nextInt(6) == 0 ? '\n' : ' ');
        }
        return b.toString();
    }
}
