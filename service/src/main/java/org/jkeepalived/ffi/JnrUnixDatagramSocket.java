package org.jkeepalived.ffi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** {@link UnixDatagramSocket} through libc via jnr-ffi. */
final class JnrUnixDatagramSocket implements UnixDatagramSocket {
    static final int AF_UNIX = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVTIMEO = 20;
    /** sizeof(sun_path) in struct sockaddr_un. */
    static final int SUN_PATH_MAX = 108;

    private volatile int fd;

    private JnrUnixDatagramSocket(int fd) {
        this.fd = fd;
    }

    static JnrUnixDatagramSocket open() throws NativeException {
        int fd = Syscalls.check("socket(AF_UNIX, SOCK_DGRAM)",
                Syscalls.LIBC.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
        return new JnrUnixDatagramSocket(fd);
    }

    @Override
    public void bind(String path) throws NativeException {
        byte[] addr = sockaddrUn(path);
        Syscalls.check("bind(" + path + ")", Syscalls.LIBC.bind(openFd(), addr, addr.length));
    }

    @Override
    public void sendTo(String path, byte[] data, int offset, int length, boolean dontWait) throws NativeException {
        byte[] addr = sockaddrUn(path);
        byte[] buf = offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset, offset + length);
        // MSG_NOSIGNAL: never SIGPIPE, whatever the peer does.
        int flags = MSG_NOSIGNAL | (dontWait ? MSG_DONTWAIT : 0);
        Syscalls.check("sendto(" + path + ")",
                Syscalls.LIBC.sendto(openFd(), buf, buf.length, flags, addr, addr.length));
    }

    @Override
    public void receiveTimeout(Duration timeout) throws NativeException {
        // struct timeval { time_t tv_sec; suseconds_t tv_usec; }: two longs on 64-bit Linux.
        ByteBuffer tv = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        tv.putLong(timeout.toSeconds()).putLong(timeout.toNanosPart() / 1000);
        Syscalls.check("setsockopt(SO_RCVTIMEO)",
                Syscalls.LIBC.setsockopt(openFd(), SOL_SOCKET, SO_RCVTIMEO, tv.array(), 16));
    }

    @Override
    public int receive(byte[] buffer) throws NativeException {
        while (true) {
            long n = Syscalls.LIBC.recv(openFd(), buffer, buffer.length, 0);
            if (n >= 0) {
                return (int) n;
            }
            NativeException e = Syscalls.failure("recv");
            if (e.errno() == Errno.EAGAIN) {
                return -1;
            }
            if (e.errno() != Errno.EINTR) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        int f = fd;
        fd = -1;
        if (f >= 0) {
            Syscalls.LIBC.close(f);
        }
    }

    private int openFd() throws NativeException {
        int f = fd;
        if (f < 0) {
            throw new NativeException("socket", Errno.EBADF, "Bad file descriptor (socket closed)");
        }
        return f;
    }

    /**
     * The bytes of a {@code struct sockaddr_un} for {@code path}: sa_family_t in host order, then the
     * path NUL-terminated; for an abstract address ({@code @name}) a leading NUL and no terminator, the
     * length covering exactly the name (as systemd and the kernel count it).
     */
    static byte[] sockaddrUn(String path) throws NativeException {
        boolean abstractName = path.startsWith("@");
        byte[] name = (abstractName ? path.substring(1) : path).getBytes(StandardCharsets.UTF_8);
        int pathLen = name.length + 1; // the terminating NUL, or the abstract name's leading NUL
        if (path.isEmpty() || pathLen > SUN_PATH_MAX) {
            throw new NativeException("sockaddr_un(" + path + ")", Errno.ENAMETOOLONG,
                    path.isEmpty() ? "empty socket path" : "socket path longer than " + (SUN_PATH_MAX - 1) + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(2 + pathLen).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_UNIX);
        if (abstractName) {
            b.put((byte) 0).put(name);
        } else {
            b.put(name).put((byte) 0);
        }
        return b.array();
    }
}
