package org.jkeepalived.ipvs.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureComparisonTest {
    private static final String A = IpvsCapture.canonical(IpvsCaptureTest.RAW);
    private static final String B = IpvsCapture.canonical(IpvsCaptureTest.RAW
            .replace("-a -t 127.0.0.1:8003 -r 127.0.0.9:9997 -m -w 0\n", "")
            .replace("Timeout (tcp tcpfin udp): 901 31 61", "Timeout (tcp tcpfin udp): 900 120 300"));

    private static Scenario scenario(String extra) {
        return Scenario.parse("s", Path.of("/x"), "start a.conf\ncapture running 5\nstop\ncapture stopped 5\n" + extra);
    }

    @Test
    void equalCapturesPass() {
        CaptureComparison.Result r = CaptureComparison.compare(scenario(""), "keepalived",
                Map.of("running", A, "stopped", B), "jkeepalived", Map.of("running", A, "stopped", B));
        assertThat(r.passed()).isTrue();
        assertThat(r.report()).contains("scenario s: same", "capture running: same", "capture stopped: same");
    }

    @Test
    void aDifferenceFailsAndShowsTheLinesOfEachSide() {
        CaptureComparison.Result r = CaptureComparison.compare(scenario(""), "keepalived",
                Map.of("running", A, "stopped", A), "jkeepalived", Map.of("running", B, "stopped", A));
        assertThat(r.passed()).isFalse();
        assertThat(r.report()).contains("scenario s: DIFFERENT", "capture running: DIFFERENT",
                "capture stopped: same",
                "    ipvsadm -Sn (sorted):\n      - -a -t 127.0.0.1:8003 -r 127.0.0.9:9997 -m -w 0\n",
                "    ipvsadm -L --timeout:\n      - Timeout (tcp tcpfin udp): 901 31 61\n"
                        + "      + Timeout (tcp tcpfin udp): 900 120 300\n");
        assertThat(r.report()).doesNotContain("-A -t 127.0.0.1:8001");
    }

    @Test
    void aMissingCaptureIsADifference() {
        CaptureComparison.Result r = CaptureComparison.compare(scenario(""), "keepalived",
                Map.of("running", A, "stopped", B), "jkeepalived", Map.of("running", A));
        assertThat(r.passed()).isFalse();
        assertThat(r.report()).contains("capture stopped: DIFFERENT", "+ (no capture)");
    }

    @Test
    void aKnownDifferenceIsReportedWithItsReasonAndDoesNotFail() {
        CaptureComparison.Result r = CaptureComparison.compare(
                scenario("known stopped jkeepalived restores no timeouts at exit\n"), "keepalived",
                Map.of("running", A, "stopped", A), "jkeepalived", Map.of("running", A, "stopped", B));
        assertThat(r.passed()).isTrue();
        assertThat(r.report()).contains("capture stopped: known difference",
                "known: jkeepalived restores no timeouts at exit", "+ Timeout (tcp tcpfin udp): 900 120 300");
    }

    @Test
    void aKnownDifferenceThatNoLongerDiffersFails() {
        CaptureComparison.Result r = CaptureComparison.compare(scenario("known stopped some reason\n"),
                "keepalived", Map.of("running", A, "stopped", B), "jkeepalived", Map.of("running", A, "stopped", B));
        assertThat(r.passed()).isFalse();
        assertThat(r.report()).contains("capture stopped: marked known but now the SAME: remove the known line");
    }
}
