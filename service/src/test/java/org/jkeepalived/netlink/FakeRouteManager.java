package org.jkeepalived.netlink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.ffi.Errno;

/**
 * In-memory {@link RouteManager} with the kernel's answers (EEXIST, ESRCH for routes, ENOENT for rules).
 * Removals are also posted to an optional {@link FakeNetlinkMonitor} as RouteRemoved / RuleRemoved, as the
 * kernel multicasts them; {@link #deleteExternally} plays someone else's {@code ip route del}.
 */
public final class FakeRouteManager implements RouteManager {
    private final Set<RouteSpec> routes = new LinkedHashSet<>();
    private final Set<RuleSpec> rules = new LinkedHashSet<>();
    private final FakeNetlinkMonitor monitor;
    private final List<String> calls = new ArrayList<>();

    public FakeRouteManager() {
        this(null);
    }

    public FakeRouteManager(FakeNetlinkMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public synchronized void add(RouteSpec route) throws NetlinkException {
        calls.add("add route " + route.destination().getHostAddress() + "/" + route.prefixLength());
        if (!routes.add(route)) {
            throw new NetlinkException("RTM_NEWROUTE: File exists", Errno.EEXIST, null);
        }
    }

    @Override
    public synchronized void remove(RouteSpec route) throws NetlinkException {
        calls.add("remove route " + route.destination().getHostAddress() + "/" + route.prefixLength());
        if (!routes.remove(route)) {
            throw new NetlinkException("RTM_DELROUTE: No such process", Errno.ESRCH, null);
        }
        post(route);
    }

    @Override
    public synchronized void add(RuleSpec rule) throws NetlinkException {
        calls.add("add rule " + rule.priority());
        if (!rules.add(rule)) {
            throw new NetlinkException("RTM_NEWRULE: File exists", Errno.EEXIST, null);
        }
    }

    @Override
    public synchronized void remove(RuleSpec rule) throws NetlinkException {
        calls.add("remove rule " + rule.priority());
        if (!rules.remove(rule)) {
            throw new NetlinkException("RTM_DELRULE: No such file or directory", Errno.ENOENT, null);
        }
        post(rule);
    }

    /** Someone else deletes the route: gone, and the deletion multicast. */
    public synchronized void deleteExternally(RouteSpec route) {
        if (routes.remove(route)) {
            post(route);
        }
    }

    public synchronized void deleteExternally(RuleSpec rule) {
        if (rules.remove(rule)) {
            post(rule);
        }
    }

    private void post(RouteSpec r) {
        if (monitor != null) {
            monitor.post(new NetlinkEvent.RouteRemoved(r.ipv4() ? 2 : 10, r.destination(), r.prefixLength(), r.table(),
                    r.type(), r.protocol(), r.tos(), r.metric(), r.oifIndex(), r.gateway()));
        }
    }

    private void post(RuleSpec r) {
        if (monitor != null) {
            monitor.post(new NetlinkEvent.RuleRemoved(r.family(), r.priority(), r.from(), r.fromPrefixLength(), r.to(),
                    r.toPrefixLength(), r.action(), r.table()));
        }
    }

    public synchronized List<RouteSpec> routes() {
        return new ArrayList<>(routes);
    }

    public synchronized List<RuleSpec> rules() {
        return new ArrayList<>(rules);
    }

    /** Every add/remove call in order ("add route 10.20.0.0/16", "remove rule 100"...). */
    public synchronized List<String> calls() {
        return new ArrayList<>(calls);
    }

    @Override
    public void close() {
    }
}
