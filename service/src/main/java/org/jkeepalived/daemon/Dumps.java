package org.jkeepalived.daemon;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.jkeepalived.config.model.KeepalivedConfig;

/**
 * The SIGUSR1 (data) and SIGUSR2 (stats) dumps. keepalived calls their format unstable; ours keeps its
 * {@code ------< Section >------} headings and {@code  Name = value} lines. For now they hold the daemon's
 * own status and a summary of the configuration; the engines add their sections as they arrive.
 */
final class Dumps {
    private Dumps() {
    }

    /** The data dump: the daemon, the global definitions, and how many of each configured thing. */
    static String data(String version, long pid, Path configFile, Lifecycle.Status status, KeepalivedConfig config) {
        StringBuilder b = new StringBuilder();
        daemon(b, version, pid, configFile, status);
        b.append("------< Global definitions >------\n");
        line(b, "Router ID", config.global().routerId());
        line(b, "State dump file", config.global().dumps().stateDumpFile());
        line(b, "Stats dump file", config.global().dumps().statsDumpFile());
        b.append("------< Configuration summary >------\n");
        summary(b, config);
        return b.toString();
    }

    /** The stats dump. */
    static String stats(String version, long pid, Path configFile, Lifecycle.Status status) {
        StringBuilder b = new StringBuilder();
        daemon(b, version, pid, configFile, status);
        return b.toString();
    }

    /**
     * Writes {@code text} to {@code file} with mode 0600, as keepalived does. Written to a fresh temporary
     * file in the same directory and renamed over the target: a reader never sees half a dump, and in a
     * shared directory such as /tmp a symlink planted at the target is replaced, never followed.
     */
    static void write(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void daemon(StringBuilder b, String version, long pid, Path configFile, Lifecycle.Status s) {
        b.append("------< jkeepalived >------\n");
        line(b, "Version", version);
        line(b, "Pid", pid);
        line(b, "Configuration file", configFile);
        line(b, "Started", s.startedAt());
        line(b, "Uptime", String.format(Locale.ROOT, "%.3f s", s.uptimeNanos() / 1e9));
        line(b, "Reloads", s.reloads());
        line(b, "Refused reloads", s.refusedReloads());
        line(b, "Last reload", s.lastReload() == null ? "never" : s.lastReload());
    }

    /**
     * One line per list or map in each section of the model, e.g. {@code  vrrp.instances = 2}: read
     * from the records themselves so that the summary follows the model as it grows.
     */
    private static void summary(StringBuilder b, KeepalivedConfig config) {
        for (RecordComponent section : KeepalivedConfig.class.getRecordComponents()) {
            Object value = read(section, config);
            if (value == null || !value.getClass().isRecord()) {
                continue;
            }
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                Object v = read(c, value);
                if (v instanceof Collection<?> col) {
                    line(b, section.getName() + "." + c.getName(), col.size());
                } else if (v instanceof Map<?, ?> m) {
                    line(b, section.getName() + "." + c.getName(), m.size());
                }
            }
        }
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static void line(StringBuilder b, String name, Object value) {
        b.append(' ').append(name).append(" = ").append(value).append('\n');
    }
}
