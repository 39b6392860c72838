package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.vrrp.VrrpConf.clean;
import static org.jkeepalived.config.vrrp.VrrpConf.inst;
import static org.jkeepalived.config.vrrp.VrrpConf.load;
import static org.jkeepalived.config.vrrp.VrrpConf.only;

import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.Authentication;
import org.jkeepalived.config.model.vrrp.InitialState;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.junit.jupiter.api.Test;

/** Defaults keepalived 2.2.7 resolves for a vrrp_instance (checked with {@code keepalived -d}). */
class VrrpInstanceDefaultsTest {

    @Test
    void plainInstanceGetsKeepalivedDefaults() {
        LoadResult r = load(inst(""));
        clean(r);
        VrrpInstance i = only(r);
        assertThat(i.name()).isEqualTo("VI_1");
        assertThat(i.interfaceName()).isEqualTo("eth0");
        assertThat(i.virtualRouterId()).isEqualTo(1);
        assertThat(i.family()).isEqualTo(AddressFamily.IPV4);
        assertThat(i.version()).isEqualTo(2);
        assertThat(i.state()).isEqualTo(InitialState.BACKUP);
        assertThat(i.configuredPriority()).isNull();
        assertThat(i.priority()).isEqualTo(100);
        assertThat(i.advertIntervalMicros()).isEqualTo(1_000_000L);
        assertThat(i.authentication().type()).isEqualTo(Authentication.Type.NONE);
        assertThat(i.mcastDstIp().getHostAddress()).isEqualTo("224.0.0.18");
        assertThat(i.unicast()).isFalse();
        assertThat(i.unicastTtl()).isEqualTo(255);
        assertThat(i.accept()).isTrue();
        assertThat(i.nopreempt()).isFalse();
        assertThat(i.preemptDelayMicros()).isZero();
        assertThat(i.garp().masterDelayMicros()).isEqualTo(5_000_000L);
        assertThat(i.garp().masterRepeat()).isEqualTo(5);
        assertThat(i.garp().masterRefreshMicros()).isZero();
        assertThat(i.garp().masterRefreshRepeat()).isEqualTo(1);
        assertThat(i.garp().lowerPrioDelayMicros()).isEqualTo(5_000_000L);
        assertThat(i.garp().lowerPrioRepeat()).isEqualTo(5);
        assertThat(i.downTimerAdverts()).isEqualTo(3);
        assertThat(i.lowerPrioNoAdvert()).isFalse();
        assertThat(i.higherPrioSendAdvert()).isFalse();
        assertThat(i.strictMode()).isFalse();
        assertThat(i.smtpAlert()).isFalse();
        assertThat(i.syncGroup()).isNull();
        assertThat(i.virtualIpaddresses()).singleElement().satisfies(v -> {
            assertThat(v.address().toString()).isEqualTo("10.0.0.1/32");
            assertThat(v.dev()).isEqualTo("eth0");
            assertThat(v.scope()).isZero();
            assertThat(v.preferredLftSeconds()).isNull();
        });
    }

    @Test
    void stateMasterWithoutPriorityIsTheAddressOwner() {
        VrrpInstance i = only(load(inst("state MASTER")));
        assertThat(i.priority()).isEqualTo(255);
        assertThat(i.addressOwner()).isTrue();
        assertThat(i.state()).isEqualTo(InitialState.MASTER);
    }

    @Test
    void priority255WithoutStateStartsAsMaster() {
        VrrpInstance i = only(load(inst("priority 255")));
        assertThat(i.state()).isEqualTo(InitialState.MASTER);
        assertThat(i.configuredPriority()).isEqualTo(255);
    }

    @Test
    void ipv6InstancesAreVersion3WithTheIpv6Group() {
        LoadResult r = load(inst("VI_1", 1, "", "fe80::1", "2001:db8::1/64"));
        clean(r);
        VrrpInstance i = only(r);
        assertThat(i.family()).isEqualTo(AddressFamily.IPV6);
        assertThat(i.version()).isEqualTo(3);
        assertThat(i.mcastDstIp().getHostAddress()).isEqualTo("ff02:0:0:0:0:0:0:12");
        // a /128 VIP is deprecated (preferred_lft 0) unless "forever"; a /64 is not
        assertThat(i.virtualIpaddresses().get(0).preferredLftSeconds()).isZero();
        assertThat(i.virtualIpaddresses().get(1).preferredLftSeconds()).isNull();
    }

    @Test
    void explicitVersion2BeforeAnIpv6VipStaysVersion2OutsideStrictMode() {
        VrrpInstance i = only(load(inst("VI_1", 1, "version 2", "fe80::6")));
        assertThat(i.version()).isEqualTo(2);
        assertThat(i.family()).isEqualTo(AddressFamily.IPV6);
    }

    @Test
    void globalVrrpVersionIsTheDefault() {
        // global_defs is bound by another section; through the model the default is 2
        assertThat(only(load(inst(""))).version()).isEqualTo(2);
        assertThat(only(load(inst("version 3"))).version()).isEqualTo(3);
    }

    @Test
    void v3AdvertIntervalKeepsCentiseconds() {
        LoadResult r = load(inst("version 3\nadvert_int 0.5"));
        clean(r);
        assertThat(only(r).advertIntervalMicros()).isEqualTo(500_000L);
    }

    @Test
    void interfaceGivenAfterTheVipsStillBecomesTheirDevice() {
        LoadResult r = load("vrrp_instance VI_1 {\n virtual_router_id 1\n virtual_ipaddress {\n 10.0.0.1\n }\n"
                + " interface eth2\n}\n");
        clean(r);
        assertThat(only(r).virtualIpaddresses().get(0).dev()).isEqualTo("eth2");
    }

    @Test
    void strictModeDefaultsAcceptToOwnerOnlyAndForcesLowerPrioNoAdvert() {
        VrrpInstance backup = only(load(inst("strict_mode")));
        assertThat(backup.accept()).isFalse();
        assertThat(backup.lowerPrioNoAdvert()).isTrue();
        assertThat(backup.ownerIgnoreAdverts()).isFalse();
        VrrpInstance owner = only(load(inst("strict_mode\nstate MASTER\npriority 255")));
        assertThat(owner.accept()).isTrue();
        assertThat(owner.ownerIgnoreAdverts()).isTrue();
    }

    @Test
    void instanceKeywordsOverrideGlobalDefaults() {
        LoadResult r = load(inst("garp_master_delay 10\ngarp_master_repeat 2\ngarp_lower_prio_delay 3\n"
                + "garp_lower_prio_repeat 0\ngarp_master_refresh 60\ngarp_master_refresh_repeat 2\n"
                + "garp_extra_if all 100\ndown_timer_adverts 5\nlower_prio_no_advert\nhigher_prio_send_advert\n"
                + "skip_check_adv_addr on\nsmtp_alert yes\nnotify_priority_changes\npreempt_delay 4.12\n"
                + "no_accept\npromote_secondaries\ndebug 2\ntrack_src_ip\ndont_track_primary"));
        clean(r);
        VrrpInstance i = only(r);
        assertThat(i.garp().masterDelayMicros()).isEqualTo(10_000_000L);
        assertThat(i.garp().masterRepeat()).isEqualTo(2);
        assertThat(i.garp().lowerPrioDelayMicros()).isEqualTo(3_000_000L);
        assertThat(i.garp().lowerPrioRepeat()).isZero();
        assertThat(i.garp().masterRefreshMicros()).isEqualTo(60_000_000L);
        assertThat(i.garp().masterRefreshRepeat()).isEqualTo(2);
        assertThat(i.garp().extraIfMicros()).isEqualTo(100_000_000L);
        assertThat(i.garp().extraIfAll()).isTrue();
        assertThat(i.downTimerAdverts()).isEqualTo(5);
        assertThat(i.lowerPrioNoAdvert()).isTrue();
        assertThat(i.higherPrioSendAdvert()).isTrue();
        assertThat(i.skipCheckAdvAddr()).isTrue();
        assertThat(i.smtpAlert()).isTrue();
        assertThat(i.notifyPriorityChanges()).isTrue();
        assertThat(i.preemptDelayMicros()).isEqualTo(4_120_000L);
        assertThat(i.accept()).isFalse();
        assertThat(i.promoteSecondaries()).isTrue();
        assertThat(i.debug()).isEqualTo(2);
        assertThat(i.trackSrcIp()).isTrue();
        assertThat(i.dontTrackPrimary()).isTrue();
    }

    @Test
    void unicastPeersWithTtlRangeTurnOnSourceChecking() {
        LoadResult r = load(inst("unicast_src_ip 10.0.0.5\nunicast_ttl 5\nunicast_peer {\n10.0.0.9 min_ttl 1 max_ttl 254\n"
                + "10.0.0.10\n}"));
        clean(r);
        VrrpInstance i = only(r);
        assertThat(i.unicast()).isTrue();
        assertThat(i.srcIp().getHostAddress()).isEqualTo("10.0.0.5");
        assertThat(i.unicastTtl()).isEqualTo(5);
        assertThat(i.checkUnicastSrc()).isTrue();
        assertThat(i.unicastPeers()).extracting(p -> p.address().getHostAddress(), p -> p.minTtl(), p -> p.maxTtl())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.0.0.9", 1, 254),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.10", 0, 255));
    }

    @Test
    void passAuthenticationIsKeptForVersion2() {
        LoadResult r = load(inst("authentication {\nauth_type PASS\nauth_pass 1111\n}"));
        clean(r);
        assertThat(only(r).authentication()).isEqualTo(new Authentication(Authentication.Type.PASS, "1111"));
    }

    @Test
    void notifyScriptsAreKeptWithTheirUser() {
        LoadResult r = load(inst("notify_master \"/etc/keepalived/master.sh a b\" root\nnotify /n.sh\nnotify_deleted\n"
                + "notify_master_rx_lower_pri /lower.sh"));
        VrrpInstance i = only(r);
        assertThat(i.notifyScripts().master().argv()).containsExactly("/etc/keepalived/master.sh", "a", "b");
        assertThat(i.notifyScripts().master().user()).isEqualTo("root");
        assertThat(i.notifyScripts().notifyScript().program()).isEqualTo("/n.sh");
        assertThat(i.notifyScripts().masterRxLowerPri().program()).isEqualTo("/lower.sh");
        assertThat(i.notifyScripts().notifyDeleted()).isTrue();
        assertThat(i.notifyScripts().deleted()).isNull();
    }

    @Test
    void headKeywordsAreAccepted() {
        LoadResult r = load(inst("VI_1", 1, "version 3\nno_virtual_ipaddress\nv3_checksum_as_v2\nowner_ignore_adverts\n"
                + "timer_expired_backup"));
        clean(r);
        VrrpInstance i = only(r);
        assertThat(i.noVirtualIpaddress()).isTrue();
        assertThat(i.v3ChecksumAsV2()).isTrue();
        assertThat(i.ownerIgnoreAdverts()).isTrue();
        assertThat(i.timerExpiredBackup()).isTrue();
        assertThat(i.virtualIpaddresses()).isEmpty();
    }
}
