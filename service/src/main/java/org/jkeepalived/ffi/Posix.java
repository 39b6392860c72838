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

    int gid();

    /**
     * Whether a process with this pid exists, as {@code kill(pid, 0)} says: EPERM means it exists
     * but belongs to someone else.
     */
    boolean processExists(long pid);

    /**
     * {@code kill(-pgid, signal)}: signals every process of a process group. False when the group has no
     * member left (ESRCH) or the pgid is out of range; true when delivered (or EPERM: it exists).
     * Signal 0 only tests whether the group still has a member.
     */
    boolean signalProcessGroup(long pgid, int signal);

    /** {@code kill(pid, signal)}; false when there is no such process. */
    boolean signalProcess(long pid, int signal);

    int SIGKILL = 9;
    int SIGTERM = 15;
}
