package org.jkeepalived.daemon;

import java.util.function.Consumer;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.jkeepalived.config.model.manage.PrometheusConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.EventBus;
import org.jkeepalived.jmx.server.ManagementServer;
import org.jkeepalived.metrics.MetricsServer;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.snmp.SnmpAgent;
import org.jkeepalived.snmp.TrapForwarder;
import org.jkeepalived.snmp.mib.Mibs;
import org.jkeepalived.snmp.mib.SnmpWrites;
import org.jkeepalived.snmp.mib.TrapMapper;
import org.jkeepalived.status.StatusPublisher;

/**
 * The management services, wired: the status publisher (the one snapshot SNMP, JMX, Jolokia and Prometheus
 * read), the SNMP agent and its notifications, the MXBeans and theirs, Jolokia, remote JMX and the Prometheus
 * endpoint. A part that cannot start (a port in use, an unreadable file) is logged and the daemon runs on without
 * it: management never stops VRRP.
 *
 * <p>The bus subscriptions live as long as the daemon; what they forward to changes with a reload.
 */
final class ManagementServices implements AutoCloseable {
    /** Counters are at most this old; states are published within ~20 ms of their change (StatusPublisher). */
    static final long REFRESH_MILLIS = 1_000;

    private final Log log = Log.get("management");
    private final String sysDescr;
    private final String configFile;
    private final boolean dashX;
    private final boolean vrrpRuns;
    private final boolean checkersRun;
    private final StatusPublisher publisher;
    private final ManagementCommands commands;
    /** Counted down once the agent and the beans started (or failed to). */
    private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    private static final java.time.Duration START_WAIT = java.time.Duration.ofSeconds(30);
    private Thread starter;
    private boolean closed;
    private volatile Consumer<Event> traps = e -> { };
    private volatile Consumer<Event> notifications = e -> { };
    private SnmpAgent snmp;
    private Served served;
    private SnmpAgentConfig snmpConfig;
    private ManagementConfig jmxConfig;
    private ManagementServer jmx;
    private PrometheusConfig prometheusConfig;
    private MetricsServer prometheus;

    /**
     * @param vrrpRuns    VRRP runs ({@code -P} or no option): the vrrp subtree and the RFC MIBs may be served
     * @param checkersRun the checkers run ({@code -C} or no option): the check subtree may be served
     */
    ManagementServices(String sysDescr, String configFile, boolean dashX, boolean vrrpRuns, boolean checkersRun,
                       StatusPublisher publisher, ManagementCommands commands) {
        this.sysDescr = sysDescr;
        this.configFile = configFile;
        this.dashX = dashX;
        this.vrrpRuns = vrrpRuns;
        this.checkersRun = checkersRun;
        this.publisher = publisher;
        this.commands = commands;
    }

    /**
     * Subscribes to the bus and publishes the first snapshot at once; the agent, the MXBeans, Jolokia and remote
     * JMX start on a thread of their own, so that loading them never delays VRRP's start. Notifications published
     * meanwhile wait in their subscribers' queues until the agent and the beans are there.
     */
    synchronized void start(KeepalivedConfig config, EventBus bus) {
        bus.subscribe("status", publisher);
        bus.subscribe("snmp-traps", e -> {
            awaitStarted("a trap");
            traps.accept(e);
        });
        bus.subscribe("jmx-notifications", e -> {
            awaitStarted("a JMX notification");
            notifications.accept(e);
        });
        publisher.refresh();
        publisher.start(REFRESH_MILLIS);
        starter = new Thread(() -> {
            try {
                synchronized (this) {
                    if (!closed) {
                        MetricsServer.limitSlowRequests(); // before the first JDK HTTP server (Jolokia's too)
                        startSnmp(config);
                        startPrometheus(config.management().prometheus());
                        startJmx(config.management());
                    }
                }
            } finally {
                started.countDown();
            }
        }, "management-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Waits until the agent and the beans started, at most {@link #START_WAIT}; then {@code what} goes on anyway. */
    private void awaitStarted(String what) {
        try {
            if (!started.await(START_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                log.warn("management: still starting after " + START_WAIT.toSeconds() + " s; " + what
                        + " goes on without waiting");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void startSnmp(KeepalivedConfig config) {
        served = served(config);
        snmpConfig = config.management().snmpAgent();
        if (!served.any()) {
            return;
        }
        try {
            snmp = SnmpAgent.start(snmpConfig, publisher, Mibs.tree(served), new SnmpWrites(publisher, commands, served),
                    sysDescr, SnmpAgent.engineIdFor(config.global().routerId()), Log.get("snmp"));
            if (served.traps()) {
                traps = new TrapForwarder(TrapMapper.of(served), publisher, snmp::send);
            }
        } catch (RuntimeException e) {
            log.error("SNMP: cannot start the agent: " + e.getMessage() + " - running without SNMP");
        }
    }

    private Served served(KeepalivedConfig config) {
        return Served.of(config.global().snmp(), dashX).runningOnly(vrrpRuns, checkersRun);
    }

    private void stopSnmp() {
        traps = e -> { };
        if (snmp != null) {
            snmp.close();
            snmp = null;
        }
    }

    private void startPrometheus(PrometheusConfig config) {
        prometheusConfig = config;
        if (!config.enabled()) {
            return;
        }
        try {
            prometheus = MetricsServer.start(config, publisher, System::nanoTime, Log.get("prometheus"));
            log.info("Prometheus: serving http://" + hostText(config.host()) + ":" + prometheus.address().getPort()
                    + MetricsServer.PATH);
        } catch (RuntimeException e) {
            log.error("Prometheus: cannot start: " + e.getMessage() + " - running without the /metrics endpoint");
        }
    }

    private static String hostText(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
            prometheus = null;
        }
    }

    private void startJmx(ManagementConfig config) {
        jmxConfig = config;
        try {
            jmx = ManagementServer.start(config, publisher, commands, Log.get("jmx"), configFile);
            notifications = jmx.notifier();
        } catch (RuntimeException e) {
            log.error("JMX: cannot start: " + e.getMessage() + " - running without JMX and Jolokia");
        }
    }

    private void stopJmx() {
        notifications = e -> { };
        if (jmx != null) {
            jmx.close();
            jmx = null;
        }
    }

    /**
     * After a reload: a new snapshot at once, the MXBeans follow the new configuration, and an agent or endpoint
     * whose settings changed restarts (keepalived cannot re-enable SNMP without a restart; we can).
     */
    void reload(KeepalivedConfig next) {
        awaitStarted("the reload"); // a reload during the start applies after it
        synchronized (this) {
            reloadStarted(next);
        }
    }

    private void reloadStarted(KeepalivedConfig next) {
        publisher.refresh();
        if (!served(next).equals(served) || !next.management().snmpAgent().equals(snmpConfig)) {
            stopSnmp();
            startSnmp(next);
        }
        if (!next.management().prometheus().equals(prometheusConfig)) {
            stopPrometheus();
            startPrometheus(next.management().prometheus());
        }
        if (!next.management().jolokia().equals(jmxConfig.jolokia())
                || !next.management().jmxRemote().equals(jmxConfig.jmxRemote())) {
            stopJmx();
            startJmx(next.management());
        } else if (jmx != null) {
            jmx.registry().sync();
        }
    }

    @Override
    public void close() {
        awaitStarted("the stop");
        synchronized (this) {
            closed = true;
            stopAll();
        }
    }

    private void stopAll() {
        stopSnmp();
        stopPrometheus();
        stopJmx();
        publisher.close();
    }
}
