package org.jkeepalived.ipvs.kernel;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What names a virtual service in the kernel: protocol, address and port, or a firewall mark (with its family).
 * For a fwmark service {@code protocol} and {@code address} are null and {@code port} 0.
 */
public record IpvsServiceKey(int addressFamily, IpvsProtocol protocol, InetAddress address, int port, int fwmark) {
    public IpvsServiceKey {
        if (addressFamily != IpvsAddressFamily.INET && addressFamily != IpvsAddressFamily.INET6) {
            throw new IllegalArgumentException("address family " + addressFamily + " is neither AF_INET nor AF_INET6");
        }
        if (fwmark == 0) {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(address, "address");
            if (IpvsAddressFamily.of(address) != addressFamily) {
                throw new IllegalArgumentException(address + " is not of address family " + addressFamily);
            }
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("port " + port);
            }
        } else if (protocol != null || address != null || port != 0) {
            throw new IllegalArgumentException("a fwmark service has no protocol, address or port");
        }
    }

    public static IpvsServiceKey of(IpvsProtocol protocol, InetAddress address, int port) {
        return new IpvsServiceKey(IpvsAddressFamily.of(address), protocol, address, port, 0);
    }

    public static IpvsServiceKey fwmark(int addressFamily, int fwmark) {
        if (fwmark == 0) {
            throw new IllegalArgumentException("fwmark 0");
        }
        return new IpvsServiceKey(addressFamily, null, null, 0, fwmark);
    }

    public boolean isFwmark() {
        return fwmark != 0;
    }

    /** As ipvsadm prints it: {@code TCP  10.0.0.1:80}, {@code TCP  [::1]:80}, {@code FWM  5}. */
    @Override
    public String toString() {
        if (isFwmark()) {
            return "FWM  " + Integer.toUnsignedString(fwmark)
                    + (addressFamily == IpvsAddressFamily.INET6 ? " IPv6" : "");
        }
        String a = org.jkeepalived.config.model.AddressText.of(address);
        return protocol + "  " + (addressFamily == IpvsAddressFamily.INET6 ? "[" + a + "]" : a) + ":" + port;
    }
}
