package org.jkeepalived.ipvs.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two runs of a scenario capture by capture (keepalived's, the reference, against the other daemon's) and
 * writes a readable report: per differing section the lines only keepalived has ({@code -}) and only the other has
 * ({@code +}). A capture the scenario marks {@code known} is reported with its reason and does not fail; a known
 * difference that no longer differs fails, so that the stale marker is removed.
 */
final class CaptureComparison {
    enum Outcome { SAME, DIFFERENT, KNOWN, KNOWN_BUT_SAME }

    /** One capture's verdict; {@code diff} is empty when the two are equal. */
    record Step(String label, Outcome outcome, String diff) {
    }

    /** The verdict of one scenario. */
    record Result(String scenario, String reference, String other, List<Step> steps) {
        boolean passed() {
            return steps.stream().allMatch(s -> s.outcome() == Outcome.SAME || s.outcome() == Outcome.KNOWN);
        }

        String report() {
            StringBuilder b = new StringBuilder();
            b.append("scenario ").append(scenario).append(": ").append(passed() ? "same" : "DIFFERENT")
                    .append(" (").append(reference).append(" vs ").append(other).append(")\n");
            for (Step s : steps) {
                b.append("  capture ").append(s.label()).append(": ").append(switch (s.outcome()) {
                    case SAME -> "same";
                    case DIFFERENT -> "DIFFERENT";
                    case KNOWN -> "known difference";
                    case KNOWN_BUT_SAME -> "marked known but now the SAME: remove the known line";
                }).append('\n').append(s.diff());
            }
            return b.toString();
        }
    }

    private CaptureComparison() {
    }

    /**
     * Compares the captures by the scenario's labels, in order. A missing capture (the run stopped early) is
     * compared as the text {@code (no capture)}.
     */
    static Result compare(Scenario scenario, String reference, Map<String, String> referenceCaptures, String other,
            Map<String, String> otherCaptures) {
        List<Step> steps = new ArrayList<>();
        for (Scenario.Capture c : scenario.captures()) {
            String a = referenceCaptures.getOrDefault(c.label(), "(no capture)\n");
            String b = otherCaptures.getOrDefault(c.label(), "(no capture)\n");
            String reason = scenario.known().get(c.label());
            boolean same = a.equals(b);
            String diff = same ? "" : diff(a, b, reference, other);
            Outcome outcome = reason == null ? (same ? Outcome.SAME : Outcome.DIFFERENT)
                    : (same ? Outcome.KNOWN_BUT_SAME : Outcome.KNOWN);
            if (reason != null) {
                diff = "    known: " + reason + "\n" + diff;
            }
            steps.add(new Step(c.label(), outcome, diff));
        }
        return new Result(scenario.name(), reference, other, steps);
    }

    /** Section by section: the lines only in {@code a} ("-") and only in {@code b} ("+"), as multisets. */
    static String diff(String a, String b, String nameA, String nameB) {
        Map<String, List<String>> sa = sectionsOrWhole(a);
        Map<String, List<String>> sb = sectionsOrWhole(b);
        Map<String, Boolean> headers = new LinkedHashMap<>();
        sa.keySet().forEach(h -> headers.put(h, true));
        sb.keySet().forEach(h -> headers.put(h, true));
        StringBuilder out = new StringBuilder();
        out.append("    (- only ").append(nameA).append(", + only ").append(nameB).append(")\n");
        for (String h : headers.keySet()) {
            List<String> onlyA = new ArrayList<>(sa.getOrDefault(h, List.of()));
            List<String> onlyB = new ArrayList<>(sb.getOrDefault(h, List.of()));
            for (String line : List.copyOf(onlyA)) {
                if (onlyB.remove(line)) {
                    onlyA.remove(line);
                }
            }
            if (onlyA.isEmpty() && onlyB.isEmpty()) {
                continue;
            }
            out.append("    ").append(h).append('\n');
            onlyA.forEach(l -> out.append("      - ").append(l).append('\n'));
            onlyB.forEach(l -> out.append("      + ").append(l).append('\n'));
        }
        return out.toString();
    }

    private static Map<String, List<String>> sectionsOrWhole(String text) {
        Map<String, List<String>> s = IpvsCapture.canonicalSections(text);
        if (s.values().stream().allMatch(List::isEmpty) && !text.isBlank()) {
            return Map.of("(text)", List.of(text.strip().split("\n")));
        }
        return s;
    }
}
