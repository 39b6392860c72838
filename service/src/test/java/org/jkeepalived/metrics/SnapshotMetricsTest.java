package org.jkeepalived.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.vrrp.VrrpState;
import org.junit.jupiter.api.Test;

/**
 * The exposition of a hand-built snapshot, pinned to the byte (src/test/resources/metrics/fixture.prom; after a
 * deliberate change, regenerate it with {@link DumpFixtureMain}, read the diff, and let PrometheusIT lint it).
 */
class SnapshotMetricsTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = SnapshotMetricsTest.class.getResourceAsStream("/metrics/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theFixtureRendersExactly() throws IOException {
        String text = SnapshotMetrics.render(MetricsFixture.snapshot(), MetricsFixture.NOW);
        assertThat(text).isEqualTo(resource("fixture.prom"));
    }

    @Test
    void beforeTheFirstConfigurationOnlyTheDaemonFamiliesAreServedAndUpIsZero() {
        String text = SnapshotMetrics.render(StatusSnapshot.empty("jkeepalived 0.1.0", 0), 3_500_000_000L);
        assertThat(text).isEqualTo("""
                # HELP keepalived_up 1 when a configuration is running
                # TYPE keepalived_up gauge
                keepalived_up 0
                # HELP jkeepalived_build_info Always 1; the version is the label
                # TYPE jkeepalived_build_info gauge
                jkeepalived_build_info{version="jkeepalived 0.1.0"} 1
                # HELP jkeepalived_uptime_seconds Seconds since the daemon started
                # TYPE jkeepalived_uptime_seconds gauge
                jkeepalived_uptime_seconds 3.5
                # HELP jkeepalived_status_age_seconds Age of the status snapshot served (refreshed every second and on every state change)
                # TYPE jkeepalived_status_age_seconds gauge
                jkeepalived_status_age_seconds 3.5
                """);
    }

    @Test
    void theStateFollowsKeepalivedsNumbers() {
        assertThat(List.of(VrrpState.values()).stream().map(SnapshotMetrics::stateNumber).toList())
                .containsExactly(0, 1, 2, 3, 5);
    }

    @Test
    void withoutIpvsTheKernelCountersAreLeftOutButTheCheckerVerdictsStay() {
        StatusSnapshot s = MetricsFixture.snapshot();
        StatusSnapshot noKernel = new StatusSnapshot(s.generation(), s.takenAtNanos(), s.startedAtNanos(),
                s.version(), s.config(), s.instances(), List.copyOf(s.syncGroups().values()), s.trackers(),
                new LvsStatus(false, s.lvs().virtualServers()), Map.of());
        String text = SnapshotMetrics.render(noKernel, MetricsFixture.NOW);
        assertThat(text).doesNotContain("\nkeepalived_lvs_", "# TYPE keepalived_lvs_").contains(
                "jkeepalived_lvs_real_server_up{virtual_server=\"[192.0.2.50]:tcp:80\",real_server=\"[10.0.0.2]:tcp:80\","
                        + "sorry=\"false\"} 0");
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        Exposition e = new Exposition();
        e.family("x_total", Exposition.Type.COUNTER, "a\\b\nc", "name").sample(1, "q\"uo\\te\nnl");
        assertThat(e.text()).isEqualTo("""
                # HELP x_total a\\\\b\\nc
                # TYPE x_total counter
                x_total{name="q\\"uo\\\\te\\nnl"} 1
                """);
    }

    @Test
    void valuesAreIntegersWhenWholeAndTheFormatsSpecialsOtherwise() {
        assertThat(Exposition.format(7_000_000_000d)).isEqualTo("7000000000");
        assertThat(Exposition.format(0.25)).isEqualTo("0.25");
        assertThat(Exposition.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Exposition.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    @Test
    void aFamilyStartedTwiceIsABug() {
        Exposition e = new Exposition();
        e.family("a", Exposition.Type.GAUGE, "h");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.family("a", Exposition.Type.GAUGE, "h"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endpointsGiveTheExportersAddrAndProto() {
        assertThat(Endpoint.parse("[192.0.2.1]:tcp:80")).isEqualTo(new Endpoint("192.0.2.1:80", "6"));
        assertThat(Endpoint.parse("[2001:db8::1]:udp:53")).isEqualTo(new Endpoint("[2001:db8::1]:53", "17"));
        assertThat(Endpoint.parse("[192.0.2.1]:sctp:9")).isEqualTo(new Endpoint("192.0.2.1:9", "132"));
        assertThat(Endpoint.parse("FWM 5")).isEqualTo(new Endpoint("FWM 5", ""));
        assertThat(Endpoint.parse("[grp]:0")).isEqualTo(new Endpoint("[grp]:0", ""));
    }
}
