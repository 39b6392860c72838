package org.jkeepalived.ipvs.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jkeepalived.check.CheckerStateChanged;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.check.file.FileProbe;
import org.jkeepalived.config.model.lvs.FileCheck;
import org.jkeepalived.track.TrackerUpdate;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.global.GlobalDefs.LvsGlobals;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.event.Event;
import org.jkeepalived.ipvs.kernel.IpvsChange;
import org.jkeepalived.ipvs.kernel.IpvsDestinationEntry;
import org.jkeepalived.ipvs.kernel.IpvsException;
import org.jkeepalived.ipvs.kernel.IpvsKernel;
import org.jkeepalived.ipvs.kernel.IpvsServiceEntry;
import org.jkeepalived.ipvs.kernel.IpvsServiceKey;
import org.jkeepalived.ipvs.kernel.IpvsTimeouts;
import org.jkeepalived.ipvs.sync.IpvsReconciler;
import org.jkeepalived.ipvs.sync.IpvsReconciler.Held;
import org.jkeepalived.ipvs.sync.VirtualServerState;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.ipvs.sync.VirtualServers.RealServerId;
import org.jkeepalived.os.log.Log;

/**
 * The LVS runtime: check results into real server and quorum states ({@link VirtualServerState}), those into the
 * kernel's IPVS table through the {@link IpvsReconciler}, and changes onto the event bus (notify_up/down,
 * quorum_up/down, FIFO, mail). All state lives on one loop thread; checker results hop onto it.
 *
 * <p>The kernel is read once at start and on reload (adopting what exists); after that, what was applied is
 * remembered per service, so that a checker result costs work for its own virtual server only, never a resync.
 * Without IPVS in the kernel ({@code kernel} null) everything runs except the programming.
 */
public final class LvsEngine {
    private static final long STOP_WAIT_SECONDS = 10;
    private static final long START_WAIT_SECONDS = 60;

    private final IpvsKernel kernel;
    private final Executor loop;
    private final Consumer<Event> publish;
    private final Log log;
    private final HealthCheckers checkers;
    private final SyncDaemons syncDaemons;
    private final LvsAnnouncer announcer;
    // ---- on the loop thread ----
    private VirtualServers servers = VirtualServers.of(org.jkeepalived.config.model.lvs.LvsConfig.empty());
    /** What the kernel holds for our services, as read at start or reload and as applied since. */
    private final Map<IpvsServiceKey, Held> held = new HashMap<>();
    private LvsGlobals globals;
    private boolean stopped;
    /** The virtual servers whose checkers ha_suspend holds. */
    private final Set<VirtualServers.Id> suspended = new HashSet<>();
    /** The host's addresses as last reported, null until then. */
    private Set<java.net.InetAddress> localAddresses;
    private LvsStatusReader statusReader;
    /** The kernel's connection timeouts before lvs_timeouts first changed them, null while untouched. */
    private IpvsTimeouts timeoutsBefore;

    /**
     * @param kernel   the kernel's IPVS, or null when it has none
     * @param loop     a single-threaded executor that owns all state
     * @param checkers makes the health checkers, given where their results go
     */
    public LvsEngine(IpvsKernel kernel, Executor loop,
                     Function<Consumer<CheckerStateChanged<RealServerId>>, HealthCheckers> checkers,
                     Consumer<Event> publish, Log log) {
        this.kernel = kernel;
        this.loop = Objects.requireNonNull(loop, "loop");
        this.publish = Objects.requireNonNull(publish, "publish");
        this.log = Objects.requireNonNull(log, "log");
        this.checkers = checkers.apply(this::onChecker);
        this.syncDaemons = kernel == null ? null : new SyncDaemons(kernel, log);
        this.announcer = new LvsAnnouncer(publish, log);
        this.statusReader = new LvsStatusReader(
                org.jkeepalived.config.model.global.GlobalDefs.SnmpSettings.DEFAULT_VS_STATS_UPDATE_MICROS, log);
    }

    /**
     * Programs the kernel for {@code config} (adopting or flushing what it holds) and starts the checkers; returns
     * once that is done (or after a bound, logged), so that "Startup complete" follows it as in keepalived.
     */
    public void start(KeepalivedConfig config) {
        statusReader = new LvsStatusReader(config.global().snmp().vsStatsUpdateIntervalMicros(), log);
        onLoopAndWait(() -> startOnLoop(config), START_WAIT_SECONDS, "the initial IPVS programming");
    }

    private void startOnLoop(KeepalivedConfig config) {
        globals = config.global().lvs();
        servers = VirtualServers.of(config.lvs());
        if (kernel != null) {
            if (globals.flush()) {
                try {
                    kernel.flush();
                    log.info("Flushing IPVS table (lvs_flush)");
                } catch (IpvsException e) {
                    log.error("IPVS: cannot flush the table: " + e.getMessage());
                }
            }
            setTimeouts(globals);
            syncDaemons.configure(config);
        }
        readKernel(allKeys(servers));
        List<IpvsChange> changes = new ArrayList<>();
        for (VirtualServers.Entry e : servers.entries()) {
            announcer.start(e);
            plan(e, Set.of(), changes);
        }
        apply(changes);
        if (config.global().fifos().rsInitNotifies()) {
            servers.entries().forEach(announcer::initialStates);
        }
        for (VirtualServers.Entry e : servers.entries()) {
            e.realServers().forEach((id, rs) -> {
                if (!rs.checkers().isEmpty()) {
                    log.info("Activating healthchecker for service " + VirtualServers.name(e.vs(), rs)
                            + " for VS " + e.name());
                    checkers.add(id, rs, null);
                }
            });
        }
        // without IPVS the daemon's one line about it has been said already
        log.info("LVS: " + servers.entries().size() + " virtual server(s)"
                + (kernel == null ? "" : ", " + held.size() + " IPVS service(s)"));
    }

    /**
     * A SIGHUP: the new configuration, carrying each kept real server's state; only what changed is applied, and
     * a real server whose checkers are unchanged keeps them running.
     */
    public void reload(KeepalivedConfig config) {
        onLoop(() -> {
            List<VirtualServers.Announced> changes = new ArrayList<>();
            VirtualServers previous = servers;
            VirtualServers next = VirtualServers.of(config.lvs(), previous, changes);
            restartCheckers(previous, next);
            suspended.retainAll(next.entries().stream().map(VirtualServers.Entry::id).toList());
            List<IpvsChange> ipvs = new ArrayList<>();
            Set<IpvsServiceKey> nextKeys = allKeys(next);
            for (IpvsServiceKey gone : allKeys(previous)) {
                if (!nextKeys.contains(gone) && held.remove(gone) != null) {
                    ipvs.add(new IpvsChange.DeleteService(gone));
                }
            }
            readKernel(missing(nextKeys));
            servers = next;
            for (VirtualServers.Announced a : changes) {
                announcer.changes(next.get(a.virtualServer()), List.of(a.change()), null);
            }
            for (VirtualServers.Entry e : next.entries()) {
                VirtualServers.Entry before = previous.get(e.id());
                if (before == null) {
                    announcer.start(e); // a new virtual server gains its quorum as at start
                }
                plan(e, before == null ? Set.of() : owned(before), ipvs);
            }
            apply(ipvs);
            suspensions(true); // restarted and new checkers of a suspended virtual server are suspended too
            LvsGlobals old = globals;
            globals = config.global().lvs();
            if (kernel != null) {
                if (old == null || old.timeoutTcp() != globals.timeoutTcp()
                        || old.timeoutTcpFin() != globals.timeoutTcpFin() || old.timeoutUdp() != globals.timeoutUdp()) {
                    setTimeouts(globals);
                }
                syncDaemons.configure(config);
            }
        });
    }

    /** The checker runner's results (any thread). */
    public void onChecker(CheckerStateChanged<RealServerId> e) {
        onLoop(() -> {
            VirtualServers.Entry entry = servers.get(e.realServer().virtualServer());
            RealServer rs = entry == null ? null : entry.realServers().get(e.realServer());
            if (rs == null) {
                return; // a result for a real server a reload removed
            }
            List<VirtualServerState.Change> changes = new ArrayList<>(
                    entry.state().onRealServer(rs, e.realServerUp(), e.reason()));
            if (e.weight() != null) {
                changes.addAll(entry.state().onWeight(rs, e.weight()));
            }
            if (changes.isEmpty() && e.weight() == null) {
                return;
            }
            announcer.changes(entry, changes, e.checkerKind());
            List<IpvsChange> ipvs = new ArrayList<>();
            plan(entry, Set.of(), ipvs);
            apply(ipvs);
        });
    }

    /**
     * A track_file's value changed (any thread): each FILE_CHECK following it judges the value, and its verdict
     * (with the {@code dynamic} weight) goes to the real server's checkers.
     */
    public void onTracker(TrackerUpdate update) {
        if (update.kind() != TrackerUpdate.Kind.FILE) {
            return;
        }
        onLoop(() -> {
            for (VirtualServers.Entry e : servers.entries()) {
                e.realServers().forEach((id, rs) -> {
                    for (int i = 0; i < rs.checkers().size(); i++) {
                        if (rs.checkers().get(i) instanceof FileCheck f && f.trackFile().equals(update.name())) {
                            ProbeResult r = FileProbe.judge(f, update.value());
                            Integer weight = f.dynamic() && r.up() ? (int) Math.max(0, Math.min(Integer.MAX_VALUE,
                                    rs.weight() + FileProbe.weightDelta(f, update.value()))) : null;
                            checkers.report(id, i, r.up(), r.reason(), weight);
                        }
                    }
                });
            }
        });
    }

    /** The track_files that the FILE_CHECKs of {@code config} follow. */
    public static Set<String> fileCheckFiles(KeepalivedConfig config) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (VirtualServer vs : config.lvs().virtualServers()) {
            for (RealServer rs : vs.realServers()) {
                rs.checkers().stream().filter(c -> c instanceof FileCheck).map(c -> ((FileCheck) c).trackFile())
                        .forEach(out::add);
            }
        }
        return out;
    }

    /**
     * The host's addresses now (any thread), for {@code ha_suspend}: the checkers of a virtual server whose address
     * is not on the host are suspended until it is (keepalived.conf(5): "If VS IP address is not set, suspend
     * healthchecker's activity").
     */
    public void onLocalAddresses(Set<java.net.InetAddress> local) {
        Set<java.net.InetAddress> copy = Set.copyOf(local);
        onLoop(() -> {
            localAddresses = copy;
            suspensions(false);
        });
    }

    /** Suspends or resumes the checkers of each ha_suspend virtual server; {@code again}: tell them all again. */
    private void suspensions(boolean again) {
        if (localAddresses == null) {
            return; // not known yet: nothing is suspended
        }
        for (VirtualServers.Entry e : servers.entries()) {
            boolean applies = e.vs().haSuspend() && e.vs().target() instanceof ServiceTarget.Address;
            if (!applies && !suspended.contains(e.id())) {
                continue;
            }
            boolean suspend = applies
                    && !localAddresses.contains(((ServiceTarget.Address) e.vs().target()).address());
            if (suspended.contains(e.id()) == suspend && !again) {
                continue;
            }
            if (suspended.contains(e.id()) != suspend) {
                log.info((suspend ? "Suspending" : "Resuming") + " healthcheckers of VS " + e.name()
                        + (suspend ? ": its address is not on this host (ha_suspend)" : ": its address is up"));
            }
            if (suspend) {
                suspended.add(e.id());
            } else {
                suspended.remove(e.id());
            }
            e.realServers().forEach((id, rs) -> {
                if (!rs.checkers().isEmpty()) {
                    checkers.suspend(id, suspend);
                }
            });
        }
    }

    /** Whether a virtual server has {@code ha_suspend} (the daemon then watches the host's addresses). */
    public static boolean anyHaSuspend(KeepalivedConfig config) {
        return config.lvs().virtualServers().stream().anyMatch(VirtualServer::haSuspend);
    }

    /** A VRRP instance changed state (for lvs_sync_daemon's instance). */
    public void onVrrpState(Event event) {
        if (event instanceof Event.VrrpStateChanged s && s.target().type() == Event.TargetType.INSTANCE
                && syncDaemons != null) {
            onLoop(() -> syncDaemons.onVrrpState(s.target().name(), s.state() == Event.NotifyState.MASTER));
        }
    }

    /**
     * Stops the checkers; with {@code omega} announces the live real servers and quorums as down; then, unless
     * {@code release} is false (keepalived's {@code -I}), removes our services (or the whole table with
     * {@code lvs_flush_on_stop}) and stops the sync daemons. Waits for it.
     */
    public void stop(boolean release) {
        checkers.close();
        onLoopAndWait(() -> stopOnLoop(release), STOP_WAIT_SECONDS, "the stop");
        if (kernel != null) {
            kernel.close();
        }
    }

    private void stopOnLoop(boolean release) {
        if (stopped) {
            return;
        }
        stopped = true;
        for (VirtualServers.Entry e : servers.entries()) {
            if (e.vs().omega()) {
                announcer.omega(e);
            }
        }
        if (kernel == null || !release) {
            return;
        }
        if ("full".equals(globals == null ? null : globals.flushOnStop())) {
            try {
                kernel.flush();
            } catch (IpvsException e) {
                log.error("IPVS: cannot flush the table: " + e.getMessage());
            }
        } else {
            for (VirtualServers.Entry e : servers.entries()) {
                for (RealServer rs : e.vs().realServers()) {
                    log.info("Shutting down service " + VirtualServers.name(e.vs(), rs) + " from VS " + e.name());
                }
            }
            List<IpvsChange> removals = new ArrayList<>();
            for (IpvsServiceKey key : allKeys(servers)) {
                if (held.remove(key) != null) {
                    removals.add(new IpvsChange.DeleteService(key));
                }
            }
            apply(removals);
        }
        syncDaemons.stopAll();
        if (timeoutsBefore != null) {
            try {
                kernel.setTimeouts(timeoutsBefore);
            } catch (IpvsException e) {
                log.warn("IPVS: cannot restore the connection timeouts: " + e.getMessage());
            }
        }
    }

    /**
     * An SNMP or JMX SET of a real server's weight (keepalived's realServerWeight): it replaces the configured
     * weight until the next reload and reaches IPVS at once while the real server is up; the quorum follows.
     *
     * @return false when there is no such real server (or the loop did not answer within a second)
     */
    public boolean setWeight(String virtualServer, String realServer, long weight) {
        CompletableFuture<Boolean> found = new CompletableFuture<>();
        onLoop(() -> {
            for (VirtualServers.Entry e : servers.entries()) {
                if (!e.name().equals(virtualServer)) {
                    continue;
                }
                for (RealServer rs : e.vs().realServers()) {
                    if (VirtualServers.name(e.vs(), rs).equals(realServer)) {
                        log.info("Setting weight of " + realServer + " of VS " + virtualServer + " to " + weight
                                + " (management)");
                        announcer.changes(e, e.state().onWeight(rs, weight), null);
                        List<IpvsChange> ipvs = new ArrayList<>();
                        plan(e, Set.of(), ipvs);
                        apply(ipvs);
                        found.complete(true);
                        return;
                    }
                }
            }
            found.complete(false);
        });
        try {
            return found.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** The state now (waits for the loop). */
    public LvsStatus status() {
        CompletableFuture<LvsStatus> f = new CompletableFuture<>();
        onLoop(() -> f.complete(snapshot()));
        try {
            return f.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the LVS loop did not answer: " + e, e);
        }
    }

    // ---- on the loop thread ----

    /** Runs {@code task} on the loop and waits for it, at most {@code seconds} (then logs and goes on). */
    private void onLoopAndWait(Runnable task, long seconds, String what) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            try {
                task.run();
            } finally {
                done.complete(null);
            }
        });
        try {
            done.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("LVS: " + what + " is taking over " + seconds + " s; going on");
        } catch (Exception e) {
            log.warn("LVS: " + what + ": " + e);
        }
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("LVS: " + e); // never lose the loop to one bad event
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopped
        }
    }

    private LvsStatus snapshot() {
        return statusReader.read(servers, kernel, System.nanoTime());
    }

    /** Adds to {@code out} what takes the kernel to {@code e}'s wants; also owning {@code alsoOwned}. */
    private void plan(VirtualServers.Entry e, Set<IpvsReconciler.DestinationKey> alsoOwned, List<IpvsChange> out) {
        for (IpvsReconciler.Want w : e.wants()) {
            if (!alsoOwned.isEmpty()) {
                Set<IpvsReconciler.DestinationKey> owned = new HashSet<>(w.owned());
                owned.addAll(alsoOwned);
                w = new IpvsReconciler.Want(w.service(), w.destinations(), owned);
            }
            Held before = held.get(w.key());
            out.addAll(IpvsReconciler.changes(w, before));
            held.put(w.key(), Held.after(w, before));
        }
    }

    private static Set<IpvsReconciler.DestinationKey> owned(VirtualServers.Entry e) {
        Set<IpvsReconciler.DestinationKey> out = new HashSet<>();
        for (IpvsReconciler.Want w : e.wants()) {
            out.addAll(w.owned());
        }
        return out;
    }

    private void apply(List<IpvsChange> changes) {
        if (kernel == null || changes.isEmpty()) {
            return;
        }
        try {
            List<IpvsChange.Failure> failures = kernel.apply(changes);
            Set<IpvsServiceKey> resync = new HashSet<>();
            for (IpvsChange.Failure f : failures) {
                log.error("IPVS: cannot " + f.change().describe() + ": " + f.error().getMessage());
                resync.add(f.change().service());
            }
            if (!resync.isEmpty()) {
                resync.forEach(held::remove);
                readKernel(resync); // believe the kernel again for what it refused
            }
        } catch (IpvsException e) {
            log.error("IPVS: " + e.getMessage());
        }
    }

    /** Reads what the kernel holds for {@code keys} into {@link #held} (the services that exist). */
    private void readKernel(Set<IpvsServiceKey> keys) {
        if (kernel == null || keys.isEmpty()) {
            return;
        }
        try {
            for (IpvsServiceEntry s : kernel.services()) {
                IpvsServiceKey key = s.service().key();
                if (keys.contains(key)) {
                    List<org.jkeepalived.ipvs.kernel.IpvsDestination> dests = new ArrayList<>();
                    for (IpvsDestinationEntry d : kernel.destinations(key)) {
                        dests.add(d.destination());
                    }
                    held.put(key, new Held(s.service(), dests));
                }
            }
        } catch (IpvsException e) {
            log.error("IPVS: cannot read the kernel's table: " + e.getMessage());
        }
    }

    private Set<IpvsServiceKey> missing(Set<IpvsServiceKey> keys) {
        Set<IpvsServiceKey> out = new HashSet<>();
        for (IpvsServiceKey k : keys) {
            if (!held.containsKey(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private static Set<IpvsServiceKey> allKeys(VirtualServers s) {
        Set<IpvsServiceKey> out = new HashSet<>();
        for (VirtualServers.Entry e : s.entries()) {
            e.services().forEach(svc -> out.add(svc.key()));
        }
        return out;
    }

    private void setTimeouts(LvsGlobals g) {
        if (g.timeoutTcp() == 0 && g.timeoutTcpFin() == 0 && g.timeoutUdp() == 0) {
            return;
        }
        try {
            if (timeoutsBefore == null) {
                timeoutsBefore = kernel.timeouts(); // restored at stop, as keepalived does (observed)
            }
            kernel.setTimeouts(new IpvsTimeouts(g.timeoutTcp(), g.timeoutTcpFin(), g.timeoutUdp()));
        } catch (IpvsException e) {
            log.error("IPVS: cannot set the connection timeouts: " + e.getMessage());
        }
    }

    /** Restarts the checkers of the real servers whose checkers changed, keeping their state. */
    private void restartCheckers(VirtualServers previous, VirtualServers next) {
        Map<RealServerId, RealServer> before = new LinkedHashMap<>();
        Map<RealServerId, Boolean> wasUp = new HashMap<>();
        for (VirtualServers.Entry e : previous.entries()) {
            e.realServers().forEach((id, rs) -> {
                before.put(id, rs);
                wasUp.put(id, e.state().up(rs));
            });
        }
        Set<RealServerId> kept = new HashSet<>();
        for (VirtualServers.Entry e : next.entries()) {
            e.realServers().forEach((id, rs) -> {
                RealServer old = before.get(id);
                if (old != null && old.checkers().equals(rs.checkers())) {
                    kept.add(id);
                    return;
                }
                if (old != null && !old.checkers().isEmpty()) {
                    checkers.remove(id);
                }
                if (!rs.checkers().isEmpty()) {
                    checkers.add(id, rs, wasUp.get(id));
                }
                kept.add(id);
            });
        }
        for (Map.Entry<RealServerId, RealServer> old : before.entrySet()) {
            if (!kept.contains(old.getKey()) && !old.getValue().checkers().isEmpty()) {
                checkers.remove(old.getKey());
            }
        }
    }
}
