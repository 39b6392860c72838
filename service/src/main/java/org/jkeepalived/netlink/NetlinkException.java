package org.jkeepalived.netlink;

import java.io.IOException;

/** A netlink request the kernel refused (negative error in NLMSG_ERROR), or a failed socket call. */
public final class NetlinkException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public NetlinkException(String message, int errno, Throwable cause) {
        super(message + " (errno " + errno + ")", cause);
        this.errno = errno;
    }

    /** E.g. EEXIST (17) on a repeated add, EADDRNOTAVAIL (99) on a repeated delete. */
    public int errno() {
        return errno;
    }
}
