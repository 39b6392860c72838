package org.jkeepalived.config;

import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.config.model.KeepalivedConfig;

/**
 * The outcome of reading a configuration: the model (always present: keepalived runs despite errors),
 * what was found on the way, and the files read.
 */
public record LoadResult(KeepalivedConfig config, List<Diagnostic> diagnostics, List<Path> files) {
    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
    }

    /** keepalived's {@code -t} exit code for these findings: 0, 5, 6, 4 or 2. */
    public int exitCode() {
        Diagnostics d = new Diagnostics();
        diagnostics.forEach(x -> d.add(x.severity(), x.location(), x.message()));
        return d.exitCode();
    }

    /** A configuration that cannot run at all. */
    public boolean fatal() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.FATAL || d.severity() == Severity.ABORT);
    }
}
