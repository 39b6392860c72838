package org.jkeepalived.check.udp;

import java.net.InetSocketAddress;
import org.jkeepalived.config.model.lvs.CheckerConnection;

/** Endpoints and keepalived's way of naming them in log lines ({@code [10.0.0.2]:udp:53}). */
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

    /** {@code [ip]:proto:port}, as keepalived prints a checker's target. */
    public static String describe(InetSocketAddress target, String proto) {
        return "[" + target.getAddress().getHostAddress() + "]:" + proto + ":" + target.getPort();
    }

    /** The connect timeout in milliseconds (at least 1). */
    public static long timeoutMillis(CheckerConnection c) {
        return Math.max(1, c.connectTimeoutMicros() / 1000);
    }
}
