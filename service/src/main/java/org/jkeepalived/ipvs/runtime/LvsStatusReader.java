package org.jkeepalived.ipvs.runtime;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.ipvs.kernel.IpvsDestinationEntry;
import org.jkeepalived.ipvs.kernel.IpvsException;
import org.jkeepalived.ipvs.kernel.IpvsKernel;
import org.jkeepalived.ipvs.kernel.IpvsService;
import org.jkeepalived.ipvs.kernel.IpvsServiceEntry;
import org.jkeepalived.ipvs.kernel.IpvsServiceKey;
import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.os.log.Log;

/**
 * Builds {@link LvsStatus} on the LVS loop: the runtime's states, and the kernel's counters read at most once per
 * {@code snmp_vs_stats_update_interval} (keepalived's default 5 s): a management poll every second must not cost
 * a netlink dump of every service each time. A virtual server group sums its services' counters, as keepalived
 * reports it.
 */
final class LvsStatusReader {
    private final Log log;
    private final long intervalNanos;
    private long readAtNanos = Long.MIN_VALUE;
    private Map<IpvsServiceKey, IpvsStats> services = Map.of();
    private Map<IpvsServiceKey, Map<Dest, IpvsDestinationEntry>> destinations = Map.of();

    private record Dest(InetAddress address, int port) {
    }

    LvsStatusReader(long intervalMicros, Log log) {
        this.intervalNanos = Math.max(0, intervalMicros) * 1_000L;
        this.log = log;
    }

    LvsStatus read(VirtualServers servers, IpvsKernel kernel, long nowNanos) {
        if (kernel != null && (readAtNanos == Long.MIN_VALUE || nowNanos - readAtNanos >= intervalNanos)) {
            readKernel(servers, kernel);
            readAtNanos = nowNanos;
        }
        List<LvsStatus.VirtualServerStatus> out = new ArrayList<>();
        for (VirtualServers.Entry e : servers.entries()) {
            List<LvsStatus.RealServerStatus> rss = new ArrayList<>();
            for (RealServer rs : e.vs().realServers()) {
                rss.add(realServer(e, VirtualServers.name(e.vs(), rs), rs.address(), rs.port(), e.state().up(rs),
                        e.state().currentWeight(rs), false));
            }
            VirtualServer.SorryServer sorry = e.vs().sorryServer();
            if (sorry != null) {
                rss.add(realServer(e, VirtualServers.name(e.vs(), sorry.address(), sorry.port()), sorry.address(),
                        sorry.port(), !e.state().quorumUp(), 1, true));
            }
            IpvsStats sum = IpvsStats.ZERO;
            for (IpvsService s : e.services()) {
                sum = plus(sum, services.getOrDefault(s.key(), IpvsStats.ZERO));
            }
            out.add(new LvsStatus.VirtualServerStatus(e.name(), e.state().quorumUp(), e.state().sum(), rss, sum));
        }
        return new LvsStatus(kernel != null, out);
    }

    private LvsStatus.RealServerStatus realServer(VirtualServers.Entry e, String name, InetAddress address, int port,
                                                  boolean up, long weight, boolean sorry) {
        IpvsStats stats = IpvsStats.ZERO;
        int active = 0;
        int inactive = 0;
        int persistent = 0;
        Dest key = new Dest(address, port);
        for (IpvsService s : e.services()) {
            IpvsDestinationEntry d = destinations.getOrDefault(s.key(), Map.of()).get(key);
            if (d != null) {
                stats = plus(stats, d.stats());
                active += d.activeConns();
                inactive += d.inactiveConns();
                persistent += d.persistentConns();
            }
        }
        return new LvsStatus.RealServerStatus(name, up, weight, sorry, up ? 0 : 1, active, inactive, persistent,
                stats);
    }

    private void readKernel(VirtualServers servers, IpvsKernel kernel) {
        Map<IpvsServiceKey, IpvsStats> svc = new HashMap<>();
        Map<IpvsServiceKey, Map<Dest, IpvsDestinationEntry>> dst = new HashMap<>();
        java.util.Set<IpvsServiceKey> ours = new java.util.HashSet<>();
        servers.entries().forEach(e -> e.services().forEach(s -> ours.add(s.key())));
        try {
            for (IpvsServiceEntry s : kernel.services()) {
                IpvsServiceKey key = s.service().key();
                if (!ours.contains(key)) {
                    continue;
                }
                svc.put(key, s.stats());
                Map<Dest, IpvsDestinationEntry> byDest = new HashMap<>();
                for (IpvsDestinationEntry d : kernel.destinations(key)) {
                    byDest.put(new Dest(d.destination().address(), d.destination().port()), d);
                }
                dst.put(key, byDest);
            }
            services = svc;
            destinations = dst;
        } catch (IpvsException ex) {
            log.warn("IPVS: cannot read the counters: " + ex.getMessage());
        }
    }

    private static IpvsStats plus(IpvsStats a, IpvsStats b) {
        if (a == IpvsStats.ZERO) {
            return b;
        }
        return new IpvsStats(a.conns() + b.conns(), a.inPackets() + b.inPackets(), a.outPackets() + b.outPackets(),
                a.inBytes() + b.inBytes(), a.outBytes() + b.outBytes(), a.connsPerSecond() + b.connsPerSecond(),
                a.inPacketsPerSecond() + b.inPacketsPerSecond(), a.outPacketsPerSecond() + b.outPacketsPerSecond(),
                a.inBytesPerSecond() + b.inBytesPerSecond(), a.outBytesPerSecond() + b.outBytesPerSecond());
    }
}
