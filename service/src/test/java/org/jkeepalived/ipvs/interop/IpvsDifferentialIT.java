package org.jkeepalived.ipvs.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jkeepalived.kernelvm.KernelVm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differential IPVS test: keepalived 2.2.7 (the oracle) and jkeepalived's daemon run the same scenarios
 * ({@code src/test/resources/ipvs/scenarios/*.steps}) against the real IPVS of the qemu guest, in one VM boot, and
 * the kernel's tables are compared capture by capture. Two verdicts: keepalived still produces its golden files
 * ({@code NAME.keepalived.txt}: the oracle has not moved), and jkeepalived produces what keepalived did.
 *
 * <p>{@code -Dipvs.interop.record=true} runs keepalived only and rewrites the golden files (review the diff).
 * {@code -Dipvs.interop.self=true} runs keepalived in jkeepalived's place: a check of the harness itself (every
 * capture must then compare equal).
 * Results and logs: {@code target/ipvs-interop/out/SCENARIO/IMPL/}.
 */
class IpvsDifferentialIT {
    private static final boolean RECORD = Boolean.getBoolean("ipvs.interop.record");
    private static final boolean SELF = Boolean.getBoolean("ipvs.interop.self");
    private static Path work;
    private static List<Scenario> scenarios;
    private static KernelVm.Result vm;

    @BeforeAll
    static void runAllScenariosInOneBoot() throws IOException {
        KernelVm.require();
        Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path dir = basedir.resolve("src/test/resources/ipvs/scenarios");
        scenarios = DifferentialRun.scenarios(dir);
        work = basedir.resolve("target/ipvs-interop");
        deleteTree(work);
        Files.createDirectories(work.resolve("out"));
        if (!RECORD) {
            DifferentialRun.writeExpectations(scenarios, work);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jkeepalived = SELF ? DifferentialRun.keepalivedCommand()
                : DifferentialRun.jkeepalivedCommand(java, DifferentialRun.daemonClassPath());
        vm = KernelVm.run(DifferentialRun.script(scenarios, work, jkeepalived, !RECORD), 600, List.of(work));
        assertThat(vm.exitCode()).as("the guest script failed:\n%s", vm.output()).isZero();
        if (RECORD) {
            for (Scenario sc : scenarios) {
                Map<String, String> caps = DifferentialRun.captures(work, sc, DifferentialRun.KEEPALIVED);
                Files.writeString(sc.golden(), IpvsCapture.golden(caps));
            }
        }
    }

    @Test
    void keepalivedStillProducesItsGoldenTables() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Scenario sc : scenarios) {
            assertThat(sc.golden()).as("golden file of %s (record with -Dipvs.interop.record=true)", sc.name())
                    .isRegularFile();
            Map<String, String> golden = IpvsCapture.parseGolden(Files.readString(sc.golden()));
            Map<String, String> live = DifferentialRun.captures(work, sc, DifferentialRun.KEEPALIVED);
            // the guest's poll key must be the host's, or the guest waits for a table it never recognises
            DifferentialRun.guestKeys(work, sc, DifferentialRun.KEEPALIVED).forEach((label, key) ->
                    assertThat(key).as("guest poll key of %s/%s", sc.name(), label)
                            .isEqualTo(IpvsCapture.pollKey(live.get(label))));
            CaptureComparison.Result r = CaptureComparison.compare(withoutKnown(sc), "golden", golden,
                    "keepalived now", live);
            if (!r.passed()) {
                failures.add(r.report() + "events:\n"
                        + DifferentialRun.file(work, sc, DifferentialRun.KEEPALIVED, "events.txt"));
            }
        }
        assertThat(failures).as("keepalived 2.2.7 no longer produces its golden tables (the oracle moved: check "
                + "the guest, then re-record with -Dipvs.interop.record=true):\n%s", String.join("\n", failures))
                .isEmpty();
    }

    @Test
    void jkeepalivedProgramsTheTablesKeepalivedDoes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(RECORD, "recording: keepalived only");
        List<String> reports = new ArrayList<>();
        boolean passed = true;
        for (Scenario sc : scenarios) {
            CaptureComparison.Result r = CaptureComparison.compare(sc, DifferentialRun.KEEPALIVED,
                    DifferentialRun.captures(work, sc, DifferentialRun.KEEPALIVED), DifferentialRun.JKEEPALIVED,
                    DifferentialRun.captures(work, sc, DifferentialRun.JKEEPALIVED));
            passed &= r.passed();
            String report = r.report();
            if (!r.passed()) {
                report += "  jkeepalived events:\n" + indent(DifferentialRun.file(work, sc,
                        DifferentialRun.JKEEPALIVED, "events.txt")) + "  jkeepalived log (tail):\n"
                        + indent(tail(DifferentialRun.file(work, sc, DifferentialRun.JKEEPALIVED, "daemon.log"), 15));
            }
            reports.add(report);
        }
        System.out.println(String.join("\n", reports));
        assertThat(passed).as("jkeepalived's IPVS tables differ from keepalived 2.2.7's in the same scenarios "
                + "(full logs under %s):\n%s", work.resolve("out"), String.join("\n", reports)).isTrue();
    }

    /** The oracle check compares every capture: known differences concern jkeepalived only. */
    private static Scenario withoutKnown(Scenario sc) {
        return new Scenario(sc.name(), sc.dir(), sc.steps(), sc.captures(), Map.of());
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length))
                + "\n";
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
