package org.jkeepalived.daemon;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * The SIGUSR1 (data) and SIGUSR2 (stats) dumps. keepalived calls their format unstable; ours keeps its
 * {@code ------< Section >------} headings and {@code  Name = value} lines ({@link DataDump} has the VRRP and LVS
 * sections; {@link JsonDump} the JSON one).
 */
final class Dumps {
    private Dumps() {
    }

    /** The data dump without running engines (nothing started yet). */
    static String data(String version, long pid, Path configFile, Lifecycle.Status status, KeepalivedConfig config) {
        return data(version, pid, configFile, status, config,
                new DataDump.Running(List.of(), List.of(), null, java.time.Instant.now(), System.nanoTime()));
    }

    /**
     * The data dump: the daemon, the global definitions, each VRRP instance's state and configuration, sync
     * groups, scripts, LVS, and how many of each configured thing.
     */
    static String data(String version, long pid, Path configFile, Lifecycle.Status status, KeepalivedConfig config,
                       DataDump.Running running) {
        StringBuilder b = new StringBuilder();
        daemon(b, version, pid, configFile, status);
        b.append("------< Global definitions >------\n");
        line(b, "Router ID", config.global().routerId());
        line(b, "State dump file", config.global().dumps().stateDumpFile());
        line(b, "Stats dump file", config.global().dumps().statsDumpFile());
        line(b, "JSON dump file", config.global().dumps().jsonDumpFile());
        DataDump.vrrpDefaults(b, config.global().vrrp());
        DataDump.vrrp(b, config, running);
        b.append("------< Configuration summary >------\n");
        summary(b, config);
        return b.toString();
    }

    /** The stats dump. */
    static String stats(String version, long pid, Path configFile, Lifecycle.Status status) {
        return stats(version, pid, configFile, status, List.of());
    }

    /** The stats dump, with each VRRP instance's counters in keepalived 2.2.7's layout (observed). */
    static String stats(String version, long pid, Path configFile, Lifecycle.Status status,
                        List<InstanceStatus> instances) {
        StringBuilder b = new StringBuilder();
        daemon(b, version, pid, configFile, status);
        for (InstanceStatus i : instances) {
            b.append("VRRP Instance: ").append(i.name()).append('\n');
            b.append("  Advertisements:\n");
            b.append("    Received: ").append(i.advertsReceived()).append('\n');
            b.append("    Sent: ").append(i.advertsSent()).append('\n');
            b.append("  Became master: ").append(i.becomeMaster()).append('\n');
            b.append("  Released master: ").append(i.releaseMaster()).append('\n');
            b.append("  Packet Errors:\n");
            b.append("    Length: ").append(i.drops(DropReason.PACKET_LENGTH)).append('\n');
            b.append("    TTL: ").append(i.drops(DropReason.IP_TTL)).append('\n');
            b.append("    Invalid Type: ").append(i.drops(DropReason.INVALID_TYPE)).append('\n');
            b.append("    Advertisement Interval: ").append(i.drops(DropReason.ADVERT_INTERVAL)).append('\n');
            b.append("    Address List: ").append(i.drops(DropReason.ADDRESS_LIST)).append('\n');
            b.append("  Authentication Errors:\n");
            b.append("    Invalid Type: ").append(i.drops(DropReason.INVALID_AUTH_TYPE)).append('\n');
            b.append("    Type Mismatch: ").append(i.drops(DropReason.AUTH_TYPE_MISMATCH)).append('\n');
            b.append("    Failure: ").append(i.drops(DropReason.AUTH_FAILURE)).append('\n');
            b.append("  Priority Zero:\n");
            b.append("    Received: ").append(i.priorityZeroReceived()).append('\n');
            b.append("    Sent: ").append(i.priorityZeroSent()).append('\n');
        }
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
        DataDump.line(b, 1, name, value);
    }
}
