package org.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.config.vrrp.VrrpConf;
import org.junit.jupiter.api.Test;

/** The factory from the config model to the engine's settings. */
class RouterSettingsTest {

    static RouterSettings settingsOf(String body) {
        VrrpInstance in = VrrpConf.only(VrrpConf.load(VrrpConf.inst(body)));
        return RouterSettings.from(in, VrrpDefaults.keepalivedDefaults(), Vrrp.addr("192.0.2.1"));
    }

    @Test
    void keepalivedDefaults() {
        RouterSettings s = settingsOf("");
        assertThat(s.name()).isEqualTo("VI_1");
        assertThat(s.vrid()).isEqualTo(1);
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.basePriority()).isEqualTo(100);
        assertThat(s.advertIntervalCentis()).isEqualTo(100);
        assertThat(s.primaryAddress()).isEqualTo(Vrrp.addr("192.0.2.1"));
        assertThat(s.advertisedAddresses()).containsExactly(Vrrp.addr("10.0.0.1"));
        assertThat(s.downTimerAdverts()).isEqualTo(3);
        assertThat(s.garpMasterRepeat()).isEqualTo(5);
        assertThat(s.garpMasterDelayNanos()).isEqualTo(5_000_000_000L);
        assertThat(s.authType()).isZero();
    }

    @Test
    void keywordsCarriedOver() {
        RouterSettings s = settingsOf("""
                priority 150
                advert_int 2
                nopreempt
                preempt_delay 7
                mcast_src_ip 192.0.2.9
                authentication {
                    auth_type PASS
                    auth_pass secret
                }
                down_timer_adverts 5
                virtual_ipaddress_excluded {
                    10.1.1.1
                }""");
        assertThat(s.wantMaster()).isFalse();
        assertThat(s.nopreempt()).isTrue();
        assertThat(s.basePriority()).isEqualTo(150);
        assertThat(s.advertIntervalCentis()).isEqualTo(200);
        assertThat(s.preemptDelayNanos()).isEqualTo(7_000_000_000L);
        assertThat(s.primaryAddress()).isEqualTo(Vrrp.addr("192.0.2.9"));
        assertThat(s.authType()).isEqualTo(1);
        assertThat(s.authPassword()).isEqualTo(Arrays.copyOf("secret".getBytes(StandardCharsets.US_ASCII), 8));
        assertThat(s.downTimerAdverts()).isEqualTo(5);
        assertThat(s.advertisedAddresses()).containsExactly(Vrrp.addr("10.0.0.1"));
        assertThat(s.virtualAddresses()).hasSize(2);
    }

    @Test
    void stateMasterIsAWishAndClearsNopreempt() {
        RouterSettings s = settingsOf("state MASTER\npriority 150\nnopreempt");
        assertThat(s.wantMaster()).isTrue();
        assertThat(s.nopreempt()).isFalse();
    }

    @Test
    void version3IntervalInCentiseconds() {
        RouterSettings s = settingsOf("version 3\nadvert_int 0.35");
        assertThat(s.version()).isEqualTo(3);
        assertThat(s.advertIntervalCentis()).isEqualTo(35);
    }
}
