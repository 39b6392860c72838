package org.jkeepalived.netlink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.ffi.Errno;

/** In-memory {@link RouteManager} with the kernel's answers (EEXIST, ESRCH for routes, ENOENT for rules). */
public final class FakeRouteManager implements RouteManager {
    private final Set<RouteSpec> routes = new LinkedHashSet<>();
    private final Set<RuleSpec> rules = new LinkedHashSet<>();

    @Override
    public synchronized void add(RouteSpec route) throws NetlinkException {
        if (!routes.add(route)) {
            throw new NetlinkException("RTM_NEWROUTE: File exists", Errno.EEXIST, null);
        }
    }

    @Override
    public synchronized void remove(RouteSpec route) throws NetlinkException {
        if (!routes.remove(route)) {
            throw new NetlinkException("RTM_DELROUTE: No such process", Errno.ESRCH, null);
        }
    }

    @Override
    public synchronized void add(RuleSpec rule) throws NetlinkException {
        if (!rules.add(rule)) {
            throw new NetlinkException("RTM_NEWRULE: File exists", Errno.EEXIST, null);
        }
    }

    @Override
    public synchronized void remove(RuleSpec rule) throws NetlinkException {
        if (!rules.remove(rule)) {
            throw new NetlinkException("RTM_DELRULE: No such file or directory", Errno.ENOENT, null);
        }
    }

    public synchronized List<RouteSpec> routes() {
        return new ArrayList<>(routes);
    }

    public synchronized List<RuleSpec> rules() {
        return new ArrayList<>(rules);
    }

    @Override
    public void close() {
    }
}
