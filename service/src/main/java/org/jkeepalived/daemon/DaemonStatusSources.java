package org.jkeepalived.daemon;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.netlink.InterfaceAddress;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.netlink.linux.RtnetlinkAddressManager;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.InterfaceInfo;
import org.jkeepalived.status.StatusPublisher;
import org.jkeepalived.status.TrackerStatus;
import org.jkeepalived.track.TrackerUpdate;
import org.jkeepalived.vrrp.InstanceStatus;

/**
 * Where the daemon's snapshots come from: the lifecycle's configuration, the running engines, the trackers, and
 * rtnetlink for the interfaces (ifIndex, MAC, primary addresses) that the RFC MIBs index by.
 */
final class DaemonStatusSources implements StatusPublisher.Sources {
    private final Supplier<KeepalivedConfig> config;
    private final Supplier<List<InstanceStatus>> vrrp;
    private final Supplier<LvsServices> lvs;
    private final Supplier<List<TrackerUpdate>> trackers;
    private final Log log;
    private boolean netlinkWarned;

    DaemonStatusSources(Supplier<KeepalivedConfig> config, Supplier<List<InstanceStatus>> vrrp,
                        Supplier<LvsServices> lvs, Supplier<List<TrackerUpdate>> trackers, Log log) {
        this.config = config;
        this.vrrp = vrrp;
        this.lvs = lvs;
        this.trackers = trackers;
        this.log = log;
    }

    @Override
    public KeepalivedConfig config() {
        return config.get();
    }

    @Override
    public List<InstanceStatus> vrrp() {
        return vrrp.get();
    }

    @Override
    public LvsStatus lvs() {
        LvsServices running = lvs.get();
        return running == null ? null : running.engine().status();
    }

    @Override
    public List<TrackerStatus> trackers() {
        List<TrackerStatus> out = new ArrayList<>();
        for (TrackerUpdate u : trackers.get()) {
            out.add(new TrackerStatus(u.kind().name().toLowerCase(java.util.Locale.ROOT), u.name(),
                    u.status() != TrackerUpdate.Status.INIT, u.status() == TrackerUpdate.Status.UP, u.value()));
        }
        return out;
    }

    @Override
    public Map<String, InterfaceInfo> interfaces(KeepalivedConfig c) {
        Set<String> names = new LinkedHashSet<>();
        Set<InetAddress> vips = new java.util.HashSet<>();
        for (VrrpInstance i : c.vrrp().instances()) {
            i.virtualIpaddresses().forEach(v -> vips.add(v.address().address()));
            i.virtualIpaddressesExcluded().forEach(v -> vips.add(v.address().address()));
            if (i.interfaceName() != null) {
                names.add(i.interfaceName());
            }
            for (TrackRef t : i.trackers().interfaces()) {
                names.add(t.name());
            }
        }
        if (names.isEmpty()) {
            return Map.of();
        }
        try (RtnetlinkAddressManager rt = RtnetlinkAddressManager.open()) {
            List<InterfaceAddress> addresses = rt.interfaceAddresses();
            Map<String, InterfaceInfo> out = new HashMap<>();
            for (Link l : rt.links()) {
                if (names.contains(l.name())) {
                    out.put(l.name(), new InterfaceInfo(l.name(), l.index(), l.mac(), primary(addresses, vips,
                            l.index(), Inet4Address.class), primary(addresses, vips, l.index(), Inet6Address.class)));
                }
            }
            return out;
        } catch (NetlinkException | RuntimeException e) {
            if (!netlinkWarned) {
                log.warn("status: cannot read the interfaces: " + e.getMessage());
                netlinkWarned = true;
            }
            return Map.of();
        }
    }

    /**
     * The interface's first non-secondary IPv4 address, or its link-local IPv6 one; never one of our virtual
     * addresses (a MASTER holds them on the interface too, and a link-local VIP would pose as the interface's own).
     */
    private static InetAddress primary(List<InterfaceAddress> all, Set<InetAddress> vips, int ifIndex,
                                       Class<? extends InetAddress> family) {
        for (InterfaceAddress a : all) {
            if (a.ifIndex() == ifIndex && family.isInstance(a.address()) && !a.secondary() && !vips.contains(a.address())
                    && (family == Inet4Address.class || a.address().isLinkLocalAddress())) {
                return a.address();
            }
        }
        return null;
    }
}
