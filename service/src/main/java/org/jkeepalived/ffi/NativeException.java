package org.jkeepalived.ffi;

import java.io.IOException;

/**
 * A system call that failed: names the call, the errno and the kernel's reason, e.g.
 * {@code sendto(/dev/log): No such file or directory (errno 2)}.
 */
public final class NativeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    public NativeException(String call, int errno, String reason) {
        super(call + ": " + reason + " (errno " + errno + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The call that failed, with its subject when useful, e.g. {@code bind(/run/x.sock)}. */
    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}
