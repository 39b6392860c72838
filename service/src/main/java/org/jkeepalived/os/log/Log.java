package org.jkeepalived.os.log;

import java.util.Locale;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;

/**
 * The one logging facade the daemon's code uses. Messages operators and log-based monitors grep for
 * keep keepalived 2.2's wording (observed from the installed keepalived and its users' logs), e.g.
 * {@code (VI_1) Entering MASTER STATE}: each has its own method so the wording lives in one place and
 * is tested.
 *
 * <p>Detailed messages (keepalived's {@code -D}) are marked {@link #DETAIL} and filtered out unless
 * {@code -D} was given.
 */
public final class Log {
    /** Marks the messages only {@code -D} shows. */
    public static final Marker DETAIL = MarkerManager.getMarker("DETAIL");

    /** Where messages go: log4j in the daemon, a list in tests. */
    @FunctionalInterface
    public interface Sink {
        void write(Level level, boolean detail, String message);
    }

    private final Sink sink;

    private Log(Sink sink) {
        this.sink = sink;
    }

    /** The log of one subsystem ({@code daemon}, {@code vrrp}, {@code check}, ...), through log4j. */
    public static Log get(String subsystem) {
        return new Log(new Log4jSink("jkeepalived." + subsystem));
    }

    /** A log writing to {@code sink} (tests). */
    public static Log to(Sink sink) {
        return new Log(sink);
    }

    // ---- plain messages ----

    public void info(String message) {
        sink.write(Level.INFO, false, message);
    }

    public void warn(String message) {
        sink.write(Level.WARN, false, message);
    }

    public void error(String message) {
        sink.write(Level.ERROR, false, message);
    }

    /** A message shown only with {@code -D}. */
    public void detail(String message) {
        sink.write(Level.INFO, true, message);
    }

    // ---- the daemon's lifecycle: keepalived's wording ----

    /** {@code Starting jkeepalived v0.1.0} (keepalived: {@code Starting Keepalived v2.2.7 (01/16,2022)}). */
    public void starting(String version) {
        info("Starting jkeepalived v" + version);
    }

    public void startupComplete() {
        info("Startup complete");
    }

    public void reloading() {
        info("Reloading");
    }

    public void reloadComplete() {
        info("Reload complete");
    }

    public void stopping() {
        info("Stopping");
    }

    public void stopped(String version) {
        info("Stopped jkeepalived v" + version);
    }

    // ---- VRRP: keepalived's wording ----

    /** {@code (VI_1) Entering MASTER STATE}; {@code state} is MASTER, BACKUP, FAULT, ... */
    public void enteringState(String instance, String state) {
        info("(" + instance + ") Entering " + state.toUpperCase(Locale.ROOT) + " STATE");
    }

    /** {@code (VI_1) Entering BACKUP STATE (init)}. */
    public void enteringState(String instance, String state, String reason) {
        info("(" + instance + ") Entering " + state.toUpperCase(Locale.ROOT) + " STATE (" + reason + ")");
    }

    /** {@code (VI_1) Receive advertisement timeout}: the master-down timer expired in BACKUP. */
    public void receiveAdvertTimeout(String instance) {
        info("(" + instance + ") Receive advertisement timeout");
    }

    /** {@code (VI_1) received lower priority (90) advert from 10.0.0.2 - discarding}. */
    public void lowerPriorityAdvertDiscarded(String instance, int priority, String from) {
        info("(" + instance + ") received lower priority (" + priority + ") advert from " + from + " - discarding");
    }

    /** {@code (VI_1) Received advert from 10.0.0.2 with lower priority 90, ours 100, forcing new election}. */
    public void forcingNewElection(String instance, String from, int theirs, int ours) {
        info("(" + instance + ") Received advert from " + from + " with lower priority " + theirs + ", ours " + ours
                + ", forcing new election");
    }

    /** {@code (VI_1) Master received advert from 10.0.0.2 with higher priority 150, ours 100}. */
    public void masterReceivedHigherPriority(String instance, String from, int theirs, int ours) {
        info("(" + instance + ") Master received advert from " + from + " with higher priority " + theirs + ", ours "
                + ours);
    }

    /** {@code (VI_1) Changing effective priority from 100 to 90}. */
    public void effectivePriorityChanged(String instance, int from, int to) {
        info("(" + instance + ") Changing effective priority from " + from + " to " + to);
    }

    /** {@code (VI_1) sent 0 priority} (detail). */
    public void sentPriorityZero(String instance) {
        detail("(" + instance + ") sent 0 priority");
    }

    /** {@code (VI_1) setting VIPs.} */
    public void settingVips(String instance) {
        info("(" + instance + ") setting VIPs.");
    }

    /** {@code (VI_1) removing VIPs.} */
    public void removingVips(String instance) {
        info("(" + instance + ") removing VIPs.");
    }

    // ---- trackers ----

    /** {@code VRRP_Script(chk) succeeded}. */
    public void scriptSucceeded(String script) {
        info("VRRP_Script(" + script + ") succeeded");
    }

    /** {@code VRRP_Script(chk) failed (exited with status 1)}. */
    public void scriptFailed(String script, int status) {
        info("VRRP_Script(" + script + ") failed (exited with status " + status + ")");
    }

    /** {@code VRRP_Script(chk) timed_out}. */
    public void scriptTimedOut(String script) {
        info("VRRP_Script(" + script + ") timed_out");
    }

    /** {@code Script `chk` now returning 1}. */
    public void scriptNowReturning(String script, int status) {
        info("Script `" + script + "` now returning " + status);
    }

    /** {@code A thread timer expired 1.274642 seconds ago}: the loop ran late (scheduling stall). */
    public void timerExpiredLate(long lateMicros) {
        warn(String.format(Locale.ROOT, "A thread timer expired %d.%06d seconds ago", lateMicros / 1_000_000,
                lateMicros % 1_000_000));
    }

    // ---- checkers ----

    /** {@code Gained quorum 1+0=1 <= 2 for VS [10.0.0.1]:tcp:80}: quorum + hysteresis reached by the alive weight. */
    public void gainedQuorum(long quorum, long hysteresis, long aliveWeight, String virtualServer) {
        info("Gained quorum " + quorum + "+" + hysteresis + "=" + (quorum + hysteresis) + " <= " + aliveWeight
                + " for VS " + virtualServer);
    }

    /** {@code Lost quorum 1-0=1 > 0 for VS [10.0.0.1]:tcp:80}. */
    public void lostQuorum(long quorum, long hysteresis, long aliveWeight, String virtualServer) {
        info("Lost quorum " + quorum + "-" + hysteresis + "=" + (quorum - hysteresis) + " > " + aliveWeight
                + " for VS " + virtualServer);
    }

    /** {@code Removing service [192.168.1.2]:tcp:80 from VS [10.0.0.1]:tcp:80}. */
    public void removingService(String realServer, String virtualServer) {
        info("Removing service " + realServer + " from VS " + virtualServer);
    }

    /** {@code Adding service [192.168.1.2]:tcp:80 to VS [10.0.0.1]:tcp:80}. */
    public void addingService(String realServer, String virtualServer) {
        info("Adding service " + realServer + " to VS " + virtualServer);
    }

    /** log4j behind the facade; the Logger is looked up at the first message so that merely creating a
     * {@code Log} (e.g. in a static field) never initialises log4j before {@link LogSetup} has run. */
    private static final class Log4jSink implements Sink {
        private final String name;
        private volatile Logger logger;

        Log4jSink(String name) {
            this.name = name;
        }

        @Override
        public void write(Level level, boolean detail, String message) {
            Logger l = logger;
            if (l == null) {
                l = LogManager.getLogger(name);
                logger = l;
            }
            l.log(level, detail ? DETAIL : null, message);
        }
    }
}
