package org.jkeepalived.vrrp.sim;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;
import org.jkeepalived.vrrp.Action;
import org.jkeepalived.vrrp.ReceivedAdvert;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.VirtualRouter;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * A deterministic discrete-event simulation of several {@link VirtualRouter}s (tier 3). One priority queue
 * of (time, sequence, event) plus each router's own deadline; the earliest goes next (router timers first on
 * equal times, lowest node first), so a seed always gives the same run. After every step the
 * {@link #afterStep} hook checks invariants.
 */
final class Simulation {
    record Event(long timeNanos, long seq, String what, LongConsumer run) {
    }

    /** Checks the invariants of the whole system after one step; throws AssertionError. */
    interface Invariant {
        void check(Simulation sim, long nowNanos);
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.timeNanos != b.timeNanos
            ? Long.compare(a.timeNanos, b.timeNanos) : Long.compare(a.seq, b.seq));
    private final List<VirtualRouter> routers = new ArrayList<>();
    private final List<Boolean> vipsHeld = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private Network network;
    private long seq;
    private long now;
    private Invariant afterStep = (s, t) -> { };

    void setNetwork(Network network) {
        this.network = network;
    }

    void setInvariant(Invariant invariant) {
        this.afterStep = invariant;
    }

    int add(RouterSettings settings) {
        routers.add(new VirtualRouter(settings));
        vipsHeld.add(false);
        return routers.size() - 1;
    }

    List<VirtualRouter> routers() {
        return routers;
    }

    VirtualRouter router(int node) {
        return routers.get(node);
    }

    long now() {
        return now;
    }

    /** The last lines of the event trace, for failure messages. */
    String traceTail(int lines) {
        return String.join("\n", trace.subList(Math.max(0, trace.size() - lines), trace.size()));
    }

    void schedule(long atNanos, String what, LongConsumer run) {
        queue.add(new Event(atNanos, seq++, what, run));
    }

    /** Runs a router input at a given time and applies its actions. */
    void input(int node, long atNanos, String what, java.util.function.LongFunction<List<Action>> call) {
        schedule(atNanos, what + " " + node, t -> apply(node, call.apply(t), t));
    }

    void deliver(int node, ReceivedAdvert rx, long nowNanos) {
        apply(node, router(node).onAdvert(rx, nowNanos), nowNanos);
    }

    /** Processes every event and deadline up to and including {@code untilNanos}. */
    void runUntil(long untilNanos) {
        while (true) {
            int timerNode = -1;
            long timerAt = Long.MAX_VALUE;
            for (int i = 0; i < routers.size(); i++) {
                long d = routers.get(i).nextDeadlineNanos();
                if (d < timerAt) {
                    timerAt = d;
                    timerNode = i;
                }
            }
            Event head = queue.peek();
            long eventAt = head == null ? Long.MAX_VALUE : head.timeNanos;
            long next = Math.min(timerAt, eventAt);
            if (next > untilNanos) {
                now = untilNanos;
                return;
            }
            now = next;
            if (timerAt <= eventAt) {
                trace.add(now + " timer " + timerNode + " " + router(timerNode).state());
                apply(timerNode, router(timerNode).onTimer(now), now);
            } else {
                queue.poll();
                trace.add(now + " " + head.what);
                head.run.accept(now);
            }
            if (trace.size() > 4000) {
                trace.subList(0, 2000).clear();
            }
            afterStep.check(this, now);
        }
    }

    private void apply(int node, List<Action> actions, long nowNanos) {
        VirtualRouter r = router(node);
        for (Action a : actions) {
            trace.add(nowNanos + "   " + node + ": " + a);
            if (a instanceof Action.SendAdvert s) {
                network.multicast(node, advertOf(r.settings(), s.priority()), nowNanos);
            } else if (a instanceof Action.AddVips) {
                if (vipsHeld.get(node)) {
                    throw new AssertionError("node " + node + " added VIPs twice at " + nowNanos);
                }
                vipsHeld.set(node, true);
            } else if (a instanceof Action.RemoveVips rv && !rv.cleanup()) {
                if (!vipsHeld.get(node)) {
                    throw new AssertionError("node " + node + " removed VIPs it did not hold at " + nowNanos);
                }
                vipsHeld.set(node, false);
            }
        }
        if (vipsHeld.get(node) != (r.state() == VrrpState.MASTER)) {
            throw new AssertionError("node " + node + " holds VIPs=" + vipsHeld.get(node) + " in " + r.state());
        }
    }

    static VrrpAdvert advertOf(RouterSettings s, int priority) {
        List<InetAddress> addresses = s.advertisedAddresses();
        return new VrrpAdvert(s.version(), s.vrid(), priority, s.advertIntervalCentis(), s.authType(),
                s.version() == 2 ? s.authPassword().length == 8 ? s.authPassword() : new byte[8] : new byte[0],
                addresses, 0);
    }
}
