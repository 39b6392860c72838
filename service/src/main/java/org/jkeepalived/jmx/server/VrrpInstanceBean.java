package org.jkeepalived.jmx.server;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.jmx.Notifications;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.jmx.VrrpInstanceMXBean;
import org.jkeepalived.status.StatusSource;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * A vrrp_instance as an MXBean: its configuration (refreshed by {@link JmxRegistry#sync()}) and its state from
 * the latest snapshot. Before VRRP has published the instance, it reads as INIT with zero counters.
 */
final class VrrpInstanceBean extends EmittingBean implements VrrpInstanceMXBean {
    private final String name;
    private final StatusSource status;
    private final ManagementCommands commands;
    private volatile VrrpInstance config;
    // What the last notification said, so that the next one can name the old value (events carry only the new).
    private String lastState;
    private int lastPriority;

    VrrpInstanceBean(VrrpInstance config, StatusSource status, ManagementCommands commands) {
        super(ObjectNames.vrrpInstance(config.name()),
                typed(Notifications.VRRP_STATE, "The instance changed state"),
                typed(Notifications.VRRP_PRIORITY, "The effective priority changed (notify_priority_changes)"),
                attributeChanges("State or EffectivePriority changed"));
        this.name = config.name();
        this.config = config;
        this.status = status;
        this.commands = commands;
        InstanceStatus s = status.current().instance(name);
        this.lastState = s == null ? VrrpState.INIT.name() : s.state().name();
        this.lastPriority = s == null ? config.priority() : s.effectivePriority();
    }

    void configure(VrrpInstance c) {
        this.config = c;
    }

    private InstanceStatus now() {
        return status.current().instance(name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getState() {
        InstanceStatus s = now();
        return s == null ? VrrpState.INIT.name() : s.state().name();
    }

    @Override
    public String getInitialState() {
        return text(config.state());
    }

    @Override
    public int getVrid() {
        return config.virtualRouterId();
    }

    @Override
    public int getVersion() {
        InstanceStatus s = now();
        return s == null ? config.version() : s.version();
    }

    @Override
    public String getInterface() {
        return text(config.interfaceName());
    }

    @Override
    public String getSyncGroup() {
        return text(config.syncGroup());
    }

    @Override
    public int getBasePriority() {
        InstanceStatus s = now();
        return s == null ? config.priority() : s.basePriority();
    }

    @Override
    public int getEffectivePriority() {
        InstanceStatus s = now();
        return s == null ? config.priority() : s.effectivePriority();
    }

    @Override
    public long getAdvertIntervalMillis() {
        return config.advertIntervalMicros() / 1000;
    }

    @Override
    public String getMasterAddress() {
        InstanceStatus s = now();
        InetAddress a = s == null ? null : s.masterAddress();
        return a == null ? "" : a.getHostAddress();
    }

    @Override
    public boolean isPreempt() {
        InstanceStatus s = now();
        return s == null ? !config.nopreempt() : s.preempt();
    }

    @Override
    public String getNewMasterReason() {
        InstanceStatus s = now();
        return s == null ? org.jkeepalived.vrrp.NewMasterReason.NOT_MASTER.name() : s.newMasterReason().name();
    }

    @Override
    public String getLastProtocolError() {
        InstanceStatus s = now();
        return s == null ? "" : text(s.lastProtoError());
    }

    @Override
    public long getUpTimeMillis() {
        InstanceStatus s = now();
        return s == null ? 0 : sinceMillis(s.upSinceNanos());
    }

    @Override
    public long getStateAgeMillis() {
        InstanceStatus s = now();
        return s == null ? 0 : sinceMillis(s.stateSinceNanos());
    }

    private static long sinceMillis(long nanos) {
        return nanos == InstanceStatus.NEVER ? 0 : Math.max(0, (System.nanoTime() - nanos) / 1_000_000);
    }

    @Override
    public String[] getVirtualAddresses() {
        return config.virtualIpaddresses().stream().map(VrrpInstanceBean::address).toArray(String[]::new);
    }

    private static String address(VirtualAddress a) {
        return a.words().isEmpty() ? a.address().toString() : String.join(" ", a.words());
    }

    @Override
    public long getAdvertsReceived() {
        InstanceStatus s = now();
        return s == null ? 0 : s.advertsReceived();
    }

    @Override
    public long getAdvertsSent() {
        InstanceStatus s = now();
        return s == null ? 0 : s.advertsSent();
    }

    @Override
    public long getBecomeMaster() {
        InstanceStatus s = now();
        return s == null ? 0 : s.becomeMaster();
    }

    @Override
    public long getReleaseMaster() {
        InstanceStatus s = now();
        return s == null ? 0 : s.releaseMaster();
    }

    @Override
    public long getPriorityZeroReceived() {
        InstanceStatus s = now();
        return s == null ? 0 : s.priorityZeroReceived();
    }

    @Override
    public long getPriorityZeroSent() {
        InstanceStatus s = now();
        return s == null ? 0 : s.priorityZeroSent();
    }

    @Override
    public Map<String, Long> getDrops() {
        InstanceStatus s = now();
        Map<String, Long> out = new LinkedHashMap<>();
        for (DropReason r : DropReason.values()) {
            out.put(r.name(), s == null ? 0L : s.drops(r));
        }
        return out;
    }

    @Override
    public long getDropsTotal() {
        InstanceStatus s = now();
        return s == null ? 0 : s.drops().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public long getSplitBrains() {
        InstanceStatus s = now();
        return s == null ? 0 : s.splitBrain().episodes();
    }

    @Override
    public String getLastSplitBrain() {
        InstanceStatus s = now();
        if (s == null || s.splitBrain().lastKind() == null) {
            return "";
        }
        var sb = s.splitBrain();
        return sb.lastKind() + " from " + sb.lastPeer().getHostAddress() + " (priority " + sb.lastPeerPriority()
                + ", ours " + sb.lastOwnPriority() + ") " + sinceMillis(sb.lastAtNanos()) / 1000 + " s ago";
    }

    @Override
    public String setBasePriority(int priority) {
        return commands.setBasePriority(name, priority).name();
    }

    @Override
    public String setPreempt(boolean preempt) {
        return commands.setPreempt(name, preempt).name();
    }

    /** The instance entered {@code state} (a notify state word: MASTER, BACKUP, FAULT, STOP, DELETED). */
    synchronized void stateChanged(String state, int priority, String reason) {
        String old = lastState;
        lastState = state;
        emitStateChange(Notifications.VRRP_STATE, name, old, state, priority, reason);
    }

    /** The effective priority became {@code priority} while in {@code state}. */
    synchronized void priorityChanged(String state, int priority) {
        int old = lastPriority;
        lastPriority = priority;
        String message = name + ": priority " + old + " -> " + priority + " in " + state;
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("name", name);
        items.put("state", state);
        items.put("oldPriority", old);
        items.put("newPriority", priority);
        emit(Notifications.VRRP_PRIORITY, message, items);
        emitChange("EffectivePriority", int.class.getName(), old, priority, message);
    }

    synchronized void splitBrain(String kind, int vrid, String peer, int peerPriority, int ownPriority, long episodes) {
        String message = name + ": split brain, " + kind + " from " + peer + " (priority " + peerPriority + ", ours "
                + ownPriority + ")";
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("name", name);
        items.put("vrid", vrid);
        items.put("kind", kind);
        items.put("peer", peer);
        items.put("peerPriority", peerPriority);
        items.put("ownPriority", ownPriority);
        items.put("episodes", episodes);
        emit(Notifications.VRRP_SPLIT_BRAIN, message, items);
        emitChange("SplitBrains", long.class.getName(), episodes - 1, episodes, message);
    }
}
