package org.jkeepalived.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jkeepalived.config.model.track.TrackFile;
import org.jkeepalived.os.log.Log;

/**
 * track_file blocks (c.6): the number in each file, re-read when its directory reports a change to it.
 * Observed with keepalived 2.2.7: the value is C's {@code strtol(text, base 0)} of the content (leading
 * blanks and sign, {@code 0x} hex, leading-0 octal, trailing garbage ignored), so "12abc" is 12,
 * "0x10" 16, and empty, garbage, unreadable or deleted files are 0; {@code init_file V} writes "V\n".
 *
 * <p>Change events come from a {@link WatchService} on each file's parent directory (inotify on Linux), so
 * a file replaced by rename (editors, {@code mv tmp f}) or deleted and re-created is seen like a write.
 * inotify through the JDK gives IN_MODIFY, not keepalived's IN_CLOSE_WRITE: {@code echo 5 > f} is a
 * truncate then a write, so events are let settle for {@link #SETTLE_MILLIS} before the file is read, and
 * only a value different from the last reported one is reported. A directory that does not exist yet is
 * watched as soon as it appears (checked every {@link #POLL_MILLIS}).
 */
final class FileTracker implements AutoCloseable {
    static final long SETTLE_MILLIS = 15;
    static final long POLL_MILLIS = 500;

    private final Consumer<TrackerUpdate> sink;
    private final Log log;
    private final Map<String, TrackFile> files = new LinkedHashMap<>();
    private final Map<String, TrackerUpdate> current = new LinkedHashMap<>();
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final WatchService watcher;
    private final Thread thread;
    private volatile boolean closed;

    FileTracker(Consumer<TrackerUpdate> sink, Log log) throws IOException {
        this.sink = sink;
        this.log = log;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::watch, "track-file");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Starts tracking {@code f}: init_file, first read and report, then change events. */
    void add(TrackFile f) {
        synchronized (this) {
            files.put(f.name(), f);
            initFile(f);
            register(parent(f));
        }
        refresh(f.name(), true);
    }

    synchronized void remove(String name) {
        files.remove(name);
        current.remove(name);
    }

    synchronized TrackFile definition(String name) {
        return files.get(name);
    }

    synchronized Map<String, TrackerUpdate> current() {
        return Map.copyOf(current);
    }

    @Override
    public void close() {
        closed = true;
        try {
            watcher.close();
        } catch (IOException e) {
            // nothing to do
        }
        thread.interrupt();
    }

    /** C's strtol(s, NULL, 0), saturating at the long range: keepalived's reading of a track file. */
    static long parseValue(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < n && s.charAt(i) == '0') {
            radix = 8;
        }
        java.math.BigInteger v = java.math.BigInteger.ZERO;
        java.math.BigInteger r = java.math.BigInteger.valueOf(radix);
        for (; i < n; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || s.charAt(i) > 0x7f) {
                break;
            }
            v = v.multiply(r).add(java.math.BigInteger.valueOf(d));
            if (v.bitLength() > 64) {
                break;
            }
        }
        if (negative) {
            v = v.negate();
        }
        if (v.compareTo(java.math.BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (v.compareTo(java.math.BigInteger.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return v.longValue();
    }

    static long read(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            return parseValue(new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return 0;
        }
    }

    private void initFile(TrackFile f) {
        Path p = Path.of(f.file());
        if (!f.initFile() || Files.exists(p) && !f.initOverwrite()) {
            return;
        }
        try {
            Files.writeString(p, f.initValue() + "\n");
        } catch (IOException e) {
            log.error("Unable to initialise track file " + f.file() + " - " + e.getMessage());
        }
    }

    private static Path parent(TrackFile f) {
        Path p = Path.of(f.file()).toAbsolutePath();
        return p.getParent() == null ? p : p.getParent();
    }

    /** Registers the directory if not yet; false when it does not exist (yet). */
    private synchronized boolean register(Path dir) {
        WatchKey k = keys.get(dir);
        if (k != null && k.isValid()) {
            return true;
        }
        try {
            keys.put(dir, dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
            return true;
        } catch (IOException | ClosedWatchServiceException e) {
            keys.remove(dir);
            return false;
        }
    }

    /** Reads the file and reports its value when it changed (or always when {@code force}). */
    private void refresh(String name, boolean force) {
        TrackFile f;
        synchronized (this) {
            f = files.get(name);
        }
        if (f == null) {
            return;
        }
        TrackerUpdate u = TrackerUpdate.file(name, read(Path.of(f.file())));
        synchronized (this) {
            if (files.get(name) != f || !force && u.equals(current.get(name))) {
                return;
            }
            current.put(name, u);
        }
        try {
            sink.accept(u);
        } catch (RuntimeException e) {
            log.error("Tracker update " + u + " was not delivered: " + e);
        }
    }

    private void watch() {
        while (!closed) {
            try {
                WatchKey key = watcher.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                Set<String> changed = new HashSet<>();
                boolean all = false;
                if (key != null) {
                    Thread.sleep(SETTLE_MILLIS);
                    for (WatchKey k = key; k != null; k = watcher.poll()) {
                        all |= collect(k, changed);
                    }
                }
                all |= reRegisterMissing();
                for (String name : names()) {
                    TrackFile f = definition(name);
                    if (f != null && (all || changed.contains(Path.of(f.file()).toAbsolutePath().toString()))) {
                        refresh(name, false);
                    }
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                log.error("track_file watch: " + e);
            }
        }
    }

    private synchronized Set<String> names() {
        return Set.copyOf(files.keySet());
    }

    /** Adds the changed paths of {@code k}'s events; true on overflow or a lost directory (read all). */
    private boolean collect(WatchKey k, Set<String> changed) {
        boolean all = false;
        Path dir = (Path) k.watchable();
        for (WatchEvent<?> e : k.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                all = true;
            } else {
                changed.add(dir.resolve((Path) e.context()).toAbsolutePath().toString());
            }
        }
        if (!k.reset()) {
            synchronized (this) {
                keys.remove(dir);
            }
            all = true; // the directory went away: its files now read 0
        }
        return all;
    }

    /** Registers directories that did not exist before; true when one appeared (its files are re-read). */
    private boolean reRegisterMissing() {
        boolean appeared = false;
        Set<Path> dirs = new HashSet<>();
        synchronized (this) {
            files.values().forEach(f -> dirs.add(parent(f)));
            dirs.removeIf(d -> keys.containsKey(d) && keys.get(d).isValid());
        }
        for (Path d : dirs) {
            appeared |= register(d);
        }
        return appeared;
    }
}
