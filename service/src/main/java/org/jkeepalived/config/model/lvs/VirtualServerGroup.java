package org.jkeepalived.config.model.lvs;

import java.net.InetAddress;
import java.util.List;

/**
 * {@code virtual_server_group NAME { ... }}: addresses, address ranges and firewall marks that share one
 * set of real servers and checkers.
 *
 * @param name          the group name used by {@code virtual_server group NAME}
 * @param addressRanges address lines in file order; a single address is a range of one
 * @param fwmarks       {@code fwmark N [inet|inet6]} lines in file order
 */
public record VirtualServerGroup(String name, List<AddressRange> addressRanges, List<Fwmark> fwmarks) {
    public VirtualServerGroup {
        addressRanges = List.copyOf(addressRanges);
        fwmarks = List.copyOf(fwmarks);
    }

    /**
     * {@code IP [PORT]}, {@code A.B.C.D-E}, {@code A.B.C.D-E.F.G.H} or {@code PREFIX/LEN}.
     *
     * @param first the first address
     * @param last  the last address (equal to {@code first} for a single address)
     * @param port  the port, 0 when not given
     */
    public record AddressRange(InetAddress first, InetAddress last, int port) {
    }

    /**
     * {@code fwmark N [inet|inet6]}.
     *
     * @param fwmark the mark
     * @param family the family given after it, null when none (only needed when all real servers tunnel)
     */
    public record Fwmark(long fwmark, IpFamily family) {
    }
}
