package org.jkeepalived.netlink;

/**
 * An interface as RTM_NEWLINK describes it.
 *
 * @param flags the IFF_* bits of ifi_flags
 * @param mac the hardware address (IFLA_ADDRESS), empty when the link has none
 */
public record Link(int index, String name, int flags, byte[] mac) {
    public static final int IFF_UP = 0x1;
    public static final int IFF_RUNNING = 0x40;

    /**
     * Administratively up and operationally running (IFF_UP and IFF_RUNNING): what a VRRP instance
     * tracks as its interface being usable (keepalived likewise wants both).
     */
    public boolean up() {
        return (flags & IFF_UP) != 0 && (flags & IFF_RUNNING) != 0;
    }
}
