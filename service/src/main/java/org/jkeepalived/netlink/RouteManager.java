package org.jkeepalived.netlink;

import java.io.Closeable;

/** Adds and removes routes and policy rules (rtnetlink). */
public interface RouteManager extends Closeable {
    /** RTM_NEWROUTE, exclusive: a route already present fails with EEXIST. */
    void add(RouteSpec route) throws NetlinkException;

    /** RTM_DELROUTE: a route not present fails with ESRCH. */
    void remove(RouteSpec route) throws NetlinkException;

    /** RTM_NEWRULE, exclusive: a rule already present fails with EEXIST. */
    void add(RuleSpec rule) throws NetlinkException;

    /** RTM_DELRULE: a rule not present fails with ENOENT. */
    void remove(RuleSpec rule) throws NetlinkException;

    @Override
    void close();
}
