package org.jkeepalived.jmx.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jkeepalived.event.Event;
import org.jkeepalived.jmx.Notifications;

/**
 * Turns events into JMX notifications (an {@link org.jkeepalived.event.EventBus} subscriber, so a slow JMX
 * listener only delays this subscriber): VRRP instance and sync group states, priority changes, real server
 * states, quorum changes and split brains, each from the MBean it is about, or from the Daemon MBean when that one
 * is gone (a split brain always has its instance's).
 */
public final class JmxNotifier implements Consumer<Event> {
    private final JmxRegistry registry;

    public JmxNotifier(JmxRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void accept(Event event) {
        if (event instanceof Event.VrrpStateChanged e) {
            stateChanged(e);
        } else if (event instanceof Event.VrrpPriorityChanged e) {
            VrrpInstanceBean b = registry.vrrpInstance(e.target().name());
            if (b != null) {
                b.priorityChanged(e.state().name(), e.priority());
            }
        } else if (event instanceof Event.RealServerChanged e) {
            RealServerBean b = registry.realServer(e.virtualServer(), e.realServer());
            if (b != null) {
                b.stateChanged(e.up(), e.reason(), e.checkerKind());
            } else {
                Map<String, Object> items = new LinkedHashMap<>();
                items.put("virtualServer", e.virtualServer());
                items.put("realServer", e.realServer());
                items.put("up", e.up());
                items.put("reason", EmittingBean.text(e.reason()));
                items.put("checker", EmittingBean.text(e.checkerKind()));
                registry.daemon().emitOrphan(Notifications.REAL_SERVER_STATE,
                        (e.up() ? "UP " : "DOWN ") + e.realServer() + " in VS " + e.virtualServer(), items);
            }
        } else if (event instanceof Event.VrrpSplitBrain e) {
            VrrpInstanceBean b = registry.vrrpInstance(e.instance());
            if (b != null) {
                b.splitBrain(e.kind().name(), e.vrid(), e.peer().getHostAddress(), e.peerPriority(), e.ownPriority(),
                        e.episodes());
            }
        } else if (event instanceof Event.QuorumChanged e) {
            VirtualServerBean b = registry.virtualServer(e.virtualServer());
            if (b != null) {
                b.quorumChanged(e.up(), e.message());
            } else {
                Map<String, Object> items = new LinkedHashMap<>();
                items.put("virtualServer", e.virtualServer());
                items.put("up", e.up());
                items.put("message", EmittingBean.text(e.message()));
                registry.daemon().emitOrphan(Notifications.QUORUM, EmittingBean.text(e.message()), items);
            }
        }
        // VrrpStatesRestated is a FIFO-only restatement after a reload (nothing changed); trackers, auth failures
        // and protocol errors have no JMX notification (SNMP traps carry the last two).
    }

    private void stateChanged(Event.VrrpStateChanged e) {
        String name = e.target().name();
        String state = e.state().name();
        if (e.target().type() == Event.TargetType.INSTANCE) {
            VrrpInstanceBean b = registry.vrrpInstance(name);
            if (b != null) {
                b.stateChanged(state, e.priority(), e.reason());
                return;
            }
        } else {
            SyncGroupBean b = registry.syncGroup(name);
            if (b != null) {
                b.stateChanged(state, e.reason());
                return;
            }
        }
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("name", name);
        items.put("oldState", "");
        items.put("newState", state);
        items.put("priority", e.priority());
        items.put("reason", EmittingBean.text(e.reason()));
        registry.daemon().emitOrphan(e.target().type() == Event.TargetType.INSTANCE ? Notifications.VRRP_STATE
                : Notifications.SYNC_GROUP_STATE, name + ": -> " + state, items);
    }
}
