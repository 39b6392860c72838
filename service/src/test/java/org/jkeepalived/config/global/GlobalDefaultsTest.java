package org.jkeepalived.config.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.global.GlobalFixture.global;
import static org.jkeepalived.config.global.GlobalFixture.load;
import static org.jkeepalived.config.global.GlobalFixture.problems;

import java.util.List;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.junit.jupiter.api.Test;

/**
 * The defaults of an empty global_defs, each checked against keepalived 2.2.7's {@code -d} dump
 * ("Global definitions") on host "vm" (here "testhost").
 */
class GlobalDefaultsTest {
    private final LoadResult r = load("");
    private final GlobalDefs g = global(r);

    @Test
    void anEmptyGlobalDefsIsClean() {
        assertThat(problems(r)).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void bindingAnEmptyBlockGivesTheDeclaredDefaults() {
        assertThat(g).isEqualTo(GlobalDefs.defaults("testhost"));
        assertThat(ConfigFixtureFree.emptyFile()).isEqualTo(GlobalDefs.defaults("testhost"));
    }

    @Test
    void identityAndMail() {
        assertThat(g.routerId()).isEqualTo("testhost"); // Router ID = vm
        GlobalDefs.SmtpSettings s = g.smtp();
        assertThat(s.server()).isNull();
        assertThat(s.port()).isEqualTo(25); // Smtp server port = 25
        assertThat(s.heloName()).isEqualTo("testhost"); // Smtp HELO name = vm
        assertThat(s.connectTimeoutMicros()).isEqualTo(30_000_000L); // connection timeout = 30
        assertThat(s.from()).isEqualTo("root@testhost"); // Email notification from = root@vm
        assertThat(s.alert()).isNull(); // Default smtp_alert = unset
        assertThat(s.alertVrrp()).isNull();
        assertThat(s.alertChecker()).isNull();
        assertThat(s.checkerLogAllFailures()).isFalse(); // Checkers log all failures = false
        assertThat(s.noCheckerEmails()).isFalse(); // no_checker_emails = 0
    }

    @Test
    void vrrpDefaults() {
        VrrpDefaults v = g.vrrp();
        assertThat(v).isEqualTo(VrrpDefaults.keepalivedDefaults());
        assertThat(v.version()).isEqualTo(2); // VRRP default protocol version = 2
        assertThat(v.mcastGroup4().getHostAddress()).isEqualTo("224.0.0.18");
        assertThat(v.mcastGroup6().getHostAddress()).isEqualTo("ff02:0:0:0:0:0:0:12");
        assertThat(v.defaultInterface()).isEqualTo("eth0");
        assertThat(v.garpMasterDelayMicros()).isEqualTo(5_000_000L); // Gratuitous ARP delay = 5
        assertThat(v.garpMasterRepeat()).isEqualTo(5);
        assertThat(v.garpLowerPrioDelayMicros()).isEqualTo(5_000_000L);
        assertThat(v.garpLowerPrioRepeat()).isEqualTo(5);
        assertThat(v.garpMasterRefreshMicros()).isZero();
        assertThat(v.garpMasterRefreshRepeat()).isEqualTo(1);
        assertThat(v.downTimerAdverts()).isEqualTo(3); // Num adverts before down = 3
        assertThat(v.lowerPrioNoAdvert()).isFalse(); // Send advert after receive lower priority advert = true
        assertThat(v.higherPrioSendAdvert()).isFalse();
        assertThat(v.garpIntervalMicros()).isZero();
        assertThat(v.gnaIntervalMicros()).isZero();
        assertThat(v.garpExtraIfMicros()).isZero();
        assertThat(v.strict()).isFalse();
        assertThat(v.checkUnicastSrc()).isFalse();
        assertThat(v.skipCheckAdvAddr()).isFalse();
        assertThat(v.dynamicInterfaces()).isFalse();
        assertThat(v.notifyPriorityChanges()).isFalse();
        assertThat(v.vmacPrefix()).isEqualTo("vrrp");
        assertThat(v.vmacAddrPrefix()).isEqualTo("vrrp");
    }

    @Test
    void processAndTuning() {
        GlobalDefs.ProcessSettings p = g.process();
        assertThat(p.maxAutoPriority()).isZero(); // Max auto priority = 0
        assertThat(p.minAutoPriorityDelayMicros()).isEqualTo(1_000_000L); // = 1000000 usecs
        assertThat(List.of(p.vrrpPriority(), p.checkerPriority(), p.bfdPriority())).containsOnly(0);
        assertThat(List.of(p.vrrpRtPriority(), p.checkerRtPriority(), p.bfdRtPriority())).containsOnly(0);
        assertThat(List.of(p.vrrpRlimitRttimeMicros(), p.checkerRlimitRttimeMicros(), p.bfdRlimitRttimeMicros()))
                .containsOnly(10_000L); // realtime limit = 10000
        assertThat(p.childWaitTimeSeconds()).isEqualTo(5);
        assertThat(g.buffers().rxBufsMultiplier()).isEqualTo(3); // rx_bufs_multiples = 3
        assertThat(g.buffers().vrrpNetlinkCmdRcvBufs()).isZero();
        assertThat(g.misc().umask()).isEqualTo(0177); // umask = 0177
    }

    @Test
    void lvsSnmpDbusScripts() {
        assertThat(g.lvs().flush()).isFalse(); // LVS flush = false
        assertThat(g.lvs().flushOnStop()).isEqualTo("disabled"); // LVS flush on stop = disabled
        assertThat(g.snmp().socket()).isNull(); // SNMP socket = default (unix:/var/agentx/master)
        assertThat(g.snmp().enableVrrp() || g.snmp().enableChecker() || g.snmp().enableRfcV2()
                || g.snmp().enableRfcV3() || g.snmp().enableTraps()).isFalse();
        assertThat(g.dbus().enabled()).isFalse();
        assertThat(g.dbus().serviceName()).isEqualTo("org.keepalived.Vrrp1");
        assertThat(g.scripts().enableScriptSecurity()).isFalse(); // Script security disabled
        assertThat(g.scripts().startupTimeoutMicros()).isEqualTo(10_000_000L);
        assertThat(g.fifos().writeVrrpStatesOnReload()).isFalse();
        assertThat(g.fifos().rsInitNotifies()).isFalse();
        assertThat(g.reload().checkConfig()).isFalse(); // No test config before reload
        assertThat(g.firewall().nftablesTable()).isNull();
    }

    /** A configuration without any global_defs block. */
    private static final class ConfigFixtureFree {
        static GlobalDefs emptyFile() {
            return global(GlobalFixture.loadText(""));
        }
    }
}
