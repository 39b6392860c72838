package org.jkeepalived.check.udp;

import java.net.InetSocketAddress;
import org.jkeepalived.config.model.lvs.CheckerConnection;

/** A datagram checker's endpoints and timeout (log names: {@link org.jkeepalived.check.CheckerWords#service}). */
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

    /** The connect timeout in milliseconds (at least 1). */
    public static long timeoutMillis(CheckerConnection c) {
        return Math.max(1, c.connectTimeoutMicros() / 1000);
    }
}
