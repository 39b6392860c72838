package org.jkeepalived.vrrp.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jkeepalived.event.Event;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.track.TrackerUpdate;
import org.jkeepalived.vrrp.Action;
import org.jkeepalived.vrrp.TrackedPriorities;
import org.jkeepalived.vrrp.TrackedPriorities.Key;
import org.jkeepalived.vrrp.TrackedPriorities.Kind;
import org.jkeepalived.vrrp.TrackedPriorities.Value;
import org.jkeepalived.vrrp.VrrpState;

/**
 * The engine's coupling between instances, on the loop thread: tracker states become priorities and faults
 * (reference c.4, c.10), sync group members move together (c.8), and every state change is published as an
 * {@link Event} for the notify subscribers (scripts, FIFOs, mail; later SNMP and JMX), never run inline.
 * <p>Sync groups as keepalived 2.2.7 runs them: a member may become MASTER only when every other member wants
 * to too (its {@link org.jkeepalived.vrrp.VirtualRouter.MasterGate}); once one is MASTER the others follow;
 * one going BACKUP takes the MASTERs with it; one in FAULT for a reason of its own puts the others in FAULT
 * until it recovers. The group's own state is FAULT if a member is, MASTER when all are, BACKUP when all
 * are BACKUP or MASTER, STOP when all stopped; group notifications carry priority 0.
 */
final class Coordinator {
    /** Hands a router's actions to the engine (which runs them and calls {@link #afterApply}). */
    @FunctionalInterface
    interface Applier {
        void apply(Slot s, List<Action> actions);
    }

    private final Supplier<List<Slot>> slots;
    private final Log log;
    private Consumer<Event> events = e -> {
    };
    private TrackingPlan plan = TrackingPlan.NONE;
    private TrackedPriorities tracked = TrackingPlan.NONE.priorities();
    private final Map<String, Event.NotifyState> groupStates = new HashMap<>();
    /** The state each group last took its members to (for the log line). */
    private final Map<String, Event.NotifyState> syncingTo = new HashMap<>();
    /** Each sync group member's group (derived from the plan). */
    private Map<String, TrackingPlan.Group> groupOf = Map.of();
    /** Each group member's own fault as last seen: a change moves the other members even without a transition. */
    private final Map<String, Boolean> ownFaults = new HashMap<>();
    /** Instances a reload removes: their STOP is published as DELETED (notify_deleted) or FAULT. */
    private final Set<String> deleting = new HashSet<>();

    Coordinator(Supplier<List<Slot>> slots, Log log) {
        this.slots = Objects.requireNonNull(slots, "slots");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Publishes an event that is not a state change (the management plane's drop notifications). */
    void publish(Event e) {
        events.accept(e);
    }

    void configure(TrackingPlan plan, Consumer<Event> events) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.groupOf = groupsByMember(plan);
        this.tracked = plan.priorities();
        this.events = Objects.requireNonNull(events, "events");
    }

    private static Map<String, TrackingPlan.Group> groupsByMember(TrackingPlan plan) {
        Map<String, TrackingPlan.Group> map = new HashMap<>();
        plan.groups().forEach(g -> g.members().forEach(m -> map.put(m, g)));
        return map;
    }

    /** Gives a new slot its sync group gate. */
    void attach(Slot s) {
        TrackingPlan.Group g = groupOf.get(s.name());
        s.router.gateMasterWith(g == null ? null : r -> othersWantMaster(g, s));
    }

    /** Before any router starts: the links' states, then each router's tracked priority and faults. */
    void prime(List<Link> links, long now, Applier apply) {
        for (Link l : links) {
            tracked.set(new Key(Kind.INTERFACE, l.name()), l.up() ? Value.UP : Value.DOWN);
        }
        for (Slot s : slots.get()) {
            attach(s);
            applyTrackers(s, now, apply);
        }
        for (TrackingPlan.Group g : plan.groups()) {
            updateGroupFaults(g, now, apply);
        }
    }

    /** A tracked script has not reported yet: the router stays in INIT (keepalived, observed). */
    boolean waiting(Slot s) {
        return tracked.waiting(s.name());
    }

    /**
     * A tracker's report. Returns the routers still in INIT that no longer wait for a script: the engine
     * starts them.
     */
    List<Slot> tracked(TrackerUpdate u, long now, Applier apply) {
        Kind kind = switch (u.kind()) {
            case SCRIPT -> Kind.SCRIPT;
            case FILE -> Kind.FILE;
            case PROCESS -> Kind.PROCESS;
            case BFD -> Kind.BFD;
        };
        Value value = u.kind() == TrackerUpdate.Kind.FILE ? Value.file(u.value())
                : u.status() == TrackerUpdate.Status.INIT ? Value.INIT
                : u.status() == TrackerUpdate.Status.UP ? Value.UP : Value.DOWN;
        return changed(new Key(kind, u.name()), value, now, apply);
    }

    /** An interface's link went up or down (for track_interface; the primary interface is the engine's). */
    void linkChanged(String ifName, boolean up, long now, Applier apply) {
        if (ifName != null) {
            changed(new Key(Kind.INTERFACE, ifName), up ? Value.UP : Value.DOWN, now, apply);
        }
    }

    private List<Slot> changed(Key key, Value value, long now, Applier apply) {
        List<String> affected = tracked.set(key, value);
        if (affected.isEmpty()) {
            return List.of();
        }
        events.accept(new Event.TrackerChanged(key.kind().name().toLowerCase(Locale.ROOT), key.name(),
                value.up(), value.fileValue()));
        List<Slot> ready = new ArrayList<>();
        for (Slot s : slots.get()) {
            if (affected.contains(s.name())) {
                applyTrackers(s, now, apply);
                if (s.router.state() == VrrpState.INIT && !waiting(s)) {
                    ready.add(s);
                }
            }
        }
        return ready;
    }

    /** Re-applies an instance's tracked priority and fault (also after a reload reset its priority). */
    void applyTrackers(Slot s, long now, Applier apply) {
        apply.apply(s, s.router.onTrackers(tracked.result(s.name(), s.router.settings().basePriority()), now));
    }

    /** A reload: new tracker lines and groups; tracked objects keep their states. */
    void reload(TrackingPlan next, long now, Applier apply) {
        tracked = tracked.withInputs(next.inputs(), next.initial());
        plan = next;
        groupOf = groupsByMember(next);
        ownFaults.keySet().retainAll(groupOf.keySet());
        groupStates.keySet().retainAll(next.groups().stream().map(TrackingPlan.Group::name).toList());
        for (Slot s : slots.get()) {
            attach(s);
            if (s.router.state() != VrrpState.INIT) {
                applyTrackers(s, now, apply);
            }
        }
        for (TrackingPlan.Group g : plan.groups()) {
            updateGroupFaults(g, now, apply);
        }
        if (next.restateOnReload()) {
            List<Event.VrrpStateChanged> states = new ArrayList<>();
            for (TrackingPlan.Group g : plan.groups()) {
                Event.NotifyState st = groupStates.get(g.name());
                if (st != null) {
                    states.add(new Event.VrrpStateChanged(g.target(), st, 0, "reload"));
                }
            }
            for (Slot s : slots.get()) {
                Event.NotifyState st = notifyState(s.router.state());
                if (st != null) {
                    states.add(new Event.VrrpStateChanged(plan.target(s.name()), st, s.router.effectivePriority(),
                            "reload"));
                }
            }
            events.accept(new Event.VrrpStatesRestated(states));
        }
    }

    /** The next STOP of {@code s} is its removal by a reload. */
    void deleting(Slot s) {
        deleting.add(s.name());
    }

    /**
     * Publishes what {@code actions} did and lets the sync group follow: after every input of a router, even
     * one with no action (a member already in FAULT for its group may get a fault of its own).
     */
    void afterApply(Slot s, List<Action> actions, long now, Applier apply) {
        TrackingPlan.Group g = groupOf.get(s.name());
        if (actions.isEmpty() && g == null) {
            return;
        }
        Event.Target target = plan.target(s.name());
        Action.StateChanged last = null;
        for (Action a : actions) {
            if (a instanceof Action.StateChanged sc) {
                last = sc;
                if (g != null && sc.from() == VrrpState.INIT && !groupStates.containsKey(g.name())) {
                    // keepalived 2.2.7 (observed): the group's first state is announced before its members'.
                    publishGroup(g, notifyState(sc.to()));
                }
                publishState(s, target, sc);
            } else if (a instanceof Action.PriorityChanged pc && target.notifyPriorityChanges()
                    && (s.router.state() == VrrpState.MASTER || s.router.state() == VrrpState.BACKUP)) {
                events.accept(new Event.VrrpPriorityChanged(target, notifyState(s.router.state()), pc.to()));
            } else if (a instanceof Action.SplitBrain sb) {
                events.accept(new Event.VrrpSplitBrain(s.name(), s.router.settings().vrid(), sb.kind(), sb.peer(),
                        sb.peerPriority(), sb.ownPriority(), sb.episodes()));
            } else if (a instanceof Action.LowerPriorityAdvert lp) {
                events.accept(new Event.MasterRxLowerPriority(target, s.router.effectivePriority(), lp.from(),
                        lp.priority()));
            }
        }
        if (g == null) {
            return;
        }
        boolean own = s.router.ownFault();
        Boolean ownBefore = ownFaults.put(s.name(), own);
        if (last == null && ownBefore != null && ownBefore == own) {
            return;
        }
        if (last != null && last.to() == VrrpState.MASTER) {
            syncing(g, Event.NotifyState.MASTER);
            for (Slot o : members(g, s)) {
                apply.apply(o, o.router.syncMaster(g.name(), now));
            }
        } else if (last != null && last.to() == VrrpState.BACKUP && last.from() == VrrpState.MASTER) {
            syncing(g, Event.NotifyState.BACKUP);
            for (Slot o : members(g, s)) {
                apply.apply(o, o.router.syncBackup(g.name(), now));
            }
        }
        updateGroupFaults(g, now, apply);
        updateGroupState(g);
    }

    private void publishState(Slot s, Event.Target target, Action.StateChanged sc) {
        Event.NotifyState state = notifyState(sc.to());
        if (state == null) {
            return;
        }
        if (state == Event.NotifyState.STOP && deleting.remove(s.name())) {
            // keepalived f.1: a removed instance is reported DELETED with notify_deleted, else FAULT.
            state = target.scripts().notifyDeleted() ? Event.NotifyState.DELETED : Event.NotifyState.FAULT;
        }
        events.accept(new Event.VrrpStateChanged(target, state, s.router.effectivePriority(), sc.reason()));
    }

    /** Members other than the one in FAULT go FAULT with it, and leave FAULT when no member has a fault. */
    private void updateGroupFaults(TrackingPlan.Group g, long now, Applier apply) {
        List<Slot> members = members(g, null);
        boolean anyFault = members.stream().anyMatch(m -> m.router.ownFault());
        boolean anyInFault = members.stream().anyMatch(m -> m.router.state() == VrrpState.FAULT);
        if (anyFault && members.stream().anyMatch(m -> !m.router.ownFault() && m.router.state() != VrrpState.FAULT
                && m.router.state() != VrrpState.INIT)) {
            syncing(g, Event.NotifyState.FAULT);
        } else if (!anyFault && anyInFault) {
            syncing(g, Event.NotifyState.BACKUP);
        }
        for (Slot m : members) {
            boolean otherFault = members.stream().anyMatch(o -> o != m && o.router.ownFault());
            apply.apply(m, m.router.onGroupFault(otherFault, now));
        }
    }

    /** keepalived's log line as the group takes its members along, once per move. */
    private void syncing(TrackingPlan.Group g, Event.NotifyState to) {
        if (syncingTo.put(g.name(), to) != to) {
            log.info("VRRP_Group(" + g.name() + ") Syncing instances to " + to + " state");
        }
    }

    private void updateGroupState(TrackingPlan.Group g) {
        List<Slot> members = members(g, null);
        if (members.isEmpty()) {
            return;
        }
        Event.NotifyState next = null;
        if (members.stream().anyMatch(m -> m.router.state() == VrrpState.FAULT)) {
            next = Event.NotifyState.FAULT;
        } else if (members.stream().allMatch(m -> m.router.state() == VrrpState.MASTER)) {
            next = Event.NotifyState.MASTER;
        } else if (members.stream().allMatch(m -> m.router.state() == VrrpState.BACKUP
                || m.router.state() == VrrpState.MASTER)) {
            next = Event.NotifyState.BACKUP;
        } else if (members.stream().allMatch(m -> m.router.state() == VrrpState.STOP)) {
            next = Event.NotifyState.STOP;
        }
        if (next != null && next != groupStates.get(g.name())) {
            publishGroup(g, next);
        }
    }

    private void publishGroup(TrackingPlan.Group g, Event.NotifyState state) {
        if (state != null) {
            groupStates.put(g.name(), state);
            syncingTo.put(g.name(), state);
            events.accept(new Event.VrrpStateChanged(g.target(), state, 0, "sync group"));
        }
    }

    private boolean othersWantMaster(TrackingPlan.Group g, Slot self) {
        for (Slot o : members(g, self)) {
            if (o.router.state() != VrrpState.MASTER && !o.router.wantsMaster()) {
                return false;
            }
        }
        return true;
    }

    /** The group's members running in the engine, without {@code except}. */
    private List<Slot> members(TrackingPlan.Group g, Slot except) {
        List<Slot> list = new ArrayList<>();
        for (Slot s : slots.get()) {
            if (s != except && g.members().contains(s.name())) {
                list.add(s);
            }
        }
        return list;
    }

    private static Event.NotifyState notifyState(VrrpState s) {
        return switch (s) {
            case MASTER -> Event.NotifyState.MASTER;
            case BACKUP -> Event.NotifyState.BACKUP;
            case FAULT -> Event.NotifyState.FAULT;
            case STOP -> Event.NotifyState.STOP;
            default -> null;
        };
    }
}
