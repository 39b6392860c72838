package org.jkeepalived.netlink.linux;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.NativeSocket;
import org.jkeepalived.netlink.NetlinkCodec;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.netlink.NetlinkMonitor;
import org.jkeepalived.netlink.RouteCodec;

/**
 * {@link NetlinkMonitor} on a socket subscribed to the link, IPv4/IPv6 address, route and rule groups (only
 * route and rule deletions are reported: what an owner restores). One
 * thread polls it. A queue overflow (ENOBUFS) is reported as {@link NetlinkEvent.Overrun}.
 */
public final class RtnetlinkMonitor implements NetlinkMonitor {
    static final int GROUPS = NetlinkCodec.RTMGRP_LINK | NetlinkCodec.RTMGRP_IPV4_IFADDR
            | NetlinkCodec.RTMGRP_IPV6_IFADDR | RouteCodec.RTMGRP_IPV4_ROUTE | RouteCodec.RTMGRP_IPV6_ROUTE
            | RouteCodec.RTMGRP_IPV4_RULE | RouteCodec.RTMGRP_IPV6_RULE;
    private static final int RECEIVE_BUFFER_BYTES = 1 << 20;

    private final RtnetlinkSocket socket;
    private final Map<Integer, Boolean> linkUp = new HashMap<>();

    private RtnetlinkMonitor(RtnetlinkSocket socket) {
        this.socket = socket;
    }

    public static RtnetlinkMonitor open() throws NetlinkException {
        return new RtnetlinkMonitor(RtnetlinkSocket.open(GROUPS, RECEIVE_BUFFER_BYTES));
    }

    @Override
    public List<NetlinkEvent> poll(int timeoutMillis) throws NetlinkException {
        NativeSocket.Message d;
        try {
            d = socket.receive(timeoutMillis);
        } catch (NativeException e) {
            if (e.errno() == Errno.ENOBUFS) {
                linkUp.clear();
                return List.of(new NetlinkEvent.Overrun());
            }
            throw RtnetlinkSocket.wrap(e);
        }
        if (d == null) {
            return List.of();
        }
        List<NetlinkEvent> out = new ArrayList<>();
        for (NetlinkCodec.Message m : NetlinkCodec.split(d.data())) {
            out.addAll(NetlinkCodec.events(m, linkUp));
        }
        return out;
    }

    @Override
    public void close() {
        socket.close();
    }
}
