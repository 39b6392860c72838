package org.jkeepalived.ffi;

/** Process identity and liveness from libc. */
public interface Posix {
    /** The libc-backed implementation. */
    static Posix get() {
        return JnrPosix.INSTANCE;
    }

    long pid();

    int uid();

    int euid();

    /**
     * Whether a process with this pid exists, as {@code kill(pid, 0)} says: EPERM means it exists
     * but belongs to someone else.
     */
    boolean processExists(long pid);
}
