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
        return "[" + address(target.getAddress()) + "]:" + proto + ":" + target.getPort();
    }

    /** An address as inet_ntop prints it: IPv6 in RFC 5952 form ({@code ::1}, not Java's 0:0:0:0:0:0:0:1). */
    public static String address(java.net.InetAddress a) {
        if (!(a instanceof java.net.Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1; // a single zero word is not compressed (RFC 5952 4.2.2)
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(w[i]));
        }
        return out.toString();
    }

    /** The connect timeout in milliseconds (at least 1). */
    public static long timeoutMillis(CheckerConnection c) {
        return Math.max(1, c.connectTimeoutMicros() / 1000);
    }
}
