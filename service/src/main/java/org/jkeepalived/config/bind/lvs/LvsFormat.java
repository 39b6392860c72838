package org.jkeepalived.config.bind.lvs;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.jkeepalived.config.model.lvs.Protocol;
import org.jkeepalived.config.model.lvs.ServiceTarget;

/** Service and server names in keepalived's form, e.g. {@code [10.0.0.1]:tcp:80} or {@code FWM 1}. */
final class LvsFormat {
    private LvsFormat() {
    }

    static String vs(Drafts.Vs vs) {
        if (vs.target instanceof ServiceTarget.Group g) {
            return "[" + g.group() + "]:0";
        }
        if (vs.target instanceof ServiceTarget.Fwmark f) {
            return "FWM " + f.fwmark();
        }
        ServiceTarget.Address a = (ServiceTarget.Address) vs.target;
        return trio(a.address(), vs.protocol, a.port());
    }

    static String rs(Drafts.Rs rs, Drafts.Vs vs) {
        return trio(rs.address, vs.protocol, rs.port);
    }

    static String trio(InetAddress address, Protocol protocol, int port) {
        return "[" + address(address) + "]:" + (protocol == null ? "none" : protocol.lower()) + ":" + port;
    }

    /** An address as inet_ntop prints it (IPv6 compressed, lower case). */
    static String address(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }
}
