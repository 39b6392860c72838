package org.jkeepalived.check;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.DnsCheck;
import org.jkeepalived.config.model.lvs.MiscCheck;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.UdpCheck;

/** Where a checker connects and how keepalived names it in its log lines. */
public final class CheckTargets {
    private CheckTargets() {
    }

    /** {@code connect_ip}/{@code connect_port}, the real server's address/port where unset. */
    public static InetSocketAddress target(CheckerConnection connection, RealServer realServer) {
        var address = connection.connectIp() != null ? connection.connectIp() : realServer.address();
        int port = connection.connectPort() != 0 ? connection.connectPort() : realServer.port();
        return new InetSocketAddress(address, port);
    }

    /**
     * {@code connect_ip}/{@code connect_port} (the binder puts the real server's address there), with
     * {@code defaultPort} where the connection has no port (DNS_CHECK's 53).
     */
    public static InetSocketAddress target(CheckerConnection connection, int defaultPort) {
        return new InetSocketAddress(connection.connectIp(),
                connection.connectPort() != 0 ? connection.connectPort() : defaultPort);
    }

    /**
     * {@code bindto}/{@code bind_port} for a connection to {@code target}, or null when neither is set. A
     * {@code bind_port} alone binds the wildcard of the target's family (a datagram channel is opened for one).
     */
    public static InetSocketAddress source(CheckerConnection connection, InetSocketAddress target) {
        if (connection.bindto() == null && connection.bindPort() == 0) {
            return null;
        }
        if (connection.bindto() != null) {
            return new InetSocketAddress(connection.bindto(), connection.bindPort());
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(
                    target.getAddress() instanceof Inet6Address ? "::" : "0.0.0.0"), connection.bindPort());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // a literal wildcard always parses
        }
    }

    /** keepalived's {@code [ip]:tcp:port} of the checker, or the script for MISC_CHECK. */
    public static String service(RealServer realServer, Checker.TimedChecker checker) {
        if (checker instanceof Checker.NetworkChecker network) {
            String protocol = checker instanceof UdpCheck || checker instanceof DnsCheck ? "udp" : "tcp";
            return CheckerWords.service(target(network.connection(), realServer), protocol);
        }
        if (checker instanceof MiscCheck) {
            return CheckerWords.service(new InetSocketAddress(realServer.address(), realServer.port()), "tcp");
        }
        return checker.kind();
    }

    /** The connect timeout in milliseconds (at least 1). */
    public static long connectTimeoutMillis(CheckerConnection connection) {
        return Math.max(1, connection.connectTimeoutMicros() / 1000);
    }
}
