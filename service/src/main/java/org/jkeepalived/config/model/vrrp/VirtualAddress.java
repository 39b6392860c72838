package org.jkeepalived.config.model.vrrp;

import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.IpPrefix;

/**
 * One line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress (c.2), with the defaults
 * keepalived applies: the device is the instance's interface (default_interface for static addresses),
 * the scope global, and IPv6 /128 addresses are deprecated ({@code preferred_lft 0}) unless
 * {@code preferred_lft forever} is given.
 *
 * @param address              address and prefix length (/32 or /128 when not written)
 * @param broadcast            brd address (resolved for {@code +} and {@code -}), null when none
 * @param dev                  device the address goes on
 * @param scope                rtnetlink scope number (0 global, 200 site, 253 link, 254 host, 255 nowhere)
 * @param label                label, null when none
 * @param peer                 peer address (point-to-point), null when none
 * @param home                 IPv6 {@code home}
 * @param noDad                IPv6 {@code -nodad}
 * @param mngtmpaddr           IPv6 {@code mngtmpaddr}
 * @param noprefixroute        {@code noprefixroute}
 * @param autojoin             {@code autojoin}
 * @param noTrack              {@code no_track}: deleting it externally does not make the instance leave MASTER
 * @param preferredLftSeconds  preferred lifetime, null = forever (the kernel's default)
 * @param useVmac              {@code use_vmac} (VMACs are not implemented; kept for fidelity)
 * @param trackGroup           {@code track_group} (static addresses only), null when none
 * @param words                the line as written
 * @param location             where the line was written
 */
public record VirtualAddress(IpPrefix address, InetAddress broadcast, String dev, int scope, String label,
                             InetAddress peer, boolean home, boolean noDad, boolean mngtmpaddr,
                             boolean noprefixroute, boolean autojoin, boolean noTrack, Long preferredLftSeconds,
                             boolean useVmac, String trackGroup, List<String> words, Location location) {
    public VirtualAddress {
        words = List.copyOf(words);
    }

    /** A copy on device {@code device} (an instance's interface for addresses that named none). */
    public VirtualAddress withDev(String device) {
        return new VirtualAddress(address, broadcast, device, scope, label, peer, home, noDad, mngtmpaddr,
                noprefixroute, autojoin, noTrack, preferredLftSeconds, useVmac, trackGroup, words, location);
    }

    public AddressFamily family() {
        return address.isIpv4() ? AddressFamily.IPV4 : AddressFamily.IPV6;
    }
}
