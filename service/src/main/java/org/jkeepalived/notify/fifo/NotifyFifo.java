package org.jkeepalived.notify.fifo;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.global.GlobalDefs.Fifo;
import org.jkeepalived.config.model.global.GlobalDefs.FifoSettings;
import org.jkeepalived.event.Event;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.ScriptRunner;

/**
 * Writes events to the notify FIFOs (f.2): VRRP lines to {@code notify_fifo} and {@code vrrp_notify_fifo}
 * (each line to each one set), LVS lines ({@link #writeLvsLine}) to {@code notify_fifo} and
 * {@code lvs_notify_fifo}. Lines are keepalived 2.2.7's, observed: {@code INSTANCE "VI_1" MASTER 100},
 * {@code GROUP "G1" BACKUP 0}, {@code INSTANCE "VI_1" MASTER_RX_LOWER_PRI 100} (our priority),
 * {@code INSTANCE "VI_1" MASTER_PRIORITY 105} / {@code BACKUP_PRIORITY} (notify_priority_changes).
 *
 * <p>Writes never block: a full pipe drops the line and counts it (keepalived ignores EAGAIN), so the
 * subscriber thread is never held by a slow reader. Each {@code *_fifo_script} is started once its FIFO is
 * open, with the FIFO's path appended as its last argument, and gets SIGTERM at close (observed: keepalived
 * starts them after creating and opening the FIFOs and SIGTERMs their process groups when it stops).
 *
 * <p>keepalived SIGTERMs the FIFO scripts before it writes the STOP lines, so their readers never see them;
 * we deliberately close after the STOP lines were written (the daemon closes the bus first).
 *
 * <p>Reload ({@link #reload}): a FIFO whose path, owner and script are unchanged stays open and its script
 * keeps running; a changed one is closed (script SIGTERMed, FIFO removed if we created it) and the new one
 * opened. {@code fifo_write_vrrp_states_on_reload} is the engine's business: when set it publishes every
 * instance's and group's current state after the reload, and those events arrive here as any other.
 */
public final class NotifyFifo implements Consumer<Event>, AutoCloseable {
    private final ScriptRunner runner;
    private final Log log;
    private Endpoint notifyFifo;
    private Endpoint vrrpFifo;
    private Endpoint lvsFifo;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private NotifyFifo(ScriptRunner runner, Log log) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Creates and opens the configured FIFOs and starts their scripts. A FIFO that cannot be set up is
     * logged and left out; the others work.
     */
    public static NotifyFifo open(FifoSettings settings, ScriptRunner runner, Log log) {
        NotifyFifo n = new NotifyFifo(runner, log);
        n.reload(settings);
        return n;
    }

    /** The line keepalived writes for {@code event}, or null when it writes none. */
    public static String lineFor(Event event) {
        if (event instanceof Event.VrrpStateChanged e) {
            int priority = e.target().type() == Event.TargetType.GROUP ? 0 : e.priority();
            return line(e.target(), e.state().name(), priority);
        }
        if (event instanceof Event.MasterRxLowerPriority e) {
            return line(e.target(), "MASTER_RX_LOWER_PRI", e.priority());
        }
        if (event instanceof Event.VrrpPriorityChanged e && e.target().notifyPriorityChanges()) {
            return switch (e.state()) {
                case MASTER -> line(e.target(), "MASTER_PRIORITY", e.priority());
                case BACKUP -> line(e.target(), "BACKUP_PRIORITY", e.priority());
                default -> null;
            };
        }
        return null;
    }

    /** The LVS line keepalived writes for {@code event} (f.2), or null when it is not an LVS event. */
    public static String lvsLineFor(Event event) {
        if (event instanceof Event.RealServerChanged e) {
            return "RS " + e.realServer() + " " + e.virtualServer() + " " + (e.up() ? "UP" : "DOWN");
        }
        if (event instanceof Event.QuorumChanged e) {
            return "VS " + e.virtualServer() + " " + (e.up() ? "UP" : "DOWN");
        }
        return null;
    }

    private static String line(Event.Target t, String what, int priority) {
        return t.type().name() + " \"" + t.name() + "\" " + what + " " + priority;
    }

    @Override
    public synchronized void accept(Event event) {
        if (event instanceof Event.VrrpStatesRestated restated) {
            // fifo_write_vrrp_states_on_reload: every current state again, for the FIFOs only.
            restated.states().forEach(this::accept);
            return;
        }
        String lvs = lvsLineFor(event);
        if (lvs != null) {
            writeLvsLine(lvs);
            return;
        }
        String line = lineFor(event);
        if (line != null) {
            write(notifyFifo, line);
            write(vrrpFifo, line);
        }
    }

    /** For the checker (issue 6): an LVS line such as {@code VS [192.168.201.15]:tcp:80 UP}. */
    public synchronized void writeLvsLine(String line) {
        write(notifyFifo, line);
        write(lvsFifo, line);
    }

    /** {@link #reload(FifoSettings)} with the FIFO settings of a reloaded global_defs. */
    public void reload(GlobalDefs globalDefs) {
        reload(globalDefs == null ? null : globalDefs.fifos());
    }

    /** Applies new settings after a reload: unchanged FIFOs stay open, changed ones are reopened. */
    public synchronized void reload(FifoSettings settings) {
        FifoSettings s = settings == null ? new FifoSettings(null, null, null, false, false) : settings;
        notifyFifo = replace(notifyFifo, s.notifyFifo(), "notify_fifo");
        vrrpFifo = replace(vrrpFifo, s.vrrpNotifyFifo(), "vrrp_notify_fifo");
        lvsFifo = replace(lvsFifo, s.lvsNotifyFifo(), "lvs_notify_fifo");
    }

    private Endpoint replace(Endpoint old, Fifo wanted, String keyword) {
        if (old != null && sameFifo(old.config, wanted)) {
            return old;
        }
        if (old != null) {
            old.close();
        }
        if (wanted == null || wanted.path() == null) {
            return null;
        }
        FifoFile file;
        try {
            file = FifoFile.open(wanted.path(), wanted.user(), wanted.group());
        } catch (IOException | RuntimeException | LinkageError e) { // LinkageError: no native libc binding
            log.error(keyword + ": " + e.getMessage());
            return null;
        }
        ScriptRunner.Running script = null;
        if (wanted.script() != null) {
            try {
                script = runner.start(wanted.script(), List.of(wanted.path()));
            } catch (IOException | RuntimeException e) {
                log.error("Failed to exec " + keyword + "_script " + wanted.script().commandLine() + ": "
                        + e.getMessage());
            }
        }
        return new Endpoint(wanted, file, script);
    }

    /** Same FIFO, owner and script: a reload that moved the line in the file changes nothing. */
    static boolean sameFifo(Fifo a, Fifo b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.path(), b.path()) && Objects.equals(a.user(), b.user())
                && Objects.equals(a.group(), b.group()) && sameScript(a.script(), b.script());
    }

    private static boolean sameScript(ScriptCommand a, ScriptCommand b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.argv().equals(b.argv()) && Objects.equals(a.user(), b.user()) && Objects.equals(a.group(), b.group());
    }

    private void write(Endpoint e, String line) {
        if (e == null) {
            return;
        }
        if (e.file.writeLine(line)) {
            written.incrementAndGet();
            return;
        }
        dropped.incrementAndGet();
        // A full pipe can take a shorter line again at once, so drops come interleaved: log the first and
        // then every 1000th rather than each streak.
        if (e.dropped++ % 1000 == 0) {
            log.warn("notify fifo " + e.config.path() + ": " + e.file.lastError() + " - line dropped ("
                    + e.dropped + " dropped so far)");
        }
    }

    /** Lines written, summed over the FIFOs. */
    public long writtenLines() {
        return written.get();
    }

    /** Lines dropped because a FIFO was full (or the write failed), summed over the FIFOs. */
    public long droppedLines() {
        return dropped.get();
    }

    /** SIGTERMs the FIFO scripts, closes the FIFOs and removes those this process created. */
    @Override
    public synchronized void close() {
        reload((FifoSettings) null);
    }

    private static final class Endpoint {
        final Fifo config;
        final FifoFile file;
        final ScriptRunner.Running script;
        long dropped;

        Endpoint(Fifo config, FifoFile file, ScriptRunner.Running script) {
            this.config = config;
            this.file = file;
            this.script = script;
        }

        void close() {
            if (script != null && script.alive()) {
                script.terminate();
            }
            file.close();
        }
    }
}
