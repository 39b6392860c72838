package org.jkeepalived.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;

/**
 * The port through which a VRRP instance sends and receives its adverts on one interface and one
 * address family (IP protocol 112). Bytes are the VRRP message only: no IP header either way (the
 * kernel builds it on send; on receive the IPv4 header is stripped and its facts are in
 * {@link Received}).
 */
public interface VrrpSocket extends Closeable {
    /** IANA protocol number of VRRP (RFC 5798 section 5.1.1.3 / RFC 3768 section 5.2.4). */
    int IPPROTO_VRRP = 112;

    /**
     * Sends one VRRP message to {@code dst} (the VRRP multicast group or a unicast peer), from the
     * socket's source address, TTL / hop limit 255 (RFC 5798 section 5.1.1.3).
     */
    void send(byte[] vrrpMessage, InetAddress dst) throws IOException;

    /**
     * The next received message, or null when none came within {@code timeoutMillis} (negative:
     * no limit) or when the socket is closed meanwhile.
     */
    Received receive(int timeoutMillis) throws IOException;

    /** Opens a socket for a spec (the Linux one is {@code LinuxVrrpSocket::open}; tests pass fakes). */
    @FunctionalInterface
    interface Opener {
        VrrpSocket open(VrrpSocketSpec spec) throws IOException;
    }

    /** Stops the socket; a thread in {@link #receive} returns null within its timeout. */
    @Override
    void close();
}
