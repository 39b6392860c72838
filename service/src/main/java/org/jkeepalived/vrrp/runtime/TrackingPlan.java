package org.jkeepalived.vrrp.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.track.Trackers;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.event.Event;
import org.jkeepalived.track.TrackerUpdate;
import org.jkeepalived.vrrp.TrackedPriorities;
import org.jkeepalived.vrrp.TrackedPriorities.Input;
import org.jkeepalived.vrrp.TrackedPriorities.Key;
import org.jkeepalived.vrrp.TrackedPriorities.Kind;
import org.jkeepalived.vrrp.TrackedPriorities.Value;

/**
 * What the engine needs beyond each instance's protocol settings: every instance's tracker lines (its own
 * and its sync group's, reference c.4 and c.8), the sync groups, and who each notification is about.
 *
 * @param inputs  tracker lines by instance name
 * @param initial tracked objects' states known before any report ({@code init_fail} scripts are DOWN)
 * @param targets notify targets by instance name
 * @param groups  the sync groups
 * @param restateOnReload {@code fifo_write_vrrp_states_on_reload}: a reload publishes every state again
 */
public record TrackingPlan(Map<String, List<Input>> inputs, Map<Key, Value> initial, Map<String, Event.Target> targets,
                           List<Group> groups, boolean restateOnReload) {
    public static final TrackingPlan NONE = new TrackingPlan(Map.of(), Map.of(), Map.of(), List.of());

    public TrackingPlan(Map<String, List<Input>> inputs, Map<Key, Value> initial, Map<String, Event.Target> targets,
                        List<Group> groups) {
        this(inputs, initial, targets, groups, false);
    }

    /**
     * With the states trackers already reported (files read and processes counted at start), so that no
     * instance starts on a default and moves a moment later. Scripts' INIT reports change nothing.
     */
    public TrackingPlan withObserved(List<TrackerUpdate> updates) {
        Map<Key, Value> merged = new HashMap<>(initial);
        for (TrackerUpdate u : updates) {
            switch (u.kind()) {
                case FILE -> merged.put(new Key(Kind.FILE, u.name()), Value.file(u.value()));
                case PROCESS -> merged.put(new Key(Kind.PROCESS, u.name()),
                        u.status() == TrackerUpdate.Status.UP ? Value.UP : Value.DOWN);
                case SCRIPT -> {
                    if (u.status() != TrackerUpdate.Status.INIT) {
                        merged.put(new Key(Kind.SCRIPT, u.name()),
                                u.status() == TrackerUpdate.Status.UP ? Value.UP : Value.DOWN);
                    }
                }
                case BFD -> { }
            }
        }
        return new TrackingPlan(inputs, merged, targets, groups, restateOnReload);
    }

    public TrackingPlan withRestateOnReload(boolean restate) {
        return new TrackingPlan(inputs, initial, targets, groups, restate);
    }

    public TrackingPlan {
        inputs = Map.copyOf(inputs);
        initial = Map.copyOf(initial);
        targets = Map.copyOf(targets);
        groups = List.copyOf(groups);
    }

    /** A vrrp_sync_group: its members (instance names) and its own notify target. */
    public record Group(String name, List<String> members, Event.Target target) {
        public Group {
            members = List.copyOf(members);
        }
    }

    public Optional<Group> groupOf(String instance) {
        return groups.stream().filter(g -> g.members().contains(instance)).findFirst();
    }

    /** The target of an instance's notifications (one without scripts or mail when it is unknown). */
    public Event.Target target(String instance) {
        Event.Target t = targets.get(instance);
        return t != null ? t : new Event.Target(Event.TargetType.INSTANCE, instance, null, false, false);
    }

    public static TrackingPlan of(VrrpConfig vrrp, TrackConfig track) {
        Map<String, List<Input>> inputs = new LinkedHashMap<>();
        Map<String, Event.Target> targets = new HashMap<>();
        for (VrrpInstance in : vrrp.instances()) {
            List<Input> list = new ArrayList<>(inputs(in.trackers()));
            if (in.syncGroup() != null) {
                vrrp.syncGroup(in.syncGroup()).ifPresent(g -> list.addAll(inputs(g.trackers())));
            }
            inputs.put(in.name(), list);
            targets.put(in.name(), new Event.Target(Event.TargetType.INSTANCE, in.name(), in.notifyScripts(),
                    in.smtpAlert(), in.notifyPriorityChanges()));
        }
        List<Group> groups = new ArrayList<>();
        for (SyncGroup g : vrrp.syncGroups()) {
            groups.add(new Group(g.name(), g.members(), new Event.Target(Event.TargetType.GROUP, g.name(),
                    g.notifyScripts(), g.smtpAlert(), g.notifyPriorityChanges())));
        }
        Map<Key, Value> initial = new HashMap<>();
        for (VrrpScript s : track.scripts()) {
            if (s.initFail()) {
                initial.put(new Key(Kind.SCRIPT, s.name()), Value.DOWN); // c.5: init_fail starts failed
            }
        }
        return new TrackingPlan(inputs, initial, targets, groups);
    }

    private static List<Input> inputs(Trackers t) {
        List<Input> list = new ArrayList<>();
        add(list, Kind.INTERFACE, t.interfaces());
        add(list, Kind.SCRIPT, t.scripts());
        add(list, Kind.FILE, t.files());
        add(list, Kind.PROCESS, t.processes());
        add(list, Kind.BFD, t.bfds());
        return list;
    }

    private static void add(List<Input> list, Kind kind, List<TrackRef> refs) {
        for (TrackRef r : refs) {
            list.add(new Input(kind, r.name(), r.weight(), r.reverse()));
        }
    }

    TrackedPriorities priorities() {
        return new TrackedPriorities(inputs, initial);
    }
}
