package org.jkeepalived.vrrp.runtime;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.net.linux.LinuxFrameSender;
import org.jkeepalived.net.linux.LinuxVrrpSocket;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.netlink.NetlinkMonitor;
import org.jkeepalived.netlink.RouteManager;
import org.jkeepalived.netlink.linux.RtnetlinkAddressManager;
import org.jkeepalived.netlink.linux.RtnetlinkMonitor;
import org.jkeepalived.netlink.linux.RtnetlinkRouteManager;
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
        NetlinkMonitor monitor = null;
        RouteManager routes = null;
        List<Link> links;
        try {
            monitor = RtnetlinkMonitor.open();
            routes = RtnetlinkRouteManager.open();
            links = addresses.links();
        } catch (IOException | RuntimeException e) {
            addresses.close();
            if (monitor != null) {
                monitor.close();
            }
            if (routes != null) {
                routes.close();
            }
            throw e;
        }
        Set<InetAddress> vips = new HashSet<>();
        for (VrrpInstance in : config.instances()) {
            in.virtualIpaddresses().forEach(v -> vips.add(v.address().address()));
            in.virtualIpaddressesExcluded().forEach(v -> vips.add(v.address().address()));
        }
        List<EngineInstance> instances = new ArrayList<>();
        for (VrrpInstance in : config.instances()) {
            instance(in, defaults, links, vips, log).ifPresent(instances::add);
        }
        return new VrrpEngine(instances, StaticConfig.of(config),
                new EnginePorts(LinuxVrrpSocket::open, LinuxFrameSender::open, addresses, monitor, routes),
                System::nanoTime, log);
    }

    static Optional<EngineInstance> instance(VrrpInstance in, VrrpDefaults defaults, List<Link> links,
                                             Set<InetAddress> vips, Log log) {
        String ifName = in.interfaceName();
        Optional<Link> link = ifName == null ? Optional.empty()
                : links.stream().filter(l -> l.name().equals(ifName)).findFirst();
        if (link.isEmpty()) {
            log.error("(" + in.name() + ") interface " + ifName + " not found - instance not started");
            return Optional.empty();
        }
        InetAddress primary = in.srcIp() != null ? in.srcIp() : primaryAddress(ifName, in.family(), vips);
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
        return Optional.of(new EngineInstance(settings, ifName, link.get().index(), group, mode, in.virtualRoutes(),
                in.virtualRules()));
    }

    /**
     * The interface's primary address: for IPv4 the kernel's first address that is not one of our VIPs (a
     * VIP left behind by a killed daemon must never become the advert source: a peer holding the same VIP
     * would take the adverts for its own), for IPv6 the link-local address (RFC 5798 §5.1.2.1). Observed
     * with JDK 17: {@link NetworkInterface#getInetAddresses} lists the newest address first, so the
     * kernel's first (primary) one is the last listed. To do: read IFA_F_SECONDARY via rtnetlink instead.
     */
    static InetAddress primaryAddress(String ifName, AddressFamily family, Set<InetAddress> vips) {
        try {
            NetworkInterface ni = NetworkInterface.getByName(ifName);
            if (ni == null) {
                return null;
            }
            InetAddress found = null;
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (family == AddressFamily.IPV6 && a instanceof Inet6Address && a.isLinkLocalAddress()) {
                    return InetAddress.getByAddress(a.getAddress());
                }
                if (family != AddressFamily.IPV6 && a instanceof Inet4Address && !vips.contains(a)) {
                    found = a;
                }
            }
            return found;
        } catch (SocketException | java.net.UnknownHostException e) {
            return null;
        }
    }
}
