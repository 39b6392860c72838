package org.jkeepalived.ffi;

import java.io.Closeable;
import java.time.Duration;

/**
 * An AF_UNIX SOCK_DGRAM socket: what syslog ({@code /dev/log}) and systemd's {@code NOTIFY_SOCKET}
 * speak. Java 17's NIO has AF_UNIX only for streams, hence a native binding. A path starting with
 * {@code @} names an abstract-namespace address (systemd uses those).
 *
 * <p>Safe for concurrent {@link #sendTo} calls (one kernel call each); {@link #close} must not race
 * with other calls.
 */
public interface UnixDatagramSocket extends Closeable {
    /** Opens an unbound socket (close-on-exec, so scripts we run do not inherit it). */
    static UnixDatagramSocket open() throws NativeException {
        return JnrUnixDatagramSocket.open();
    }

    /** Binds to {@code path} (the file must not exist; the caller removes it after close). */
    void bind(String path) throws NativeException;

    /**
     * Sends one datagram to {@code path}. With {@code dontWait} a full receiver queue fails with
     * EAGAIN instead of blocking the calling thread.
     */
    void sendTo(String path, byte[] data, int offset, int length, boolean dontWait) throws NativeException;

    /** Gives up a {@link #receive} after {@code timeout} (SO_RCVTIMEO); zero waits forever. */
    void receiveTimeout(Duration timeout) throws NativeException;

    /** Receives one datagram into {@code buffer}; returns its length, or -1 when the timeout expired. */
    int receive(byte[] buffer) throws NativeException;

    @Override
    void close();
}
