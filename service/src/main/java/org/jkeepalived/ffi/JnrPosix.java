package org.jkeepalived.ffi;

/** {@link Posix} through libc via jnr-ffi. */
final class JnrPosix implements Posix {
    static final JnrPosix INSTANCE = new JnrPosix();

    private JnrPosix() {
    }

    @Override
    public long pid() {
        return Syscalls.LIBC.getpid();
    }

    @Override
    public int uid() {
        return Syscalls.LIBC.getuid();
    }

    @Override
    public int euid() {
        return Syscalls.LIBC.geteuid();
    }

    @Override
    public int gid() {
        return Syscalls.LIBC.getgid();
    }

    @Override
    public boolean signalProcessGroup(long pgid, int signal) {
        // pgid 1 would make kill(-1) signal every process we may signal.
        if (pgid <= 1 || pgid > Integer.MAX_VALUE) {
            return false;
        }
        return Syscalls.LIBC.kill((int) -pgid, signal) == 0 || Syscalls.errno() == Errno.EPERM;
    }

    @Override
    public boolean signalProcess(long pid, int signal) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            return false;
        }
        return Syscalls.LIBC.kill((int) pid, signal) == 0 || Syscalls.errno() == Errno.EPERM;
    }

    @Override
    public boolean processExists(long pid) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            return false;
        }
        if (Syscalls.LIBC.kill((int) pid, 0) == 0) {
            return true;
        }
        return Syscalls.errno() == Errno.EPERM;
    }
}
