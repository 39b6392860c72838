package org.jkeepalived.check.udp;

import java.net.InetSocketAddress;
import org.jkeepalived.check.CheckTargets;
import org.jkeepalived.config.model.lvs.CheckerConnection;

/** A datagram checker's endpoints, by {@link CheckTargets}' rules. */
public final class Targets {
    private Targets() {
    }

    /** The checker's target and source; {@code defaultPort} when connect_port is 0 (no port given). */
    public static DatagramLoop.Endpoints endpoints(CheckerConnection c, int defaultPort) {
        InetSocketAddress target = CheckTargets.target(c, defaultPort);
        return new DatagramLoop.Endpoints(target, CheckTargets.source(c, target));
    }
}
