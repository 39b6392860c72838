package org.jkeepalived.status;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.vrrp.InstanceStatus;

/**
 * The daemon's whole state at one moment, immutable: the configuration it runs, every VRRP instance's state
 * and counters, the sync groups, the trackers, the LVS state and the interfaces they use. SNMP, JMX and
 * Jolokia read only this (through {@link StatusSource}); none of them reaches into an engine, so a slow or
 * abusive manager can never delay an advert.
 *
 * <p>Lookups by name are O(1); lists keep configuration order (keepalived's SNMP indexes are 1-based ordinals
 * in configuration order).
 */
public final class StatusSnapshot {
    private final long generation;
    private final long takenAtNanos;
    private final long startedAtNanos;
    private final String version;
    private final KeepalivedConfig config;
    private final List<InstanceStatus> instances;
    private final Map<String, SyncGroupStatus> syncGroups;
    private final List<TrackerStatus> trackers;
    private final LvsStatus lvs;
    private final Map<String, InterfaceInfo> interfaces;
    private final Map<String, InstanceStatus> instanceByName;
    private final Map<String, LvsStatus.VirtualServerStatus> virtualServerByName;

    /**
     * @param generation     increases with every snapshot published (caches key on it)
     * @param takenAtNanos   System.nanoTime() when it was taken
     * @param startedAtNanos System.nanoTime() when the daemon started (SNMP TimeStamp columns count from it)
     * @param version        the version string, e.g. {@code jkeepalived 0.1.0}
     * @param config         the configuration running (null before the first load: an empty snapshot)
     * @param instances      every VRRP instance's status, in configuration order (empty when VRRP is not running)
     * @param syncGroups     every sync group's state, in configuration order
     * @param trackers       every tracked object's last state
     * @param lvs            the LVS state (no virtual servers when LVS is not running)
     * @param interfaces     the interfaces the configuration names, by name
     */
    public StatusSnapshot(long generation, long takenAtNanos, long startedAtNanos, String version,
                          KeepalivedConfig config, List<InstanceStatus> instances, List<SyncGroupStatus> syncGroups,
                          List<TrackerStatus> trackers, LvsStatus lvs, Map<String, InterfaceInfo> interfaces) {
        this.generation = generation;
        this.takenAtNanos = takenAtNanos;
        this.startedAtNanos = startedAtNanos;
        this.version = Objects.requireNonNull(version, "version");
        this.config = config;
        this.instances = List.copyOf(instances);
        Map<String, SyncGroupStatus> groups = new LinkedHashMap<>();
        syncGroups.forEach(g -> groups.put(g.name(), g));
        this.syncGroups = java.util.Collections.unmodifiableMap(groups);
        this.trackers = List.copyOf(trackers);
        this.lvs = lvs == null ? new LvsStatus(false, List.of()) : lvs;
        this.interfaces = Map.copyOf(interfaces);
        Map<String, InstanceStatus> byName = new HashMap<>();
        this.instances.forEach(i -> byName.put(i.name(), i));
        this.instanceByName = Map.copyOf(byName);
        Map<String, LvsStatus.VirtualServerStatus> vsByName = new HashMap<>();
        this.lvs.virtualServers().forEach(v -> vsByName.put(v.name(), v));
        this.virtualServerByName = Map.copyOf(vsByName);
    }

    /** Before anything ran: no configuration, no state. */
    public static StatusSnapshot empty(String version, long startedAtNanos) {
        return new StatusSnapshot(0, startedAtNanos, startedAtNanos, version, null, List.of(), List.of(), List.of(),
                null, Map.of());
    }

    public long generation() {
        return generation;
    }

    public long takenAtNanos() {
        return takenAtNanos;
    }

    public long startedAtNanos() {
        return startedAtNanos;
    }

    public String version() {
        return version;
    }

    /** The configuration running, or null before the first one was applied. */
    public KeepalivedConfig config() {
        return config;
    }

    public List<InstanceStatus> instances() {
        return instances;
    }

    /** One instance's status, or null. */
    public InstanceStatus instance(String name) {
        return instanceByName.get(name);
    }

    /** The sync groups by name, in configuration order. */
    public Map<String, SyncGroupStatus> syncGroups() {
        return syncGroups;
    }

    public List<TrackerStatus> trackers() {
        return trackers;
    }

    public LvsStatus lvs() {
        return lvs;
    }

    /** One virtual server's status by keepalived's name ({@code [192.0.2.1]:tcp:80}), or null. */
    public LvsStatus.VirtualServerStatus virtualServer(String name) {
        return virtualServerByName.get(name);
    }

    public Map<String, InterfaceInfo> interfaces() {
        return interfaces;
    }

    /** Centiseconds from the daemon's start to {@code nanos} (SNMP TimeStamp/TimeTicks), 0 for earlier. */
    public long centisSinceStart(long nanos) {
        return Math.max(0, (nanos - startedAtNanos) / 10_000_000L);
    }
}
