package org.jkeepalived.config.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;

/**
 * Reads a keepalived.conf and everything it includes into logical lines, applying keepalived's
 * preprocessing in its order (lib/parser.c read_line, observed with 2.2.7):
 * <ol>
 * <li>physical lines are cut at 1023 bytes (fgets into a 1024-byte buffer); the rest becomes the next line;</li>
 * <li>comments ({@code #}, {@code !} outside quotes) are removed;</li>
 * <li>{@code include} lines are recognised before anything else, so they cannot be conditional;</li>
 * <li>{@code @id} / {@code @^id} conditionals against the config-id;</li>
 * <li>{@code $NAME=value} definitions (multi-line with a trailing {@code \});</li>
 * <li>parameter substitution, a multi-line parameter alone on a line becoming its lines;</li>
 * <li>{@code ~SEQ} / {@code ~LST} repetition.</li>
 * </ol>
 */
public final class ConfigReader {
    /** keepalived reads with fgets into a MAXBUF (1024) buffer. */
    public static final int MAX_LINE_BYTES = 1023;
    private static final int MAX_INCLUDE_DEPTH = 32;
    /** Bounds the work a pathological include graph can cause (a file including others many times over). */
    private static final int MAX_FILE_READS = 10_000;
    private static final Pattern DEFINITION = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Pattern INCLUDE = Pattern.compile("^(include[rmwba]?)(\\s+(.*))?$");

    private final ReaderOptions options;
    private final Diagnostics diagnostics;
    private final Params params;
    private final List<SourceLine> out = new ArrayList<>();
    private final List<Path> filesRead = new ArrayList<>();
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private int fileReads;

    public ConfigReader(ReaderOptions options, Diagnostics diagnostics) {
        this.options = options;
        this.diagnostics = diagnostics;
        this.params = new Params(options);
    }

    /** Reads {@code main} and its includes. A missing main file is reported as keepalived does. */
    public List<SourceLine> read(Path main) {
        Path abs = main.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            diagnostics.note(null, "Config files missing '" + main + "'.");
            return List.copyOf(out);
        }
        readFile(abs, main.toString(), 0);
        return List.copyOf(out);
    }

    /** Every file that was read, in order: what a reload must watch. */
    public List<Path> filesRead() {
        return List.copyOf(filesRead);
    }

    private void readFile(Path file, String shownName, int depth) {
        if (Files.isDirectory(file)) {
            diagnostics.note(null, "Configuration file '" + file + "/' is a directory - skipping");
            return;
        }
        // keepalived reads only regular files without execute permission (a FIFO would block us).
        if (!Files.isRegularFile(file) || isExecutable(file)) {
            diagnostics.note(null, "Configuration file '" + file + "' is not a regular non-executable file - skipping");
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.error(null, "Unable to open config file '" + file + "': " + e.getMessage());
            return;
        }
        if (++fileReads > MAX_FILE_READS) {
            diagnostics.note(null, "Configuration file '" + file + "' open problem (more than " + MAX_FILE_READS
                    + " files read) - skipping");
            return;
        }
        if (!filesRead.contains(file)) {
            filesRead.add(file);
        }
        includeStack.push(file);
        try {
            readLines(file, bytes, shownName, depth);
        } finally {
            includeStack.pop();
        }
    }

    private void readLines(Path file, byte[] bytes, String shownName, int depth) {
        String dir = file.getParent() == null ? "/" : file.getParent().toString();
        Deque<Pending> queue = new ArrayDeque<>(physicalLines(bytes, shownName));
        MultiLineDefinition multi = null;
        while (!queue.isEmpty()) {
            Pending p = queue.pollFirst();
            Location loc = p.location;
            if (p.bindings != null) {
                p.bindings.forEach((name, value) -> params.define(name, List.of(value)));
                continue;
            }
            String text = p.raw ? decomment(p.text) : p.text;
            if (multi != null) {
                String t = text.strip();
                boolean more = t.endsWith("\\");
                multi.lines.add(more ? t.substring(0, t.length() - 1).strip() : t);
                if (!more) {
                    params.define(multi.name, multi.lines.stream().filter(s -> !s.isEmpty()).toList());
                    multi = null;
                }
                continue;
            }
            String t = text.strip();
            if (t.isEmpty()) {
                continue;
            }
            Matcher inc = INCLUDE.matcher(t);
            if (p.raw && inc.matches()) {
                include(inc.group(1), inc.group(3), dir, loc, depth);
                continue;
            }
            if (t.charAt(0) == '@') {
                t = conditional(t);
                if (t == null) {
                    continue;
                }
            }
            Matcher def = DEFINITION.matcher(t);
            if (t.charAt(0) == '$' && def.matches()) {
                String name = def.group(1);
                String value = def.group(2).strip();
                if (name.startsWith("_")) {
                    diagnostics.error(loc, "Parameter names starting '_' are reserved - " + name);
                } else if (value.endsWith("\\")) {
                    multi = new MultiLineDefinition(name);
                    String first = value.substring(0, value.length() - 1).strip();
                    multi.lines.add(first);
                } else {
                    params.define(name, List.of(value));
                }
                continue;
            }
            String alone = aloneParameter(t);
            if (alone != null) {
                List<String> lines = params.multiLine(alone);
                if (lines != null) {
                    for (int i = lines.size() - 1; i >= 0; i--) {
                        queue.addFirst(new Pending(loc, lines.get(i), false));
                    }
                    continue;
                }
            }
            if (Repeats.isRepeat(t)) {
                Repeats.Expansion e = Repeats.parse(t, loc, diagnostics);
                for (int i = e.bindings().size() - 1; i >= 0; i--) {
                    queue.addFirst(new Pending(loc, e.rest(), false));
                    queue.addFirst(new Pending(loc, e.bindings().get(i)));
                }
                continue;
            }
            String substituted = params.substitute(t, loc, diagnostics, dir);
            if (Repeats.isRepeat(substituted.strip())) {
                queue.addFirst(new Pending(loc, substituted, false));
                continue;
            }
            out.add(new SourceLine(loc, substituted));
        }
        if (multi != null) {
            params.define(multi.name, multi.lines.stream().filter(s -> !s.isEmpty()).toList());
        }
    }

    private static boolean isExecutable(Path file) {
        try {
            return Files.getPosixFilePermissions(file).stream().anyMatch(p -> p.name().endsWith("_EXECUTE"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String aloneParameter(String t) {
        if (t.length() > 1 && t.charAt(0) == '$') {
            String name = t.startsWith("${") && t.endsWith("}") ? t.substring(2, t.length() - 1) : t.substring(1);
            for (int i = 0; i < name.length(); i++) {
                if (!Params.isNameChar(name.charAt(i))) {
                    return null;
                }
            }
            return name.isEmpty() ? null : name;
        }
        return null;
    }

    /** {@code @id rest} is kept when id equals the config-id; {@code @^id rest} when it differs. */
    private String conditional(String t) {
        boolean negate = t.startsWith("@^");
        int start = negate ? 2 : 1;
        int end = start;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
            end++;
        }
        String id = t.substring(start, end);
        boolean matches = id.equals(options.configId());
        if (matches == negate) {
            return null;
        }
        String rest = t.substring(end).strip();
        return rest.isEmpty() ? null : rest;
    }

    private void include(String variant, String argument, String dir, Location loc, int depth) {
        if (argument == null || argument.isBlank()) {
            diagnostics.error(loc, "No file specified for " + variant);
            return;
        }
        if (depth >= MAX_INCLUDE_DEPTH) {
            // keepalived recurses until it runs out of file descriptors and then skips the file with a
            // logged note (exit 0 in -t); we stop earlier, with the same verdict.
            diagnostics.note(loc, "Configuration file '" + argument + "' open problem (include nesting deeper than "
                    + MAX_INCLUDE_DEPTH + ") - skipping");
            return;
        }
        for (String word : argument.strip().split("\\s+")) {
            boolean any = false;
            for (String pattern : Includes.braces(word)) {
                String absPattern = pattern.startsWith("/") ? pattern : dir + "/" + pattern;
                List<Path> matches;
                try {
                    matches = Includes.glob(absPattern);
                } catch (java.nio.file.InvalidPathException e) {
                    matches = List.of(); // e.g. a NUL byte: no such file can exist
                }
                for (Path p : matches) {
                    if (!Files.exists(p)) {
                        continue;
                    }
                    any = true;
                    Path file = p.toAbsolutePath().normalize();
                    if (includeStack.contains(file)) {
                        // keepalived follows an include loop until it runs out of file descriptors, then
                        // skips the file with a note (exit 0 in -t); we skip the repeat at once. With two
                        // includes per level, following it would take 2^depth reads.
                        diagnostics.note(loc, "Configuration file '" + file + "' open problem (include loop) - skipping");
                        continue;
                    }
                    readFile(file, file.toString(), depth + 1);
                }
            }
            if (!any) {
                // keepalived 2.2.7 logs this but does not count it as a config error (exit 0).
                diagnostics.note(loc, "Config files missing '" + word + "'.");
            }
        }
    }

    /**
     * Removes a comment: {@code #} or {@code !} outside quotes ends the line. Backslash-escaped
     * {@code \#} and {@code \!} stay as literal characters.
     */
    static String decomment(String line) {
        if (line.indexOf('#') < 0 && line.indexOf('!') < 0) {
            return line;
        }
        StringBuilder b = new StringBuilder(line.length());
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                b.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                b.append(c);
            } else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '#' || line.charAt(i + 1) == '!')) {
                b.append(line.charAt(++i));
            } else if (c == '#' || c == '!') {
                break;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private List<Pending> physicalLines(byte[] bytes, String shownName) {
        List<Pending> lines = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i == bytes.length && start == i) {
                    break;
                }
                lineNo++;
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                int len = end - start;
                if (len > MAX_LINE_BYTES) {
                    diagnostics.note(new Location(shownName, lineNo), "Line too long (" + len
                            + " bytes); keepalived reads at most " + MAX_LINE_BYTES
                            + " bytes and treats the rest as a new line");
                }
                // fgets: keepalived reports the continuation of a long line with the same line number.
                for (int s = start; s < end; s += MAX_LINE_BYTES) {
                    int e = Math.min(end, s + MAX_LINE_BYTES);
                    lines.add(new Pending(new Location(shownName, lineNo),
                            new String(bytes, s, e - s, StandardCharsets.UTF_8), true));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** A line still to read, or (with {@code bindings}) loop variables to define before the next one. */
    private record Pending(Location location, String text, boolean raw, Map<String, String> bindings) {
        Pending(Location location, String text, boolean raw) {
            this(location, text, raw, null);
        }

        Pending(Location location, Map<String, String> bindings) {
            this(location, "", false, bindings);
        }
    }

    private static final class MultiLineDefinition {
        final String name;
        final List<String> lines = new ArrayList<>();

        MultiLineDefinition(String name) {
            this.name = name;
        }
    }

}
