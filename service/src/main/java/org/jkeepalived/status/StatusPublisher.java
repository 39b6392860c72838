package org.jkeepalived.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.event.Event;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;

/**
 * The one place snapshots are published (architecture: "status"). It asks the engines for their state on its own
 * thread, once a period (counters) and shortly after every state change it hears on the event bus (states), and
 * swaps the result in atomically. Readers ({@link #current()}) never wait and never reach an engine: a manager
 * polling thousands of times a second costs the VRRP loop nothing more than one snapshot request per refresh.
 *
 * <p>A sync group's state is the last one its notifications announced (keepalived's group state), INIT before any.
 */
public final class StatusPublisher implements StatusSource, Consumer<Event>, AutoCloseable {
    /** A state change is published within this delay; changes that arrive meanwhile share one refresh. */
    static final long EVENT_COALESCE_MILLIS = 20;

    /** Where the state comes from; each call may block briefly (an engine's loop answering). */
    public interface Sources {
        /** The configuration running, or null before the first one. */
        KeepalivedConfig config();

        /** Every VRRP instance's status in configuration order; empty when VRRP does not run. */
        List<InstanceStatus> vrrp();

        /** The LVS state, or null when LVS does not run. */
        LvsStatus lvs();

        /** Every tracked object's last state. */
        List<TrackerStatus> trackers();

        /** The interfaces {@code config} names, by name. */
        Map<String, InterfaceInfo> interfaces(KeepalivedConfig config);
    }

    private final String version;
    private final long startedAtNanos;
    private final Sources sources;
    private final LongSupplier nanoTime;
    private final Log log;
    private final AtomicReference<StatusSnapshot> current;
    private final Map<String, VrrpState> groupStates = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    /** Serialises refreshes (sources may block up to a second); never held by start, close or accept. */
    private final Object refreshLock = new Object();
    private ScheduledExecutorService thread;
    private long generation;

    public StatusPublisher(String version, long startedAtNanos, Sources sources, LongSupplier nanoTime, Log log) {
        this.version = version;
        this.startedAtNanos = startedAtNanos;
        this.sources = sources;
        this.nanoTime = nanoTime;
        this.log = log;
        this.current = new AtomicReference<>(StatusSnapshot.empty(version, startedAtNanos));
    }

    @Override
    public StatusSnapshot current() {
        return current.get();
    }

    /** Refreshes now, then every {@code periodMillis} on a daemon thread of its own. */
    public synchronized void start(long periodMillis) {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status-publisher");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::refreshQuietly, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Takes a new snapshot on the calling thread (tests; the publisher's own thread otherwise). */
    public StatusSnapshot refresh() {
        synchronized (refreshLock) {
            return take();
        }
    }

    private StatusSnapshot take() {
        KeepalivedConfig config = sources.config();
        List<SyncGroupStatus> groups = new ArrayList<>();
        if (config != null) {
            for (SyncGroup g : config.vrrp().syncGroups()) {
                groups.add(new SyncGroupStatus(g.name(), groupStates.getOrDefault(g.name(), VrrpState.INIT)));
            }
        }
        StatusSnapshot s = new StatusSnapshot(++generation, nanoTime.getAsLong(), startedAtNanos, version, config,
                config == null ? List.of() : sources.vrrp(), groups, sources.trackers(), sources.lvs(),
                config == null ? Map.of() : sources.interfaces(config));
        current.set(s);
        return s;
    }

    private void refreshQuietly() {
        refreshPending.set(false);
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("status: cannot take a snapshot: " + e); // the previous one stays; try again next period
        }
    }

    /** The event bus: remember group states; refresh soon after a state change (coalesced). */
    @Override
    public void accept(Event e) {
        if (e instanceof Event.VrrpStateChanged sc && sc.target().type() == Event.TargetType.GROUP) {
            groupStates.put(sc.target().name(), switch (sc.state()) {
                case MASTER -> VrrpState.MASTER;
                case BACKUP -> VrrpState.BACKUP;
                case FAULT -> VrrpState.FAULT;
                case STOP, DELETED -> VrrpState.STOP;
            });
        }
        boolean stateChange = e instanceof Event.VrrpStateChanged || e instanceof Event.RealServerChanged
                || e instanceof Event.QuorumChanged || e instanceof Event.TrackerChanged
                || e instanceof Event.VrrpPriorityChanged;
        ScheduledExecutorService t;
        synchronized (this) {
            t = thread;
        }
        if (stateChange && t != null && refreshPending.compareAndSet(false, true)) {
            try {
                t.schedule(this::refreshQuietly, EVENT_COALESCE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                refreshPending.set(false);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
