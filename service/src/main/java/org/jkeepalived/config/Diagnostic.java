package org.jkeepalived.config;

/** One message about the configuration; {@code location} is null for whole-config findings. */
public record Diagnostic(Severity severity, Location location, String message) {
    /** The line printed by {@code -t} and logged at start: keepalived's wording and location form. */
    public String format() {
        return location == null ? message : location + " " + message;
    }
}
