package org.jkeepalived.ipvs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.ipvs.sync.VirtualServerState.Change;
import org.jkeepalived.ipvs.sync.VirtualServerState.Destination;
import org.junit.jupiter.api.Test;

/** Real servers, weights, quorum with hysteresis and the sorry server (reference d), from parsed configs. */
class VirtualServerStateTest {

    private static VirtualServer vs(String vsBody, String... realServers) {
        StringBuilder b = new StringBuilder("virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  protocol TCP\n")
                .append(vsBody).append('\n');
        for (String rs : realServers) {
            b.append(rs).append('\n');
        }
        List<VirtualServer> all = ConfigFixture.load(b.append("}\n").toString()).config().lvs().virtualServers();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static String rs(String ip, String body) {
        return "  real_server " + ip + " 80 {\n" + body + "\n    TCP_CHECK {\n      connect_timeout 1\n    }\n  }";
    }

    /** A state after its start, where keepalived gains the quorum at once when the live weight allows. */
    private static VirtualServerState started(VirtualServer v, String name) {
        VirtualServerState s = new VirtualServerState(v, name);
        s.settle();
        return s;
    }

    @Test
    void theQuorumStartsLostAndIsGainedAtOnceAsAnAnnouncedChange() {
        VirtualServer v = vs("  quorum 2", rs("10.0.1.1", "    weight 2"));
        VirtualServerState s = new VirtualServerState(v, "[10.0.0.1]:tcp:80");
        assertThat(s.quorumUp()).isFalse();
        assertThat(s.settle()).containsExactly(
                new Change.QuorumChanged(true, 2, "Gained quorum 2+0=2 <= 2 for VS [10.0.0.1]:tcp:80"));
        assertThat(s.settle()).isEmpty();
    }

    private static List<String> dests(VirtualServerState s) {
        return s.destinations().stream().map(d -> d.address().getHostAddress() + "/" + d.weight()).toList();
    }

    @Test
    void realServersStartUpAndLeaveOrGoToWeightZeroWhenDown() {
        VirtualServer v = vs("", rs("10.0.1.1", "    weight 3"), rs("10.0.1.2", "    inhibit_on_failure"));
        VirtualServerState s = started(v, "[10.0.0.1]:tcp:80");
        assertThat(dests(s)).containsExactly("10.0.1.1/3", "10.0.1.2/1");
        RealServer a = v.realServers().get(0);
        RealServer b = v.realServers().get(1);
        assertThat(s.onRealServer(a, false, "connection refused")).containsExactly(
                new Change.RealServerChanged(a, false, "connection refused"));
        assertThat(s.onRealServer(b, false, "timeout")).hasSize(2) // b down and the quorum (1) lost: sum 0
                .last().isEqualTo(new Change.QuorumChanged(false, 0, "Lost quorum 1-0=1 > 0 for VS [10.0.0.1]:tcp:80"));
        assertThat(dests(s)).containsExactly("10.0.1.2/0");
        assertThat(s.onRealServer(b, false, "timeout")).as("a repeat changes nothing").isEmpty();
        assertThat(s.onRealServer(a, true, "")).last()
                .isEqualTo(new Change.QuorumChanged(true, 3, "Gained quorum 1+0=1 <= 3 for VS [10.0.0.1]:tcp:80"));
    }

    @Test
    void alphaStartsDownAndTheQuorumFollowsTheHysteresis() {
        VirtualServer v = vs("  alpha\n  quorum 4\n  hysteresis 1", rs("10.0.1.1", "    weight 2"),
                rs("10.0.1.2", "    weight 2"), rs("10.0.1.3", "    weight 2"));
        VirtualServerState s = started(v, "VS");
        assertThat(s.quorumUp()).isFalse();
        assertThat(s.destinations()).isEmpty();
        List<RealServer> r = v.realServers();
        assertThat(s.onRealServer(r.get(0), true, "")).hasSize(1);
        assertThat(s.onRealServer(r.get(1), true, "")).as("4 < quorum + hysteresis = 5").hasSize(1);
        assertThat(s.onRealServer(r.get(2), true, "")).last().extracting(c -> ((Change.QuorumChanged) c).up())
                .isEqualTo(true);
        assertThat(s.onRealServer(r.get(2), false, "")).as("4 is not below quorum - hysteresis = 3").hasSize(1);
        assertThat(s.quorumUp()).isTrue();
        assertThat(s.onRealServer(r.get(1), false, "")).last().extracting(c -> ((Change.QuorumChanged) c).up())
                .isEqualTo(false);
    }

    @Test
    void theSorryServerReplacesThePoolWhileQuorumIsLost() {
        VirtualServer v = vs("  quorum 2\n  sorry_server 10.0.9.9 80", rs("10.0.1.1", ""), rs("10.0.1.2", ""));
        VirtualServerState s = started(v, "VS");
        assertThat(dests(s)).containsExactly("10.0.1.1/1", "10.0.1.2/1");
        s.onRealServer(v.realServers().get(0), false, "");
        assertThat(s.quorumUp()).isFalse();
        assertThat(dests(s)).as("the live 10.0.1.2 leaves the pool too").containsExactly("10.0.9.9/1");
        s.onRealServer(v.realServers().get(0), true, "");
        assertThat(dests(s)).containsExactly("10.0.1.1/1", "10.0.1.2/1");
    }

    @Test
    void aDynamicWeightMovesTheQuorum() {
        VirtualServer v = vs("  quorum 5", rs("10.0.1.1", "    weight 5"));
        VirtualServerState s = started(v, "VS");
        RealServer a = v.realServers().get(0);
        assertThat(s.onWeight(a, 2)).singleElement()
                .isEqualTo(new Change.QuorumChanged(false, 2, "Lost quorum 5-0=5 > 2 for VS VS"));
        assertThat(s.destinations()).extracting(Destination::weight).containsExactly(2L);
    }
}
