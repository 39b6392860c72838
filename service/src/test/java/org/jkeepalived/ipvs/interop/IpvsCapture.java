package org.jkeepalived.ipvs.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's IPVS tables as one capture of the differential harness, normalised so that two daemons that program
 * the same rules in another order compare equal: {@code ipvsadm -Sn} sorted, {@code ipvsadm -Ln} without its header
 * and connection counters with each destination prefixed by its service and sorted, the timeouts, the sync daemon,
 * and the lines the scenario's quorum scripts wrote (sorted: the scripts run asynchronously).
 *
 * <p>The guest writes a raw capture: sections {@code #S} (ipvsadm -Sn), {@code #L} (-Ln), {@code #H} (-Ln
 * --thresholds: the upper and lower connection thresholds, which -Sn does not show), {@code #T} (-L --timeout),
 * {@code #D} (-L --daemon) and {@code #N} (the notify file), see harness.sh.
 */
final class IpvsCapture {
    static final String SAVE = "ipvsadm -Sn (sorted):";
    static final String LIST = "ipvsadm -Ln (sorted, counters dropped):";
    static final String THRESHOLDS = "ipvsadm -Ln --thresholds (sorted, counters dropped):";
    static final String TIMEOUT = "ipvsadm -L --timeout:";
    static final String DAEMON = "ipvsadm -L --daemon:";
    static final String NOTIFY = "quorum scripts (sorted):";
    private static final String GOLDEN_MARK = "=== capture ";

    private IpvsCapture() {
    }

    /** The canonical text of a raw guest capture. */
    static String canonical(String raw) {
        Map<String, List<String>> sections = sections(raw);
        StringBuilder b = new StringBuilder();
        section(b, SAVE, sorted(sections.get("S")));
        section(b, LIST, list(sections.get("L")));
        section(b, THRESHOLDS, list(sections.get("H")));
        section(b, TIMEOUT, sections.get("T"));
        section(b, DAEMON, sections.get("D"));
        section(b, NOTIFY, sorted(sections.get("N")));
        return b.toString();
    }

    /**
     * What the guest polls for before it takes a capture, from a canonical capture: the sorted -Sn lines, the
     * timeout line and the sorted notify lines, joined by newlines (harness.sh's {@code key}).
     */
    static String pollKey(String canonical) {
        Map<String, List<String>> s = canonicalSections(canonical);
        List<String> key = new ArrayList<>(s.getOrDefault(SAVE, List.of()));
        key.addAll(s.getOrDefault(TIMEOUT, List.of()));
        key.addAll(s.getOrDefault(NOTIFY, List.of()));
        return String.join("\n", key);
    }

    /** A canonical capture's sections by header, in order, each with its lines (without the indentation). */
    static Map<String, List<String>> canonicalSections(String canonical) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : canonical.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("  ")) {
                current = new ArrayList<>();
                out.put(line, current);
            } else if (current != null) {
                current.add(line.substring(2));
            }
        }
        return out;
    }

    /** The golden file of a scenario: its captures in order, each after a {@code === capture LABEL} line. */
    static String golden(Map<String, String> canonicalByLabel) {
        StringBuilder b = new StringBuilder();
        canonicalByLabel.forEach((label, text) -> b.append(GOLDEN_MARK).append(label).append('\n').append(text));
        return b.toString();
    }

    static Map<String, String> parseGolden(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String label = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith(GOLDEN_MARK)) {
                if (label != null) {
                    out.put(label, body.toString());
                }
                label = line.substring(GOLDEN_MARK.length()).strip();
                body.setLength(0);
            } else if (label != null) {
                body.append(line).append('\n');
            }
        }
        if (label != null) {
            out.put(label, body.toString());
        }
        return out;
    }

    private static Map<String, List<String>> sections(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : List.of("S", "L", "H", "T", "D", "N")) {
            out.put(name, new ArrayList<>());
        }
        List<String> current = null;
        for (String line : raw.split("\n")) {
            if (line.length() == 2 && line.charAt(0) == '#' && out.containsKey(line.substring(1))) {
                current = out.get(line.substring(1));
            } else if (current != null && !line.isBlank()) {
                current.add(line.strip());
            }
        }
        return out;
    }

    /**
     * -Ln and -Ln --thresholds: drops the header lines and the two connection counters (the last two columns of
     * both); a destination line carries its service.
     */
    private static List<String> list(List<String> lines) {
        List<String> out = new ArrayList<>();
        String service = "?";
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (line.startsWith("IP Virtual Server") || line.startsWith("Prot ")
                    || (f[0].equals("->") && f.length > 1 && f[1].equals("RemoteAddress:Port"))) {
                continue;
            }
            if (f[0].equals("->")) {
                // -> ADDR:PORT FORWARD WEIGHT ACTIVECONN INACTCONN
                int keep = Math.min(f.length, 4);
                out.add(service + " " + String.join(" ", java.util.Arrays.copyOfRange(f, 0, keep)));
            } else {
                service = String.join(" ", f);
                out.add(service);
            }
        }
        return sorted(out);
    }

    private static List<String> sorted(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.sort(null);
        return out;
    }

    private static void section(StringBuilder b, String header, List<String> lines) {
        b.append(header).append('\n');
        for (String line : lines) {
            b.append("  ").append(line).append('\n');
        }
    }
}
