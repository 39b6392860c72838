package org.jkeepalived.jmx.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.jmx.Notifications;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.jmx.VirtualServerMXBean;
import org.jkeepalived.status.StatusSource;

/** A virtual_server as an MXBean: its configuration and its LVS state and IPVS counters from the snapshot. */
final class VirtualServerBean extends EmittingBean implements VirtualServerMXBean, IpvsCountersView {
    private final String name;
    private final StatusSource status;
    private volatile VirtualServer config;
    private volatile int realServerCount;
    private Boolean lastQuorumUp;

    /** @param realServerCount its real servers and sorry server as registered (for the total before LVS reports) */
    VirtualServerBean(String name, VirtualServer config, int realServerCount, StatusSource status) {
        super(ObjectNames.virtualServer(name),
                typed(Notifications.QUORUM, "The virtual server gained or lost its quorum"),
                attributeChanges("QuorumUp changed"));
        this.name = name;
        this.config = config;
        this.realServerCount = realServerCount;
        this.status = status;
        LvsStatus.VirtualServerStatus s = now();
        this.lastQuorumUp = s == null ? null : s.quorumUp();
    }

    void configure(VirtualServer c, int realServers) {
        this.config = c;
        this.realServerCount = realServers;
    }

    private LvsStatus.VirtualServerStatus now() {
        return status.current().virtualServer(name);
    }

    @Override
    public IpvsStats stats() {
        LvsStatus.VirtualServerStatus s = now();
        return s == null ? IpvsStats.ZERO : s.stats();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isKnown() {
        return now() != null;
    }

    @Override
    public boolean isQuorumUp() {
        LvsStatus.VirtualServerStatus s = now();
        return s != null && s.quorumUp();
    }

    @Override
    public long getQuorum() {
        return config.quorum();
    }

    @Override
    public long getHysteresis() {
        return config.hysteresis();
    }

    @Override
    public long getLiveWeight() {
        LvsStatus.VirtualServerStatus s = now();
        return s == null ? 0 : s.liveWeight();
    }

    @Override
    public String getScheduler() {
        return text(config.lvsSched());
    }

    @Override
    public String getMethod() {
        return config.lvsMethod() == null ? "" : text(config.lvsMethod().method());
    }

    @Override
    public int getRealServersUp() {
        LvsStatus.VirtualServerStatus s = now();
        return s == null ? 0 : (int) s.realServers().stream().filter(LvsStatus.RealServerStatus::up).count();
    }

    @Override
    public int getRealServersTotal() {
        LvsStatus.VirtualServerStatus s = now();
        return s == null ? realServerCount : s.realServers().size();
    }

    /** The quorum was gained ({@code up}) or lost. */
    synchronized void quorumChanged(boolean up, String message) {
        Boolean old = lastQuorumUp == null ? !up : lastQuorumUp;
        lastQuorumUp = up;
        String text = message == null || message.isEmpty() ? (up ? "Gained" : "Lost") + " quorum for VS " + name : message;
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("virtualServer", name);
        items.put("up", up);
        items.put("message", text);
        emit(Notifications.QUORUM, text, items);
        emitChange("QuorumUp", boolean.class.getName(), old, up, text);
    }
}
