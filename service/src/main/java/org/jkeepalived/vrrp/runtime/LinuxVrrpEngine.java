package org.jkeepalived.vrrp.runtime;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.net.linux.LinuxFrameSender;
import org.jkeepalived.net.linux.LinuxVrrpSocket;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.netlink.NetlinkMonitor;
import org.jkeepalived.netlink.linux.RtnetlinkAddressManager;
import org.jkeepalived.netlink.linux.RtnetlinkMonitor;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;

/** Builds a {@link VrrpEngine} on the Linux ports (raw sockets, AF_PACKET, rtnetlink), in the current namespace. */
public final class LinuxVrrpEngine {
    private LinuxVrrpEngine() {
    }

    /**
     * The engine for every instance of {@code config} that can run here. An instance whose interface is
     * missing or has no usable source address is left out with an error line (keepalived would keep it in
     * FAULT; not modelled yet).
     */
    public static VrrpEngine create(VrrpConfig config, VrrpDefaults defaults, Log log) throws IOException {
        RtnetlinkAddressManager addresses = RtnetlinkAddressManager.open();
        NetlinkMonitor monitor;
        List<Link> links;
        try {
            monitor = RtnetlinkMonitor.open();
            links = addresses.links();
        } catch (IOException | RuntimeException e) {
            addresses.close();
            throw e;
        }
        List<EngineInstance> instances = new ArrayList<>();
        for (VrrpInstance in : config.instances()) {
            instance(in, defaults, links, log).ifPresent(instances::add);
        }
        return new VrrpEngine(instances,
                new EnginePorts(LinuxVrrpSocket::open, LinuxFrameSender::open, addresses, monitor),
                System::nanoTime, log);
    }

    static Optional<EngineInstance> instance(VrrpInstance in, VrrpDefaults defaults, List<Link> links, Log log) {
        String ifName = in.interfaceName();
        Optional<Link> link = ifName == null ? Optional.empty()
                : links.stream().filter(l -> l.name().equals(ifName)).findFirst();
        if (link.isEmpty()) {
            log.error("(" + in.name() + ") interface " + ifName + " not found - instance not started");
            return Optional.empty();
        }
        InetAddress primary = in.srcIp() != null ? in.srcIp() : primaryAddress(ifName, in.family());
        if (primary == null) {
            log.error("(" + in.name() + ") no " + (in.family() == AddressFamily.IPV6 ? "IPv6 link-local" : "IPv4")
                    + " address on " + ifName + " - instance not started");
            return Optional.empty();
        }
        V3ChecksumMode mode = in.v3ChecksumAsV2() ? V3ChecksumMode.AS_V2
                : in.oldUnicastChecksum() == VrrpInstance.UnicastChecksum.OLD ? V3ChecksumMode.OLD_UNICAST
                : V3ChecksumMode.PSEUDO_HEADER;
        InetAddress group = in.unicast() ? null : in.mcastDstIp() != null ? in.mcastDstIp()
                : in.family() == AddressFamily.IPV6 ? defaults.mcastGroup6() : defaults.mcastGroup4();
        RouterSettings settings = RouterSettings.from(in, defaults, primary);
        return Optional.of(new EngineInstance(settings, ifName, link.get().index(), group, mode));
    }

    /**
     * The interface's primary address: its first IPv4 address, or for IPv6 its link-local address (RFC 5798
     * §5.1.2.1: IPv6 adverts come from the link-local address).
     */
    static InetAddress primaryAddress(String ifName, AddressFamily family) {
        try {
            NetworkInterface ni = NetworkInterface.getByName(ifName);
            if (ni == null) {
                return null;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (family == AddressFamily.IPV6 ? a instanceof Inet6Address && a.isLinkLocalAddress()
                        : a instanceof Inet4Address) {
                    return family == AddressFamily.IPV6 ? InetAddress.getByAddress(a.getAddress()) : a;
                }
            }
            return null;
        } catch (SocketException | java.net.UnknownHostException e) {
            return null;
        }
    }
}
