package org.jkeepalived.config;

import java.util.Objects;

/** A place in the configuration: the file (as written after include resolution) and its 1-based line. */
public record Location(String file, int line) {
    public Location {
        Objects.requireNonNull(file, "file");
    }

    /** keepalived's form, which operators grep for: {@code (/etc/keepalived/keepalived.conf: Line 12)}. */
    @Override
    public String toString() {
        return "(" + file + ": Line " + line + ")";
    }
}
