package org.jkeepalived.ffi;

import java.util.Optional;

/** Named pipes (notify FIFOs): creation, a non-blocking writing end, ownership. */
public interface Fifos {
    /** The libc-backed implementation (jnr-posix). */
    static Fifos get() {
        return JnrFifos.INSTANCE;
    }

    /** {@code mkfifo(path, mode)}: 0, or the errno. */
    int mkfifo(String path, int mode);

    /**
     * {@code open(path, O_RDWR|O_NONBLOCK|O_NOFOLLOW|O_CLOEXEC)}: read-write so that it never waits for a
     * reader, non-blocking so that a full pipe is EAGAIN rather than a wait. The fd, or -errno.
     */
    int openNonBlocking(String path);

    /** One {@code write(2)}: the bytes written, or -errno ({@code -EAGAIN} when the pipe is full). */
    int write(int fd, byte[] bytes);

    void close(int fd);

    /** {@code chown(path, uid, gid)} (-1 leaves one unchanged): 0, or the errno. */
    int chown(String path, int uid, int gid);

    /** A user's uid and primary gid, when the user exists. */
    Optional<int[]> user(String name);

    /** A group's gid, when the group exists. */
    Optional<Integer> group(String name);

    String strerror(int errno);
}
