package org.jkeepalived.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The daemon's pid file, held for its whole life. Two guards against a second daemon on the same file:
 * an exclusive lock (fcntl, released by the kernel however we die, so a crash never leaves a stale
 * lock), and, as keepalived checks, a live process whose pid is in the file (a keepalived, which does
 * not lock, or a daemon from an older build). A pid of a process that no longer exists is stale and is
 * overwritten.
 */
final class PidFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private PidFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another daemon holds the pid file; the message is the one line the operator sees. */
    static final class AlreadyRunningException extends Exception {
        private static final long serialVersionUID = 1L;

        AlreadyRunningException(String message) {
            super(message);
        }
    }

    /**
     * Takes {@code path} for process {@code self}, writing its pid.
     *
     * @param alive whether a process with the given pid exists
     */
    static PidFile acquire(Path path, long self, LongPredicate alive) throws AlreadyRunningException, IOException {
        // A stopping daemon deletes the file and then unlocks it; a starter that opened the file just
        // before the delete would lock a name that no longer exists. Opening again fixes that.
        for (int attempt = 0; ; attempt++) {
            PidFile p = tryAcquire(path, self, alive);
            if (p != null || attempt == 3) {
                if (p == null) {
                    throw new IOException("pid file " + path + " keeps disappearing");
                }
                return p;
            }
        }
    }

    private static PidFile tryAcquire(Path path, long self, LongPredicate alive)
            throws AlreadyRunningException, IOException {
        FileChannel ch = FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM
            }
            long recorded = readPid(ch);
            if (lock == null) {
                throw new AlreadyRunningException("daemon is already running"
                        + (recorded > 0 ? " (pid " + recorded + ")" : "") + ": pid file " + path + " is locked");
            }
            if (!Files.exists(path)) {
                lock.release();
                ch.close();
                return null;
            }
            if (recorded > 0 && recorded != self && alive.test(recorded)) {
                lock.release();
                throw new AlreadyRunningException("daemon is already running (pid " + recorded + " in pid file "
                        + path + " is alive)");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new PidFile(path, ch, lock);
        } catch (AlreadyRunningException | IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The pid in the file, or 0 when it holds none. */
    private static long readPid(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        int n = ch.read(b, 0);
        if (n <= 0) {
            return 0;
        }
        String s = new String(b.array(), 0, n, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    Path path() {
        return path;
    }

    /** Removes the file, then lets the lock go; idempotent. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Nothing better to do at stop; the next start sees a dead pid and takes the file over.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The kernel drops the lock with the descriptor anyway.
        }
    }
}
