package org.jkeepalived.ffi;

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

    String strerror(int errnum);

    @pid_t int getpid();

    @uid_t int getuid();

    @uid_t int geteuid();

    int kill(@pid_t int pid, int sig);
}
