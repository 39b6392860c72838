package org.jkeepalived.ffi;

import java.util.Optional;
import jnr.constants.platform.OpenFlags;
import jnr.posix.Group;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.posix.Passwd;

/** {@link Fifos} through jnr-posix. */
final class JnrFifos implements Fifos {
    static final JnrFifos INSTANCE = new JnrFifos();
    private static final int OPEN_FLAGS = OpenFlags.O_RDWR.intValue() | OpenFlags.O_NONBLOCK.intValue()
            | OpenFlags.O_NOFOLLOW.intValue() | OpenFlags.O_CLOEXEC.intValue();

    private final POSIX posix = POSIXFactory.getNativePOSIX();

    private JnrFifos() {
    }

    @Override
    public int mkfifo(String path, int mode) {
        return posix.mkfifo(path, mode) == 0 ? 0 : posix.errno();
    }

    @Override
    public int openNonBlocking(String path) {
        int fd = posix.open(path, OPEN_FLAGS, 0);
        return fd >= 0 ? fd : -posix.errno();
    }

    @Override
    public int write(int fd, byte[] bytes) {
        int n = posix.write(fd, bytes, bytes.length);
        return n >= 0 ? n : -posix.errno();
    }

    @Override
    public void close(int fd) {
        posix.close(fd);
    }

    @Override
    public int chown(String path, int uid, int gid) {
        return posix.chown(path, uid, gid) == 0 ? 0 : posix.errno();
    }

    @Override
    public Optional<int[]> user(String name) {
        Passwd pw = posix.getpwnam(name);
        return pw == null ? Optional.empty() : Optional.of(new int[] {(int) pw.getUID(), (int) pw.getGID()});
    }

    @Override
    public Optional<Integer> group(String name) {
        Group gr = posix.getgrnam(name);
        return gr == null ? Optional.empty() : Optional.of((int) gr.getGID());
    }

    @Override
    public String strerror(int errno) {
        return posix.strerror(errno);
    }
}
