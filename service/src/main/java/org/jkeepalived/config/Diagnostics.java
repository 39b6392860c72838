package org.jkeepalived.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects what the reader, parser and binders find. keepalived prints some findings once per child
 * process; we print each distinct finding once.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    private final Set<Diagnostic> seen = new LinkedHashSet<>();
    private final Set<String> onceKeys = new LinkedHashSet<>();

    public void add(Severity severity, Location location, String message) {
        Diagnostic d = new Diagnostic(severity, location, message);
        if (seen.add(d)) {
            items.add(d);
        }
    }

    public void error(Location location, String message) {
        add(Severity.ERROR, location, message);
    }

    public void note(Location location, String message) {
        add(Severity.NOTE, location, message);
    }

    public void security(Location location, String message) {
        add(Severity.SECURITY, location, message);
    }

    public void fatal(Location location, String message) {
        add(Severity.FATAL, location, message);
    }

    /** A finding on which keepalived exits at once with its CONFIG code (see {@link Severity#ABORT}). */
    public void abort(Location location, String message) {
        add(Severity.ABORT, location, message);
    }

    /** Adds a note only the first time {@code key} is seen (e.g. "accepted but not implemented"). */
    public void noteOnce(String key, Location location, String message) {
        if (onceKeys.add(key)) {
            note(location, message);
        }
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(items);
    }

    public boolean has(Severity severity) {
        return items.stream().anyMatch(d -> d.severity() == severity);
    }

    /**
     * keepalived 2.2.7 {@code -t}: 4 fatal, 6 scripts without enable_script_security (it wins over
     * ordinary errors, observed), 5 errors it would run despite, 0 clean; 2 when it gave up reading
     * (a keyword missing its parameter), which ends the run before anything else is judged.
     */
    public int exitCode() {
        if (has(Severity.ABORT)) {
            return 2;
        }
        if (has(Severity.FATAL)) {
            return 4;
        }
        if (has(Severity.SECURITY)) {
            return 6;
        }
        if (has(Severity.ERROR)) {
            return 5;
        }
        return 0;
    }
}
