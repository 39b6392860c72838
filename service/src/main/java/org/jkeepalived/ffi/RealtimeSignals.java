package org.jkeepalived.ffi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-time signals keepalived uses ({@code --signum=JSON} is SIGRTMIN+2, STATS_CLEAR SIGRTMAX-1), which
 * {@code sun.misc.Signal} cannot handle. They are read with signalfd(2), which only sees signals blocked in every
 * thread: the launcher starts the JVM with them blocked ({@code env --block-signal}) and every JVM thread inherits
 * that mask. Where they are not blocked, {@link #ignore} keeps a stray one from killing the process (their default
 * action is to terminate).
 */
public interface RealtimeSignals {
    /** The libc-backed implementation. */
    static RealtimeSignals get() {
        return JnrRealtimeSignals.INSTANCE;
    }

    /** glibc's SIGRTMIN (34 on Linux with NPTL: two are kept for threads). */
    int rtmin();

    /** glibc's SIGRTMAX (64). */
    int rtmax();

    /** Whether {@code signal} is blocked in the calling thread ({@code SigBlk} of /proc/thread-self/status). */
    default boolean blockedInCallingThread(int signal) throws IOException {
        return blocked(Files.readString(Path.of("/proc/thread-self/status")), signal);
    }

    /** Sets {@code signal}'s disposition to SIG_IGN. */
    void ignore(int signal) throws NativeException;

    /** A signalfd(2) for {@code signals} (which the caller has checked are blocked), close-on-exec. */
    SignalFd open(int... signals) throws NativeException;

    /** One signalfd. */
    interface SignalFd extends AutoCloseable {
        /**
         * Waits up to {@code timeoutMillis} for a signal; its number, or 0 when none came (the caller's chance to
         * notice a close).
         */
        int next(int timeoutMillis) throws NativeException;

        @Override
        void close();
    }

    /** Whether the {@code SigBlk:} mask (hex, bit n-1 for signal n) of a /proc status text holds {@code signal}. */
    static boolean blocked(String procStatus, int signal) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("SigBlk:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return signal >= 1 && signal <= 64 && (mask >>> (signal - 1) & 1) == 1;
            }
        }
        return false;
    }
}
