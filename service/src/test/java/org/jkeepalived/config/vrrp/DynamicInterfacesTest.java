package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Grammar;
import org.jkeepalived.config.bind.VrrpBinder;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.config.source.SourceLine;
import org.jkeepalived.config.syntax.TreeParser;
import org.junit.jupiter.api.Test;

/**
 * With global dynamic_interfaces keepalived 2.2.7 accepts missing interfaces everywhere in the VRRP
 * sections without a word (observed). Bound directly, since global_defs is another section's binder.
 */
class DynamicInterfacesTest {
    private static final String CONFIG = """
            static_ipaddress {
             10.0.0.1/24 dev eth8
            }
            vrrp_instance VI_1 {
                interface eth9
                virtual_router_id 1
                track_interface {
                  eth7
                }
                virtual_ipaddress {
                  10.0.0.1 dev eth6
                }
                virtual_routes {
                  10.9.0.0/16 dev eth5
                }
                virtual_rules {
                  from 10.9.0.0/16 iif eth4 table 5 preference 5
                }
            }
            """;

    private static Diagnostics bind(boolean dynamic, List<VrrpConfig> out) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        List<SourceLine> lines = new ArrayList<>();
        String[] text = CONFIG.split("\n");
        for (int i = 0; i < text.length; i++) {
            lines.add(new SourceLine(new Location("/t.conf", i + 1), text[i]));
        }
        var top = new TreeParser(Grammar.root(), diagnostics).parse(lines);
        GlobalDefs g = GlobalDefs.defaults("h");
        VrrpDefaults v = g.vrrp();
        VrrpDefaults dyn = new VrrpDefaults(v.version(), InetAddress.getByName("224.0.0.18"), v.mcastGroup6(),
                v.defaultInterface(), v.strict(), v.checkUnicastSrc(), v.skipCheckAdvAddr(), v.lowerPrioNoAdvert(),
                v.higherPrioSendAdvert(), v.downTimerAdverts(), v.garpMasterDelayMicros(), v.garpMasterRepeat(),
                v.garpLowerPrioDelayMicros(), v.garpLowerPrioRepeat(), v.garpMasterRefreshMicros(),
                v.garpMasterRefreshRepeat(), v.garpIntervalMicros(), v.gnaIntervalMicros(), v.minGarp(),
                v.garpExtraIfMicros(), v.garpExtraIfAll(), v.startupDelayMicros(), v.v3ChecksumAsV2(),
                v.ownerIgnoreAdverts(), v.notifyPriorityChanges(), dynamic, v.allowIfChanges());
        GlobalDefs global = new GlobalDefs(g.routerId(), g.smtp(), dyn, g.lvs(), g.scripts(), g.fifos(), g.snmp(),
                g.process(), g.dumps());
        out.add(VrrpBinder.bind(top, global, TrackConfig.empty(), new BindContext(diagnostics, new FakeSystemView())));
        return diagnostics;
    }

    @Test
    void missingInterfacesAreAcceptedWithDynamicInterfaces() throws Exception {
        List<VrrpConfig> out = new ArrayList<>();
        assertThat(bind(true, out).all()).isEmpty();
        assertThat(out.get(0).instances().get(0).interfaceName()).isEqualTo("eth9");
        assertThat(out.get(0).instances().get(0).trackers().interfaces()).hasSize(1);
    }

    @Test
    void withoutItEachOneIsReported() throws Exception {
        List<VrrpConfig> out = new ArrayList<>();
        Diagnostics d = bind(false, out);
        assertThat(d.all()).extracting(x -> x.message()).contains(
                "WARNING - interface eth9 for vrrp_instance VI_1 doesn't exist",
                "(VI_1) tracked interface eth7 doesn't exist",
                "WARNING - interface eth6 for ip address 10.0.0.1 doesn't exist",
                "WARNING - interface eth5 for VROUTE nexthop doesn't exist",
                "WARNING - interface eth4 for rule doesn't exist",
                "WARNING - interface eth8 for ip address 10.0.0.1/24 doesn't exist",
                "Non-existent interface specified in configuration");
        assertThat(d.exitCode()).isEqualTo(5);
    }
}
