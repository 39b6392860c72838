package org.jkeepalived.jmx.server;

import java.util.Map;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.jmx.DaemonMXBean;
import org.jkeepalived.jmx.Notifications;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.StatusSource;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;

/**
 * The daemon as an MXBean. It also emits the notifications whose own MBean is gone (an instance a reload removed
 * announces its DELETED state after its MBean was unregistered).
 */
final class DaemonBean extends EmittingBean implements DaemonMXBean {
    private final StatusSource status;
    private final ManagementCommands commands;
    private final String configFile;

    DaemonBean(StatusSource status, ManagementCommands commands, String configFile) {
        super(ObjectNames.daemon(),
                typed(Notifications.VRRP_STATE, "An instance without an MBean (removed by a reload) changed state"),
                typed(Notifications.SYNC_GROUP_STATE, "A sync group without an MBean changed state"),
                typed(Notifications.REAL_SERVER_STATE, "A real server without an MBean went up or down"),
                typed(Notifications.QUORUM, "A virtual server without an MBean gained or lost its quorum"));
        this.status = status;
        this.commands = commands;
        this.configFile = configFile == null ? "" : configFile;
    }

    /** Emits a notification that has no MBean of its own. */
    void emitOrphan(String type, String message, Map<String, Object> items) {
        emit(type, message, items);
    }

    @Override
    public String getVersion() {
        return status.current().version();
    }

    @Override
    public String getRouterId() {
        KeepalivedConfig c = status.current().config();
        return c == null ? "" : text(c.global().routerId());
    }

    @Override
    public String getConfigFile() {
        return configFile;
    }

    @Override
    public long getUptimeMillis() {
        return Math.max(0, (System.nanoTime() - status.current().startedAtNanos()) / 1_000_000);
    }

    @Override
    public long getStatusGeneration() {
        return status.current().generation();
    }

    @Override
    public int getVrrpInstanceCount() {
        KeepalivedConfig c = status.current().config();
        return c == null ? 0 : c.vrrp().instances().size();
    }

    @Override
    public int getMasterCount() {
        return count(VrrpState.MASTER);
    }

    @Override
    public int getBackupCount() {
        return count(VrrpState.BACKUP);
    }

    @Override
    public int getFaultCount() {
        return count(VrrpState.FAULT);
    }

    private int count(VrrpState state) {
        int n = 0;
        for (InstanceStatus i : status.current().instances()) {
            if (i.state() == state) {
                n++;
            }
        }
        return n;
    }

    @Override
    public int getSyncGroupCount() {
        KeepalivedConfig c = status.current().config();
        return c == null ? 0 : c.vrrp().syncGroups().size();
    }

    @Override
    public int getVirtualServerCount() {
        KeepalivedConfig c = status.current().config();
        return c == null ? 0 : c.lvs().virtualServers().size();
    }

    @Override
    public int getRealServerCount() {
        StatusSnapshot s = status.current();
        if (!s.lvs().virtualServers().isEmpty()) {
            return s.lvs().virtualServers().stream().mapToInt(v -> v.realServers().size()).sum();
        }
        KeepalivedConfig c = s.config();
        if (c == null) {
            return 0;
        }
        int n = 0;
        for (VirtualServer vs : c.lvs().virtualServers()) {
            n += vs.realServers().size() + (vs.sorryServer() == null ? 0 : 1);
        }
        return n;
    }

    @Override
    public int getRealServersUp() {
        int n = 0;
        for (LvsStatus.VirtualServerStatus v : status.current().lvs().virtualServers()) {
            for (LvsStatus.RealServerStatus r : v.realServers()) {
                if (r.up()) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public boolean isIpvsAvailable() {
        return status.current().lvs().ipvsAvailable();
    }

    @Override
    public String reload() {
        return commands.reload().name();
    }

    @Override
    public String dump() {
        return text(commands.dump());
    }
}
