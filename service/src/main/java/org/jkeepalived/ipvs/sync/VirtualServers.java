package org.jkeepalived.ipvs.sync;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.lvs.LvsConfig;
import org.jkeepalived.config.model.lvs.Protocol;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.config.model.lvs.VirtualServerGroup;
import org.jkeepalived.ipvs.kernel.IpvsDestination;
import org.jkeepalived.ipvs.kernel.IpvsService;

/**
 * Every configured virtual server with its state and kernel services (pure): what the LVS runtime holds between
 * events. Built from the configuration, and rebuilt on reload carrying each kept real server's state.
 */
public final class VirtualServers {

    /** A virtual server's identity across reloads: what its {@code virtual_server} line names, and the protocol. */
    public record Id(ServiceTarget target, Protocol protocol) {
        public static Id of(VirtualServer vs) {
            return new Id(vs.target(), vs.protocol());
        }
    }

    /** A real server's identity across reloads: its virtual server, address and port. */
    public record RealServerId(Id virtualServer, InetAddress address, int port) {
        public static RealServerId of(Id vs, RealServer rs) {
            return new RealServerId(vs, rs.address(), rs.port());
        }
    }

    /** One virtual server: its configuration, keepalived's name for it, its state and its kernel services. */
    public record Entry(Id id, VirtualServerState state, List<IpvsService> services,
                        Map<RealServerId, RealServer> realServers) {
        public Entry {
            services = List.copyOf(services);
            realServers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(realServers));
        }

        public VirtualServer vs() {
            return state.virtualServer();
        }

        public String name() {
            return state.name();
        }

        /** What each of its kernel services should hold now. */
        public List<IpvsReconciler.Want> wants() {
            List<IpvsDestination> destinations = new ArrayList<>();
            for (VirtualServerState.Destination d : state.destinations()) {
                destinations.add(KernelServices.destination(d));
            }
            Set<IpvsReconciler.DestinationKey> owned = new HashSet<>();
            for (RealServer rs : vs().realServers()) {
                owned.add(new IpvsReconciler.DestinationKey(rs.address(), rs.port()));
            }
            VirtualServer.SorryServer sorry = vs().sorryServer();
            if (sorry != null) {
                owned.add(new IpvsReconciler.DestinationKey(sorry.address(), sorry.port()));
            }
            List<IpvsReconciler.Want> out = new ArrayList<>(services.size());
            for (IpvsService s : services) {
                out.add(s.key().isFwmark() && vs().target() instanceof ServiceTarget.Group
                        ? new IpvsReconciler.Want(s, portless(destinations), portless(owned))
                        : new IpvsReconciler.Want(s, destinations, owned));
            }
            return out;
        }
    }

    /**
     * A group's fwmark entries take their non-NAT destinations without a port, as keepalived 2.2.7 was seen to
     * program them ({@code -a -f 5 -r 10.1.0.9:0 -g}) while the group's address entries keep it (the binder
     * does this for {@code virtual_server fwmark} itself).
     */
    private static List<IpvsDestination> portless(List<IpvsDestination> destinations) {
        List<IpvsDestination> out = new ArrayList<>(destinations.size());
        for (IpvsDestination d : destinations) {
            out.add(d.forwarding() == org.jkeepalived.ipvs.kernel.IpvsForwarding.MASQ || d.port() == 0 ? d
                    : new IpvsDestination(d.address(), 0, d.forwarding(), d.weight(), d.upperThreshold(),
                            d.lowerThreshold(), d.tunnelType(), d.tunnelPort(), d.tunnelFlags()));
        }
        return out;
    }

    private static Set<IpvsReconciler.DestinationKey> portless(Set<IpvsReconciler.DestinationKey> owned) {
        Set<IpvsReconciler.DestinationKey> out = new HashSet<>(owned);
        owned.forEach(k -> out.add(new IpvsReconciler.DestinationKey(k.address(), 0)));
        return out;
    }

    private final Map<Id, Entry> entries;

    private VirtualServers(Map<Id, Entry> entries) {
        this.entries = entries;
    }

    /** The virtual servers of {@code config} at start. */
    public static VirtualServers of(LvsConfig config) {
        return of(config, null, new ArrayList<>());
    }

    /**
     * The virtual servers of {@code config}, carrying the state of those in {@code previous} (null at start);
     * quorum changes the new settings cause are added to {@code changes}, with their virtual server.
     */
    public static VirtualServers of(LvsConfig config, VirtualServers previous, List<Announced> changes) {
        Map<String, VirtualServerGroup> groups = new LinkedHashMap<>();
        config.virtualServerGroups().forEach(g -> groups.put(g.name(), g));
        Map<Id, Entry> out = new LinkedHashMap<>();
        for (VirtualServer vs : config.virtualServers()) {
            Id id = Id.of(vs);
            if (out.containsKey(id)) {
                continue; // the binder reports duplicates; the first one counts
            }
            String name = name(vs);
            Entry before = previous == null ? null : previous.entries.get(id);
            VirtualServerState state;
            if (before == null) {
                state = new VirtualServerState(vs, name);
            } else {
                state = VirtualServerState.carried(vs, name, before.state());
                for (VirtualServerState.Change c : state.settle()) {
                    changes.add(new Announced(id, c));
                }
            }
            Map<RealServerId, RealServer> rss = new LinkedHashMap<>();
            for (RealServer rs : vs.realServers()) {
                rss.putIfAbsent(RealServerId.of(id, rs), rs);
            }
            out.put(id, new Entry(id, state, KernelServices.of(vs, groups), rss));
        }
        return new VirtualServers(out);
    }

    /** A change of one virtual server, to announce. */
    public record Announced(Id virtualServer, VirtualServerState.Change change) {
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Entry get(Id id) {
        return entries.get(id);
    }

    /**
     * keepalived's name of a virtual server (2.2.7's log lines, observed): {@code [10.0.0.1]:tcp:80},
     * {@code FWM 5}, and {@code [NAME]:0} for a group.
     */
    public static String name(VirtualServer vs) {
        String proto = vs.protocol() == null ? "tcp" : vs.protocol().lower();
        ServiceTarget t = vs.target();
        if (t instanceof ServiceTarget.Address a) {
            return "[" + AddressText.of(a.address()) + "]:" + proto + ":" + a.port();
        }
        if (t instanceof ServiceTarget.Fwmark f) {
            return "FWM " + f.fwmark();
        }
        return "[" + ((ServiceTarget.Group) t).group() + "]:0";
    }

    /** keepalived's name of a real server of {@code vs}: {@code [192.168.1.2]:tcp:80}. */
    public static String name(VirtualServer vs, RealServer rs) {
        return name(vs, rs.address(), rs.port());
    }

    /** keepalived's name of a server (real or sorry) of {@code vs}: {@code [192.168.1.2]:tcp:80}. */
    public static String name(VirtualServer vs, InetAddress address, int port) {
        String proto = vs.protocol() == null ? "tcp" : vs.protocol().lower();
        return "[" + AddressText.of(address) + "]:" + proto + ":" + port;
    }
}
