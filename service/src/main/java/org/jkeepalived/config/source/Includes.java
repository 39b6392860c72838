package org.jkeepalived.config.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands an include pattern the way keepalived does with glob(3) and GLOB_BRACE: csh brace
 * expansion first, then wildcards per path component, matches sorted. A pattern with no wildcard
 * is returned as is, existing or not, so that the caller can decide what a missing file means.
 */
final class Includes {
    private Includes() {
    }

    static List<String> braces(String pattern) {
        int open = -1;
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (c == '}' && depth > 0 && --depth == 0) {
                String head = pattern.substring(0, open);
                String tail = pattern.substring(i + 1);
                List<String> out = new ArrayList<>();
                for (String alt : splitAlternatives(pattern.substring(open + 1, i))) {
                    out.addAll(braces(head + alt + tail));
                }
                return out;
            }
        }
        return List.of(pattern);
    }

    private static List<String> splitAlternatives(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /**
     * A matcher for one path component. Braces were expanded already, so any left are literal; a
     * pattern Java cannot compile (an unclosed {@code [}) matches only its own text, as glob(3) does.
     */
    private static PathMatcher matcher(String part) {
        String escaped = part.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}");
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + escaped);
        } catch (java.util.regex.PatternSyntaxException e) {
            return p -> p.toString().equals(part);
        }
    }

    /** Files matching one brace-free pattern (absolute), sorted as glob(3) sorts them. */
    static List<Path> glob(String pattern) {
        if (!hasWildcard(pattern)) {
            return List.of(Path.of(pattern));
        }
        Path abs = Path.of(pattern);
        Path root = abs.getRoot() == null ? Path.of("") : abs.getRoot();
        List<Path> current = List.of(root);
        for (Path component : abs) {
            String part = component.toString();
            List<Path> next = new ArrayList<>();
            for (Path base : current) {
                if (!hasWildcard(part)) {
                    next.add(base.resolve(part));
                    continue;
                }
                PathMatcher m = matcher(part);
                Path dir = base.toString().isEmpty() ? Path.of(".") : base;
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                    List<Path> found = new ArrayList<>();
                    for (Path p : ds) {
                        String name = p.getFileName().toString();
                        if (name.startsWith(".") && !part.startsWith(".")) {
                            continue;
                        }
                        if (m.matches(p.getFileName())) {
                            found.add(base.resolve(name));
                        }
                    }
                    found.sort(null);
                    next.addAll(found);
                } catch (IOException e) {
                    // unreadable directory: no matches, as glob(3) with no GLOB_ERR
                }
            }
            current = next;
        }
        List<Path> out = new ArrayList<>();
        for (Path p : current) {
            if (Files.exists(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
