package org.jkeepalived.notify.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jkeepalived.notify.interop.Scenario.Run;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tier 4, differential: each {@link Scenarios tracking scenario} runs against Debian's keepalived 2.2.7 and against
 * jkeepalived at the same time, each in its own lab (namespaces {@code jktk-*} and {@code jktj-*}), with the same
 * configuration and the same events at the same moments. The notify-script calls (per script, arguments in order),
 * the fifo lines and the states each daemon logged ("Entering X STATE", "Syncing instances to X state") must be
 * equal. A table per scenario is printed either way.
 */
class TrackingDifferentialIT {
    @TempDir
    Path dir;

    @BeforeEach
    void privileged() {
        Privileged.require("ip", "keepalived", "mkfifo");
    }

    /**
     * The daemon compared with keepalived: jkeepalived; {@code -Dtracking.daemon=keepalived} compares keepalived
     * with itself, the control that shows every scenario is deterministic (a difference there is a race in the
     * scenario, not a bug).
     */
    private static final Kind OTHER = "keepalived".equals(System.getProperty("tracking.daemon"))
            ? Kind.KEEPALIVED : Kind.JKEEPALIVED;

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameSequences(Scenario scenario) throws Exception {
        CompletableFuture<Run> k = CompletableFuture.supplyAsync(() -> run(scenario, Kind.KEEPALIVED, "k"));
        CompletableFuture<Run> j = CompletableFuture.supplyAsync(() -> run(scenario, OTHER, "j"));
        Run kr = k.join();
        Run jr = j.join();
        String table = table(scenario, kr, jr);
        System.out.println(table);
        assertThat(kr.recording().keySet()).as("keepalived's own states (is the lab working?)\n" + kr.log())
                .anyMatch(c -> c.startsWith("log"));
        assertThat(jr.recording()).as(table + "\njkeepalived's log:\n" + jr.log()).isEqualTo(kr.recording());
    }

    private Run run(Scenario scenario, Kind kind, String tag) {
        try {
            return scenario.run(kind, dir, tag);
        } catch (Exception e) {
            throw new IllegalStateException(kind.label + " in " + scenario + ": " + e, e);
        }
    }

    /** One row per recorded line: channel, position, keepalived's, jkeepalived's, and "=" or "≠". */
    static String table(Scenario scenario, Run k, Run j) {
        Set<String> channels = new LinkedHashSet<>(k.recording().keySet());
        channels.addAll(j.recording().keySet());
        List<String[]> rows = new ArrayList<>();
        boolean same = true;
        for (String c : channels) {
            List<String> a = k.recording().getOrDefault(c, List.of());
            List<String> b = j.recording().getOrDefault(c, List.of());
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String x = i < a.size() ? shown(a.get(i)) : "-";
                String y = i < b.size() ? shown(b.get(i)) : "-";
                boolean eq = i < a.size() && i < b.size() && x.equals(y);
                same &= eq;
                rows.add(new String[] {c, String.valueOf(i + 1), x, y, eq ? "=" : "DIFF"});
            }
        }
        int w0 = 7;
        int w2 = 10;
        int w3 = 11;
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w2 = Math.max(w2, r[2].length());
            w3 = Math.max(w3, r[3].length());
        }
        String fmt = "| %-" + w0 + "s | %2s | %-" + w2 + "s | %-" + w3 + "s | %-4s |%n";
        StringBuilder b = new StringBuilder();
        b.append("### ").append(scenario.name()).append(": ").append(same ? "MATCHED" : "DIFFERED")
                .append(String.format(" (%s %d ms, %s %d ms)%n", k.kind().label, k.millis(), j.kind().label,
                        j.millis()));
        b.append("events: ").append(scenario.steps().stream().map(Scenario.Step::what).toList()).append('\n');
        b.append(String.format(fmt, "channel", "#", k.kind().label, j.kind().label, ""));
        for (String[] r : rows) {
            b.append(String.format(fmt, (Object[]) r));
        }
        return b.toString();
    }

    /** An empty argument list (the specific notify scripts get none) as {@code (no args)}. */
    private static String shown(String line) {
        return line.isEmpty() ? "(no args)" : line;
    }

    /** The recordings as a map, for callers that want to print one side alone. */
    static String describe(Map<String, List<String>> recording) {
        StringBuilder b = new StringBuilder();
        recording.forEach((c, lines) -> lines.forEach(l -> b.append(c).append(": ").append(l).append('\n')));
        return b.toString();
    }
}
