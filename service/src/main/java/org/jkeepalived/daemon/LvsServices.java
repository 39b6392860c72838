package org.jkeepalived.daemon;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.jkeepalived.check.CheckerProbes;
import org.jkeepalived.check.CheckerRunner;
import org.jkeepalived.check.http.TlsContexts;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.event.EventBus;
import org.jkeepalived.ipvs.kernel.IpvsException;
import org.jkeepalived.ipvs.kernel.IpvsKernel;
import org.jkeepalived.ipvs.kernel.LinuxIpvsKernel;
import org.jkeepalived.ipvs.runtime.HealthCheckers;
import org.jkeepalived.ipvs.runtime.LocalAddressWatch;
import org.jkeepalived.ipvs.runtime.LvsEngine;
import org.jkeepalived.ipvs.sync.VirtualServers.RealServerId;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.netlink.linux.RtnetlinkAddressManager;
import org.jkeepalived.netlink.linux.RtnetlinkMonitor;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.ScriptRunner;
import org.jkeepalived.track.TrackerRuntime;

/**
 * Issue 6's LVS half, wired: the kernel's IPVS (or none), the checkers with every probe kind, and the
 * {@link LvsEngine} between them, publishing on the event bus. Where the kernel has no IPVS, one line says so and
 * the checkers still run (keepalived 2.2.7 stops its checker process instead; a deliberate difference).
 */
final class LvsServices implements AutoCloseable {
    private final Log log = Log.get("lvs");
    private final ExecutorService loop;
    private final CheckerProbes probes;
    private final LvsEngine engine;
    private final TrackerRuntime files;
    private LocalAddressWatch addresses;
    private final boolean release;
    /** The checker runner the engine made (for the watchdog's probe). */
    private volatile CheckerRunner<RealServerId> runner;

    private LvsServices(KeepalivedConfig config, EventBus bus, ScriptRunner scripts, boolean release) {
        this.release = release;
        IpvsKernel kernel = openKernel(log);
        loop = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "lvs");
            t.setDaemon(true);
            return t;
        });
        SSLContext tls;
        try {
            tls = TlsContexts.of(config.lvs().ssl());
        } catch (IllegalArgumentException e) {
            log.error("SSL: " + e.getMessage() + " - SSL_GET checkers use keepalived's default context");
            tls = TlsContexts.of(null);
        }
        probes = new CheckerProbes(tls, scripts);
        Log checkLog = Log.get("check");
        engine = new LvsEngine(kernel, loop,
                sink -> runnerCheckers(runner = CheckerRunner.start(probes, sink, checkLog)), bus::publish, log);
        bus.subscribe("lvs-sync-daemon", engine::onVrrpState);
        engine.start(config);
        // FILE_CHECK: the track_files the real servers follow, watched here (VRRP has trackers of its own)
        files = new TrackerRuntime(config.tracking(), fileChecks(config), scripts, engine::onTracker, checkLog);
        files.start();
        files.current().forEach(engine::onTracker);
        addresses = LvsEngine.anyHaSuspend(config) ? watchAddresses() : null;
    }

    /** The LVS engine (the management plane's status and weight SETs). */
    LvsEngine engine() {
        return engine;
    }

    /** The loops the systemd watchdog probes: the LVS loop and the checker runner. */
    java.util.List<Watchdog.Loop> liveness() {
        java.util.List<Watchdog.Loop> loops = new java.util.ArrayList<>();
        loops.add(Watchdog.Loop.of("LVS loop", answered -> {
            try {
                loop.execute(answered);
                return true;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return false;
            }
        }));
        CheckerRunner<RealServerId> r = runner;
        if (r != null) {
            loops.add(Watchdog.Loop.of("checker runner", r::probe));
        }
        return loops;
    }

    /** ha_suspend: the host's addresses; without netlink, nothing is suspended (logged). */
    private LocalAddressWatch watchAddresses() {
        try {
            return new LocalAddressWatch(RtnetlinkMonitor.open(), RtnetlinkAddressManager.open(),
                    engine::onLocalAddresses, log).start();
        } catch (NetlinkException e) {
            log.error("ha_suspend: cannot watch the host's addresses (" + e.getMessage() + "): checkers not suspended");
            return null;
        }
    }

    private static TrackerRuntime.Tracked fileChecks(KeepalivedConfig config) {
        return new TrackerRuntime.Tracked(java.util.Set.of(), LvsEngine.fileCheckFiles(config), java.util.Set.of());
    }

    /** Starts LVS for {@code config}: programs IPVS and starts the checkers. */
    static LvsServices start(KeepalivedConfig config, EventBus bus, ScriptRunner scripts, boolean dontReleaseIpvs) {
        return new LvsServices(config, bus, scripts, !dontReleaseIpvs);
    }

    static IpvsKernel openKernel(Log log) {
        try {
            return LinuxIpvsKernel.open();
        } catch (IpvsException e) {
            if (e.kind() == IpvsException.Kind.NOT_AVAILABLE) {
                log.warn("IPVS: the kernel has no IPVS (" + e.getMessage() + "): health checkers run, nothing is "
                        + "programmed (modprobe ip_vs, then restart)");
            } else {
                log.error("IPVS: cannot open the kernel's IPVS (" + e.getMessage() + "): health checkers run, "
                        + "nothing is programmed");
            }
            return null;
        }
    }

    void reload(KeepalivedConfig next) {
        engine.reload(next);
        if (addresses == null && LvsEngine.anyHaSuspend(next)) {
            addresses = watchAddresses();
        }
        files.reload(next.tracking(), fileChecks(next));
        files.current().forEach(engine::onTracker);
    }

    @Override
    public void close() {
        if (addresses != null) {
            addresses.close();
        }
        files.stop();
        engine.stop(release);
        loop.shutdown();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        probes.close();
    }

    private static HealthCheckers runnerCheckers(CheckerRunner<RealServerId> runner) {
        return new HealthCheckers() {
            @Override
            public void add(RealServerId id, org.jkeepalived.config.model.lvs.RealServer rs, Boolean initiallyUp) {
                runner.add(id, rs, initiallyUp);
            }

            @Override
            public void report(RealServerId id, int index, boolean up, String reason, Integer weight) {
                runner.report(id, index, up, reason, weight);
            }

            @Override
            public void suspend(RealServerId id, boolean suspended) {
                runner.suspend(id, suspended);
            }

            @Override
            public void remove(RealServerId id) {
                runner.remove(id);
            }

            @Override
            public void close() {
                runner.close();
            }
        };
    }
}
