package org.jkeepalived.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.ffi.Posix;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.os.SystemdNotify;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.log.LogOptions;
import org.jkeepalived.os.log.LogSetup;
import org.jkeepalived.os.log.UnixSyslogAppender;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.runtime.LinuxVrrpEngine;

/**
 * The running daemon: signals, logging, pid file, configuration, the subsystems (wired here as they
 * are written), then the control loop until SIGTERM/SIGINT. Always in the foreground (keepalived's
 * {@code -n}): systemd, not a fork, makes it a service.
 */
final class Daemon implements ControlLoop.Handler {
    /** keepalived's exit code when it has no configuration file to read at start (2.2.7, observed). */
    static final int EXIT_NO_CONFIG = 6;
    /** Our exit code for a configuration with FATAL findings at start (the {@code -t} code). */
    static final int EXIT_FATAL_CONFIG = 4;
    static final int EXIT_FAILURE = 1;
    /** The VRRP engine once started (at startup, or by the first reload that brings instances). */
    private final AtomicReference<LinuxVrrpEngine> vrrp = new AtomicReference<>();
    /** The LVS services once started (at startup, or by the first reload that brings virtual servers). */
    private final AtomicReference<LvsServices> lvs = new AtomicReference<>();
    private final long startedAtNanos = System.nanoTime();
    private ControlLoop control;
    /** systemd's watchdog pinger, null when systemd asked for none. */
    private volatile Watchdog watchdog;
    /** The notification bus and trackers, once wired (the data dump reads the trackers' states). */
    private volatile EventServices services;
    /** How the real-time signals are handled, logged once logging runs. */
    private String realtimeSignals;
    /**
     * The configuration running, for the status publisher: the lifecycle's own accessor waits for a reload or a
     * stop to finish, and both call into the management services (which would deadlock with a refresh).
     */
    private volatile KeepalivedConfig runningConfig;
    /** keepalived 2.2.7's exit status when its VRRP process refuses the configuration (a missing interface). */
    static final int EXIT_CONFIG_REFUSED = 2;
    static final String IDENT = "jkeepalived";

    private static final GlobalDefs.DumpSettings DEFAULTS = GlobalDefs.defaults("localhost").dumps();

    private final Options options;
    private final String version;
    private final long pid = ProcessHandle.current().pid();
    private final Log log = Log.get("daemon");
    private final SystemdNotify systemd = SystemdNotify.fromEnvironment(System.getenv());
    private Lifecycle lifecycle;

    Daemon(Options options, String version) {
        this.options = options;
        this.version = version;
    }

    int run() {
        ControlLoop loop = new ControlLoop(log);
        control = loop;
        // First of all: from here on a signal is queued, never the JVM's default (HUP would kill us).
        Signals.install(loop);
        realtimeSignals = Signals.installRealtime(loop, org.jkeepalived.ffi.RealtimeSignals.get());
        LogSetup.start(logOptions(options));
        // A thread that dies of an exception (ours: a bug; a library's, e.g. Jolokia's clean-up thread racing our
        // stop at an early exit) leaves one log line, not a stack trace on stderr.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> log.error("Uncaught " + e + " in thread '" + t.getName()
                + "'" + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "")));
        try {
            return runLogged(loop);
        } finally {
            LogSetup.stop();
        }
    }

    private int runLogged(ControlLoop loop) {
        log.starting(version);
        log.info("Running on " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + Runtime.version());
        log.info("Command line: 'jkeepalived' " + options.commandLine().stream().map(a -> "'" + a + "'")
                .collect(Collectors.joining(" ")));
        log.info("Signals: " + realtimeSignals);
        for (String flag : options.notImplemented()) {
            log.warn("Option " + flag + " accepted but not implemented");
        }
        if (options.snmpAgentSocket() != null) {
            log.info("-A " + options.snmpAgentSocket() + " ignored: jkeepalived serves SNMP itself (see snmp_agent)");
        }
        watchdog = startWatchdog();
        try {
            return runWithWatchdog(loop);
        } finally {
            if (watchdog != null) {
                watchdog.close();
            }
        }
    }

    /**
     * systemd's watchdog when it asks for one (and there is a notify socket to ping): started before the
     * configuration is read, since systemd counts from the start; it probes the engines as they appear.
     */
    private Watchdog startWatchdog() {
        var interval = Watchdog.intervalMicros(System.getenv(), pid);
        if (interval.isEmpty() || !systemd.enabled()) {
            return null;
        }
        Watchdog w = new Watchdog(interval.getAsLong(), this::liveLoops, systemd::send, System::nanoTime,
                Log.get("daemon"));
        w.start();
        return w;
    }

    /** The loops running now, for the watchdog. */
    private List<Watchdog.Loop> liveLoops() {
        List<Watchdog.Loop> loops = new java.util.ArrayList<>();
        LinuxVrrpEngine v = vrrp.get();
        if (v != null) {
            loops.add(Watchdog.Loop.of("VRRP loop", v.engine()::probe));
        }
        LvsServices l = lvs.get();
        if (l != null) {
            loops.addAll(l.liveness());
        }
        return loops;
    }

    private int runWithWatchdog(ControlLoop loop) {
        PidFile pidFile;
        try {
            pidFile = PidFile.acquire(options.pidFile(), pid, Posix.get()::processExists);
        } catch (PidFile.AlreadyRunningException | IOException e) {
            fail(e instanceof IOException ? "cannot write pid file " + options.pidFile() + ": " + e : e.getMessage());
            return EXIT_FAILURE;
        }
        lifecycle = new Lifecycle(this::loadConfig, log, System::nanoTime, Instant.now());
        Lifecycle stopping = lifecycle;
        // If the JVM exits by another road (System.exit elsewhere, a second SIGINT after ours is gone),
        // still stop the subsystems and release the pid file; both are idempotent.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.stop();
            pidFile.close();
        }, "jkeepalived-shutdown"));
        try {
            Lifecycle.Outcome first;
            try {
                first = lifecycle.loadInitial();
            } catch (RuntimeException e) {
                fail("cannot load the configuration: " + e);
                return EXIT_FAILURE;
            }
            if (first != Lifecycle.Outcome.APPLIED) {
                fail(first == Lifecycle.Outcome.UNREADABLE ? "no configuration file to run (" + options.configFile()
                        + ") - stopping" : "the configuration has fatal errors - stopping");
                return first == Lifecycle.Outcome.UNREADABLE ? EXIT_NO_CONFIG : EXIT_FATAL_CONFIG;
            }
            int wired = wireSubsystems(lifecycle);
            if (wired != 0) {
                return wired;
            }
            log.startupComplete();
            systemd.ready("Running");
            try {
                loop.run(this);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // The stop takes the engines down: no more liveness to prove (systemd stops its watchdog on STOPPING).
            if (watchdog != null) {
                watchdog.close();
            }
            systemd.stopping();
            log.stopping();
            return 0;
        } finally {
            lifecycle.stop();
            pidFile.close();
            log.stopped(version);
        }
    }

    /** Logs why we cannot start, and says it on stderr too when the log does not go there already. */
    private void fail(String message) {
        log.error(message);
        if (!options.logConsole()) {
            System.err.println("jkeepalived: " + message);
        }
    }

    /**
     * Where each subsystem is started and registers its stop and reload steps ({@code l.onStop},
     * {@code l.onReload}) as the later issues write them (VRRP, checkers, SNMP, JMX), in start order:
     * they stop in reverse. A non-zero exit status when a subsystem cannot start (already logged).
     */
    private int wireSubsystems(Lifecycle l) {
        KeepalivedConfig config = l.config();
        runningConfig = config;
        l.onReload("config", (previous, next) -> runningConfig = next); // first: snapshots show the new configuration
        // Registered early, so it stops late: the STOP notifications of every subsystem go out first.
        EventServices services = new EventServices(config);
        this.services = services;
        // Management is registered before notify so that it stops after it: the STOP notifications of VRRP and
        // LVS still leave as traps and JMX notifications while the bus drains.
        ManagementServices management = management(services);
        l.onStop("management", management::close);
        l.onStop("notify", services::close);
        l.onReload("notify", (previous, next) -> services.reload(next));
        // Before the engines: their first notifications (BACKUP at start) already leave as traps. Snapshots pick the
        // engines up as they start.
        management.start(config, services.bus());
        if (vrrpRuns()) {
            Log vrrpLog = Log.get("vrrp");
            if (!config.vrrp().instances().isEmpty()) {
                int status = startVrrp(config, vrrp, services, vrrpLog);
                if (status != 0) {
                    return status;
                }
            }
            l.onStop("vrrp", () -> {
                LinuxVrrpEngine running = vrrp.get();
                if (running != null) {
                    running.engine().stop();
                }
            });
            l.onReload("vrrp", (previous, next) -> {
                LinuxVrrpEngine running = vrrp.get();
                if (running == null) {
                    // keepalived 2.2.7 observed: a reload that brings the first instances starts VRRP then.
                    if (!next.vrrp().instances().isEmpty()) {
                        startVrrp(next, vrrp, services, vrrpLog);
                    }
                } else if (!running.reload(next.vrrp(), next.global().vrrp(), EventServices.plan(next))) {
                    vrrpLog.error("VRRP reload not applied: the VRRP loop is not running or did not answer");
                }
            });
        }
        if (checkersRun()) {
            wireLvs(l, services);
        }
        l.onReload("management", (previous, next) -> management.reload(next)); // after the engines reloaded
        return 0;
    }

    /** The status publisher over this daemon's engines, and the management services reading it. */
    private ManagementServices management(EventServices services) {
        DaemonStatusSources sources = new DaemonStatusSources(() -> runningConfig, this::vrrpStatus, lvs::get,
                services::trackerStates, Log.get("management"));
        org.jkeepalived.status.StatusPublisher publisher = new org.jkeepalived.status.StatusPublisher(
                IDENT + " " + version, startedAtNanos, sources, System::nanoTime, Log.get("management"));
        DaemonCommands commands = new DaemonCommands(vrrp::get, lvs::get, control, this::dumpFiles);
        return new ManagementServices(IDENT + " " + version, options.configFile().toString(), options.snmp(),
                vrrpRuns(), checkersRun(), publisher, commands);
    }

    /** VRRP runs unless {@code -C} alone (keepalived's checker process only). */
    private boolean vrrpRuns() {
        return !(options.check() && !options.vrrp());
    }

    /** The checkers and LVS run unless {@code -P} alone (keepalived's VRRP process only). */
    private boolean checkersRun() {
        return !(options.vrrp() && !options.check());
    }

    private String dumpFiles() {
        var dumps = runningConfig.global().dumps();
        return dumpPath(dumps.stateDumpFile(), DEFAULTS.stateDumpFile()) + " "
                + dumpPath(dumps.statsDumpFile(), DEFAULTS.statsDumpFile());
    }

    /**
     * LVS (unless {@code -P}): started when the configuration has virtual servers, or by the first reload that
     * brings some; registered after VRRP, so it stops first.
     */
    private void wireLvs(Lifecycle l, EventServices services) {
        if (!l.config().lvs().virtualServers().isEmpty()) {
            lvs.set(LvsServices.start(l.config(), services.bus(), services.scripts(), options.dontReleaseIpvs()));
        }
        l.onStop("lvs", () -> {
            LvsServices running = lvs.getAndSet(null);
            if (running != null) {
                running.close();
            }
        });
        l.onReload("lvs", (previous, next) -> {
            LvsServices running = lvs.get();
            if (running != null) {
                running.reload(next);
            } else if (!next.lvs().virtualServers().isEmpty()) {
                lvs.set(LvsServices.start(next, services.bus(), services.scripts(), options.dontReleaseIpvs()));
            }
        });
    }

    /** Creates and starts the VRRP engine into {@code holder}; a non-zero exit status when it cannot (logged). */
    private int startVrrp(KeepalivedConfig config, AtomicReference<LinuxVrrpEngine> holder, EventServices services,
                          Log vrrpLog) {
        try {
            var process = config.global().process();
            LinuxVrrpEngine vrrp = LinuxVrrpEngine.create(config.vrrp(), config.global().vrrp(), process.vrrpPriority(),
                    process.vrrpRtPriority(), vrrpLog);
            // Trackers first: files read and processes counted before any instance leaves INIT.
            vrrp.engine().coordinate(services.startTrackers(config, vrrp.engine()::tracked), services.bus()::publish);
            vrrp.engine().start();
            holder.set(vrrp);
            return 0;
        } catch (LinuxVrrpEngine.ConfigRefused e) {
            fail(e.getMessage());
            return EXIT_CONFIG_REFUSED;
        } catch (IOException e) {
            int errno = e instanceof NativeException n ? n.errno() : e instanceof NetlinkException n ? n.errno() : 0;
            fail(errno == Errno.EPERM || errno == Errno.EACCES
                    ? "cannot open the VRRP sockets: " + e.getMessage()
                            + " - jkeepalived needs CAP_NET_RAW and CAP_NET_ADMIN (run it as root)"
                    : "cannot start VRRP: " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    private LoadResult loadConfig() {
        log.info("Opening file '" + options.configFile() + "'.");
        return Main.readConfig(options);
    }

    @Override
    public void reload() {
        systemd.reloading();
        lifecycle.reload();
        systemd.ready("Running");
    }

    @Override
    public void dumpData() {
        log.info("Printing data for process(" + pid + ") on signal");
        var config = lifecycle.config();
        EventServices events = services;
        LvsServices l = lvs.get();
        var running = new DataDump.Running(vrrpStatus(), events == null ? List.of() : events.trackerStates(),
                l == null ? null : l.engine().status(), Instant.now(), System.nanoTime());
        write(dumpPath(config.global().dumps().stateDumpFile(), DEFAULTS.stateDumpFile()),
                Dumps.data(version, pid, options.configFile(), lifecycle.status(), config, running));
    }

    @Override
    public void dumpJson() {
        log.info("Printing VRRP as json for process(" + pid + ") on signal");
        var config = lifecycle.config();
        var dumps = config.global().dumps();
        if (dumps.jsonVersion() != 1) {
            log.warn("json_version " + dumps.jsonVersion() + " is not produced: writing json_version 1 (keepalived"
                    + " 2.2.7's layout)");
        }
        write(dumpPath(dumps.jsonDumpFile(), DEFAULTS.jsonDumpFile()),
                JsonDump.render(config, vrrpStatus(), Instant.now(), System.nanoTime()));
    }

    @Override
    public void clearStats() {
        // keepalived 2.2.7 (observed): "Printing and clearing VRRP stats ... on signal": the stats file is written
        // with the counters as they were, then they restart from 0
        log.info("Printing and clearing VRRP stats for process(" + pid + ") on signal");
        LinuxVrrpEngine running = vrrp.get();
        writeStats(running == null ? List.of() : running.engine().clearStats());
    }

    private List<InstanceStatus> vrrpStatus() {
        LinuxVrrpEngine running = vrrp.get();
        return running == null ? List.of() : running.engine().status();
    }

    @Override
    public void dumpStats() {
        log.info("Printing stats for process(" + pid + ") on signal");
        writeStats(vrrpStatus());
    }

    private void writeStats(List<InstanceStatus> instances) {
        write(dumpPath(lifecycle.config().global().dumps().statsDumpFile(), DEFAULTS.statsDumpFile()),
                Dumps.stats(version, pid, options.configFile(), lifecycle.status(), instances));
    }

    /**
     * keepalived puts its default dump files in {@code $TMPDIR} when that is set (2.2.7, observed), the
     * model's defaults say {@code /tmp}: a path equal to the model's default moves to {@code $TMPDIR}.
     */
    static Path dumpPath(String configured, String modelDefault) {
        String tmp = System.getenv("TMPDIR");
        if (configured.equals(modelDefault) && tmp != null && !tmp.isEmpty()) {
            return Path.of(tmp).resolve(Path.of(modelDefault).getFileName());
        }
        return Path.of(configured);
    }

    private void write(Path file, String text) {
        try {
            Dumps.write(file, text);
        } catch (IOException | RuntimeException e) {
            log.error("Cannot write " + file + ": " + e);
        }
    }

    /**
     * The syslog socket is {@code /dev/log} unless the {@code jkeepalived.syslog.socket} system property
     * names another (containers that mount the host's socket elsewhere; tests).
     */
    static LogOptions logOptions(Options o) {
        return new LogOptions(o.logConsole(), !o.noSyslog(), o.logFacility(),
                System.getProperty("jkeepalived.syslog.socket", UnixSyslogAppender.DEV_LOG), o.logFile(), o.logDetail(),
                IDENT);
    }
}
