package org.jkeepalived.vrrp.runtime;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
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
import org.jkeepalived.netlink.AddressManager;
import org.jkeepalived.netlink.InterfaceAddress;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.netlink.NetlinkMonitor;
import org.jkeepalived.netlink.RouteManager;
import org.jkeepalived.netlink.linux.RtnetlinkAddressManager;
import org.jkeepalived.netlink.linux.RtnetlinkMonitor;
import org.jkeepalived.netlink.linux.RtnetlinkRouteManager;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;

/**
 * The {@link VrrpEngine} on the Linux ports (raw sockets, AF_PACKET, rtnetlink), in the current namespace:
 * builds the engine's instances from the config model and the kernel's interfaces, and reloads them.
 */
public final class LinuxVrrpEngine {
    /** keepalived's words when an instance names an interface that does not exist (no dynamic_interfaces). */
    public static final String NON_EXISTENT_INTERFACE = "Non-existent interface specified in configuration";

    /** Thrown by {@link #create} for a configuration keepalived refuses to run (its exit code 2). */
    public static final class ConfigRefused extends IOException {
        ConfigRefused(String message) {
            super(message);
        }
    }

    /** An interface's primary address of a family, never one of {@code vips}; null when it has none. */
    @FunctionalInterface
    interface PrimaryAddresses {
        InetAddress find(int ifIndex, AddressFamily family, Set<InetAddress> vips);

        /**
         * From the kernel's address list (RTM_GETADDR, in the kernel's order): for IPv4 the first address
         * that is not secondary (IFA_F_SECONDARY) and not one of our VIPs, else the first non-VIP (a VIP
         * left behind by a killed daemon must never become the advert source: a peer holding the same VIP
         * would take the adverts for its own); for IPv6 the link-local address (RFC 5798 §5.1.2.1).
         */
        /** The address is configured on some interface (track_src_ip); always true unless from the kernel. */
        default boolean holds(InetAddress address) {
            return true;
        }

        static PrimaryAddresses of(List<InterfaceAddress> kernel) {
            PrimaryAddresses find = (ifIndex, family, vips) -> {
                InetAddress fallback = null;
                for (InterfaceAddress a : kernel) {
                    if (a.ifIndex() != ifIndex || vips.contains(a.address())) {
                        continue;
                    }
                    if (family == AddressFamily.IPV6) {
                        if (a.address() instanceof Inet6Address && a.address().isLinkLocalAddress()) {
                            return withoutScope(a.address());
                        }
                    } else if (a.address() instanceof Inet4Address) {
                        if (!a.secondary()) {
                            return a.address();
                        }
                        fallback = fallback == null ? a.address() : fallback;
                    }
                }
                return fallback;
            };
            return new PrimaryAddresses() {
                @Override
                public InetAddress find(int ifIndex, AddressFamily family, Set<InetAddress> vips) {
                    return find.find(ifIndex, family, vips);
                }

                @Override
                public boolean holds(InetAddress address) {
                    return kernel.stream().anyMatch(a -> withoutScope(a.address()).equals(withoutScope(address)));
                }
            };
        }
    }

    private static InetAddress withoutScope(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kernel's links and addresses at one moment. */
    private record KernelView(List<Link> links, PrimaryAddresses primaries) {
        /** Through {@code addresses}, or a short-lived rtnetlink socket of our own when null. */
        static KernelView read(AddressManager addresses) throws NetlinkException {
            if (addresses != null) {
                return new KernelView(addresses.links(), PrimaryAddresses.of(addresses.interfaceAddresses()));
            }
            try (RtnetlinkAddressManager own = RtnetlinkAddressManager.open()) {
                return read(own);
            }
        }
    }

    private final VrrpEngine engine;
    private final Log log;

    private LinuxVrrpEngine(VrrpEngine engine, Log log) {
        this.engine = engine;
        this.log = log;
    }

    public VrrpEngine engine() {
        return engine;
    }

    /**
     * The engine for every instance of {@code config}. An instance whose interface has no usable source
     * address, or (with dynamic_interfaces) does not exist yet, runs in FAULT until it has one, as keepalived
     * does; without dynamic_interfaces a missing interface refuses the configuration ({@link ConfigRefused},
     * keepalived 2.2.7 observed: "Non-existent interface specified in configuration", exit 2).
     */
    public static LinuxVrrpEngine create(VrrpConfig config, VrrpDefaults defaults, Log log) throws IOException {
        return create(config, defaults, 0, 0, log);
    }

    /** As {@link #create(VrrpConfig, VrrpDefaults, Log)}, the VRRP threads at {@code nice} or SCHED_RR {@code rtPriority}. */
    public static LinuxVrrpEngine create(VrrpConfig config, VrrpDefaults defaults, int nice, int rtPriority, Log log)
            throws IOException {
        RtnetlinkAddressManager addresses = RtnetlinkAddressManager.open();
        NetlinkMonitor monitor = null;
        RouteManager routes = null;
        List<EngineInstance> instances;
        try {
            monitor = RtnetlinkMonitor.open();
            routes = RtnetlinkRouteManager.open();
            KernelView kernel = KernelView.read(addresses);
            List<Link> links = kernel.links();
            if (!defaults.dynamicInterfaces()) {
                for (VrrpInstance in : config.instances()) {
                    if (in.interfaceName() == null || link(links, in.interfaceName()).isEmpty()) {
                        throw new ConfigRefused(NON_EXISTENT_INTERFACE);
                    }
                }
            }
            instances = instances(config, defaults, links, kernel.primaries());
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
        VrrpEngine engine = new VrrpEngine(instances, StaticConfig.of(config), resolver(config, defaults, addresses, log),
                new EnginePorts(LinuxVrrpSocket::open, LinuxFrameSender::open, addresses, monitor, routes),
                System::nanoTime, log);
        engine.paceGratuitousWith(GarpPacing.of(defaults, config));
        if (rtPriority > 0 || nice != 0) {
            engine.tuneThreadsWith(new ThreadTuning(nice, rtPriority, log));
        }
        return new LinuxVrrpEngine(engine, log);
    }

    /**
     * Applies a reloaded configuration (SIGHUP). The kernel's links are read on a short-lived rtnetlink
     * socket of our own: the engine's sockets belong to its loop thread.
     */
    public boolean reload(VrrpConfig config, VrrpDefaults defaults) throws NetlinkException {
        return reload(config, defaults, null);
    }

    /** As {@link #reload(VrrpConfig, VrrpDefaults)} with new trackers and sync groups (null: keep them). */
    public boolean reload(VrrpConfig config, VrrpDefaults defaults, TrackingPlan plan) throws NetlinkException {
        KernelView kernel = KernelView.read(null);
        for (VrrpInstance in : config.instances()) {
            if (in.interfaceName() == null || link(kernel.links(), in.interfaceName()).isEmpty()) {
                log.error("(" + in.name() + ") interface " + in.interfaceName() + " doesn't exist - FAULT until it does");
            }
        }
        List<EngineInstance> instances = instances(config, defaults, kernel.links(), kernel.primaries());
        return engine.reload(instances, StaticConfig.of(config), resolver(config, defaults, null, log), plan);
    }

    static List<EngineInstance> instances(VrrpConfig config, VrrpDefaults defaults, List<Link> links,
                                          PrimaryAddresses primaries) {
        Set<InetAddress> vips = vips(config);
        List<EngineInstance> out = new ArrayList<>();
        for (VrrpInstance in : config.instances()) {
            out.add(instance(in, defaults, links, vips, primaries));
        }
        return out;
    }

    /**
     * Re-resolves an unusable instance on the loop thread: with {@code addresses} (the engine's own port,
     * loop thread only) for the links, or a short-lived socket when null.
     */
    static VrrpEngine.Resolver resolver(VrrpConfig config, VrrpDefaults defaults, AddressManager addresses, Log log) {
        Set<InetAddress> vips = vips(config);
        return current -> {
            Optional<VrrpInstance> in = config.instance(current.settings().name());
            if (in.isEmpty()) {
                return current;
            }
            try {
                KernelView kernel = KernelView.read(addresses);
                return instance(in.get(), defaults, kernel.links(), vips, kernel.primaries());
            } catch (NetlinkException e) {
                log.error("(" + current.settings().name() + ") cannot read the links: " + e.getMessage());
                return current;
            }
        };
    }

    private static Set<InetAddress> vips(VrrpConfig config) {
        Set<InetAddress> vips = new HashSet<>();
        for (VrrpInstance in : config.instances()) {
            in.virtualIpaddresses().forEach(v -> vips.add(v.address().address()));
            in.virtualIpaddressesExcluded().forEach(v -> vips.add(v.address().address()));
        }
        return vips;
    }

    private static Optional<Link> link(List<Link> links, String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /**
     * One instance as the engine runs it. Unusable (FAULT until resolved) when its interface is missing or
     * has no source address: keepalived's "(VI_1) entering FAULT state (no IPv4 address for interface)".
     */
    static EngineInstance instance(VrrpInstance in, VrrpDefaults defaults, List<Link> links, Set<InetAddress> vips,
                                   PrimaryAddresses primaries) {
        String ifName = in.interfaceName() == null ? "" : in.interfaceName();
        boolean v6 = in.family() == AddressFamily.IPV6;
        Optional<Link> link = link(links, ifName);
        String unusable = null;
        InetAddress primary = in.srcIp();
        if (link.isEmpty()) {
            unusable = "interface " + ifName + " doesn't exist";
        } else if (in.unicastConfigured() && in.unicastPeers().isEmpty() && in.unicastFaultNoPeer()) {
            unusable = "no unicast peers"; // unicast_fault_no_peer: FAULT rather than falling back to multicast
        } else if (primary != null && in.trackSrcIp() && !primaries.holds(primary)) {
            // track_src_ip: FAULT while the configured source address is not on the system (keepalived c.4).
            unusable = "source address " + org.jkeepalived.config.model.AddressText.of(primary) + " not present";
        } else if (primary == null) {
            primary = primaries.find(link.get().index(), in.family(), vips);
            if (primary == null) {
                unusable = v6 ? "no IPv6 link-local address for interface" : "no IPv4 address for interface";
            }
        }
        if (primary == null) {
            primary = wildcard(v6);
        }
        V3ChecksumMode mode = in.v3ChecksumAsV2() ? V3ChecksumMode.AS_V2
                : in.oldUnicastChecksum() == VrrpInstance.UnicastChecksum.OLD ? V3ChecksumMode.OLD_UNICAST
                : V3ChecksumMode.PSEUDO_HEADER;
        InetAddress group = in.unicast() ? null : in.mcastDstIp() != null ? in.mcastDstIp()
                : v6 ? defaults.mcastGroup6() : defaults.mcastGroup4();
        RouterSettings settings = RouterSettings.from(in, defaults, primary);
        return new EngineInstance(settings, ifName, link.map(Link::index).orElse(0), group, mode, in.virtualRoutes(),
                in.virtualRules(), unusable);
    }

    private static InetAddress wildcard(boolean v6) {
        try {
            return InetAddress.getByAddress(new byte[v6 ? 16 : 4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
