package org.jkeepalived.netlink.linux;

import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.netlink.RouteCodec;
import org.jkeepalived.netlink.RouteManager;
import org.jkeepalived.netlink.RouteSpec;
import org.jkeepalived.netlink.RuleSpec;

/** {@link RouteManager} over one rtnetlink request socket, in the namespace it was opened in. */
public final class RtnetlinkRouteManager implements RouteManager {
    private final RtnetlinkSocket socket;

    private RtnetlinkRouteManager(RtnetlinkSocket socket) {
        this.socket = socket;
    }

    public static RtnetlinkRouteManager open() throws NetlinkException {
        return new RtnetlinkRouteManager(RtnetlinkSocket.open(0, 0));
    }

    @Override
    public void add(RouteSpec route) throws NetlinkException {
        int seq = socket.nextSeq();
        socket.request(RouteCodec.route(true, seq, route), seq, "RTM_NEWROUTE " + describe(route));
    }

    @Override
    public void remove(RouteSpec route) throws NetlinkException {
        int seq = socket.nextSeq();
        socket.request(RouteCodec.route(false, seq, route), seq, "RTM_DELROUTE " + describe(route));
    }

    @Override
    public void add(RuleSpec rule) throws NetlinkException {
        int seq = socket.nextSeq();
        socket.request(RouteCodec.rule(true, seq, rule), seq, "RTM_NEWRULE " + rule);
    }

    @Override
    public void remove(RuleSpec rule) throws NetlinkException {
        int seq = socket.nextSeq();
        socket.request(RouteCodec.rule(false, seq, rule), seq, "RTM_DELRULE " + rule);
    }

    private static String describe(RouteSpec r) {
        return r.destination().getHostAddress() + "/" + r.prefixLength()
                + (r.gateway() == null ? "" : " via " + r.gateway().getHostAddress()) + " table " + r.table();
    }

    @Override
    public void close() {
        socket.close();
    }
}
