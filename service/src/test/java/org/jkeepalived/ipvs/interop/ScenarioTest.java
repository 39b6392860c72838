package org.jkeepalived.ipvs.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioTest {
    private static final Path DIR = Path.of(System.getProperty("basedir", "."),
            "src/test/resources/ipvs/scenarios").toAbsolutePath();

    @Test
    void parsesStepsCapturesAndKnownDifferences() {
        Scenario s = Scenario.parse("x", DIR, """
                # comment
                listen 127.0.0.2 8081   # trailing comment
                ipvsadm -A -t 127.0.0.1:8010 -s wlc -p 100
                start a.conf -I
                capture running 25
                reload b.conf
                capture reloaded 10
                known reloaded keepalived re-adds the server; jkeepalived keeps it down
                stop
                """);
        assertThat(s.captures()).containsExactly(new Scenario.Capture("running", 25),
                new Scenario.Capture("reloaded", 10));
        assertThat(s.known()).isEqualTo(Map.of("reloaded", "keepalived re-adds the server; jkeepalived keeps it down"));
        assertThat(s.configs()).containsExactly("a.conf", "b.conf");
        assertThat(s.bashSteps()).containsExactly("listen 127.0.0.2 8081",
                "run ipvsadm -A -t 127.0.0.1:8010 -s wlc -p 100", "start a.conf -I", "capture running 25",
                "reload b.conf", "capture reloaded 10", "stop");
    }

    @Test
    void rejectsUnknownStepsDuplicateLabelsAndShellCharacters() {
        assertThatThrownBy(() -> Scenario.parse("x", DIR, "bogus 1\ncapture a 1\n"))
                .hasMessageContaining("x.steps:1: unknown step bogus");
        assertThatThrownBy(() -> Scenario.parse("x", DIR, "capture a 1\ncapture a 2\n"))
                .hasMessageContaining("label a used twice");
        assertThatThrownBy(() -> Scenario.parse("x", DIR, "ipvsadm -C;reboot\ncapture a 1\n"))
                .hasMessageContaining("unexpected characters");
        assertThatThrownBy(() -> Scenario.parse("x", DIR, "capture a 1\nknown b why\n"))
                .hasMessageContaining("known b names no capture");
        assertThatThrownBy(() -> Scenario.parse("x", DIR, "start a.conf\n")).hasMessageContaining("no capture");
    }

    @Test
    void everyShippedScenarioParsesAndHasItsConfigsAndGoldenFile() {
        List<Scenario> all = DifferentialRun.scenarios(DIR);
        assertThat(all).extracting(Scenario::name)
                .contains("adopt", "checkers", "flush", "kernel-view", "reload");
        for (Scenario s : all) {
            for (String conf : s.configs()) {
                assertThat(DIR.resolve(conf)).as(s.name() + " config").isRegularFile();
            }
            assertThat(s.golden()).as(s.name() + " golden file").isRegularFile();
            assertThat(IpvsCapture.parseGolden(readString(s.golden())).keySet()).as(s.name() + " golden labels")
                    .containsExactlyElementsOf(s.captures().stream().map(Scenario.Capture::label).toList());
        }
    }

    @Test
    void theGuestScriptRunsEachScenarioOnBothDaemons() {
        List<Scenario> all = DifferentialRun.scenarios(DIR);
        String script = DifferentialRun.script(all, Path.of("/w"), "JK", true);
        for (Scenario s : all) {
            assertThat(script).contains("scenario_begin " + s.name() + " keepalived\n",
                    "scenario_begin " + s.name() + " jkeepalived\n", "EXPECT=\"$OUT/" + s.name() + "/keepalived\"");
        }
        assertThat(script).contains("DAEMON=(keepalived -C -n -l -D ", "DAEMON=(JK)");
        assertThat(DifferentialRun.script(all, Path.of("/w"), "JK", false)).doesNotContain("jkeepalived");
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
