package org.jkeepalived.net;

import java.io.Closeable;
import java.io.IOException;

/**
 * Sends complete Ethernet frames (destination MAC, source MAC, ethertype, payload) on one
 * interface: gratuitous ARP (RFC 5798 section 6.4.2 / RFC 3768 section 6.4.2) and unsolicited
 * neighbour advertisements. The frames are built by the codecs in {@code vrrp.packet}.
 */
public interface FrameSender extends Closeable {
    void send(byte[] ethernetFrame) throws IOException;

    @Override
    void close();

    /** Opens a sender on an interface index (the Linux one is {@code LinuxFrameSender::open}). */
    @FunctionalInterface
    interface Opener {
        FrameSender open(int ifIndex) throws IOException;
    }
}
