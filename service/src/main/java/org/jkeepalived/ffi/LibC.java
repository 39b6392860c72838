package org.jkeepalived.ffi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.pid_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.socklen_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.uid_t;

/**
 * The libc functions we call, mapped by jnr-ffi. jnr does not check these signatures against the C
 * headers: every one is exercised against the kernel in the tests. errno is saved after each call
 * (jnr's default) and read by {@link Syscalls} on the same thread.
 *
 * <p>Addresses are passed as byte arrays holding the complete {@code struct sockaddr}: no jnr
 * {@code Struct} (whose padding and heap placement are pitfalls) is needed for these calls.
 *
 * <p>Public only because jnr defines its implementation in its own class loader, which must see the
 * interface; nothing outside this package uses it (use {@link UnixDatagramSocket}, {@link Posix}).
 */
public interface LibC {
    int socket(int domain, int type, int protocol);

    int bind(int fd, @In byte[] addr, @socklen_t int addrlen);

    @ssize_t long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr,
                         @socklen_t int addrlen);

    /** recvfrom with a null source address: the callers do not need it yet. */
    @ssize_t long recv(int fd, @Out byte[] buf, @size_t long len, int flags);

    int setsockopt(int fd, int level, int optname, @In byte[] optval, @socklen_t int optlen);

    int close(int fd);

    /** msghdr is hand-built in direct memory by {@link NativeSocket} (x86_64/aarch64 LP64 layout). */
    @ssize_t long recvmsg(int fd, Pointer msg, int flags);

    @ssize_t long sendmsg(int fd, Pointer msg, int flags);

    /** fds: an array of {@code struct pollfd} (8 bytes each); nfds_t is unsigned long. */
    int poll(@In @Out byte[] fds, @size_t long nfds, int timeoutMillis);

    /** ioctl whose argument is a buffer (e.g. {@code struct ifreq}, 40 bytes). */
    int ioctl(int fd, @size_t long request, @In @Out byte[] arg);

    int if_nametoindex(String name);

    int open(String path, int flags);

    int setns(int fd, int nstype);

    String strerror(int errnum);

    @pid_t int getpid();

    @uid_t int getuid();

    @uid_t int geteuid();

    @jnr.ffi.types.gid_t int getgid();

    int kill(@pid_t int pid, int sig);

    @ssize_t long read(int fd, @Out byte[] buf, @size_t long count);

    /** mask: a sigset_t (the kernel reads its first 8 bytes). */
    int signalfd(int fd, @In byte[] mask, int flags);

    /** signal(2) with a handler of SIG_DFL (0) or SIG_IGN (1) only: no callbacks into Java. */
    @jnr.ffi.types.intptr_t long signal(int signum, @jnr.ffi.types.intptr_t long handler);

    int __libc_current_sigrtmin();

    int __libc_current_sigrtmax();
}
