package org.jkeepalived.vrrp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every tracked object currently says, and what that makes of each instance's priority (reference c.4,
 * c.10). Pure: the runtime feeds it link states and tracker reports, and asks for {@link #result}.
 * <p>Before its first report a tracked object counts as: an interface down (the runtime sets the real link
 * states at start), a vrrp_script "init" (with weight 0 it holds its instances in INIT, as keepalived's,
 * observed with 2.2.7; weighted, it counts nothing yet) or down with {@code init_fail}, a track_file 0, a process down, a BFD session up (BFD is not
 * implemented: a track_bfd line must not hold an instance in FAULT for ever).
 */
public final class TrackedPriorities {

    /** What kind of object a tracker line names. */
    public enum Kind { INTERFACE, SCRIPT, FILE, PROCESS, BFD }

    /** One tracker line of an instance (its own, or its sync group's). */
    public record Input(Kind kind, String name, int weight, boolean reverse) {
        public Input {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A tracked object. */
    public record Key(Kind kind, String name) {
    }

    /** A tracked object's state: {@code init} only for a script with no result yet. */
    public record Value(boolean init, boolean up, long fileValue) {
        public static final Value INIT = new Value(true, false, 0);
        public static final Value UP = new Value(false, true, 0);
        public static final Value DOWN = new Value(false, false, 0);

        public static Value file(long value) {
            return new Value(false, value == 0, value);
        }
    }

    private final Map<String, List<Input>> inputs;
    private final Map<Key, Value> values;

    /**
     * @param inputs  each instance's tracker lines, by instance name
     * @param initial states known before the first report (e.g. {@code init_fail} scripts as DOWN, files
     *                and processes read at start); the rest take the defaults above
     */
    public TrackedPriorities(Map<String, List<Input>> inputs, Map<Key, Value> initial) {
        this.inputs = new LinkedHashMap<>();
        inputs.forEach((k, v) -> this.inputs.put(k, List.copyOf(v)));
        this.values = new HashMap<>(initial);
    }

    /** The same states with other tracker lines (a reload): objects still tracked keep their state. */
    public TrackedPriorities withInputs(Map<String, List<Input>> next, Map<Key, Value> initialForNew) {
        Map<Key, Value> carried = new HashMap<>(initialForNew);
        carried.putAll(values);
        return new TrackedPriorities(next, carried);
    }

    /** Records an object's state; returns the instances that track it (empty when nothing changed). */
    public List<String> set(Key key, Value value) {
        Value previous = values.put(key, value);
        if (value.equals(previous)) {
            return List.of();
        }
        List<String> affected = new ArrayList<>();
        inputs.forEach((instance, list) -> {
            if (list.stream().anyMatch(i -> i.kind() == key.kind() && i.name().equals(key.name()))) {
                affected.add(instance);
            }
        });
        return affected;
    }

    public Value value(Key key) {
        return values.getOrDefault(key, defaultValue(key.kind()));
    }

    /** The tracker lines of an instance (empty when it has none). */
    public List<Input> inputs(String instance) {
        return inputs.getOrDefault(instance, List.of());
    }

    /** Every object some instance tracks. */
    public List<Key> trackedKeys() {
        return inputs.values().stream().flatMap(List::stream).map(i -> new Key(i.kind(), i.name())).distinct()
                .toList();
    }

    /**
     * A weight-0 tracked script (one whose failure means FAULT) has not reported yet: keepalived keeps the
     * instance in INIT meanwhile. A weighted script in init does not hold it (observed with 2.2.7:
     * "Entering BACKUP STATE (init)" before the script's first result) and counts nothing until it reports.
     */
    public boolean waiting(String instance) {
        return inputs(instance).stream().anyMatch(i -> i.kind() == Kind.SCRIPT && i.weight() == 0
                && value(new Key(Kind.SCRIPT, i.name())).init());
    }

    /** The effective priority and fault of {@code instance} with base priority {@code basePriority}. */
    public PriorityCalculator.Result result(String instance, int basePriority) {
        List<PriorityCalculator.Tracker> trackers = new ArrayList<>();
        for (Input i : inputs(instance)) {
            Value v = value(new Key(i.kind(), i.name()));
            if (v.init()) {
                continue; // waiting(): the instance does not run yet
            }
            trackers.add(i.kind() == Kind.FILE
                    ? new PriorityCalculator.Tracker.FileValue(i.weight(), i.reverse(), v.fileValue())
                    : new PriorityCalculator.Tracker.State(i.weight(), i.reverse(), v.up()));
        }
        return PriorityCalculator.compute(basePriority, trackers);
    }

    private static Value defaultValue(Kind kind) {
        return switch (kind) {
            case SCRIPT -> Value.INIT;
            case FILE -> Value.file(0);
            case BFD -> Value.UP;
            case INTERFACE, PROCESS -> Value.DOWN;
        };
    }
}
