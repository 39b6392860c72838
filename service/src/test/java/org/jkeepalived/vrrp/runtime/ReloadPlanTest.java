package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Function;
import org.jkeepalived.config.model.vrrp.UnicastPeer;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.junit.jupiter.api.Test;

/** Tier 2 (pure): which running instance a reloaded one keeps. */
class ReloadPlanTest {
    static final InetAddress GROUP = Vrrp.addr("224.0.0.18");

    static EngineInstance in(String name, int vrid, String ifName, String source, InetAddress group) {
        RouterSettings.Builder b = RouterSettings.builder(name, vrid, Vrrp.addr(source));
        if (group == null) {
            b.unicastPeers(List.of(new UnicastPeer(Vrrp.addr("10.0.0.9"), 0, 255, null)), false);
        }
        return new EngineInstance(b.build(), ifName, 2, group, V3ChecksumMode.PSEUDO_HEADER);
    }

    @Test
    void matchesByVridInterfaceModeGroupAndSourceNotByName() {
        EngineInstance a = in("VI_1", 1, "eth0", "10.0.0.1", GROUP);
        EngineInstance b = in("VI_2", 2, "eth0", "10.0.0.1", GROUP);
        EngineInstance c = in("VI_3", 3, "eth0", "10.0.0.1", GROUP);
        List<EngineInstance> next = List.of(
                in("renamed", 1, "eth0", "10.0.0.1", GROUP),        // keeps a
                in("VI_2", 2, "eth1", "10.0.0.1", GROUP),           // other interface: new
                in("VI_3", 3, "eth0", "10.0.0.1", null),            // unicast now: new
                in("VI_4", 4, "eth0", "10.0.0.1", GROUP));          // new
        ReloadPlan<EngineInstance> plan = ReloadPlan.of(List.of(a, b, c), Function.identity(), next);
        assertThat(plan.entries()).extracting(ReloadPlan.Entry::kept).containsExactly(a, null, null, null);
        assertThat(plan.removed()).containsExactly(b, c);
    }

    @Test
    void anotherGroupOrSourceIsAnotherInstanceButAnUnknownSourceMatches() {
        EngineInstance a = in("VI_1", 1, "eth0", "10.0.0.1", GROUP);
        assertThat(ReloadPlan.of(List.of(a), Function.identity(),
                List.of(in("VI_1", 1, "eth0", "10.0.0.1", Vrrp.addr("224.0.0.19")))).removed()).containsExactly(a);
        assertThat(ReloadPlan.of(List.of(a), Function.identity(),
                List.of(in("VI_1", 1, "eth0", "10.0.0.7", GROUP))).removed()).containsExactly(a);
        assertThat(ReloadPlan.of(List.of(a), Function.identity(),
                List.of(in("VI_1", 1, "eth0", "0.0.0.0", GROUP))).removed()).isEmpty();
    }

    @Test
    void eachRunningInstanceIsKeptOnceAtMost() {
        EngineInstance a = in("VI_1", 1, "eth0", "10.0.0.1", GROUP);
        ReloadPlan<EngineInstance> plan = ReloadPlan.of(List.of(a), Function.identity(),
                List.of(in("x", 1, "eth0", "10.0.0.1", GROUP), in("y", 1, "eth0", "10.0.0.1", GROUP)));
        assertThat(plan.entries()).extracting(ReloadPlan.Entry::kept).containsExactly(a, null);
    }
}
