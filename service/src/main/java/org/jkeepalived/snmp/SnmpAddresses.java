package org.jkeepalived.snmp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.snmp4j.smi.UdpAddress;

/**
 * Parses the configuration's transport addresses: {@code udp:HOST:PORT}, {@code udp6:[ADDR]:PORT} and
 * {@code udp:[ADDR]:PORT} (net-snmp's spelling; snmp4j itself writes {@code HOST/PORT}). A missing port means
 * {@code defaultPort}.
 */
final class SnmpAddresses {
    private SnmpAddresses() {
    }

    static UdpAddress parse(String spec, int defaultPort) {
        String s = spec.trim();
        boolean v6Only = false;
        if (s.regionMatches(true, 0, "udp6:", 0, 5)) {
            s = s.substring(5);
            v6Only = true;
        } else if (s.regionMatches(true, 0, "udp:", 0, 4)) {
            s = s.substring(4);
        } else if (s.matches("(?i)^(tcp|tcp6|tls|dtls|unix|ssh):.*")) {
            throw new IllegalArgumentException("'" + spec + "': only udp: and udp6: transports are supported");
        }
        String host;
        int port = defaultPort;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("'" + spec + "': missing ']'");
            }
            host = s.substring(1, end);
            String rest = s.substring(end + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("'" + spec + "': expected ':PORT' after ']'");
                }
                port = port(spec, rest.substring(1));
            }
        } else {
            int colon = s.lastIndexOf(':');
            if (colon >= 0 && s.indexOf(':') == colon) {
                host = s.substring(0, colon);
                port = port(spec, s.substring(colon + 1));
            } else { // no port, or a bare IPv6 address
                host = s;
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + spec + "': missing host");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + spec + "': unknown host '" + host + "'");
        }
        if (v6Only && !(address instanceof Inet6Address)) {
            throw new IllegalArgumentException("'" + spec + "': udp6 needs an IPv6 address");
        }
        return new UdpAddress(address, port);
    }

    private static int port(String spec, String p) {
        try {
            int port = Integer.parseInt(p);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': bad port '" + p + "'");
        }
    }

    /** net-snmp's spelling of a peer for log lines ({@code udp:127.0.0.1:40000}); other addresses as snmp4j's. */
    static String show(org.snmp4j.smi.Address a) {
        return a instanceof UdpAddress u ? show(u) : String.valueOf(a);
    }

    /** net-snmp's spelling of an address, for log lines. */
    static String show(UdpAddress a) {
        return a.getInetAddress() instanceof Inet6Address
                ? "udp6:[" + compress(a.getInetAddress().getHostAddress()) + "]:" + a.getPort()
                : "udp:" + a.getInetAddress().getHostAddress() + ":" + a.getPort();
    }

    /** RFC 5952 §4.2: the longest run of two or more zero groups becomes {@code ::}. */
    static String compress(String ipv6) {
        int pct = ipv6.indexOf('%');
        String scope = pct >= 0 ? ipv6.substring(pct) : "";
        String[] g = (pct >= 0 ? ipv6.substring(0, pct) : ipv6).split(":", -1);
        int best = -1;
        int bestLen = 1;
        for (int i = 0; i < g.length; i++) {
            int j = i;
            while (j < g.length && g[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                best = i;
                bestLen = j - i;
            }
        }
        if (best < 0) {
            return ipv6;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(g, 0, best));
        String tail = String.join(":", java.util.Arrays.copyOfRange(g, best + bestLen, g.length));
        return head + "::" + tail + scope;
    }
}
