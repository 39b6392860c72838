package org.jkeepalived.ffi;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;

/**
 * Loads libc once and turns a failed call into a {@link NativeException}. errno must be read right
 * after the call on the calling thread; jnr saves it per thread after every call, so {@link #check}
 * is called with the return value immediately and nothing else native runs in between.
 */
final class Syscalls {
    static final LibC LIBC = LibraryLoader.create(LibC.class)
            .load(Platform.getNativePlatform().getStandardCLibraryName());
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private Syscalls() {
    }

    /** Returns {@code rc} unless it is negative, then throws naming {@code call} and errno's reason. */
    static long check(String call, long rc) throws NativeException {
        if (rc < 0) {
            throw failure(call);
        }
        return rc;
    }

    static int check(String call, int rc) throws NativeException {
        return (int) check(call, (long) rc);
    }

    /** errno of the last call on this thread. */
    static int errno() {
        return LastError.getLastError(RUNTIME);
    }

    /** The exception for the last failed call on this thread. */
    static NativeException failure(String call) {
        int errno = errno();
        String reason = LIBC.strerror(errno);
        return new NativeException(call, errno, reason == null ? "errno " + errno : reason);
    }
}
