package org.jkeepalived.vrrp.runtime;

import java.util.Objects;
import org.jkeepalived.net.FrameSender;
import org.jkeepalived.net.VrrpSocket;
import org.jkeepalived.netlink.AddressManager;
import org.jkeepalived.netlink.NetlinkMonitor;
import org.jkeepalived.netlink.RouteManager;

/**
 * The ports the {@link VrrpEngine} drives: the Linux ones come from {@code LinuxVrrpEngine}, tests pass
 * the hand-written fakes.
 *
 * @param sockets   opens one VRRP socket per interface, family and source address
 * @param frames    opens one frame sender per interface (gratuitous ARP / unsolicited NA)
 * @param addresses adds and removes VIPs; also gives interface indexes and MACs (RTM_GETLINK)
 * @param monitor   link, address (and route) events, or null when they are not followed
 * @param routes    adds and removes virtual/static routes and rules, or null when they are not applied
 */
public record EnginePorts(VrrpSocket.Opener sockets, FrameSender.Opener frames, AddressManager addresses,
                          NetlinkMonitor monitor, RouteManager routes) {
    public EnginePorts {
        Objects.requireNonNull(sockets, "sockets");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(addresses, "addresses");
    }

    /** Ports without a route manager: routes and rules are not applied. */
    public EnginePorts(VrrpSocket.Opener sockets, FrameSender.Opener frames, AddressManager addresses,
                       NetlinkMonitor monitor) {
        this(sockets, frames, addresses, monitor, null);
    }
}
