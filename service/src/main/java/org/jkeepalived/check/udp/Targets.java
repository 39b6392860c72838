package org.jkeepalived.check.udp;

import java.net.InetSocketAddress;
import org.jkeepalived.config.model.lvs.CheckerConnection;

/**
 * A datagram checker's endpoints: a source given only by {@code bind_port} binds the wildcard of the target's
 * family (a datagram channel is opened for one family). Log names: {@link org.jkeepalived.check.CheckerWords#service};
 * timeout: {@link org.jkeepalived.check.CheckTargets#connectTimeoutMillis}.
 */
public final class Targets {
    private Targets() {
    }

    /** The checker's target and source; {@code defaultPort} when connect_port is 0 (no port given). */
    public static DatagramLoop.Endpoints endpoints(CheckerConnection c, int defaultPort) {
        int port = c.connectPort() != 0 ? c.connectPort() : defaultPort;
        InetSocketAddress source = c.bindto() == null && c.bindPort() == 0 ? null
                : new InetSocketAddress(c.bindto() != null ? c.bindto() : anyLike(c), c.bindPort());
        return new DatagramLoop.Endpoints(new InetSocketAddress(c.connectIp(), port), source);
    }

    private static java.net.InetAddress anyLike(CheckerConnection c) {
        try {
            return java.net.InetAddress.getByName(c.connectIp() instanceof java.net.Inet6Address ? "::" : "0.0.0.0");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
