package org.jkeepalived.ipvs.kernel;

import java.io.IOException;

/**
 * An IPVS request that failed: refused by the kernel (an errno, named), a reply that does not decode (with the
 * reason), no IPVS in this kernel, or the socket failing.
 */
public final class IpvsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Kind { KERNEL, MALFORMED, NOT_AVAILABLE, IO }

    private final Kind kind;
    private final int errno;

    private IpvsException(Kind kind, int errno, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errno = errno;
    }

    /** The kernel refused {@code what} with {@code errno} (a positive value). */
    public static IpvsException kernel(String what, int errno) {
        return new IpvsException(Kind.KERNEL, errno, what + ": " + describe(errno) + " (" + errnoName(errno) + ")",
                null);
    }

    public static IpvsException malformed(String reason) {
        return new IpvsException(Kind.MALFORMED, 0, "malformed IPVS netlink message: " + reason, null);
    }

    public static IpvsException notAvailable(String reason) {
        return new IpvsException(Kind.NOT_AVAILABLE, 0, "IPVS not available: " + reason, null);
    }

    public static IpvsException io(String what, int errno, Throwable cause) {
        return new IpvsException(Kind.IO, errno, what, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The kernel's errno for {@link Kind#KERNEL} and {@link Kind#IO}, else 0. */
    public int errno() {
        return errno;
    }

    /** The symbolic name of an errno IPVS returns, e.g. ESRCH; {@code errno N} for others. */
    public static String errnoName(int errno) {
        return switch (errno) {
            case 1 -> "EPERM";
            case 2 -> "ENOENT";
            case 3 -> "ESRCH";
            case 12 -> "ENOMEM";
            case 16 -> "EBUSY";
            case 17 -> "EEXIST";
            case 19 -> "ENODEV";
            case 22 -> "EINVAL";
            case 34 -> "ERANGE";
            case 95 -> "EOPNOTSUPP";
            case 97 -> "EAFNOSUPPORT";
            case 105 -> "ENOBUFS";
            case 110 -> "ETIMEDOUT";
            default -> "errno " + errno;
        };
    }

    /** What the errno means for an IPVS request (ip_vs_ctl.c's use of it; ipvsadm words where it has them). */
    static String describe(int errno) {
        return switch (errno) {
            case 1 -> "Permission denied (you must be root)";
            case 2 -> "No such destination, or scheduler / persistence engine not found";
            case 3 -> "No such service";
            case 12 -> "Memory allocation problem";
            case 16 -> "Device or resource busy";
            case 17 -> "Service or destination already exists";
            case 19 -> "No such device";
            case 22 -> "Invalid argument";
            case 34 -> "Lower threshold above the upper threshold";
            case 95 -> "Operation not supported";
            case 97 -> "Address family not supported";
            case 110 -> "No reply from the kernel";
            default -> "Kernel error";
        };
    }
}
