package org.jkeepalived.jmx.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.jmx.Notifications;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.jmx.RealServerMXBean;
import org.jkeepalived.status.StatusSource;

/** A real server (or sorry server) of one virtual server as an MXBean. */
final class RealServerBean extends EmittingBean implements RealServerMXBean, IpvsCountersView {
    private final String virtualServer;
    private final String name;
    private final boolean sorry;
    private final StatusSource status;
    private final ManagementCommands commands;
    private volatile long configuredWeight;
    private Boolean lastUp;

    RealServerBean(String virtualServer, String name, boolean sorry, long configuredWeight, StatusSource status,
                   ManagementCommands commands) {
        super(ObjectNames.realServer(virtualServer, name),
                typed(Notifications.REAL_SERVER_STATE, "The real server went up or down"),
                attributeChanges("Up changed"));
        this.virtualServer = virtualServer;
        this.name = name;
        this.sorry = sorry;
        this.configuredWeight = configuredWeight;
        this.status = status;
        this.commands = commands;
        LvsStatus.RealServerStatus s = now();
        this.lastUp = s == null ? null : s.up();
    }

    void configure(long weight) {
        this.configuredWeight = weight;
    }

    private LvsStatus.RealServerStatus now() {
        LvsStatus.VirtualServerStatus vs = status.current().virtualServer(virtualServer);
        if (vs == null) {
            return null;
        }
        for (LvsStatus.RealServerStatus rs : vs.realServers()) {
            if (rs.name().equals(name) && rs.sorry() == sorry) {
                return rs;
            }
        }
        return null;
    }

    @Override
    public IpvsStats stats() {
        LvsStatus.RealServerStatus s = now();
        return s == null ? IpvsStats.ZERO : s.stats();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getVirtualServer() {
        return virtualServer;
    }

    @Override
    public boolean isSorry() {
        return sorry;
    }

    @Override
    public boolean isKnown() {
        return now() != null;
    }

    @Override
    public boolean isUp() {
        LvsStatus.RealServerStatus s = now();
        return s != null && s.up();
    }

    @Override
    public long getWeight() {
        LvsStatus.RealServerStatus s = now();
        return s == null ? configuredWeight : s.weight();
    }

    @Override
    public long getConfiguredWeight() {
        return configuredWeight;
    }

    @Override
    public int getFailedChecks() {
        LvsStatus.RealServerStatus s = now();
        return s == null ? 0 : s.failedChecks();
    }

    @Override
    public int getActiveConns() {
        LvsStatus.RealServerStatus s = now();
        return s == null ? 0 : s.activeConns();
    }

    @Override
    public int getInactiveConns() {
        LvsStatus.RealServerStatus s = now();
        return s == null ? 0 : s.inactiveConns();
    }

    @Override
    public int getPersistentConns() {
        LvsStatus.RealServerStatus s = now();
        return s == null ? 0 : s.persistConns();
    }

    @Override
    public String setWeight(int weight) {
        return commands.setRealServerWeight(virtualServer, name, weight).name();
    }

    /** Its checkers agreed it is {@code up}, or one said it is down. */
    synchronized void stateChanged(boolean up, String reason, String checker) {
        Boolean old = lastUp == null ? !up : lastUp;
        lastUp = up;
        String message = (up ? "UP" : "DOWN") + " " + name + " in VS " + virtualServer
                + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("virtualServer", virtualServer);
        items.put("realServer", name);
        items.put("up", up);
        items.put("reason", text(reason));
        items.put("checker", text(checker));
        emit(Notifications.REAL_SERVER_STATE, message, items);
        emitChange("Up", boolean.class.getName(), old, up, message);
    }
}
