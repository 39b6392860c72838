package org.jkeepalived.vrrp.runtime;

import java.util.HashMap;
import java.util.Map;
import org.jkeepalived.net.VrrpSocket;
import org.jkeepalived.net.VrrpSocketSpec;

/** Instances sharing one socket (same interface, source address and group), demuxed by VRID. */
final class Channel {
    final VrrpSocketSpec spec;
    /** Only the loop thread touches it. */
    final Map<Integer, Slot> byVrid = new HashMap<>();
    volatile VrrpSocket socket;
    /** Set when the last instance left: its receiver closes the socket and ends. */
    volatile boolean retired;

    Channel(VrrpSocketSpec spec) {
        this.spec = spec;
    }
}
