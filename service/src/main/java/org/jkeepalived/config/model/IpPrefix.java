package org.jkeepalived.config.model;

import java.net.Inet4Address;
import java.net.InetAddress;

/** An address with a prefix length, e.g. {@code 192.168.1.10/24}; the default length is the full width. */
public record IpPrefix(InetAddress address, int prefixLength) {
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
