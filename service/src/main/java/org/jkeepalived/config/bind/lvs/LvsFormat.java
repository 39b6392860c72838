package org.jkeepalived.config.bind.lvs;

import java.net.InetAddress;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.lvs.Protocol;
import org.jkeepalived.config.model.lvs.ServiceTarget;

/** Service and server names in keepalived's form, e.g. {@code [10.0.0.1]:tcp:80} or {@code FWM 1}. */
final class LvsFormat {
    private LvsFormat() {
    }

    static String vs(Drafts.Vs vs) {
        if (vs.target instanceof ServiceTarget.Group g) {
            return "[" + g.group() + "]:0";
        }
        if (vs.target instanceof ServiceTarget.Fwmark f) {
            return "FWM " + f.fwmark();
        }
        ServiceTarget.Address a = (ServiceTarget.Address) vs.target;
        return trio(a.address(), vs.protocol, a.port());
    }

    static String rs(Drafts.Rs rs, Drafts.Vs vs) {
        return trio(rs.address, vs.protocol, rs.port);
    }

    static String trio(InetAddress address, Protocol protocol, int port) {
        return "[" + AddressText.of(address) + "]:" + (protocol == null ? "none" : protocol.lower()) + ":" + port;
    }
}
