package org.jkeepalived.config.bind.manage;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.model.AddressText;

/**
 * The address forms of the management blocks. Only literal addresses (and {@code localhost} for the
 * HTTP/RMI listeners): a daemon that binds at boot must not depend on DNS, as keepalived's own
 * addresses never do.
 */
final class Endpoints {
    static final String SNMP_FORMS = "udp:HOST:PORT or udp6:[ADDR]:PORT, port 1-65535";
    static final String HOST_PORT_FORMS = "HOST:PORT or [ADDR]:PORT, port 1-65535";

    private Endpoints() {
    }

    /** A parsed SNMP transport address: {@code text} in the model's form, {@code address} for the loopback test. */
    record SnmpAddress(String text, InetAddress address) {
    }

    /** A parsed TCP listen address for Jolokia or the JMX connector. */
    record HostPort(String host, int port, boolean loopback) {
    }

    /**
     * {@code udp:192.0.2.1:161} or {@code udp6:[2001:db8::1]:161} (net-snmp's transport specifiers; the
     * transport name is case-insensitive). {@code defaultPort} is used when the port is left out, or null
     * when it is required.
     */
    static Optional<SnmpAddress> snmp(String text, Integer defaultPort) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String transport = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = text.substring(colon + 1);
        String host;
        String port;
        if (transport.equals("udp6")) {
            if (!rest.startsWith("[")) {
                return Optional.empty();
            }
            int close = rest.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = rest.substring(1, close);
            String tail = rest.substring(close + 1);
            if (tail.isEmpty()) {
                port = null;
            } else if (tail.startsWith(":")) {
                port = tail.substring(1);
            } else {
                return Optional.empty();
            }
        } else if (transport.equals("udp")) {
            int last = rest.indexOf(':');
            host = last < 0 ? rest : rest.substring(0, last);
            port = last < 0 ? null : rest.substring(last + 1);
        } else {
            return Optional.empty();
        }
        Optional<InetAddress> a = Values.address(host);
        if (a.isEmpty() || (transport.equals("udp") != (a.get() instanceof Inet4Address))) {
            return Optional.empty();
        }
        Integer p = port == null ? defaultPort : port(port);
        if (p == null) {
            return Optional.empty();
        }
        String shown = a.get() instanceof Inet6Address
                ? "udp6:[" + AddressText.of(a.get()) + "]:" + p
                : "udp:" + AddressText.of(a.get()) + ":" + p;
        return Optional.of(new SnmpAddress(shown, a.get()));
    }

    /** {@code 127.0.0.1:8778}, {@code [::1]:8778} or {@code localhost:8778}. */
    static Optional<HostPort> hostPort(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                return Optional.empty();
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (host.indexOf(':') < 0) {
                return Optional.empty();
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || text.indexOf(':') != colon) {
                return Optional.empty();
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        Integer p = port(port);
        if (p == null) {
            return Optional.empty();
        }
        if (host.equalsIgnoreCase("localhost")) {
            return Optional.of(new HostPort("localhost", p, true));
        }
        Optional<InetAddress> a = Values.address(host);
        return a.map(addr -> new HostPort(AddressText.of(addr), p, addr.isLoopbackAddress()));
    }

    /** A decimal port in 1..65535, or null. */
    static Integer port(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int p = Integer.parseInt(s);
        return p >= 1 && p <= 65535 ? p : null;
    }
}
