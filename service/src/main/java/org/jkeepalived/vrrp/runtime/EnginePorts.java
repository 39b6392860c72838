package org.jkeepalived.vrrp.runtime;

import java.util.Objects;
import org.jkeepalived.net.FrameSender;
import org.jkeepalived.net.VrrpSocket;
import org.jkeepalived.netlink.AddressManager;
import org.jkeepalived.netlink.NetlinkMonitor;

/**
 * The ports the {@link VrrpEngine} drives: the Linux ones come from {@code LinuxVrrpEngine}, tests pass
 * the hand-written fakes.
 *
 * @param sockets   opens one VRRP socket per interface, family and source address
 * @param frames    opens one frame sender per interface (gratuitous ARP / unsolicited NA)
 * @param addresses adds and removes VIPs; also gives interface indexes and MACs (RTM_GETLINK)
 * @param monitor   link events, or null when link state is not followed
 */
public record EnginePorts(VrrpSocket.Opener sockets, FrameSender.Opener frames, AddressManager addresses,
                          NetlinkMonitor monitor) {
    public EnginePorts {
        Objects.requireNonNull(sockets, "sockets");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(addresses, "addresses");
    }
}
