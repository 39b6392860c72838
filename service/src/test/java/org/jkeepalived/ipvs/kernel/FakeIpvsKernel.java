package org.jkeepalived.ipvs.kernel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory IPVS table that answers as the kernel does (ip_vs_ctl.c's errnos, checked against the real kernel by
 * {@link IpvsKernelContract} in the VM): EEXIST on a second add, ESRCH for a missing service, ENOENT for a missing
 * destination or an unknown scheduler, ERANGE for thresholds the wrong way round. Counts the changes it was asked
 * for, so that tests can assert how much work a reconciliation cost.
 */
public final class FakeIpvsKernel implements IpvsKernel {
    static final Set<String> SCHEDULERS = Set.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq",
            "fo", "ovf", "mh", "twos");
    private static final int ENOENT = 2;
    private static final int ESRCH = 3;
    private static final int EEXIST = 17;
    private static final int ERANGE = 34;

    private final Map<IpvsServiceKey, IpvsService> services = new LinkedHashMap<>();
    private final Map<IpvsServiceKey, Map<String, IpvsDestination>> destinations = new LinkedHashMap<>();
    private final Map<IpvsSyncDaemon.State, IpvsSyncDaemon> daemons = new EnumMap<>(IpvsSyncDaemon.State.class);
    private IpvsTimeouts timeouts = new IpvsTimeouts(900, 120, 300);
    private int changes;
    private int batches;
    private boolean closed;

    /** The number of changes applied or refused so far. */
    public synchronized int changes() {
        return changes;
    }

    /** The number of {@link #apply} calls so far. */
    public synchronized int batches() {
        return batches;
    }

    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized IpvsInfo info() {
        return new IpvsInfo(0x010201, 4096);
    }

    @Override
    public synchronized List<IpvsServiceEntry> services() {
        List<IpvsServiceEntry> out = new ArrayList<>();
        services.values().forEach(s -> out.add(new IpvsServiceEntry(s, IpvsStats.ZERO)));
        return out;
    }

    @Override
    public synchronized List<IpvsDestinationEntry> destinations(IpvsServiceKey service) {
        List<IpvsDestinationEntry> out = new ArrayList<>();
        destinations.getOrDefault(service, Map.of()).values()
                .forEach(d -> out.add(new IpvsDestinationEntry(d, 0, 0, 0, IpvsStats.ZERO)));
        return out;
    }

    @Override
    public synchronized List<IpvsChange.Failure> apply(List<IpvsChange> batch) {
        batches++;
        List<IpvsChange.Failure> failures = new ArrayList<>();
        for (IpvsChange c : batch) {
            changes++;
            int errno = applyOne(c);
            if (errno != 0) {
                failures.add(new IpvsChange.Failure(c, IpvsException.kernel("IPVS " + c.describe(), errno)));
            }
        }
        return failures;
    }

    private static String name(IpvsDestination d) {
        return d.address().getHostAddress() + "/" + d.port();
    }

    private int applyOne(IpvsChange c) {
        IpvsServiceKey k = c.service();
        if (c instanceof IpvsChange.AddService a) {
            if (services.containsKey(k)) {
                return EEXIST;
            }
            int e = checkService(a.spec());
            if (e == 0) {
                services.put(k, a.spec().withFlags(a.spec().flags() & ~IpvsService.HASHED));
                destinations.put(k, new LinkedHashMap<>());
            }
            return e;
        }
        if (c instanceof IpvsChange.UpdateService u) {
            if (!services.containsKey(k)) {
                return ESRCH;
            }
            int e = checkService(u.spec());
            if (e == 0) {
                services.put(k, u.spec().withFlags(u.spec().flags() & ~IpvsService.HASHED));
            }
            return e;
        }
        if (c instanceof IpvsChange.DeleteService) {
            if (services.remove(k) == null) {
                return ESRCH;
            }
            destinations.remove(k);
            return 0;
        }
        Map<String, IpvsDestination> ds = destinations.get(k);
        if (ds == null) {
            return ESRCH;
        }
        if (c instanceof IpvsChange.AddDestination a) {
            IpvsDestination d = a.destination();
            if (ds.containsKey(name(d))) {
                return EEXIST;
            }
            if (d.lowerThreshold() > d.upperThreshold()) {
                return ERANGE;
            }
            ds.put(name(d), d);
            return 0;
        }
        if (c instanceof IpvsChange.UpdateDestination u) {
            IpvsDestination d = u.destination();
            if (!ds.containsKey(name(d))) {
                return ENOENT;
            }
            if (d.lowerThreshold() > d.upperThreshold()) {
                return ERANGE;
            }
            ds.put(name(d), d);
            return 0;
        }
        IpvsChange.DeleteDestination del = (IpvsChange.DeleteDestination) c;
        return ds.remove(name(del.destination())) == null ? ENOENT : 0;
    }

    private static int checkService(IpvsService s) {
        if (!SCHEDULERS.contains(s.scheduler())) {
            return ENOENT;
        }
        if (s.persistenceEngine() != null && !s.persistenceEngine().equals("sip")) {
            return ENOENT;
        }
        return 0;
    }

    @Override
    public synchronized void flush() {
        services.clear();
        destinations.clear();
    }

    @Override
    public synchronized void zero(IpvsServiceKey service) throws IpvsException {
        if (service != null && !services.containsKey(service)) {
            throw IpvsException.kernel("IPVS zero counters", ESRCH);
        }
    }

    @Override
    public synchronized IpvsTimeouts timeouts() {
        return timeouts;
    }

    @Override
    public synchronized void setTimeouts(IpvsTimeouts t) {
        timeouts = new IpvsTimeouts(t.tcpSeconds() == 0 ? timeouts.tcpSeconds() : t.tcpSeconds(),
                t.tcpFinSeconds() == 0 ? timeouts.tcpFinSeconds() : t.tcpFinSeconds(),
                t.udpSeconds() == 0 ? timeouts.udpSeconds() : t.udpSeconds());
    }

    @Override
    public synchronized List<IpvsSyncDaemon> syncDaemons() {
        return new ArrayList<>(daemons.values());
    }

    @Override
    public synchronized void startSyncDaemon(IpvsSyncDaemon d) throws IpvsException {
        if (daemons.containsKey(d.state())) {
            throw IpvsException.kernel("IPVS start sync daemon " + d.state(), EEXIST);
        }
        daemons.put(d.state(), d);
    }

    @Override
    public synchronized void stopSyncDaemon(IpvsSyncDaemon.State state) throws IpvsException {
        if (daemons.remove(state) == null) {
            throw IpvsException.kernel("IPVS stop sync daemon " + state, ESRCH);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
