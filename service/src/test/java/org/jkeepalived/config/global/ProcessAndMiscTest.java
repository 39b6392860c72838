package org.jkeepalived.config.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.global.GlobalFixture.global;
import static org.jkeepalived.config.global.GlobalFixture.load;
import static org.jkeepalived.config.global.GlobalFixture.loadText;
import static org.jkeepalived.config.global.GlobalFixture.problems;

import java.util.List;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SNMP, DBus, process tuning, buffers, firewall, reload, dumps and the top-level process keywords. */
class ProcessAndMiscTest {

    private static GlobalDefs clean(String body) {
        LoadResult r = load(body);
        assertThat(problems(r)).as(body).isEmpty();
        return global(r);
    }

    @Test
    void snmpAndDbus() {
        GlobalDefs g = clean("snmp_socket tcp:localhost:705\nenable_snmp_keepalived\nenable_snmp_checker\n"
                + "enable_snmp_rfc\nenable_traps off\nsnmp_vs_stats_update_interval 0.5\n"
                + "enable_dbus\ndbus_service_name org.example.K1\ndbus_no_interface_name nif");
        assertThat(g.snmp()).isEqualTo(new GlobalDefs.SnmpSettings("tcp:localhost:705", true, true, true, true, true,
                500_000L, 0L));
        assertThat(g.dbus()).isEqualTo(new GlobalDefs.DbusSettings(true, "org.example.K1", "nif"));
        GlobalDefs v2 = clean("enable_snmp_rfcv2");
        assertThat(v2.snmp().enableRfcV2()).isTrue();
        assertThat(v2.snmp().enableRfcV3()).isFalse();
    }

    @Test
    void processTuning() {
        GlobalDefs.ProcessSettings p = clean("""
                vrrp_priority -20
                checker_priority 19
                bfd_priority +5
                vrrp_rt_priority 1
                checker_rt_priority 99
                vrrp_no_swap off
                bfd_no_swap
                vrrp_cpu_affinity 0
                checker_rlimit_rttime 1
                max_auto_priority
                min_auto_priority_delay 10000000
                process_names
                process_name kp
                lvs_process_name kc
                """).process();
        assertThat(List.of(p.vrrpPriority(), p.checkerPriority(), p.bfdPriority())).containsExactly(-20, 19, 5);
        assertThat(List.of(p.vrrpRtPriority(), p.checkerRtPriority(), p.bfdRtPriority())).containsExactly(1, 99, 0);
        assertThat(List.of(p.vrrpNoSwap(), p.checkerNoSwap(), p.bfdNoSwap())).containsExactly(true, false, true);
        assertThat(p.vrrpCpuAffinity()).containsExactly(0);
        assertThat(p.checkerRlimitRttimeMicros()).isEqualTo(1L);
        assertThat(p.maxAutoPriority()).isEqualTo(99);
        assertThat(p.minAutoPriorityDelayMicros()).isEqualTo(10_000_000L);
        assertThat(List.of(p.processName(), p.vrrpProcessName(), p.checkerProcessName(), p.bfdProcessName()))
                .containsExactly("kp", "keepalived_vrrp", "kc", "keepalived_bfd");
    }

    @Test
    void realTimePrioritiesOutOfRangeAreClamped() {
        LoadResult r = load("vrrp_rt_priority 0\nbfd_rt_priority 100");
        assertThat(problems(r)).containsExactly(
                "vrrp process real-time priority 0 less than minimum 1 - setting to minimum",
                "bfd process real-time priority 100 greater than maximum 99 - setting to maximum");
        assertThat(global(r).process().vrrpRtPriority()).isEqualTo(1);
        assertThat(global(r).process().bfdRtPriority()).isEqualTo(99);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void theOldRlimitSpellingIsOnlyANote() {
        LoadResult r = load("vrrp_rlimit_rtime 20000");
        assertThat(r.exitCode()).isZero();
        assertThat(r.diagnostics()).anyMatch(d -> d.severity() == Severity.NOTE
                && d.message().equals("Keyword 'vrrp_rlimit_rtime' is deprecated - please use 'vrrp_rlimit_rttime'"));
        assertThat(global(r).process().vrrpRlimitRttimeMicros()).isEqualTo(20_000L);
    }

    @Test
    void buffersFirewallReloadDumpsMisc() {
        GlobalDefs g = clean("""
                vrrp_netlink_cmd_rcv_bufs 100000
                vrrp_netlink_cmd_rcv_bufs_force
                process_monitor_rcv_bufs 500000
                vrrp_rx_bufs_policy mtu
                vrrp_rx_bufs_multiplier 4
                nftables mytab
                nftables_priority -5
                nftables_counters
                nftables_ipvs
                nftables_ipvs_start_fwmark 2000
                disable_local_igmp
                reload_check_config
                reload_time_file /run/reload.time
                reload_repeat
                reload_file
                tmp_config_directory /var/tmp
                data_use_instance
                state_dump_file /var/run/ka/
                json_dump_file /var/run/ka.json
                json_version 2
                umask IWGRP | IWOTH
                random_seed 4294967295
                include_check +match -wildcard_match
                iproute_etc_dir /etc/ip2
                """);
        GlobalDefs.BufferSettings b = g.buffers();
        assertThat(b.vrrpNetlinkCmdRcvBufs()).isEqualTo(100_000L);
        assertThat(b.vrrpNetlinkCmdRcvBufsForce()).isTrue();
        assertThat(b.processMonitorRcvBufs()).isEqualTo(500_000L);
        assertThat(b.rxBufsPolicy()).isEqualTo("MTU");
        assertThat(b.rxBufsMultiplier()).isEqualTo(4);
        GlobalDefs.FirewallSettings f = g.firewall();
        assertThat(f.nftablesTable()).isEqualTo("mytab");
        assertThat(f.nftablesPriority()).isEqualTo(-5);
        assertThat(f.nftablesCounters()).isTrue();
        assertThat(f.nftablesIpvsTable()).isEqualTo("keepalived_ipvs");
        assertThat(f.nftablesIpvsPriority()).isEqualTo(-1);
        assertThat(f.nftablesIpvsStartFwmark()).isEqualTo(2000L);
        assertThat(f.disableLocalIgmp()).isTrue();
        assertThat(g.reload()).isEqualTo(new GlobalDefs.ReloadSettings(true, "/dev/null", "/run/reload.time", true,
                "/run/keepalived.reload", null, "/var/tmp"));
        assertThat(g.dumps()).isEqualTo(new GlobalDefs.DumpSettings("/var/run/ka/keepalived.data",
                "/tmp/keepalived.stats", "/var/run/ka.json", true, 2));
        assertThat(g.misc().umask()).isEqualTo(022);
        assertThat(g.misc().randomSeed()).isEqualTo(4_294_967_295L);
        assertThat(g.misc().includeChecks()).containsExactly("match");
        assertThat(g.misc().iprouteEtcDir()).isEqualTo("/etc/ip2");
        assertThat(clean("vrrp_rx_bufs_policy 100000").buffers().rxBufsSize()).isEqualTo(100_000L);
        assertThat(clean("umask 0x1ff").misc().umask()).isEqualTo(0777);
        assertThat(clean("umask 511").misc().umask()).isEqualTo(0777);
        assertThat(clean("include_check").misc().includeChecks()).hasSize(4);
    }

    @Test
    void topLevelProcessKeywords() {
        LoadResult r = loadText("net_namespace blue\nnet_namespace_ipvs\nnamespace_with_ipsets\ninstance i1\n"
                + "use_pid_dir\nlinkbeat_use_polling\nchild_wait_time 7\nglobal_defs {\nreload_file\n}\n");
        assertThat(problems(r)).isEmpty();
        GlobalDefs.ProcessSettings p = global(r).process();
        assertThat(p.netNamespace()).isEqualTo("blue");
        assertThat(p.netNamespaceIpvs()).isEmpty();
        assertThat(p.namespaceWithIpsets() && p.usePidDir() && p.linkbeatUsePolling()).isTrue();
        assertThat(p.instanceName()).isEqualTo("i1");
        assertThat(p.childWaitTimeSeconds()).isEqualTo(7);
        // the PID directory becomes /run/keepalived/ (observed with use_pid_dir)
        assertThat(global(r).reload().reloadFile()).isEqualTo("/run/keepalived/keepalived.reload");
    }

    @Test
    void topLevelDuplicates() {
        // a second net_namespace is only logged (-t exits 0); a second instance is an error
        assertThat(loadText("net_namespace a\nnet_namespace b\n").exitCode()).isZero();
        assertThat(global(loadText("net_namespace a\nnet_namespace b\n")).process().netNamespace()).isEqualTo("a");
        LoadResult r = loadText("instance a\ninstance b\n");
        assertThat(problems(r)).containsExactly("Duplicate instance definition b - ignoring");
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "snmp_socket                       | SNMP error : snmp socket name missing",
        "snmp_socket a b                   | Too many parameters specified for snmp_socket - ignoring",
        "snmp_socket a\\nsnmp_socket b      | SNMP socket already set to a - ignoring",
        "dbus_service_name                 | dbus_service_name missing - ignoring",
        "vrrp_priority                     | No vrrp process priority specified",
        "vrrp_priority 20                  | Invalid vrrp process priority specified",
        "checker_priority 0x5              | Invalid checker process priority specified",
        "bfd_rt_priority                   | No bfd process real-time priority specified",
        "vrrp_rt_priority x                | vrrp process real-time priority 'x' invalid",
        "vrrp_cpu_affinity                 | No vrrp cpu_id set specified",
        "checker_cpu_affinity 100000       | Invalid cpu_id:100000 specified for checker process",
        "vrrp_rlimit_rttime 0              | Invalid vrrp real-time limit - 0",
        "max_auto_priority -2              | max_auto_priority '-2' must be in [0, 99] (or -1 to disable) - ignoring",
        "min_auto_priority_delay 0         | min_auto_priority_delay '0' must be in [1, 10000000] - ignoring",
        "min_auto_priority_delay           | min_auto_priority_delay requires delay time",
        "vrrp_netlink_cmd_rcv_bufs         | vrrp_netlink_cmd_rcv_bufs size missing",
        "lvs_netlink_monitor_rcv_bufs -1   | lvs_netlink_monitor_rcv_bufs size (-1) invalid",
        "process_monitor_rcv_bufs_force 1  | Invalid value '1' for global process_monitor_rcv_bufs_force specified",
        "vrrp_rx_bufs_policy               | vrrp_rx_bufs_policy missing",
        "vrrp_rx_bufs_policy x             | Invalid vrrp_rx_bufs_policy x",
        "vrrp_rx_bufs_multiplier 0         | Invalid vrrp_rx_bufs_multiplier 0",
        "nftables a\\nnftables b            | nftables already specified - ignoring",
        "nftables_ipvs a\\nnftables_ipvs b  | ipvs nftables already specified - ignoring",
        "nftables_priority 2147483648      | invalid nftables chain priority '2147483648'",
        "nftables_ipvs_start_fwmark 0      | invalid ipvs nftables start_fwmark priority '0'",
        "vrrp_iptables                     | iptables not supported, using nftables instead. Please replace 'vrrp_iptables' and 'vrrp_ipsets' with 'nftables' config option",
        "vrrp_ipsets a                     | iptables not supported, using nftables instead. Please replace 'vrrp_iptables' and 'vrrp_ipsets' with 'nftables' config option",
        "reload_time_file                  | reload_time_file invalid",
        "reload_time_file /a x             | reload_time_file invalid",
        "tmp_config_directory              | tmp_config_directory missing directory name",
        "tmp_config_directory /a\\ntmp_config_directory /b | tmp_config_directory already specified - ignoring",
        "config_save_dir /nonexistent/x    | Unable to create config_save_dir /nonexistent/x (error 2 - No such file or directory)",
        "data_use_instance x               | Invalid value 'x' for global data_use_instance specified",
        "umask 512                         | invalid umask value 512",
        "umask 08                          | invalid umask value 08",
        "umask x                           | Unknown umask bit x",
        "umask IWGRP IWOTH                 | Invalid umask syntax IWOTH",
        "umask 022 033                     | Extra parameter(s) to umask option",
        "random_seed -1                    | random_seed -1 invalid",
        "include_check foo                 | Unknown include_check type 'foo' - ignoring",
        "json_version 3                    | json_version must be 1 or 2 - ignoring",
    })
    void keepalivedReportsTheseAndRunsAnyway(String line, String message) {
        LoadResult r = load(line.replace("\\n", "\n"));
        assertThat(problems(r)).contains(message);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp_connect_timeout", "child_wait_time", "vrrp_rlimit_rttime", "checker_rlimit_rtime",
        "process_name", "vrrp_process_name", "lvs_process_name", "bfd_process_name", "config_save_dir", "umask",
        "random_seed", "nftables_priority", "nftables_ipvs_priority", "nftables_ipvs_start_fwmark"})
    void aMissingValueStopsKeepalived(String keyword) {
        LoadResult r = keyword.equals("child_wait_time") ? loadText(keyword + "\n") : load(keyword);
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void aMissingOptionValueAfterInstStopsKeepalived() {
        LoadResult r = load("lvs_sync_daemon eth1 inst");
        assertThat(problems(r)).containsExactly("*** Configuration line starting `lvs_sync_daemon` is missing a"
                + " parameter after keyword `inst` at word position 4");
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void umaskBitsMustBeKnown() {
        LoadResult r = load("umask IWGRP|IFOO");
        assertThat(problems(r)).containsExactly("Unknown umask bit IFOO");
        assertThat(global(r).misc().umask()).isEqualTo(0177);
        assertThat(load("umask |IWGRP").exitCode()).isEqualTo(5);
        assertThat(load("umask IWGRP|").exitCode()).isEqualTo(5);
    }

    @Test
    void vrrpIptablesFallsBackToNftables() {
        GlobalDefs.FirewallSettings f = global(load("vrrp_iptables in out")).firewall();
        assertThat(f.iptablesChains()).containsExactly("in", "out");
        assertThat(f.nftablesTable()).isEqualTo("keepalived");
    }
}
