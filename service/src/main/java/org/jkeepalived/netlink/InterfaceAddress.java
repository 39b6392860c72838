package org.jkeepalived.netlink;

import java.net.InetAddress;

/**
 * An address as the kernel lists it (RTM_GETADDR dump), in the kernel's order.
 *
 * @param flags IFA_F_* ({@link NetlinkCodec#IFA_F_SECONDARY}, {@link NetlinkCodec#IFA_F_DEPRECATED}...): IFA_FLAGS
 *              when the kernel sends it, else ifa_flags
 * @param scope RT_SCOPE_*
 * @param label IFA_LABEL (IPv4), null when absent
 */
public record InterfaceAddress(int ifIndex, InetAddress address, int prefixLength, int flags, int scope,
                               String label) {
    /** The kernel's secondary addresses of a subnet (IPv4): never an interface's primary address. */
    public boolean secondary() {
        return (flags & NetlinkCodec.IFA_F_SECONDARY) != 0;
    }
}
