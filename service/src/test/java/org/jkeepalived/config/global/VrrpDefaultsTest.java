package org.jkeepalived.config.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.global.GlobalFixture.global;
import static org.jkeepalived.config.global.GlobalFixture.load;
import static org.jkeepalived.config.global.GlobalFixture.problems;

import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The vrrp_* defaults; values and exit codes as observed with keepalived 2.2.7 (-d and -t). */
class VrrpDefaultsTest {

    private static VrrpDefaults vrrp(String body) {
        LoadResult r = load(body);
        assertThat(problems(r)).as(body).isEmpty();
        return global(r).vrrp();
    }

    @Test
    void everythingSet() {
        VrrpDefaults v = vrrp("""
                vrrp_mcast_group4 224.0.0.19
                vrrp_mcast_group6 ff02::13
                default_interface eth1
                vrrp_version 3
                vrrp_strict
                vrrp_check_unicast_src
                vrrp_skip_check_adv_addr
                vrrp_lower_prio_no_advert
                vrrp_higher_prio_send_advert true
                vrrp_down_timer_adverts 4
                vrrp_garp_master_delay 7
                vrrp_garp_master_repeat 3
                vrrp_garp_lower_prio_delay 8
                vrrp_garp_lower_prio_repeat 2
                vrrp_garp_master_refresh 60
                vrrp_garp_master_refresh_repeat 2
                vrrp_garp_interval 0.001
                vrrp_gna_interval 0.000002
                vrrp_garp_extra_if all 100
                vrrp_startup_delay 5.5
                vrrp_notify_priority_changes
                dynamic_interfaces allow_if_changes
                log_unknown_vrids
                vmac_prefix vm
                """);
        assertThat(v.mcastGroup4().getHostAddress()).isEqualTo("224.0.0.19");
        assertThat(v.mcastGroup6().getHostAddress()).isEqualTo("ff02:0:0:0:0:0:0:13");
        assertThat(v.defaultInterface()).isEqualTo("eth1");
        assertThat(v.version()).isEqualTo(3);
        assertThat(v.strict() && v.checkUnicastSrc() && v.skipCheckAdvAddr() && v.lowerPrioNoAdvert()
                && v.higherPrioSendAdvert() && v.notifyPriorityChanges() && v.dynamicInterfaces()
                && v.allowIfChanges() && v.logUnknownVrids() && v.garpExtraIfAll()).isTrue();
        assertThat(v.downTimerAdverts()).isEqualTo(4);
        assertThat(v.garpMasterDelayMicros()).isEqualTo(7_000_000L);
        assertThat(v.garpMasterRepeat()).isEqualTo(3);
        assertThat(v.garpLowerPrioDelayMicros()).isEqualTo(8_000_000L);
        assertThat(v.garpLowerPrioRepeat()).isEqualTo(2);
        assertThat(v.garpMasterRefreshMicros()).isEqualTo(60_000_000L);
        assertThat(v.garpMasterRefreshRepeat()).isEqualTo(2);
        assertThat(v.garpIntervalMicros()).isEqualTo(1_000L);
        assertThat(v.gnaIntervalMicros()).isEqualTo(2L);
        assertThat(v.garpExtraIfMicros()).isEqualTo(100_000_000L);
        assertThat(v.startupDelayMicros()).isEqualTo(5_500_000L);
        assertThat(v.vmacPrefix()).isEqualTo("vm");
        assertThat(v.vmacAddrPrefix()).isEqualTo("vm"); // defaults to vmac_prefix
    }

    @Test
    void lowerPriorityGarpFollowsTheMasterValuesUnlessSetInAnyOrder() {
        VrrpDefaults v = vrrp("vrrp_garp_master_repeat 3\nvrrp_garp_master_delay 7");
        assertThat(v.garpLowerPrioRepeat()).isEqualTo(3);
        assertThat(v.garpLowerPrioDelayMicros()).isEqualTo(7_000_000L);
        VrrpDefaults w = vrrp("vrrp_garp_lower_prio_repeat 2\nvrrp_garp_master_repeat 3\n"
                + "vrrp_garp_lower_prio_delay 3\nvrrp_garp_master_delay 7");
        assertThat(w.garpLowerPrioRepeat()).isEqualTo(2);
        assertThat(w.garpLowerPrioDelayMicros()).isEqualTo(3_000_000L);
    }

    @Test
    void minGarpChangesOnlyTheDefaults() {
        VrrpDefaults v = vrrp("vrrp_min_garp");
        assertThat(v.minGarp()).isTrue();
        assertThat(v.garpMasterDelayMicros()).isZero();
        assertThat(v.garpMasterRepeat()).isEqualTo(1);
        assertThat(v.garpMasterRefreshRepeat()).isZero();
        assertThat(v.garpLowerPrioDelayMicros()).isZero();
        assertThat(v.garpLowerPrioRepeat()).isEqualTo(1);
        // explicit values win whatever the order (observed: delay 7, repeat 1, refresh repeat 3)
        VrrpDefaults w = vrrp("vrrp_garp_master_delay 7\nvrrp_min_garp\nvrrp_garp_master_refresh_repeat 3");
        assertThat(w.garpMasterDelayMicros()).isEqualTo(7_000_000L);
        assertThat(w.garpLowerPrioDelayMicros()).isEqualTo(7_000_000L);
        assertThat(w.garpMasterRepeat()).isEqualTo(1);
        assertThat(w.garpMasterRefreshRepeat()).isEqualTo(3);
        assertThat(vrrp("vrrp_min_garp off").garpMasterRepeat()).isEqualTo(5);
    }

    @Test
    void garpExtraIfWithoutAllIsForVmacsOnly() {
        VrrpDefaults v = vrrp("vrrp_garp_extra_if 5");
        assertThat(v.garpExtraIfMicros()).isEqualTo(5_000_000L);
        assertThat(v.garpExtraIfAll()).isFalse();
        assertThat(vrrp("vrrp_garp_extra_if 5 all").garpExtraIfAll()).isTrue();
    }

    @Test
    void flagsIgnoreTheirArguments() {
        // keepalived 2.2.7: "vrrp_strict off" enables strict mode, -t exits 0.
        VrrpDefaults v = vrrp("vrrp_strict off\nvrrp_skip_check_adv_addr off\nvrrp_check_unicast_src no\n"
                + "log_unknown_vrids off");
        assertThat(v.strict() && v.skipCheckAdvAddr() && v.checkUnicastSrc() && v.logUnknownVrids()).isTrue();
    }

    @Test
    void timersWithTooManyDecimalsAreRoundedButReported() {
        LoadResult r = load("vrrp_garp_interval 1.0000001");
        assertThat(problems(r)).containsExactly("number '1.0000001' has too many decimal places");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(global(r).vrrp().garpIntervalMicros()).isEqualTo(1_000_000L);
    }

    @Test
    void repeatsOfZeroAreRaisedToOne() {
        LoadResult r = load("vrrp_garp_master_repeat 0");
        assertThat(problems(r)).containsExactly("vrrp_garp_master_repeat must be greater than 0, setting to 1");
        assertThat(global(r).vrrp().garpMasterRepeat()).isEqualTo(1);
        assertThat(global(r).vrrp().garpLowerPrioRepeat()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vrrp_mcast_group4 224.0.0.300  | Can't parse vrrp_mcast_group4 [224.0.0.300]. Skipping",
        "vrrp_mcast_group4 10.0.0.1     | vrrp_mcast_group4 [10.0.0.1] is not multicast. Skipping",
        "vrrp_mcast_group4 ff02::12     | vrrp_mcast_group4 [ff02::12] is not IPv4. Skipping",
        "vrrp_mcast_group6 fe80::1      | vrrp_mcast_group6 [fe80::1] is not multicast. Skipping",
        "vrrp_mcast_group6 224.0.0.18   | vrrp_mcast_group6 [224.0.0.18] is not IPv6. Skipping",
        "vrrp_mcast_group6 ff0g::1      | Can't parse vrrp_mcast_group6 [ff0g::1]. Skipping",
        "vrrp_version 1                 | VRRP Error: Version must be either 2 or 3",
        "vrrp_version 2.0               | VRRP Error: Version must be either 2 or 3",
        "vrrp_garp_master_delay 86400   | vrrp_garp_master_delay '86400' invalid - ignoring",
        "vrrp_garp_master_delay -1      | vrrp_garp_master_delay '-1' invalid - ignoring",
        "vrrp_garp_lower_prio_delay 4295 | vrrp_garp_lower_prio_delay '4295' invalid - ignoring",
        "vrrp_garp_lower_prio_repeat -1 | Invalid vrrp_garp_lower_prio_repeat '-1'",
        "vrrp_garp_master_refresh 1.5   | Invalid vrrp_garp_master_refresh '1.5' - ignoring",
        "vrrp_garp_master_refresh_repeat 0 | vrrp_garp_master_refresh_repeat must be greater than 0, setting to 1",
        "vrrp_down_timer_adverts 0      | Invalid vrrp_down_timer_adverts [1:100] '0'",
        "vrrp_down_timer_adverts 101    | Invalid vrrp_down_timer_adverts [1:100] '101'",
        "vrrp_garp_interval 0           | vrrp_garp_interval '0' is invalid",
        "vrrp_gna_interval 4294.967296  | vrrp_gna_interval '4294.967296' is invalid",
        "vrrp_garp_interval 0x5         | vrrp_garp_interval '0x5' is invalid",
        "vrrp_startup_delay 0.0005      | vrrp_startup_delay '0.0005' is invalid",
        "vrrp_startup_delay 5000        | vrrp_startup_delay '5000' is invalid",
        "vrrp_garp_extra_if 0           | vrrp_garp_extra_if '0' invalid - ignoring",
        "vrrp_garp_extra_if 86401       | vrrp_garp_extra_if '86401' invalid - ignoring",
        "vrrp_garp_extra_if all         | vrrp_garp_extra_if specified without time - ignoring",
        "vrrp_vmac_garp_intvl 10        | Keyword \"vrrp_vmac_garp_intvl\" is deprecated - please use \"vrrp_garp_extra_if\"",
        "vrrp_min_garp x                | Invalid value for vrrp_min_garp specified",
        "vrrp_lower_prio_no_advert x    | Invalid value for vrrp_lower_prio_no_advert specified",
        "vrrp_higher_prio_send_advert x | Invalid value for vrrp_higher_prio_send_advert specified",
        "vrrp_notify_priority_changes x | Invalid value 'x' for global vrrp_notify_priority_changes specified",
        "dynamic_interfaces x           | Unknown dynamic_interfaces option 'x'",
        "default_interface              | default_interface requires interface name",
        "vmac_prefix a\\nvmac_prefix b  | vmac prefix has already been specified - ignoring b",
    })
    void keepalivedReportsTheseAndRunsAnyway(String line, String message) {
        LoadResult r = load(line.replace("\\n", "\n"));
        assertThat(problems(r)).contains(message);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void badValuesKeepTheDefault() {
        VrrpDefaults v = global(load("vrrp_mcast_group4 10.0.0.1\nvrrp_version 4\nvrrp_garp_master_delay 86400\n"
                + "vrrp_garp_extra_if 5 x")).vrrp();
        assertThat(v.mcastGroup4().getHostAddress()).isEqualTo("224.0.0.18");
        assertThat(v.version()).isEqualTo(2);
        assertThat(v.garpMasterDelayMicros()).isEqualTo(5_000_000L);
        assertThat(v.garpExtraIfMicros()).isZero(); // one bad word drops the whole line
    }

    @ParameterizedTest
    @ValueSource(strings = {"vrrp_mcast_group4", "vrrp_mcast_group6", "vrrp_version", "vrrp_garp_master_delay",
        "vrrp_garp_master_repeat", "vrrp_garp_lower_prio_delay", "vrrp_garp_lower_prio_repeat",
        "vrrp_garp_master_refresh", "vrrp_garp_master_refresh_repeat", "vrrp_down_timer_adverts",
        "vrrp_garp_interval", "vrrp_gna_interval", "vrrp_startup_delay", "vmac_prefix", "vmac_addr_prefix"})
    void aMissingValueStopsKeepalived(String keyword) {
        LoadResult r = load(keyword);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(problems(r)).containsExactly("*** Configuration line starting `" + keyword
                + "` is missing a parameter after keyword `" + keyword + "` at word position 2");
    }

    @Test
    void validEdgeValuesAreClean() {
        for (String ok : new String[] {"vrrp_garp_master_delay 0", "vrrp_garp_master_delay 4294",
            "vrrp_garp_master_repeat 2147483648", "vrrp_garp_lower_prio_repeat 0", "vrrp_garp_master_refresh 86401",
            "vrrp_down_timer_adverts 1", "vrrp_down_timer_adverts 100", "vrrp_garp_interval 4294.967295",
            "vrrp_gna_interval .5", "vrrp_garp_interval +1", "vrrp_garp_extra_if 86400",
            "vrrp_startup_delay 0.001", "vrrp_mcast_group4 239.1.1.1", "dynamic_interfaces allow_if_changes x"}) {
            assertThat(problems(load(ok))).as(ok).isEmpty();
        }
        assertThat(global(load("vrrp_garp_master_repeat 2147483648")).vrrp().garpMasterRepeat())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void keywordsAddedAfter227AreAccepted() {
        VrrpDefaults v = vrrp("v3_checksum_as_v2\nvrrp_owner_ignore_adverts off\nvrrp_delay_after_boot 15.23");
        assertThat(v.v3ChecksumAsV2()).isTrue();
        assertThat(v.ownerIgnoreAdverts()).isFalse();
        assertThat(v.delayAfterBootMicros()).isEqualTo(15_230_000L);
    }
}
