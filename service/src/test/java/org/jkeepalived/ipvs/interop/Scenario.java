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
import java.util.regex.Pattern;

/**
 * One differential scenario: a {@code NAME.steps} file of guest steps, run once against keepalived and once against
 * jkeepalived. Steps, one per line ({@code #} starts a comment):
 * <pre>
 * listen ADDR PORT          a TCP listener in the guest (returns once it accepts)
 * unlisten ADDR PORT        ends that listener
 * ipvsadm ARGS...           runs ipvsadm (e.g. rules that exist before the daemon starts)
 * start CONF [FLAGS...]     starts the daemon on CONF (a file next to the steps) with extra keepalived flags
 * reload CONF               replaces the live config with CONF and sends SIGHUP
 * stop                      SIGTERM, then waits for the daemon to exit
 * sleep SECONDS
 * capture LABEL MAX_SECONDS waits until the tables equal the expected ones (at most MAX_SECONDS), then saves them
 * known LABEL REASON...     the capture LABEL differs on purpose: reported with REASON, not a failure
 * </pre>
 */
record Scenario(String name, Path dir, List<List<String>> steps, List<Capture> captures, Map<String, String> known) {
    /** A capture step: its label and how long it may wait for the expected tables. */
    record Capture(String label, int maxSeconds) {
    }

    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:/\\[\\],=+-]+");

    static Scenario load(Path stepsFile) {
        try {
            String file = stepsFile.getFileName().toString();
            return parse(file.substring(0, file.length() - ".steps".length()), stepsFile.getParent(),
                    Files.readString(stepsFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario parse(String name, Path dir, String text) {
        List<List<String>> steps = new ArrayList<>();
        List<Capture> captures = new ArrayList<>();
        Map<String, String> known = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> w = Arrays.asList(line.split("\\s+"));
            String where = name + ".steps:" + lineNo + ": ";
            switch (w.get(0)) {
                case "known" -> {
                    require(w.size() >= 3 && LABEL.matcher(w.get(1)).matches(), where + "known LABEL REASON...");
                    known.put(w.get(1), String.join(" ", w.subList(2, w.size())));
                    continue;
                }
                case "capture" -> {
                    require(w.size() == 3 && LABEL.matcher(w.get(1)).matches() && w.get(2).matches("\\d+"),
                            where + "capture LABEL MAX_SECONDS");
                    require(captures.stream().noneMatch(c -> c.label().equals(w.get(1))),
                            where + "label " + w.get(1) + " used twice");
                    captures.add(new Capture(w.get(1), Integer.parseInt(w.get(2))));
                }
                case "listen", "unlisten" -> require(w.size() == 3, where + w.get(0) + " ADDR PORT");
                case "start" -> require(w.size() >= 2, where + "start CONF [FLAGS...]");
                case "reload" -> require(w.size() == 2, where + "reload CONF");
                case "stop" -> require(w.size() == 1, where + "stop");
                case "sleep" -> require(w.size() == 2 && w.get(1).matches("\\d+(\\.\\d+)?"), where + "sleep SECONDS");
                case "ipvsadm" -> require(true, "");
                default -> throw new IllegalArgumentException(where + "unknown step " + w.get(0));
            }
            for (String word : w) {
                require(WORD.matcher(word).matches(), where + "unexpected characters in " + word);
            }
            steps.add(List.copyOf(w));
        }
        for (String label : known.keySet()) {
            require(captures.stream().anyMatch(c -> c.label().equals(label)), name + ": known " + label
                    + " names no capture");
        }
        require(!captures.isEmpty(), name + ": no capture step");
        return new Scenario(name, dir, List.copyOf(steps), List.copyOf(captures), Map.copyOf(known));
    }

    /** The configs the steps start or reload with. */
    List<String> configs() {
        return steps.stream().filter(s -> s.get(0).equals("start") || s.get(0).equals("reload"))
                .map(s -> s.get(1)).distinct().toList();
    }

    /** The bash lines of this scenario for harness.sh: one function call per step ({@code ipvsadm} through run). */
    List<String> bashSteps() {
        return steps.stream().map(s -> s.get(0).equals("ipvsadm") ? "run " + String.join(" ", s)
                : String.join(" ", s)).toList();
    }

    /** The golden file of keepalived's captures, next to the steps. */
    Path golden() {
        return dir.resolve(name + ".keepalived.txt");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
