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
