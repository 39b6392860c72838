package org.jkeepalived.ipvs.sync;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.model.lvs.Forwarding;
import org.jkeepalived.config.model.lvs.IpFamily;
import org.jkeepalived.config.model.lvs.Protocol;
import org.jkeepalived.config.model.lvs.SchedulerFlag;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.config.model.lvs.VirtualServerGroup;
import org.jkeepalived.ipvs.kernel.IpvsAddressFamily;
import org.jkeepalived.ipvs.kernel.IpvsDestination;
import org.jkeepalived.ipvs.kernel.IpvsForwarding;
import org.jkeepalived.ipvs.kernel.IpvsProtocol;
import org.jkeepalived.ipvs.kernel.IpvsService;
import org.jkeepalived.ipvs.kernel.IpvsServiceKey;

/**
 * The kernel's view of the configuration (pure): the IPVS services a {@code virtual_server} stands for, and the
 * kernel form of its destinations. A service by address or fwmark is one kernel service; a {@code group} is one per
 * address of each of its ranges and one per fwmark, all with the same real servers (keepalived, reference d).
 */
public final class KernelServices {
    /** IP_VS_TUNNEL_ENCAP_FLAG_CSUM / _REMCSUM (linux/ip_vs.h); NOCSUM is 0. */
    static final int TUN_FLAG_CSUM = 1;
    static final int TUN_FLAG_REMCSUM = 2;

    private KernelServices() {
    }

    /**
     * The kernel services of {@code vs}, in configuration order; empty for a group that does not exist (the config
     * binder already drops such a virtual server).
     */
    public static List<IpvsService> of(VirtualServer vs, Map<String, VirtualServerGroup> groups) {
        List<IpvsServiceKey> keys = new ArrayList<>();
        ServiceTarget target = vs.target();
        if (target instanceof ServiceTarget.Address a) {
            keys.add(IpvsServiceKey.of(protocol(vs.protocol()), a.address(), a.port()));
        } else if (target instanceof ServiceTarget.Fwmark f) {
            keys.add(IpvsServiceKey.fwmark(family(vs.family()), (int) f.fwmark()));
        } else {
            VirtualServerGroup group = groups.get(((ServiceTarget.Group) target).group());
            if (group != null) {
                for (VirtualServerGroup.AddressRange r : group.addressRanges()) {
                    for (InetAddress address : expand(r.first(), r.last())) {
                        keys.add(IpvsServiceKey.of(protocol(vs.protocol()), address, r.port()));
                    }
                }
                for (VirtualServerGroup.Fwmark f : group.fwmarks()) {
                    keys.add(IpvsServiceKey.fwmark(family(f.family() != null ? f.family() : vs.family()),
                            (int) f.fwmark()));
                }
            }
        }
        List<IpvsService> out = new ArrayList<>(keys.size());
        for (IpvsServiceKey key : keys) {
            out.add(service(vs, key));
        }
        return out;
    }

    private static IpvsService service(VirtualServer vs, IpvsServiceKey key) {
        int max = key.addressFamily() == IpvsAddressFamily.INET ? 32 : 128;
        int prefix = max;
        VirtualServer.PersistenceGranularity g = vs.persistenceGranularity();
        if (g != null && vs.persistenceTimeoutSeconds() > 0) {
            prefix = key.addressFamily() == IpvsAddressFamily.INET
                    ? (g.netmask() != null ? prefixOf(g.netmask()) : max)
                    : (g.prefixLength() > 0 ? g.prefixLength() : max);
        }
        IpvsService s = new IpvsService(key, vs.lvsSched(), flags(vs.schedulerFlags()), 0, max,
                vs.persistenceEngine());
        return vs.persistenceTimeoutSeconds() > 0
                ? s.withPersistence((int) Math.min(Integer.MAX_VALUE, vs.persistenceTimeoutSeconds()), prefix)
                : s;
    }

    /**
     * IP_VS_SVC_F_* from the scheduler flags: flag-1/sh-fallback/mh-fallback are SCHED1, flag-2/sh-port/mh-port
     * SCHED2, flag-3 SCHED3, ops ONE_PACKET (linux/ip_vs.h names the sh and mh flags as aliases of SCHED1/2).
     */
    static int flags(List<SchedulerFlag> flags) {
        int bits = 0;
        for (SchedulerFlag f : flags) {
            bits |= switch (f) {
                case FLAG_1, SH_FALLBACK, MH_FALLBACK -> IpvsService.SH_FALLBACK;
                case FLAG_2, SH_PORT, MH_PORT -> IpvsService.SH_PORT;
                case FLAG_3 -> IpvsService.SCHED3;
                case ONE_PACKET -> IpvsService.ONE_PACKET;
            };
        }
        return bits;
    }

    /** The kernel form of one destination the virtual server should hold. */
    public static IpvsDestination destination(VirtualServerState.Destination d) {
        Forwarding f = d.forwarding();
        IpvsForwarding method = switch (f.method()) {
            case NAT -> IpvsForwarding.MASQ;
            case DR -> IpvsForwarding.ROUTE;
            case TUN -> IpvsForwarding.TUNNEL;
        };
        IpvsDestination out = IpvsDestination.of(d.address(), d.port(), method, clampInt(d.weight()))
                .withThresholds(clampInt(d.uthreshold()), clampInt(d.lthreshold()));
        if (method == IpvsForwarding.TUNNEL) {
            IpvsDestination.TunnelType type = IpvsDestination.TunnelType.valueOf(f.tunnelType().name());
            int flags = switch (f.checksum()) {
                case NOCSUM -> 0;
                case CSUM -> TUN_FLAG_CSUM;
                case REMCSUM -> TUN_FLAG_REMCSUM;
            };
            out = out.withTunnel(type, f.tunnelPort(), flags);
        }
        return out;
    }

    private static int clampInt(long v) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
    }

    static IpvsProtocol protocol(Protocol p) {
        return IpvsProtocol.valueOf((p == null ? Protocol.TCP : p).name());
    }

    private static int family(IpFamily f) {
        return f == IpFamily.INET6 ? IpvsAddressFamily.INET6 : IpvsAddressFamily.INET;
    }

    private static int prefixOf(InetAddress netmask) {
        int bits = 0;
        for (byte b : netmask.getAddress()) {
            bits += Integer.bitCount(b & 0xff);
        }
        return bits;
    }

    /** Every address from {@code first} to {@code last} inclusive (a range of one when they are equal). */
    static List<InetAddress> expand(InetAddress first, InetAddress last) {
        BigInteger a = new BigInteger(1, first.getAddress());
        BigInteger b = new BigInteger(1, last.getAddress());
        int len = first.getAddress().length;
        List<InetAddress> out = new ArrayList<>();
        for (BigInteger i = a; i.compareTo(b) <= 0; i = i.add(BigInteger.ONE)) {
            out.add(address(i, len));
        }
        return out;
    }

    private static InetAddress address(BigInteger value, int len) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[len];
        int copy = Math.min(len, raw.length);
        System.arraycopy(raw, raw.length - copy, bytes, len - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // a 4- or 16-byte array is always accepted
        }
    }
}
