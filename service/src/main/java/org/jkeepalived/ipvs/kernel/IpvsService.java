package org.jkeepalived.ipvs.kernel;

import java.util.Objects;

/**
 * A virtual service as the kernel holds it (IPVS_CMD_ATTR_SERVICE).
 *
 * @param flags      IP_VS_SVC_F_* bits ({@link #PERSISTENT}, {@link #ONE_PACKET}, {@link #SH_FALLBACK},
 *                   {@link #SH_PORT}); the kernel adds {@link #HASHED} in dumps
 * @param timeoutSeconds persistence timeout (keepalived's persistence_timeout), 0 when not persistent
 * @param netmaskPrefixLength persistence granularity as a prefix length (32 / 128 for none); the kernel takes an
 *                   IPv4 mask as a network-order mask but an IPv6 one as the bare prefix length
 * @param persistenceEngine IPVS_SVC_ATTR_PE_NAME (e.g. "sip"), null for none
 */
public record IpvsService(IpvsServiceKey key, String scheduler, int flags, int timeoutSeconds,
                          int netmaskPrefixLength, String persistenceEngine) {
    public static final int PERSISTENT = 0x0001;
    public static final int HASHED = 0x0002;
    public static final int ONE_PACKET = 0x0004;
    /** IP_VS_SVC_F_SCHED1, sh's sh-fallback. */
    public static final int SH_FALLBACK = 0x0008;
    /** IP_VS_SVC_F_SCHED2, sh's sh-port. */
    public static final int SH_PORT = 0x0010;
    public static final int SCHED3 = 0x0020;
    /** IP_VS_SCHEDNAME_MAXLEN and IP_VS_PENAME_MAXLEN include the terminating NUL. */
    static final int NAME_MAX_BYTES = 15;

    public IpvsService {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheduler, "scheduler");
        checkName("scheduler", scheduler);
        if (persistenceEngine != null) {
            checkName("persistence engine", persistenceEngine);
        }
        int max = key.addressFamily() == IpvsAddressFamily.INET ? 32 : 128;
        if (netmaskPrefixLength < 0 || netmaskPrefixLength > max) {
            throw new IllegalArgumentException("persistence netmask /" + netmaskPrefixLength);
        }
    }

    private static void checkName(String what, String name) {
        if (name.isEmpty() || name.length() > NAME_MAX_BYTES || !name.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException(what + " name '" + name + "' is not 1 to 15 printable characters");
        }
    }

    /** A non-persistent service with a host-wide granularity, as ipvsadm -A without -p creates it. */
    public static IpvsService of(IpvsServiceKey key, String scheduler) {
        return new IpvsService(key, scheduler, 0, 0, key.addressFamily() == IpvsAddressFamily.INET ? 32 : 128, null);
    }

    public boolean persistent() {
        return (flags & PERSISTENT) != 0;
    }

    public IpvsService withScheduler(String s) {
        return new IpvsService(key, s, flags, timeoutSeconds, netmaskPrefixLength, persistenceEngine);
    }

    public IpvsService withFlags(int f) {
        return new IpvsService(key, scheduler, f, timeoutSeconds, netmaskPrefixLength, persistenceEngine);
    }

    /** Persistent for {@code seconds} (sets or clears {@link #PERSISTENT} as keepalived's persistence_timeout does). */
    public IpvsService withPersistence(int seconds, int prefixLength) {
        int f = seconds > 0 ? flags | PERSISTENT : flags & ~PERSISTENT;
        return new IpvsService(key, scheduler, f, seconds, prefixLength, persistenceEngine);
    }

    public IpvsService withPersistenceEngine(String pe) {
        return new IpvsService(key, scheduler, flags, timeoutSeconds, netmaskPrefixLength, pe);
    }
}
