package org.jkeepalived.ipvs.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.Set;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.global.GlobalDefs.LvsSyncDaemon;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.ipvs.kernel.IpvsException;
import org.jkeepalived.ipvs.kernel.IpvsKernel;
import org.jkeepalived.ipvs.kernel.IpvsSyncDaemon;
import org.jkeepalived.os.log.Log;

/**
 * {@code lvs_sync_daemon}: the kernel's connection sync daemons. Without a VRRP instance both the master and the
 * backup daemon run; with one, the backup runs until the instance becomes MASTER, then the master runs instead
 * (keepalived.conf(5), lvs_sync_daemon). Called on the LVS loop only.
 */
final class SyncDaemons {
    private final IpvsKernel kernel;
    private final Log log;
    private LvsSyncDaemon config;
    private int syncId;
    private final Set<IpvsSyncDaemon.State> running = EnumSet.noneOf(IpvsSyncDaemon.State.class);

    SyncDaemons(IpvsKernel kernel, Log log) {
        this.kernel = kernel;
        this.log = log;
    }

    /** Starts the daemons {@code config} asks for (stopping those it no longer does). */
    void configure(KeepalivedConfig config) {
        LvsSyncDaemon next = config.global().lvs().syncDaemon();
        int nextId = next == null ? 0 : syncId(next, config);
        if (next != null && next.equals(this.config) && nextId == syncId) {
            return;
        }
        stopAll();
        this.config = next;
        this.syncId = nextId;
        if (next != null) {
            if (next.vrrpInstance() == null) {
                start(IpvsSyncDaemon.State.MASTER);
            }
            start(IpvsSyncDaemon.State.BACKUP);
        }
    }

    /** The tracked VRRP instance changed state: the master daemon runs while it is MASTER, else the backup. */
    void onVrrpState(String instance, boolean master) {
        if (config == null || config.vrrpInstance() == null || !config.vrrpInstance().equals(instance)) {
            return;
        }
        IpvsSyncDaemon.State want = master ? IpvsSyncDaemon.State.MASTER : IpvsSyncDaemon.State.BACKUP;
        IpvsSyncDaemon.State other = master ? IpvsSyncDaemon.State.BACKUP : IpvsSyncDaemon.State.MASTER;
        if (running.contains(other)) {
            stop(other);
        }
        if (!running.contains(want)) {
            start(want);
        }
    }

    void stopAll() {
        for (IpvsSyncDaemon.State s : EnumSet.copyOf(running)) {
            stop(s);
        }
    }

    private void start(IpvsSyncDaemon.State state) {
        try {
            InetAddress group = config.group() == null ? null : InetAddress.getByName(config.group());
            kernel.startSyncDaemon(new IpvsSyncDaemon(state, config.interfaceName(), syncId,
                    config.maxlen() == null ? 0 : config.maxlen(), group, config.port() == null ? 0 : config.port(),
                    config.ttl() == null ? 0 : config.ttl()));
            running.add(state);
            log.info("Starting IPVS " + state.name().toLowerCase(java.util.Locale.ROOT) + " sync daemon on "
                    + config.interfaceName() + " (syncid " + syncId + ")");
        } catch (IpvsException | UnknownHostException | IllegalArgumentException e) {
            log.error("IPVS: cannot start the " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + " sync daemon on " + config.interfaceName() + ": " + e.getMessage());
        }
    }

    private void stop(IpvsSyncDaemon.State state) {
        running.remove(state);
        try {
            kernel.stopSyncDaemon(state);
        } catch (IpvsException e) {
            log.warn("IPVS: cannot stop the " + state.name().toLowerCase(java.util.Locale.ROOT) + " sync daemon: "
                    + e.getMessage());
        }
    }

    /** {@code id}, else the VRID of the instance it follows, else 0 (keepalived.conf(5)). */
    private static int syncId(LvsSyncDaemon d, KeepalivedConfig config) {
        if (d.syncId() >= 0) {
            return d.syncId();
        }
        if (d.vrrpInstance() != null) {
            for (VrrpInstance i : config.vrrp().instances()) {
                if (i.name().equals(d.vrrpInstance())) {
                    return i.virtualRouterId();
                }
            }
        }
        return 0;
    }
}
