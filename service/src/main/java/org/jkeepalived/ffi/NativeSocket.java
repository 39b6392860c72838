package org.jkeepalived.ffi;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * One kernel socket of any family (raw IPv4/IPv6, AF_PACKET, AF_NETLINK), taking and giving plain
 * bytes: addresses are complete {@code struct sockaddr}s built by {@link Sockaddrs}, ancillary data
 * is {@link Cmsg}. Everything the ports in {@code org.jkeepalived.net}/{@code netlink} need natively
 * goes through here, so that moving to Java's FFM API rewrites only this package.
 *
 * <p>Sends may run concurrently with a receive (each is one kernel call; the two own separate
 * {@code msghdr} memory). Receives are serialized. {@link #close} from another thread ends a receive
 * within {@link #POLL_SLICE_MILLIS}: receives poll in slices and check a closed flag, and a close
 * during a receive leaves the fd to the receiver to close (so its number cannot be reused under it;
 * closing the fd does not wake poll(2) on Linux, and AF_PACKET/netlink have no shutdown(2)).
 */
public final class NativeSocket implements Closeable {
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVBUF = 8;
    public static final int SO_BINDTODEVICE = 25;
    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_TRUNC = 0x20;
    static final int MSG_CTRUNC = 0x08;
    static final int POLLIN = 0x1;

    /** LP64 msghdr: name ptr, namelen (+pad), iov ptr, iovlen, control ptr, controllen, flags (+pad). */
    private static final int MSGHDR_SIZE = 56;
    private static final int IOVEC_SIZE = 16;
    private static final int NAME_SIZE = 128;
    private static final int CONTROL_SIZE = 512;

    /** The longest a receive waits before it looks at the closed flag again. */
    static final int POLL_SLICE_MILLIS = 200;

    private volatile int fd;
    private volatile boolean closed;
    private final String what;
    private final ReentrantLock receiveLock = new ReentrantLock();
    private final Object sendLock = new Object();
    private Pointer receiveMemory;
    private int receiveDataSize;

    private NativeSocket(int fd, String what) {
        this.fd = fd;
        this.what = what;
    }

    /** socket(2), always close-on-exec. {@code what} names the socket in error messages. */
    public static NativeSocket open(int domain, int type, int protocol, String what) throws NativeException {
        int fd = Syscalls.check("socket(" + what + ")",
                Syscalls.LIBC.socket(domain, type | SOCK_CLOEXEC, protocol));
        return new NativeSocket(fd, what);
    }

    public void setInt(int level, int option, int value, String name) throws NativeException {
        byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
        setOption(level, option, v, name);
    }

    public void setOption(int level, int option, byte[] value, String name) throws NativeException {
        Syscalls.check("setsockopt(" + what + ", " + name + ")",
                Syscalls.LIBC.setsockopt(openFd(), level, option, value, value.length));
    }

    /** SO_BINDTODEVICE: only traffic of this interface is received, and sends leave through it. */
    public void bindToDevice(String ifName) throws NativeException {
        byte[] name = Arrays.copyOf(ifName.getBytes(StandardCharsets.US_ASCII), ifName.length() + 1);
        setOption(SOL_SOCKET, SO_BINDTODEVICE, name, "SO_BINDTODEVICE " + ifName);
    }

    public void bind(byte[] sockaddr) throws NativeException {
        Syscalls.check("bind(" + what + ")", Syscalls.LIBC.bind(openFd(), sockaddr, sockaddr.length));
    }

    public void sendTo(byte[] data, byte[] sockaddr) throws NativeException {
        Syscalls.check("sendto(" + what + ")",
                Syscalls.LIBC.sendto(openFd(), data, data.length, 0, sockaddr, sockaddr.length));
    }

    /** sendmsg(2) with ancillary data (e.g. IP_PKTINFO choosing the source address). */
    public void sendMessage(byte[] data, byte[] sockaddr, byte[] control) throws NativeException {
        synchronized (sendLock) {
            Syscalls.check("sendmsg(" + what + ")", sendmsg(openFd(), data, sockaddr, control));
        }
    }

    /**
     * Runs the whole sendmsg(2) path once on fd -1 (EBADF in the kernel: nothing is sent), so that the first real
     * send does not pay for class loading and jnr-ffi's lazy binding of sendmsg: measured ~10 ms on this path's
     * first call (JDK 17, 2 vCPU), which a backup would otherwise add to its first takeover, i.e. its very first
     * advert as MASTER. Returns the errno (EBADF expected).
     */
    public static int warmUpSendMessage(byte[] data, byte[] sockaddr, byte[] control) {
        return sendmsg(-1, data, sockaddr, control) < 0 ? Syscalls.errno() : 0;
    }

    /** sendto(2) on fd -1, as {@link #warmUpSendMessage} for the AF_PACKET sends; returns the errno (EBADF). */
    public static int warmUpSendTo(byte[] data, byte[] sockaddr) {
        return Syscalls.LIBC.sendto(-1, data, data.length, 0, sockaddr, sockaddr.length) < 0 ? Syscalls.errno() : 0;
    }

    private static long sendmsg(int fd, byte[] data, byte[] sockaddr, byte[] control) {
        int size = MSGHDR_SIZE + IOVEC_SIZE + sockaddr.length + control.length + data.length;
        Pointer m = Memory.allocateDirect(Syscalls.RUNTIME, size, true);
        long base = m.address();
        int iov = MSGHDR_SIZE;
        int name = iov + IOVEC_SIZE;
        int ctl = name + sockaddr.length;
        int dat = ctl + control.length;
        m.put(name, sockaddr, 0, sockaddr.length);
        m.put(ctl, control, 0, control.length);
        m.put(dat, data, 0, data.length);
        m.putLong(iov, base + dat);
        m.putLong(iov + 8, data.length);
        m.putLong(0, base + name);
        m.putInt(8, sockaddr.length);
        m.putLong(16, base + iov);
        m.putLong(24, 1);
        m.putLong(32, control.length == 0 ? 0 : base + ctl);
        m.putLong(40, control.length);
        m.putInt(48, 0);
        return Syscalls.LIBC.sendmsg(fd, m, 0);
    }

    /** One received datagram: payload, source sockaddr, ancillary data, and msg_flags. */
    public record Message(byte[] data, byte[] sockaddr, byte[] control, int flags) {
        public boolean truncated() {
            return (flags & MSG_TRUNC) != 0;
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (negative: forever) for a datagram, then recvmsg(2) with up to
     * {@code maxData} payload bytes. Returns null on timeout or when the socket was closed meanwhile.
     */
    public Message receiveMessage(int maxData, int timeoutMillis) throws NativeException {
        receiveLock.lock();
        try {
            if (!awaitReadable(timeoutMillis) || closed) {
                return null;
            }
            if (receiveMemory == null || receiveDataSize < maxData) {
                receiveMemory = Memory.allocateDirect(Syscalls.RUNTIME,
                        MSGHDR_SIZE + IOVEC_SIZE + NAME_SIZE + CONTROL_SIZE + maxData, true);
                receiveDataSize = maxData;
            }
            Pointer m = receiveMemory;
            long base = m.address();
            int iov = MSGHDR_SIZE;
            int name = iov + IOVEC_SIZE;
            int ctl = name + NAME_SIZE;
            int dat = ctl + CONTROL_SIZE;
            m.putLong(iov, base + dat);
            m.putLong(iov + 8, maxData);
            m.putLong(0, base + name);
            m.putInt(8, NAME_SIZE);
            m.putLong(16, base + iov);
            m.putLong(24, 1);
            m.putLong(32, base + ctl);
            m.putLong(40, CONTROL_SIZE);
            m.putInt(48, 0);
            int f = fd;
            if (f < 0) {
                return null;
            }
            long n = Syscalls.LIBC.recvmsg(f, m, MSG_DONTWAIT | MSG_TRUNC);
            if (n < 0) {
                NativeException e = Syscalls.failure("recvmsg(" + what + ")");
                if (e.errno() == Errno.EAGAIN || e.errno() == Errno.EINTR || fd < 0) {
                    return null;
                }
                throw e;
            }
            int len = (int) Math.min(n, maxData);
            byte[] data = new byte[len];
            m.get(dat, data, 0, len);
            byte[] sa = new byte[Math.min(m.getInt(8), NAME_SIZE)];
            m.get(name, sa, 0, sa.length);
            byte[] control = new byte[(int) Math.min(m.getLong(40), CONTROL_SIZE)];
            m.get(ctl, control, 0, control.length);
            return new Message(data, sa, control, m.getInt(48) | (n > maxData ? MSG_TRUNC : 0));
        } finally {
            if (closed) {
                closeFd();
            }
            receiveLock.unlock();
        }
    }

    /** poll(2) for input, in slices; false on timeout or when the socket is closed. Negative: forever. */
    private boolean awaitReadable(int timeoutMillis) throws NativeException {
        long deadline = System.nanoTime() + Math.max(0, timeoutMillis) * 1_000_000L;
        while (!closed) {
            int f = fd;
            long left = timeoutMillis < 0 ? POLL_SLICE_MILLIS : (deadline - System.nanoTime()) / 1_000_000L;
            byte[] pfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
                    .putInt(f).putShort((short) POLLIN).putShort((short) 0).array();
            int rc = Syscalls.LIBC.poll(pfd, 1, (int) Math.max(0, Math.min(left, POLL_SLICE_MILLIS)));
            if (rc < 0) {
                NativeException e = Syscalls.failure("poll(" + what + ")");
                if (e.errno() != Errno.EINTR) {
                    throw e;
                }
            } else if (rc > 0) {
                return !closed;
            }
            if (timeoutMillis >= 0 && System.nanoTime() - deadline >= 0) {
                return false;
            }
        }
        return false;
    }

    /** ioctl(2) on this socket with a buffer argument, which the kernel may fill in. */
    public byte[] ioctl(long request, byte[] arg, String name) throws NativeException {
        Syscalls.check("ioctl(" + what + ", " + name + ")", Syscalls.LIBC.ioctl(openFd(), request, arg));
        return arg;
    }

    /**
     * Closes the socket. A receive in progress returns null within {@link #POLL_SLICE_MILLIS} and
     * closes the fd itself.
     */
    @Override
    public void close() {
        closed = true;
        if (receiveLock.tryLock()) {
            try {
                closeFd();
            } finally {
                receiveLock.unlock();
            }
        }
    }

    private void closeFd() {
        int f = fd;
        fd = -1;
        if (f >= 0) {
            Syscalls.LIBC.close(f);
        }
    }

    public boolean isOpen() {
        return !closed;
    }

    private int openFd() throws NativeException {
        int f = fd;
        if (f < 0 || closed) {
            throw new NativeException(what, Errno.EBADF, "Bad file descriptor (socket closed)");
        }
        return f;
    }

    /** if_nametoindex(3) in the calling thread's network namespace; 0 when there is no such interface. */
    public static int interfaceIndex(String name) {
        return Syscalls.LIBC.if_nametoindex(name);
    }
}
