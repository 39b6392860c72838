package org.jkeepalived.ipvs.runtime;

import java.util.List;
import java.util.function.Consumer;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.event.Event;
import org.jkeepalived.ipvs.sync.VirtualServerState;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.os.log.Log;

/**
 * The LVS runtime's words: keepalived's log lines for real server and quorum changes, and the events published for
 * them (notify_up/down, quorum_up/down, FIFO, mail). Called on the LVS loop.
 */
final class LvsAnnouncer {
    private final Consumer<Event> publish;
    private final Log log;

    LvsAnnouncer(Consumer<Event> publish, Log log) {
        this.publish = publish;
        this.log = log;
    }

    /** Logs and publishes {@code changes}; {@code checkerKind} is the checker whose result caused them, or null. */
    void changes(VirtualServers.Entry e, List<VirtualServerState.Change> changes, String checkerKind) {
        VirtualServer vs = e.vs();
        for (VirtualServerState.Change c : changes) {
            if (c instanceof VirtualServerState.Change.RealServerChanged r) {
                RealServer rs = r.server();
                String rsName = VirtualServers.name(vs, rs);
                log.info((r.up() ? (rs.inhibitOnFailure() ? "Enabling service " : "Adding service ")
                        : (rs.inhibitOnFailure() ? "Disabling service " : "Removing service "))
                        + rsName + (r.up() ? " to VS " : " from VS ") + e.name());
                publish.accept(new Event.RealServerChanged(e.name(), rsName, r.up(),
                        r.up() ? rs.notifyUp() : rs.notifyDown(), rs.smtpAlert(), r.reason(), checkerKind));
            } else if (c instanceof VirtualServerState.Change.QuorumChanged q) {
                log.info(q.message());
                sorryServer(e, !q.up());
                publish.accept(new Event.QuorumChanged(e.name(), q.up(), q.up() ? vs.quorumUp() : vs.quorumDown(),
                        vs.smtpAlert(), q.message(), up(e)));
            }
        }
    }

    /**
     * The quorum gained at start: logged as "Gained quorum ...", announced (mail) as "Starting with quorum up ..."
     * (keepalived 2.2.7, observed).
     */
    void start(VirtualServers.Entry e) {
        List<VirtualServerState.Change> gained = e.state().settle();
        for (VirtualServerState.Change c : gained) {
            if (c instanceof VirtualServerState.Change.QuorumChanged q) {
                log.info(q.message());
                publish.accept(new Event.QuorumChanged(e.name(), true, e.vs().quorumUp(), e.vs().smtpAlert(),
                        q.message().replace("Gained quorum", "Starting with quorum up"), up(e)));
            }
        }
        VirtualServer vs = e.vs();
        if (gained.isEmpty() && !e.state().quorumUp() && vs.sorryServer() != null) {
            // keepalived 2.2.7 (observed): with a sorry server, a quorum not met at start is announced as lost
            // and quorum_down runs; without one, nothing is said until it is gained
            String words = "Starting with quorum down " + vs.quorum() + "-" + vs.hysteresis() + "="
                    + (vs.quorum() - vs.hysteresis()) + " > " + e.state().sum() + " for VS " + e.name();
            log.info(words);
            sorryServer(e, true);
            publish.accept(new Event.QuorumChanged(e.name(), false, vs.quorumDown(), vs.smtpAlert(), words, up(e)));
        }
    }

    /**
     * keepalived's lines for the sorry server swap (2.2.7, observed): {@code Adding sorry server [10.0.9.9]:tcp:80 to
     * VS ...} then {@code Removing alive servers from the pool for VS ...}, and back with {@code Removing sorry server
     * ... from VS ...} then {@code Adding alive servers to the pool for VS ...}; with {@code sorry_server_inhibit}
     * the sorry server is "Enabling" / "Disabling" instead, as it stays in at weight 0.
     */
    private void sorryServer(VirtualServers.Entry e, boolean in) {
        VirtualServer.SorryServer sorry = e.vs().sorryServer();
        if (sorry == null) {
            return;
        }
        String name = VirtualServers.name(e.vs(), sorry.address(), sorry.port());
        if (sorry.inhibitOnFailure()) {
            log.info((in ? "Enabling sorry server " : "Disabling sorry server ") + name
                    + (in ? " to VS " : " from VS ") + e.name());
        } else {
            log.info((in ? "Adding sorry server " : "Removing sorry server ") + name
                    + (in ? " to VS " : " from VS ") + e.name());
        }
        log.info((in ? "Removing alive servers from the pool for VS " : "Adding alive servers to the pool for VS ")
                + e.name());
    }

    /** Its real servers up now: the trap's virtualServerRealServersUp, exact where a snapshot may lag. */
    private static int up(VirtualServers.Entry e) {
        int n = 0;
        for (RealServer rs : e.vs().realServers()) {
            n += e.state().up(rs) ? 1 : 0;
        }
        return n;
    }

    /** rs_init_notifies: every real server's state at start is announced, not only later changes. */
    void initialStates(VirtualServers.Entry e) {
        for (RealServer rs : e.vs().realServers()) {
            boolean up = e.state().up(rs);
            publish.accept(new Event.RealServerChanged(e.name(), VirtualServers.name(e.vs(), rs), up,
                    up ? rs.notifyUp() : rs.notifyDown(), rs.smtpAlert(), up ? "" : "initial state", null));
        }
    }

    /** omega: at shutdown the live real servers and a held quorum are announced as going down. */
    void omega(VirtualServers.Entry e) {
        VirtualServer vs = e.vs();
        for (RealServer rs : vs.realServers()) {
            if (e.state().up(rs)) {
                publish.accept(new Event.RealServerChanged(e.name(), VirtualServers.name(vs, rs), false,
                        rs.notifyDown(), rs.smtpAlert(), "shutdown", null));
            }
        }
        if (e.state().quorumUp()) {
            publish.accept(new Event.QuorumChanged(e.name(), false, vs.quorumDown(), vs.smtpAlert(),
                    "Lost quorum at shutdown for VS " + e.name()));
        }
    }
}
