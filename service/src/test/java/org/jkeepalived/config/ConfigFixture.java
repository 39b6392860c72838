package org.jkeepalived.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jkeepalived.config.source.ReaderOptions;

/** Loads configuration text in tests: writes it to a temporary file and runs the whole pipeline. */
public final class ConfigFixture {
    private ConfigFixture() {
    }

    public static LoadResult load(String text) {
        return load(text, new FakeSystemView());
    }

    public static LoadResult load(String text, FakeSystemView system) {
        return load(text, system, "testhost");
    }

    public static LoadResult load(String text, FakeSystemView system, String configId) {
        try {
            Path dir = Files.createTempDirectory("jka-test");
            Path file = dir.resolve("keepalived.conf");
            Files.writeString(file, text);
            try {
                return new ConfigLoader(system, ReaderOptions.forTest(configId, Map.of("HOME", "/root")))
                        .load(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The diagnostics formatted as -t prints them, one per line, without the temp file's path. */
    public static String messages(LoadResult r) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : r.diagnostics()) {
            b.append(d.severity()).append(' ')
                    .append(d.location() == null ? "" : "(Line " + d.location().line() + ") ")
                    .append(d.message()).append('\n');
        }
        return b.toString();
    }
}
