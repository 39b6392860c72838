package org.jkeepalived.jmx.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.jmx.Notifications;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.jmx.SyncGroupMXBean;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.StatusSource;
import org.jkeepalived.status.SyncGroupStatus;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;

/** A vrrp_sync_group as an MXBean. */
final class SyncGroupBean extends EmittingBean implements SyncGroupMXBean {
    private final String name;
    private final StatusSource status;
    private volatile SyncGroup config;
    private String lastState;

    SyncGroupBean(SyncGroup config, StatusSource status) {
        super(ObjectNames.syncGroup(config.name()),
                typed(Notifications.SYNC_GROUP_STATE, "The group changed state"),
                attributeChanges("State changed"));
        this.name = config.name();
        this.config = config;
        this.status = status;
        this.lastState = getState();
    }

    void configure(SyncGroup c) {
        this.config = c;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getState() {
        SyncGroupStatus s = status.current().syncGroups().get(name);
        return s == null || s.state() == null ? VrrpState.INIT.name() : s.state().name();
    }

    @Override
    public String[] getMembers() {
        return config.members().toArray(new String[0]);
    }

    @Override
    public Map<String, String> getMemberStates() {
        StatusSnapshot s = status.current();
        Map<String, String> out = new LinkedHashMap<>();
        for (String m : config.members()) {
            InstanceStatus i = s.instance(m);
            out.put(m, i == null ? VrrpState.INIT.name() : i.state().name());
        }
        return out;
    }

    /** The group entered {@code state} (a notify state word). */
    synchronized void stateChanged(String state, String reason) {
        String old = lastState;
        lastState = state;
        emitStateChange(Notifications.SYNC_GROUP_STATE, name, old, state, 0, reason);
    }
}
