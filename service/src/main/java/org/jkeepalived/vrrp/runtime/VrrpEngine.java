package org.jkeepalived.vrrp.runtime;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.event.Event;
import org.jkeepalived.net.Received;
import org.jkeepalived.net.VrrpSocketSpec;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.track.TrackerUpdate;
import org.jkeepalived.vrrp.Action;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.ReceivedAdvert;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.VirtualRouter;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DecodeResult;
import org.jkeepalived.vrrp.packet.DropReason;
import org.jkeepalived.vrrp.packet.VrrpCodec;

/**
 * Runs the {@link VirtualRouter}s of all instances on ONE loop thread ("vrrp", highest Java priority,
 * not a daemon thread): routers are not thread-safe and need no locks because only this thread touches
 * them, the slots and the channels. Receiver threads (one per socket) and the netlink thread only enqueue
 * into the bounded inbox; a full inbox drops the packet and counts it ({@link #inboxOverflows}). The loop
 * waits on the inbox until the earliest deadline, feeds the routers, and carries out their
 * {@link Action}s through the ports ({@link ActionRunner}).
 *
 * <p>Everything done on the loop thread is quick: sends on raw sockets, rtnetlink requests (acknowledged
 * by the kernel in well under a millisecond), AF_PACKET frames and, on reload or when an unusable
 * instance may have become usable, opening a socket or re-reading the links.
 *
 * <p>A reload ({@link #reload}) runs on the loop too: instances are matched as keepalived matches them
 * ({@link ReloadPlan}); a kept one keeps its state ({@link VirtualRouter#reconfigure}), a removed one stops
 * (priority 0 from a MASTER), a new one starts.
 *
 * <p>The engine owns its ports once {@link #start}ed: {@link #stop} closes the sockets and frame senders
 * it opened, the monitor and the address manager.
 */
public final class VrrpEngine {
    /** Inbox capacity: a second of adverts for hundreds of instances at 10 ms intervals would not fill it. */
    static final int INBOX_CAPACITY = 4096;
    private static final long MAX_WAIT_NANOS = 1_000_000_000L;
    private static final long STOP_WAIT_MILLIS = 5_000;
    /** A deadline served later than this is logged: the loop (or the whole JVM) was stalled. */
    static final long LATE_TIMER_NANOS = 500_000_000L;

    /**
     * Re-resolves an instance against the kernel's interfaces and addresses as they are now (Linux:
     * {@link LinuxVrrpEngine}); called on the loop for unusable instances when links or addresses change.
     */
    @FunctionalInterface
    public interface Resolver {
        Resolver NONE = current -> current;

        EngineInstance resolve(EngineInstance current);
    }

    /** Sets a VRRP thread's CPU scheduling as it starts ({@code vrrp_rt_priority}, {@code vrrp_priority}). */
    @FunctionalInterface
    public interface ThreadTuner {
        ThreadTuner NONE = thread -> {
        };

        void tune(String thread);
    }

    private final EnginePorts ports;
    private final LongSupplier nanoTime;
    private final Log log;
    private StaticConfig statics;
    private Resolver resolver;
    private List<Slot> slots = new ArrayList<>();
    private final Channels channels;
    private final BlockingQueue<EngineEvent> inbox = new ArrayBlockingQueue<>(INBOX_CAPACITY);
    private final AtomicLong inboxOverflows = new AtomicLong();
    private final Receivers receivers;
    private final AtomicLong unknownVrid = new AtomicLong();
    private final Map<String, VrrpState> states = new ConcurrentHashMap<>();
    private ActionRunner runner;
    private final Coordinator coordinator;
    private volatile ThreadTuner tuner = ThreadTuner.NONE;
    private volatile GarpPacing garpPacing = GarpPacing.NONE;
    private Thread loop;
    private volatile boolean running;
    private boolean stopped;

    public VrrpEngine(List<EngineInstance> instances, EnginePorts ports, LongSupplier nanoTime, Log log) {
        this(instances, StaticConfig.NONE, Resolver.NONE, ports, nanoTime, log);
    }

    public VrrpEngine(List<EngineInstance> instances, StaticConfig statics, EnginePorts ports, LongSupplier nanoTime,
                      Log log) {
        this(instances, statics, Resolver.NONE, ports, nanoTime, log);
    }

    public VrrpEngine(List<EngineInstance> instances, StaticConfig statics, Resolver resolver, EnginePorts ports,
                      LongSupplier nanoTime, Log log) {
        this.statics = Objects.requireNonNull(statics, "statics");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.log = Objects.requireNonNull(log, "log");
        this.receivers = new Receivers(inbox, inboxOverflows, log, () -> running, () -> tuner);
        this.coordinator = new Coordinator(() -> slots, log);
        this.channels = new Channels(ports, receivers, log);
        for (EngineInstance in : instances) {
            Slot s = new Slot(in);
            if (in.usable()) {
                channels.plan(s);
            }
            slots.add(s);
            states.put(s.name(), VrrpState.INIT);
        }
    }

    /** vrrp_garp_interval / vrrp_gna_interval / garp_group spacing; call before {@link #start}. */
    public void paceGratuitousWith(GarpPacing pacing) {
        this.garpPacing = Objects.requireNonNull(pacing, "pacing");
    }

    /** How each VRRP thread sets its scheduling when it starts; call before {@link #start}. */
    /**
     * Trackers, sync groups and the event sink (before {@link #start}): without this call instances track
     * nothing but their interface and publish nothing.
     */
    public void coordinate(TrackingPlan plan, Consumer<Event> events) {
        coordinator.configure(plan, events);
    }

    /**
     * A tracker's report, from any thread: queued for the loop. Blocks briefly when the inbox is full rather
     * than losing it (a lost report would leave a priority wrong until the next change).
     */
    public void tracked(TrackerUpdate update) {
        try {
            if (!inbox.offer(new EngineEvent.Tracked(update), STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                log.error("VRRP loop did not take tracker report " + update);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void tuneThreadsWith(ThreadTuner threadTuner) {
        this.tuner = Objects.requireNonNull(threadTuner, "threadTuner");
    }

    /**
     * Opens the sockets (here, so that EPERM reaches the caller), then starts the loop, the receivers and
     * the link monitor. On failure whatever was opened is closed again.
     */
    public synchronized void start() throws IOException {
        if (loop != null) {
            throw new IllegalStateException("already started");
        }
        List<Link> links;
        try {
            links = ports.addresses().links();
            channels.openAll();
        } catch (IOException | RuntimeException e) {
            channels.closeAll();
            throw e;
        }
        runner = new ActionRunner(ports, log, links, nanoTime, garpPacing);
        running = true;
        CountDownLatch started = new CountDownLatch(1);
        loop = new Thread(() -> runLoop(links, started), "vrrp");
        loop.setPriority(Thread.MAX_PRIORITY);
        loop.setDaemon(false);
        loop.start();
        try {
            // Every instance has left INIT before start() returns (keepalived logs "Entering BACKUP STATE
            // (init)" before "Startup complete").
            started.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channels.all().forEach(receivers::start);
        if (ports.monitor() != null) {
            receivers.startMonitor(ports.monitor());
        }
    }

    /**
     * Applies a reloaded configuration on the loop thread and waits for it (at most a few seconds): kept
     * instances keep their state, removed ones stop, new ones start; static items are diffed. Returns
     * false when the engine is not running or did not answer in time.
     */
    public boolean reload(List<EngineInstance> instances, StaticConfig nextStatics, Resolver nextResolver) {
        return reload(instances, nextStatics, nextResolver, null);
    }

    /** As {@link #reload(List, StaticConfig, Resolver)}, with new trackers and sync groups (null: keep). */
    public boolean reload(List<EngineInstance> instances, StaticConfig nextStatics, Resolver nextResolver,
                          TrackingPlan plan) {
        if (!running) {
            return false;
        }
        CountDownLatch done = new CountDownLatch(1);
        try {
            inbox.put(new EngineEvent.Reload(List.copyOf(instances), Objects.requireNonNull(nextStatics),
                    Objects.requireNonNull(nextResolver), plan, done));
            return done.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Shuts every router down on the loop thread (a MASTER sends priority 0 and removes its VIPs), then
     * closes the ports. Idempotent.
     */
    public void stop() {
        Thread l;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            l = loop;
        }
        if (l != null && l.isAlive()) {
            CountDownLatch done = new CountDownLatch(1);
            try {
                inbox.put(new EngineEvent.Stop(done));
                if (!done.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    log.error("VRRP loop did not stop within " + STOP_WAIT_MILLIS + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
        channels.closeAll();
        receivers.join(2L * Receivers.RECEIVE_SLICE_MILLIS + 500);
        if (runner != null) {
            runner.close();
        }
    }

    /**
     * Every instance's state and counters, copied on the loop thread (in config order); empty when the
     * engine is not running or does not answer within a second.
     */
    public List<InstanceStatus> status() {
        return ask(EngineEvent.Snapshot::new);
    }

    /**
     * keepalived's STATS_CLEAR: clears every instance's counters on the loop and returns their statuses from just
     * before (for the stats dump keepalived writes then); empty when the loop did not answer within 1 s.
     */
    public List<InstanceStatus> clearStats() {
        return ask(EngineEvent.ClearStats::new);
    }

    private List<InstanceStatus> ask(java.util.function.Function<CompletableFuture<List<InstanceStatus>>,
            EngineEvent> event) {
        if (!running) {
            return List.of();
        }
        CompletableFuture<List<InstanceStatus>> result = new CompletableFuture<>();
        if (!inbox.offer(event.apply(result))) {
            return List.of();
        }
        try {
            return result.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    /**
     * Liveness (the systemd watchdog): queues {@code answered} to run on the loop thread, behind whatever is
     * queued already. Never blocks; false when the engine is not running or its inbox is full.
     */
    public boolean probe(Runnable answered) {
        return running && inbox.offer(new EngineEvent.Probe(answered));
    }

    /** The state of each instance as last reported by its router (readable from any thread). */
    public Map<String, VrrpState> states() {
        return Map.copyOf(states);
    }

    /** Received packets dropped because the loop's inbox was full. */
    public long inboxOverflows() {
        return inboxOverflows.get();
    }

    /** Received adverts for a VRID no instance on that socket serves. */
    public long unknownVridDrops() {
        return unknownVrid.get();
    }

    private void runLoop(List<Link> initialLinks, CountDownLatch started) {
        tuner.tune(Thread.currentThread().getName());
        long now = nanoTime.getAsLong();
        try {
            runner.applyStatic(statics);
            coordinator.prime(initialLinks, now, this::apply);
            for (Slot s : slots) {
                startRouter(s, initialLinks, now);
            }
        } catch (RuntimeException e) {
            log.error("VRRP start: " + e);
        } finally {
            started.countDown();
        }
        while (true) {
            long next = runner.nextDeadlineNanos();
            for (Slot s : slots) {
                next = Math.min(next, s.router.nextDeadlineNanos());
            }
            now = nanoTime.getAsLong();
            EngineEvent ev;
            try {
                ev = next <= now ? inbox.poll()
                        : inbox.poll(Math.min(next - now, MAX_WAIT_NANOS), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                ev = null; // only stop() ends the loop
            }
            if (ev instanceof EngineEvent.Stop stop) {
                shutdownAll();
                stop.done().countDown();
                return;
            }
            try {
                if (ev instanceof EngineEvent.Packet p) {
                    onPacket(p.channel(), p.received());
                } else if (ev instanceof EngineEvent.LinkChange lc) {
                    onLink(lc.event());
                } else if (ev instanceof EngineEvent.Tracked t) {
                    long at = nanoTime.getAsLong();
                    for (Slot s : coordinator.tracked(t.update(), at, this::apply)) {
                        apply(s, s.router.start(at, VirtualRouter.SCRIPTS_REPORTED));
                    }
                } else if (ev instanceof EngineEvent.Adjust adj) {
                    onAdjust(adj);
                } else if (ev instanceof EngineEvent.Probe probe) {
                    probe.answered().run();
                } else if (ev instanceof EngineEvent.Snapshot snap) {
                    snap.result().complete(slots.stream().map(sl -> sl.router.status()).toList());
                } else if (ev instanceof EngineEvent.ClearStats clear) {
                    List<InstanceStatus> before = slots.stream().map(sl -> sl.router.status()).toList();
                    long at = nanoTime.getAsLong();
                    slots.forEach(sl -> sl.router.clearStats(at));
                    clear.before().complete(before);
                } else if (ev instanceof EngineEvent.Reload r) {
                    try {
                        onReload(r);
                    } finally {
                        r.done().countDown();
                    }
                }
                now = nanoTime.getAsLong();
                if (runner.nextDeadlineNanos() <= now) {
                    runner.onTimer(now);
                }
                boolean lateLogged = false;
                for (Slot s : slots) {
                    long deadline = s.router.nextDeadlineNanos();
                    if (deadline <= now) {
                        if (now - deadline > LATE_TIMER_NANOS && !lateLogged) {
                            // keepalived's "A thread timer expired N seconds ago": the loop was stalled. Once
                            // per pass: after a stall every instance is late at once.
                            log.timerExpiredLate((now - deadline) / 1_000);
                            lateLogged = true;
                        }
                        apply(s, s.router.onTimer(now));
                    }
                }
            } catch (RuntimeException e) {
                // A bug must not end VRRP: log it and go on with the next event.
                log.error("VRRP loop: " + e);
            }
        }
    }

    /** Leaves INIT: FAULT when unusable or its link is down (keepalived c.9), else as the router decides. */
    private void startRouter(Slot s, List<Link> links, long now) {
        if (s.instance.usable()) {
            runner.prepare(s);
        }
        if (!s.instance.usable()) {
            apply(s, s.router.onUnusable(s.instance.unusable(), now));
        } else if (!linkUp(links, s.instance.ifIndex())) {
            apply(s, s.router.onInterfaceDown(now));
        }
        if (!coordinator.waiting(s)) {
            apply(s, s.router.start(now));
        }
    }

    private static boolean linkUp(List<Link> links, int ifIndex) {
        return links.stream().anyMatch(l -> l.index() == ifIndex && l.up());
    }

    /** Tells a usable instance's router whether its link is up now. */
    private void applyLinkState(Slot s, List<Link> links, long now) {
        apply(s, linkUp(links, s.instance.ifIndex()) ? s.router.onInterfaceUp(now) : s.router.onInterfaceDown(now));
    }

    private void shutdownAll() {
        long now = nanoTime.getAsLong();
        for (Slot s : slots) {
            try {
                apply(s, s.router.shutdown(now));
            } catch (RuntimeException e) {
                log.error("(" + s.name() + ") shutdown: " + e);
            }
        }
        try {
            runner.removeStatic(statics);
        } catch (RuntimeException e) {
            log.error("removing static addresses, routes and rules: " + e);
        }
    }

    // ---------------------------------------------------------------- events

    private void onPacket(Channel c, Received r) {
        byte[] b = r.bytes();
        if (b == null || b.length < 2 || r.src() == null || r.dst() == null) {
            unknownVrid.incrementAndGet();
            return;
        }
        Slot s = c.byVrid.get(b[1] & 0xff); // demux on the VRID byte (RFC 5798 §5.2.3) before decoding
        if (s == null) {
            unknownVrid.incrementAndGet();
            return;
        }
        DecodeResult d;
        if (r.src() instanceof Inet4Address src4 && r.dst() instanceof Inet4Address dst4) {
            d = VrrpCodec.decodeIpv4Message(b, src4, dst4, r.ttl(), s.instance.checksumMode());
        } else if (r.src() instanceof Inet6Address src6 && r.dst() instanceof Inet6Address dst6) {
            d = VrrpCodec.decodeIpv6(b, src6, dst6, r.ttl());
        } else {
            unknownVrid.incrementAndGet();
            return;
        }
        if (d instanceof DecodeResult.Drop drop) {
            s.router.stats().increment(drop.reason());
            runner.logDrop(s.name(), drop.reason(), drop.message(), nanoTime.getAsLong());
            notifyDrop(s, drop.reason(), r.src());
        } else if (d instanceof DecodeResult.Advert a) {
            ReceivedAdvert rx = new ReceivedAdvert(a.advert(), a.source(), a.ttl(),
                    !a.destination().isMulticastAddress());
            List<Action> actions = s.router.onAdvert(rx, nanoTime.getAsLong());
            for (Action x : actions) {
                if (x instanceof Action.Dropped dropped) {
                    notifyDrop(s, dropped.reason(), rx.source());
                }
            }
            apply(s, actions);
        }
    }

    /**
     * The drops the management plane notifies: RFC 2787 vrrpTrapAuthFailure (v2 authentication; its
     * vrrpTrapAuthErrorType numbers) and RFC 6527 vrrpv3ProtoError (TTL and version errors; keepalived does not
     * notify checksum errors either).
     */
    private void notifyDrop(Slot s, DropReason reason, InetAddress source) {
        int authError = switch (reason) {
            case INVALID_AUTH_TYPE -> 1;
            case AUTH_TYPE_MISMATCH -> 2;
            case AUTH_FAILURE -> 3;
            default -> 0;
        };
        if (authError != 0) {
            coordinator.publish(new Event.VrrpAuthFailure(s.name(), source, authError));
        } else if (reason == DropReason.IP_TTL || reason == DropReason.VERSION) {
            coordinator.publish(new Event.VrrpProtocolError(s.name(), reason));
        }
    }

    /**
     * An SNMP or JMX SET (keepalived's vrrpInstanceBasePriority and vrrpInstancePreempt): the instance takes the
     * new base priority or preempt mode at once, as a reload would, and its trackers are re-applied on the new
     * base. Not persisted: the next reload restores the configuration's values, as in keepalived.
     *
     * @return whether the instance exists (false also when the loop does not answer within a second)
     */
    public boolean adjust(String instance, Integer basePriority, Boolean preempt) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (!running || !inbox.offer(new EngineEvent.Adjust(instance, basePriority, preempt, done))) {
            return false;
        }
        try {
            return done.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private void onAdjust(EngineEvent.Adjust a) {
        Slot s = slots.stream().filter(x -> x.name().equals(a.instance())).findFirst().orElse(null);
        if (s == null) {
            a.done().complete(false);
            return;
        }
        long now = nanoTime.getAsLong();
        RouterSettings next = s.router.settings().adjusted(a.basePriority(), a.preempt());
        log.info("(" + s.name() + ") set by management: base priority " + next.basePriority() + ", "
                + (next.nopreempt() ? "nopreempt" : "preempt"));
        apply(s, s.router.reconfigure(next, now));
        coordinator.applyTrackers(s, now, this::apply);
        a.done().complete(true);
    }

    private void onLink(NetlinkEvent e) {
        long now = nanoTime.getAsLong();
        if (e instanceof NetlinkEvent.LinkUp up) {
            runner.forgetMac(up.ifIndex());
            resolveUnusable(now);
            forInterface(up.ifIndex(), s -> apply(s, s.router.onInterfaceUp(now)));
            coordinator.linkChanged(up.name(), true, now, this::apply);
        } else if (e instanceof NetlinkEvent.LinkDown down) {
            forInterface(down.ifIndex(), s -> apply(s, s.router.onInterfaceDown(now)));
            coordinator.linkChanged(down.name(), false, now, this::apply);
        } else if (e instanceof NetlinkEvent.Overrun) {
            // Events were lost: read every link again (RTM_GETLINK) and tell each router.
            List<Link> links = links();
            if (links == null) {
                return;
            }
            resolveUnusable(now);
            for (Slot s : slots) {
                if (s.instance.usable()) {
                    applyLinkState(s, links, now);
                }
            }
            links.forEach(l -> coordinator.linkChanged(l.name(), l.up(), now, this::apply));
            runner.onNetlinkEvent(e, slots);
        } else {
            if (e instanceof NetlinkEvent.AddressAdded) {
                resolveUnusable(now);
            } else if (e instanceof NetlinkEvent.AddressRemoved removed) {
                sourceRemoved(removed, now);
            }
            runner.onNetlinkEvent(e, slots);
        }
    }

    private List<Link> links() {
        try {
            return ports.addresses().links();
        } catch (NetlinkException ex) {
            log.error("cannot read the links: " + ex.getMessage());
            return null;
        }
    }

    private void forInterface(int ifIndex, java.util.function.Consumer<Slot> action) {
        for (Slot s : slots) {
            if (s.instance.usable() && s.instance.ifIndex() == ifIndex) {
                action.accept(s);
            }
        }
    }

    /**
     * An interface appeared or came up, or an address was added: an unusable instance may now have its
     * interface and source address (keepalived leaves FAULT then). Quick: nothing to do when every instance
     * is usable.
     */
    private void resolveUnusable(long now) {
        List<Link> links = null;
        for (Slot s : slots) {
            if (s.instance.usable()) {
                continue;
            }
            EngineInstance next = resolver.resolve(s.instance);
            if (next.usable()) {
                if (links == null && (links = links()) == null) {
                    return;
                }
                log.info("(" + s.name() + ") interface " + next.ifName() + " now usable with source address "
                        + AddressText.of(next.settings().primaryAddress()));
                rebind(s, next, now);
                if (s.instance.usable()) {
                    applyLinkState(s, links, now);
                    apply(s, s.router.onUnusable(null, now));
                }
            } else if (!next.equals(s.instance)) {
                s.instance = next; // e.g. the interface exists now but has no address yet
            }
        }
    }

    /**
     * An instance's advert source address was deleted: it takes the interface's next address, or waits in
     * FAULT for one (keepalived: "entering FAULT state (no IPv4 address for interface)").
     */
    private void sourceRemoved(NetlinkEvent.AddressRemoved removed, long now) {
        for (Slot s : slots) {
            if (s.instance.usable() && s.instance.ifIndex() == removed.ifIndex()
                    && s.instance.settings().primaryAddress().equals(removed.address())) {
                EngineInstance next = resolver.resolve(s.instance);
                if (!next.equals(s.instance)) {
                    log.info("(" + s.name() + ") source address " + AddressText.of(removed.address()) + " removed"
                            + (next.usable() ? ", now " + AddressText.of(next.settings().primaryAddress()) : ""));
                    rebind(s, next, now);
                }
            }
        }
    }

    /** Gives a slot a new instance: moves it to the right channel (opening one if needed), new settings. */
    private void rebind(Slot s, EngineInstance next, long now) {
        EngineInstance previous = s.instance;
        if (previous.usable() && !next.usable()) {
            apply(s, s.router.onUnusable(next.unusable(), now)); // a MASTER resigns on its old socket first
        }
        Channel wanted = null;
        if (next.usable()) {
            VrrpSocketSpec spec = Channels.spec(next);
            wanted = s.channel != null && s.channel.spec.equals(spec) ? s.channel : channels.open(spec, s.name());
            Slot other = wanted == null ? null : wanted.byVrid.get(next.settings().vrid());
            if (other != null && other != s) {
                log.error("(" + next.settings().name() + ") VRID " + next.settings().vrid() + " is already used on "
                        + next.ifName() + " by " + other.name());
                wanted = null;
            }
        }
        if (s.channel != wanted) {
            channels.leave(s);
            if (wanted != null) {
                wanted.byVrid.put(next.settings().vrid(), s);
            }
            s.channel = wanted;
        }
        if (wanted == null && next.usable()) {
            next = next.withUnusable("cannot open a VRRP socket on " + next.ifName());
        }
        s.instance = next;
        if (!previous.settings().name().equals(next.settings().name())) {
            states.remove(previous.settings().name());
            runner.instanceRenamed(previous.settings().name(), next.settings().name());
        }
        apply(s, s.router.reconfigure(next.settings(), now));
        states.put(s.name(), s.router.state());
        if (!next.usable() && s.router.state() != VrrpState.FAULT) {
            apply(s, s.router.onUnusable(next.unusable(), now));
        }
    }

    /** keepalived's reload: removed instances stop first, kept ones take their new settings, new ones start. */
    private void onReload(EngineEvent.Reload r) {
        long now = nanoTime.getAsLong();
        ReloadPlan<Slot> plan = ReloadPlan.of(slots, s -> s.instance, r.instances());
        for (Slot s : plan.removed()) {
            log.info("(" + s.name() + ") removed by the reload - stopping");
            coordinator.deleting(s);
            apply(s, s.router.shutdown(now));
            channels.leave(s);
            states.remove(s.name());
        }
        List<Link> links = links();
        List<Slot> next = new ArrayList<>();
        List<Slot> added = new ArrayList<>();
        for (ReloadPlan.Entry<Slot> e : plan.entries()) {
            Slot s = e.kept();
            if (s != null) {
                EngineInstance previous = s.instance;
                boolean wasUsable = previous.usable();
                rebind(s, e.instance(), now);
                if (!wasUsable && s.instance.usable() && links != null) {
                    applyLinkState(s, links, now);
                    apply(s, s.router.onUnusable(null, now));
                }
                runner.instanceReconfigured(previous, s);
            } else {
                s = new Slot(e.instance());
                states.put(s.name(), VrrpState.INIT);
                if (e.instance().usable()) {
                    Channel c = channels.open(Channels.spec(e.instance()), s.name());
                    if (c != null && c.byVrid.putIfAbsent(e.instance().settings().vrid(), s) == null) {
                        s.channel = c;
                    } else {
                        s.instance = e.instance().withUnusable("cannot use a VRRP socket on " + e.instance().ifName());
                    }
                }
                log.info("(" + s.name() + ") added by the reload - starting");
                added.add(s);
            }
            next.add(s);
        }
        slots = next;
        if (r.plan() != null) {
            coordinator.reload(r.plan(), now, this::apply); // kept instances: their trackers on the new base
        }
        for (Slot s : added) {
            coordinator.attach(s);
            coordinator.applyTrackers(s, now, this::apply);
            startRouter(s, links == null ? List.of() : links, now);
        }
        runner.reloadStatic(statics, r.statics());
        statics = r.statics();
        resolver = r.resolver();
    }

    private void apply(Slot s, List<Action> actions) {
        for (Action a : actions) {
            if (a instanceof Action.StateChanged sc) {
                states.put(s.name(), sc.to());
            }
            if (a instanceof Action.SendAdvert && s.channel == null) {
                continue; // unusable: no socket (the router only advertises as MASTER, so this is a guard)
            }
            runner.run(s, a);
        }
        coordinator.afterApply(s, actions, nanoTime.getAsLong(), this::apply);
    }
}
