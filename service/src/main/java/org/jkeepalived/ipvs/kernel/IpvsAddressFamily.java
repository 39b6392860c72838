package org.jkeepalived.ipvs.kernel;

import java.net.Inet4Address;
import java.net.InetAddress;

/** AF_INET / AF_INET6 as IPVS_SVC_ATTR_AF and IPVS_DEST_ATTR_ADDR_FAMILY carry them. */
public final class IpvsAddressFamily {
    public static final int INET = 2;
    public static final int INET6 = 10;

    private IpvsAddressFamily() {
    }

    public static int of(InetAddress a) {
        return a instanceof Inet4Address ? INET : INET6;
    }

    static int addressLength(int family) {
        return family == INET ? 4 : 16;
    }
}
