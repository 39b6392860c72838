package org.jkeepalived.ipvs.sync;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jkeepalived.config.model.lvs.Forwarding;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.VirtualServer;

/**
 * One virtual server's real servers and quorum as keepalived keeps them (reference d), pure: check results
 * go in, the destinations IPVS should hold and the changes to announce come out. No kernel, no clock.
 * <ul>
 * <li>A real server starts up, or down with {@code alpha}; one without checkers is always up.</li>
 * <li>Up: a destination with its weight ({@code misc_dynamic} may replace the configured weight). Down: no
 *     destination, or weight 0 with {@code inhibit_on_failure}.</li>
 * <li>Quorum: {@code sum} is the weight of the live real servers. Lost when up and {@code sum == 0} or
 *     {@code sum < quorum - hysteresis}; gained when down and {@code sum >= quorum + hysteresis}. It starts
 *     lost and {@link #settle} gains it at once when the live weight allows, announced as a change:
 *     keepalived 2.2.7 logs and mails "Gained quorum 2+0=2 <= 2 for VS ..." at start (observed).</li>
 * <li>While quorum is lost and a sorry server is configured, the sorry server is the only destination
 *     (the live real servers leave the pool, as keepalived's "Removing alive servers from the pool");
 *     with {@code sorry_server_inhibit} it stays at weight 0 once quorum is back.</li>
 * </ul>
 */
public final class VirtualServerState {

    /** A destination IPVS should hold for this virtual server. */
    public record Destination(InetAddress address, int port, Forwarding forwarding, long weight, long uthreshold,
                              long lthreshold) {
    }

    /** What changed, for notify scripts, FIFOs, mail and traps. */
    public sealed interface Change {
        /** A real server came up or went down (its notify_up / notify_down). */
        record RealServerChanged(RealServer server, boolean up, String reason) implements Change {
        }

        /**
         * Quorum gained or lost (quorum_up / quorum_down), with keepalived's wording, e.g.
         * {@code Gained quorum 1+0=1 <= 2 for VS [10.0.0.1]:tcp:80}.
         */
        record QuorumChanged(boolean up, long sum, String message) implements Change {
        }
    }

    private final VirtualServer vs;
    private final String name;
    private final Map<RealServer, Boolean> up = new LinkedHashMap<>();
    private final Map<RealServer, Long> dynamicWeight = new LinkedHashMap<>();
    private boolean quorumUp;

    /** @param name how the virtual server is named in log lines, e.g. {@code [10.0.0.1]:tcp:80} */
    public VirtualServerState(VirtualServer vs, String name) {
        this.vs = Objects.requireNonNull(vs, "vs");
        this.name = Objects.requireNonNull(name, "name");
        for (RealServer rs : vs.realServers()) {
            up.put(rs, rs.checkers().isEmpty() || !rs.alpha());
        }
        quorumUp = false; // keepalived starts without quorum and gains it at once, announced (observed): settle()
    }

    /**
     * The state after a reload: each real server that was already there (same address and port) keeps its up or
     * down state, a new one starts as at start, and the quorum state is carried; call {@link #settle} to
     * re-evaluate the quorum against the new settings. keepalived keeps a real server's state across a reload.
     */
    public static VirtualServerState carried(VirtualServer vs, String name, VirtualServerState previous) {
        VirtualServerState s = new VirtualServerState(vs, name);
        Map<java.net.InetSocketAddress, Boolean> before = new java.util.HashMap<>();
        previous.up.forEach((rs, isUp) -> before.put(new java.net.InetSocketAddress(rs.address(), rs.port()), isUp));
        for (RealServer rs : vs.realServers()) {
            Boolean was = before.get(new java.net.InetSocketAddress(rs.address(), rs.port()));
            if (was != null) {
                s.up.put(rs, was);
            }
        }
        s.quorumUp = previous.quorumUp;
        return s;
    }

    /** Evaluates the quorum (at start, and after {@link #carried}): the change to announce, if any. */
    public List<Change> settle() {
        List<Change> out = new ArrayList<>();
        quorum(out);
        return out;
    }

    public VirtualServer virtualServer() {
        return vs;
    }

    public String name() {
        return name;
    }

    /** A live real server's current weight ({@code misc_dynamic} may have replaced the configured one). */
    public long currentWeight(RealServer rs) {
        return weight(rs);
    }

    public boolean quorumUp() {
        return quorumUp;
    }

    public boolean up(RealServer rs) {
        return Boolean.TRUE.equals(up.get(rs));
    }

    /** The weight of the live real servers (the quorum's sum). */
    public long sum() {
        long sum = 0;
        for (Map.Entry<RealServer, Boolean> e : up.entrySet()) {
            if (e.getValue()) {
                sum += weight(e.getKey());
            }
        }
        return sum;
    }

    private long weight(RealServer rs) {
        return dynamicWeight.getOrDefault(rs, rs.weight());
    }

    /**
     * A real server's checkers agree on a new state ({@code up}: all up). Unknown servers and repeats of
     * the current state change nothing.
     */
    public List<Change> onRealServer(RealServer rs, boolean isUp, String reason) {
        Boolean was = up.get(rs);
        if (was == null || was == isUp) {
            return List.of();
        }
        up.put(rs, isUp);
        List<Change> out = new ArrayList<>();
        out.add(new Change.RealServerChanged(rs, isUp, reason));
        quorum(out);
        return out;
    }

    /** {@code misc_dynamic}: a new weight for a live real server; may move the quorum. */
    public List<Change> onWeight(RealServer rs, long weight) {
        if (!up.containsKey(rs) || weight(rs) == weight) {
            return List.of();
        }
        dynamicWeight.put(rs, weight);
        List<Change> out = new ArrayList<>();
        quorum(out);
        return out;
    }

    private void quorum(List<Change> out) {
        long sum = sum();
        long q = vs.quorum();
        long h = vs.hysteresis();
        if (quorumUp && (sum == 0 || sum < q - h)) {
            quorumUp = false;
            out.add(new Change.QuorumChanged(false, sum, "Lost quorum " + q + "-" + h + "=" + (q - h) + " > " + sum
                    + " for VS " + name));
        } else if (!quorumUp && sum >= q + h) {
            quorumUp = true;
            out.add(new Change.QuorumChanged(true, sum, "Gained quorum " + q + "+" + h + "=" + (q + h) + " <= " + sum
                    + " for VS " + name));
        }
    }

    /** The destinations IPVS should hold now, real servers in config order, then the sorry server. */
    public List<Destination> destinations() {
        List<Destination> out = new ArrayList<>();
        VirtualServer.SorryServer sorry = vs.sorryServer();
        boolean sorryActive = sorry != null && !quorumUp;
        if (!sorryActive) {
            for (RealServer rs : vs.realServers()) {
                if (up(rs)) {
                    out.add(destination(rs, weight(rs)));
                } else if (rs.inhibitOnFailure()) {
                    out.add(destination(rs, 0));
                }
            }
        }
        if (sorry != null && (sorryActive || sorry.inhibitOnFailure())) {
            out.add(new Destination(sorry.address(), sorry.port(), sorry.lvsMethod(), sorryActive ? 1 : 0, 0, 0));
        }
        return out;
    }

    private static Destination destination(RealServer rs, long weight) {
        return new Destination(rs.address(), rs.port(), rs.lvsMethod(), weight, rs.uthreshold(), rs.lthreshold());
    }
}
