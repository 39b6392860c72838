package org.jkeepalived.ffi;

/** The Linux errno values callers branch on (asm-generic numbering, the same on x86_64 and aarch64). */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EADDRINUSE = 98;
    public static final int ECONNREFUSED = 111;
    public static final int ENAMETOOLONG = 36;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ENOBUFS = 105;
    public static final int EADDRNOTAVAIL = 99;

    private Errno() {
    }

    /** The kernel's text for an errno (strerror), e.g. for an error carried in a netlink reply. */
    public static String describe(int errno) {
        String s = Syscalls.LIBC.strerror(errno);
        return s == null ? "errno " + errno : s;
    }
}
