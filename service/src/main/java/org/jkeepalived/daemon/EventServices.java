package org.jkeepalived.daemon;

import java.util.function.Consumer;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.event.EventBus;
import org.jkeepalived.notify.fifo.NotifyFifo;
import org.jkeepalived.notify.mail.MailAlerts;
import org.jkeepalived.notify.script.LifecycleScripts;
import org.jkeepalived.notify.script.NotifyScriptSubscriber;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.LinuxScriptRunner;
import org.jkeepalived.track.TrackerRuntime;
import org.jkeepalived.track.TrackerUpdate;
import org.jkeepalived.vrrp.runtime.TrackingPlan;

/**
 * Issue 5's services, wired: the script runner, the event bus with its subscribers (notify scripts, notify
 * FIFOs, SMTP alerts), the trackers, and startup_script / shutdown_script. keepalived's order, observed
 * with 2.2.7: the startup script runs before VRRP starts; at stop the STOP notifications go out, the
 * subscribers get their grace, then the shutdown script runs.
 */
final class EventServices implements AutoCloseable {
    private final Log log = Log.get("notify");
    private final LinuxScriptRunner runner;
    private final LifecycleScripts lifecycle;
    private final EventBus bus;
    private final NotifyScriptSubscriber scripts;
    private final NotifyFifo fifo;
    private final MailAlerts mail;
    private volatile TrackerRuntime trackers;
    private boolean closed;

    /** Runs the startup script (bounded by its timeout), then opens the FIFOs and starts the subscribers. */
    EventServices(KeepalivedConfig config) {
        runner = new LinuxScriptRunner(config.global().scripts(), Log.get("scripts"));
        lifecycle = new LifecycleScripts(config.global().scripts(), runner, log);
        lifecycle.runStartup();
        bus = new EventBus(log);
        scripts = new NotifyScriptSubscriber(runner, log);
        fifo = NotifyFifo.open(config.global().fifos(), runner, log);
        mail = MailAlerts.start(config.global());
        bus.subscribe("notify-scripts", scripts);
        bus.subscribe("notify-fifo", fifo);
        bus.subscribe("mail", mail);
    }

    EventBus bus() {
        return bus;
    }

    /** The script runner (MISC_CHECK scripts run through it too). */
    LinuxScriptRunner scripts() {
        return runner;
    }

    MailAlerts.Counters mailCounters() {
        return mail.counters();
    }

    /**
     * Starts the trackers of {@code config} reporting to {@code sink}, and returns its tracking plan with
     * what they found at start (files read, processes counted).
     */
    TrackingPlan startTrackers(KeepalivedConfig config, Consumer<TrackerUpdate> sink) {
        trackers = new TrackerRuntime(config.tracking(), TrackerRuntime.Tracked.of(config), runner, sink,
                Log.get("vrrp"));
        trackers.start();
        return plan(config).withObserved(trackers.current());
    }

    /** The VRRP trackers' latest reports (empty before they start). */
    java.util.List<TrackerUpdate> trackerStates() {
        TrackerRuntime t = trackers;
        return t == null ? java.util.List.of() : t.current();
    }

    static TrackingPlan plan(KeepalivedConfig config) {
        return TrackingPlan.of(config.vrrp(), config.tracking())
                .withRestateOnReload(config.global().fifos().writeVrrpStatesOnReload());
    }

    /** A reload: new FIFOs, mail settings and lifecycle scripts; trackers keep those that did not change. */
    void reload(KeepalivedConfig next) {
        fifo.reload(next.global());
        mail.update(next.global());
        lifecycle.reload(next.global());
        if (trackers != null) {
            trackers.reload(next.tracking(), TrackerRuntime.Tracked.of(next));
        }
    }

    /** After VRRP stopped: trackers end, queued notifications go out, then the shutdown script runs. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (trackers != null) {
            trackers.stop();
        }
        bus.close();
        scripts.close(NotifyScriptSubscriber.SHUTDOWN_GRACE);
        fifo.close();
        mail.close();
        lifecycle.runShutdown();
        runner.close();
    }
}
