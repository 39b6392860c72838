package org.jkeepalived.ffi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@link RealtimeSignals} through libc via jnr-ffi. */
final class JnrRealtimeSignals implements RealtimeSignals {
    static final JnrRealtimeSignals INSTANCE = new JnrRealtimeSignals();
    private static final int SFD_CLOEXEC = 0x80000;
    private static final int SFD_NONBLOCK = 0x800;
    private static final long SIG_IGN = 1;
    /** sizeof(sigset_t) in glibc; the kernel reads the first 8 bytes (_NSIG / 8). */
    private static final int SIGSET_BYTES = 128;
    /** sizeof(struct signalfd_siginfo); ssi_signo (uint32) comes first. */
    private static final int SIGINFO_BYTES = 128;
    private static final short POLLIN = 1;

    private JnrRealtimeSignals() {
    }

    @Override
    public int rtmin() {
        return Syscalls.LIBC.__libc_current_sigrtmin();
    }

    @Override
    public int rtmax() {
        return Syscalls.LIBC.__libc_current_sigrtmax();
    }

    @Override
    public void ignore(int signal) throws NativeException {
        if (Syscalls.LIBC.signal(signal, SIG_IGN) == -1) { // SIG_ERR
            throw Syscalls.failure("signal(" + signal + ", SIG_IGN)");
        }
    }

    @Override
    public SignalFd open(int... signals) throws NativeException {
        byte[] mask = new byte[SIGSET_BYTES];
        for (int s : signals) {
            if (s < 1 || s > 64) {
                throw new NativeException("signalfd", Errno.EINVAL, "no signal " + s);
            }
            mask[(s - 1) / 8] |= (byte) (1 << ((s - 1) % 8)); // unsigned long words, little-endian hosts
        }
        int fd = Syscalls.check("signalfd", Syscalls.LIBC.signalfd(-1, mask, SFD_CLOEXEC | SFD_NONBLOCK));
        return new Fd(fd);
    }

    private static final class Fd implements SignalFd {
        private volatile int fd;

        Fd(int fd) {
            this.fd = fd;
        }

        @Override
        public int next(int timeoutMillis) throws NativeException {
            int f = fd;
            if (f < 0) {
                throw new NativeException("signalfd", Errno.EBADF, "Bad file descriptor (closed)");
            }
            ByteBuffer pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
            pollfd.putInt(f).putShort(POLLIN).putShort((short) 0);
            byte[] fds = pollfd.array();
            int ready = Syscalls.LIBC.poll(fds, 1, timeoutMillis);
            if (ready < 0) {
                NativeException e = Syscalls.failure("poll(signalfd)");
                if (e.errno() == Errno.EINTR) {
                    return 0;
                }
                throw e;
            }
            if (ready == 0) {
                return 0;
            }
            byte[] info = new byte[SIGINFO_BYTES];
            long n = Syscalls.LIBC.read(f, info, info.length);
            if (n < 0) {
                NativeException e = Syscalls.failure("read(signalfd)");
                if (e.errno() == Errno.EAGAIN || e.errno() == Errno.EINTR) {
                    return 0; // another reader took it
                }
                throw e;
            }
            return n < 4 ? 0 : ByteBuffer.wrap(info, 0, 4).order(ByteOrder.nativeOrder()).getInt();
        }

        @Override
        public void close() {
            int f = fd;
            fd = -1;
            if (f >= 0) {
                Syscalls.LIBC.close(f);
            }
        }
    }
}
