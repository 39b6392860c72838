package org.jkeepalived.notify.fifo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.ffi.Fifos;

/**
 * The writing end of one notify FIFO, opened as keepalived 2.2.7 does (observed with strace): created with
 * mkfifo when missing, then {@code open(O_RDWR|O_NONBLOCK|O_NOFOLLOW|O_CLOEXEC)}. Read-write means the open
 * never waits for a reader and writes never fail with EPIPE; non-blocking means a full pipe (no reader, or
 * a slow one) makes a write fail with EAGAIN instead of waiting: the line is dropped, as keepalived ignores
 * EAGAIN. A FIFO we created is removed at close; one that existed is left (observed).
 */
final class FifoFile implements AutoCloseable {
    /**
     * keepalived calls mknod with 0644 under its umask (default 0177), which leaves 0600 (observed:
     * {@code prw-------}); we ask for 0600 whatever the JVM's umask.
     */
    static final String MODE = "rw-------";
    private static final int MODE_BITS = 0600;
    private static final Fifos FIFOS = Fifos.get();

    private final Path path;
    private final boolean created;
    private int fd;

    private FifoFile(Path path, boolean created, int fd) {
        this.path = path;
        this.created = created;
        this.fd = fd;
    }

    private int lastErrno;

    /**
     * Creates the FIFO if missing and then gives it to {@code user}/{@code group} if set (group null: the
     * user's primary group; observed), and opens it.
     *
     * @throws IOException with a message for the log when it cannot be created, owned or opened
     */
    static FifoFile open(String pathName, String user, String group) throws IOException {
        Path path = Path.of(pathName);
        boolean created = false;
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            int errno = FIFOS.mkfifo(pathName, MODE_BITS);
            if (errno != 0) {
                if (errno != Errno.EEXIST) {
                    throw new IOException("Unable to create fifo " + pathName + ": " + FIFOS.strerror(errno));
                }
            } else {
                created = true;
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(MODE));
            }
        }
        if (!isFifo(path)) {
            // Writing lines into a regular file would grow it for ever.
            throw new IOException("Unable to use fifo " + pathName + ": it exists and is not a fifo");
        }
        if (created && (user != null || group != null)) {
            // keepalived gives only a FIFO it created to the user (observed: an existing one keeps its owner).
            try {
                chown(pathName, user, group);
            } catch (IOException e) {
                Files.deleteIfExists(path);
                throw e;
            }
        }
        int fd = FIFOS.openNonBlocking(pathName);
        if (fd < 0) {
            String why = FIFOS.strerror(-fd);
            if (created) {
                Files.deleteIfExists(path);
            }
            throw new IOException("Unable to open fifo " + pathName + ": " + why);
        }
        return new FifoFile(path, created, fd);
    }

    private static boolean isFifo(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0010000; // S_IFMT, S_IFIFO
    }

    private static void chown(String pathName, String user, String group) throws IOException {
        int uid = -1;
        int gid = -1;
        if (user != null) {
            int[] pw = FIFOS.user(user).orElseThrow(
                    () -> new IOException("Unable to set owner of fifo " + pathName + ": unknown user " + user));
            uid = pw[0];
            gid = pw[1];
        }
        if (group != null) {
            gid = FIFOS.group(group).orElseThrow(
                    () -> new IOException("Unable to set group of fifo " + pathName + ": unknown group " + group));
        }
        int errno = FIFOS.chown(pathName, uid, gid);
        if (errno != 0) {
            throw new IOException("Unable to set owner of fifo " + pathName + ": " + FIFOS.strerror(errno));
        }
    }

    Path path() {
        return path;
    }

    /**
     * Writes {@code line} and a newline in one write (atomic up to PIPE_BUF, 4096 bytes).
     *
     * @return false when the pipe is full (EAGAIN) or the write failed: the line is dropped
     */
    synchronized boolean writeLine(String line) {
        if (fd < 0) {
            return false;
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        int n = FIFOS.write(fd, bytes);
        lastErrno = n < 0 ? -n : 0;
        return n == bytes.length;
    }

    /** errno of the last failed write, for the log. */
    String lastError() {
        return FIFOS.strerror(lastErrno);
    }

    @Override
    public synchronized void close() {
        if (fd >= 0) {
            FIFOS.close(fd);
            fd = -1;
        }
        if (created) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // nothing more to do at close; the next start reuses it
            }
        }
    }
}
