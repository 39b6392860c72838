package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.vrrp.VrrpConf.clean;
import static org.jkeepalived.config.vrrp.VrrpConf.hasFinding;
import static org.jkeepalived.config.vrrp.VrrpConf.inst;
import static org.jkeepalived.config.vrrp.VrrpConf.load;

import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.vrrp.GarpGroup;
import org.jkeepalived.config.model.vrrp.InterfaceDelay;
import org.jkeepalived.config.model.vrrp.LinkbeatInterface;
import org.junit.jupiter.api.Test;

/** track_group, garp_group, linkbeat_interfaces and interface_up_down_delays (b.1, c.12). */
class StaticItemsTest {

    @Test
    void trackGroups() {
        LoadResult r = load("track_group TG1 {\n group {\n VI_1\n }\n}\ntrack_group TG1 {\n group {\n VI_1\n }\n}\n"
                + "track_group {\n group {\n VI_1\n }\n}\n" + inst(""));
        hasFinding(r, Severity.ERROR, "track_group TG1 already defined");
        hasFinding(r, Severity.ERROR, "track_group must have a name - skipping");
        assertThat(r.config().vrrp().trackGroups()).hasSize(1);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void garpGroups() {
        LoadResult r = load("garp_group {\n garp_interval 0.5\n gna_interval 1\n interface eth1\n}\n"
                + "garp_group {\n garp_interval 0.01\n interfaces {\n eth2\n eth3\n }\n}\n");
        clean(r);
        assertThat(r.config().vrrp().garpGroups()).extracting(GarpGroup::garpIntervalMicros, GarpGroup::gnaIntervalMicros,
                GarpGroup::aggregate).containsExactly(org.assertj.core.groups.Tuple.tuple(500_000L, 1_000_000L, false),
                org.assertj.core.groups.Tuple.tuple(10_000L, null, true));
        assertThat(r.config().vrrp().garpGroups().get(1).interfaces()).containsExactly("eth2", "eth3");
    }

    @Test
    void garpGroupChecks() {
        LoadResult r = load("garp_group {\n interface eth1\n}\ngarp_group {\n garp_interval 1\n interface eth2\n}\n"
                + "garp_group {\n gna_interval 1\n interface eth2\n}\ngarp_group {\n gna_interval 1\n interface eth9\n}\n");
        hasFinding(r, Severity.ERROR, "garp group 0 does not have any delay set - removing");
        hasFinding(r, Severity.ERROR, "garp_group already specified for eth2 - ignoring");
        hasFinding(r, Severity.ERROR, "WARNING - interface eth9 specified for garp_group doesn't exist");
        hasFinding(r, Severity.ERROR, "Non-existent interface specified in configuration");
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void linkbeatInterfacesAreNotImplementedButChecked() {
        LoadResult r = load("linkbeat_interfaces {\n eth0\n eth1 ETHTOOL\n eth2 FOO\n}\n");
        hasFinding(r, Severity.NOTE, "'linkbeat_interfaces' accepted but not implemented");
        hasFinding(r, Severity.ERROR, "extra characters FOO in linkbeat interface");
        assertThat(r.config().vrrp().linkbeatInterfaces()).extracting(LinkbeatInterface::method)
                .containsExactly(null, "ETHTOOL", null);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void aMissingLinkbeatOrDebounceInterfaceIsFatal() {
        // keepalived 2.2.7 exits 4 here, unlike other missing interfaces (5)
        LoadResult lb = load("linkbeat_interfaces {\n eth9\n}\n" + inst(""));
        hasFinding(lb, Severity.FATAL, "unknown interface eth9 specified for linkbeat interface");
        assertThat(lb.exitCode()).isEqualTo(4);
        LoadResult ud = load("interface_up_down_delays {\n eth9 1\n}\n");
        hasFinding(ud, Severity.FATAL, "unknown interface eth9 specified for up/down delay");
        assertThat(ud.exitCode()).isEqualTo(4);
    }

    @Test
    void upDownDelays() {
        LoadResult r = load("interface_up_down_delays {\n eth0 1 2\n eth1 0.5\n eth3\n}\n");
        clean(r);
        assertThat(r.config().vrrp().interfaceUpDownDelays())
                .extracting(InterfaceDelay::interfaceName, InterfaceDelay::downDelayMicros, InterfaceDelay::upDelayMicros)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eth0", 1_000_000L, 2_000_000L),
                        org.assertj.core.groups.Tuple.tuple("eth1", 500_000L, 500_000L));
        LoadResult big = load("interface_up_down_delays {\n eth2 300\n}\n");
        hasFinding(big, Severity.ERROR, "number '300' outside range [0.000000, 255.000000]");
        assertThat(big.exitCode()).isEqualTo(5);
    }
}
