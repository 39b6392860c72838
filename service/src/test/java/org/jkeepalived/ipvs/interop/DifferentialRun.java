package org.jkeepalived.ipvs.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the one guest script of a differential run (every scenario, keepalived then jkeepalived, in one VM boot)
 * and reads its captures back. Layout under the work directory (shared writable with the guest):
 * {@code expect/SCENARIO/LABEL.key} (keepalived's poll keys from the golden files), and
 * {@code out/SCENARIO/IMPL/{LABEL.raw,LABEL.key,events.txt,daemon.log}}.
 */
final class DifferentialRun {
    static final String KEEPALIVED = "keepalived";
    static final String JKEEPALIVED = "jkeepalived";

    private DifferentialRun() {
    }

    /** The scenarios: every {@code *.steps} file of the directory, by name. */
    static List<Scenario> scenarios(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".steps")).sorted()
                    .map(Scenario::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** keepalived 2.2.7's checker process only, in the foreground, logging to the console. */
    static String keepalivedCommand() {
        return "keepalived -C -n -l -D -p \"$RUN/k.pid\" -c \"$RUN/kc.pid\"";
    }

    /** jkeepalived's daemon with keepalived's flags, C1 only (the JVM starts faster under TCG). */
    static String jkeepalivedCommand(String java, String classPath) {
        return quote(java) + " -XX:TieredStopAtLevel=1 -cp " + quote(classPath)
                + " org.jkeepalived.daemon.Main -C -n -l -D -p \"$RUN/j.pid\" -c \"$RUN/jc.pid\"";
    }

    /**
     * The guest script. With {@code withJkeepalived} false only keepalived runs (recording golden files); a
     * keepalived capture without a golden file waits its whole MAX_SECONDS.
     */
    static String script(List<Scenario> scenarios, Path work, String jkeepalived, boolean withJkeepalived) {
        List<String> s = new ArrayList<>();
        Path harness = scenarios.get(0).dir().resolve("harness.sh");
        s.add("OUT=" + quote(work.resolve("out").toString()));
        s.add("RUN=/tmp/interop; mkdir -p \"$RUN\"");
        s.add("source " + quote(harness.toString()));
        s.add("t0=$(up)");
        for (Scenario sc : scenarios) {
            s.add("SCEN=" + quote(sc.dir().toString()));
            s.add("KNOWN=\" " + String.join(" ", sc.known().keySet()) + " \"");
            s.add("DAEMON=(" + keepalivedCommand() + ")");
            s.add("EXPECT=" + quote(work.resolve("expect").resolve(sc.name()).toString()));
            s.add("scenario_begin " + sc.name() + " " + KEEPALIVED);
            s.addAll(sc.bashSteps());
            s.add("scenario_end");
            if (withJkeepalived) {
                s.add("DAEMON=(" + jkeepalived + ")");
                s.add("EXPECT=\"$OUT/" + sc.name() + "/" + KEEPALIVED + "\"");
                s.add("scenario_begin " + sc.name() + " " + JKEEPALIVED);
                s.addAll(sc.bashSteps());
                s.add("scenario_end");
            }
        }
        s.add("echo \"interop: all scenarios took $(awk -v a=$t0 -v b=$(up) 'BEGIN { print b - a }') s\"");
        s.add("exit 0");
        return String.join("\n", s) + "\n";
    }

    /** Writes keepalived's expected poll keys from the golden files (the guest polls for them). */
    static void writeExpectations(List<Scenario> scenarios, Path work) throws IOException {
        for (Scenario sc : scenarios) {
            Path dir = Files.createDirectories(work.resolve("expect").resolve(sc.name()));
            if (!Files.isRegularFile(sc.golden())) {
                continue;
            }
            Map<String, String> golden = IpvsCapture.parseGolden(Files.readString(sc.golden()));
            for (Map.Entry<String, String> e : golden.entrySet()) {
                Files.writeString(dir.resolve(e.getKey() + ".key"), IpvsCapture.pollKey(e.getValue()) + "\n");
            }
        }
    }

    /** The canonical captures of one run, by label in the scenario's order (missing ones left out). */
    static Map<String, String> captures(Path work, Scenario sc, String impl) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Scenario.Capture c : sc.captures()) {
            Path raw = work.resolve("out").resolve(sc.name()).resolve(impl).resolve(c.label() + ".raw");
            if (Files.isRegularFile(raw)) {
                out.put(c.label(), IpvsCapture.canonical(Files.readString(raw, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** The poll keys the guest computed, by label (to check they equal {@link IpvsCapture#pollKey}). */
    static Map<String, String> guestKeys(Path work, Scenario sc, String impl) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Scenario.Capture c : sc.captures()) {
            Path key = work.resolve("out").resolve(sc.name()).resolve(impl).resolve(c.label() + ".key");
            if (Files.isRegularFile(key)) {
                out.put(c.label(), Files.readString(key).strip());
            }
        }
        return out;
    }

    /** A file of the run, or a note that it is missing. */
    static String file(Path work, Scenario sc, String impl, String name) {
        Path f = work.resolve("out").resolve(sc.name()).resolve(impl).resolve(name);
        try {
            return Files.isRegularFile(f) ? Files.readString(f) : "(no " + name + ")\n";
        } catch (IOException e) {
            return "(unreadable " + f + ": " + e + ")\n";
        }
    }

    /**
     * The guest classpath of jkeepalived's daemon: this JVM's test classpath (failsafe publishes it as
     * {@code surefire.test.class.path}, as KernelVm uses it for the JUnit launcher) without the test classes and
     * the JUnit and surefire jars: target/classes and the runtime dependencies (test-scoped jars are harmless).
     */
    static String daemonClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank())
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
                .filter(e -> !e.contains("/org/junit/") && !e.contains("surefire") && !e.contains("failsafe"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
