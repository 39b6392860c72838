package org.jkeepalived.ffi;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs code in another network namespace: a fresh thread calls setns(2) on the namespace file (e.g.
 * {@code /var/run/netns/NAME}) and then the action. setns with CLONE_NEWNET affects only the calling
 * thread, and a socket keeps the namespace it was created in, so sockets opened by the action can be
 * used afterwards from any thread. Needs CAP_SYS_ADMIN.
 */
public final class NetNamespace {
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;

    private NetNamespace() {
    }

    public static <T> T call(String namespaceFile, Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                int fd = Syscalls.check("open(" + namespaceFile + ")",
                        Syscalls.LIBC.open(namespaceFile, O_RDONLY | O_CLOEXEC));
                try {
                    Syscalls.check("setns(" + namespaceFile + ")", Syscalls.LIBC.setns(fd, CLONE_NEWNET));
                } finally {
                    Syscalls.LIBC.close(fd);
                }
                result.set(action.call());
            } catch (Exception e) {
                failure.set(e);
            }
        }, "netns " + namespaceFile);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
