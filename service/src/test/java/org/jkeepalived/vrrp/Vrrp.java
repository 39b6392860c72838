package org.jkeepalived.vrrp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/** Small builders for VRRP state-machine tests. Times are plain longs (nanoseconds). */
public final class Vrrp {
    public static final long SEC = 1_000_000_000L;
    public static final long MS = 1_000_000L;
    public static final InetAddress VIP = addr("10.0.0.100");

    private Vrrp() {
    }

    public static InetAddress addr(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static VirtualAddress vip(InetAddress a) {
        return new VirtualAddress(new IpPrefix(a, 32), null, "eth0", 0, null, null, false, false, false, false,
                false, false, null, false, null, List.of(a.getHostAddress()), null);
    }

    /** VI_1, VRID 1, our address 10.0.0.2, VIP 10.0.0.100, keepalived defaults (v2, priority 100, 1 s). */
    public static RouterSettings.Builder settings() {
        return RouterSettings.builder("VI_1", 1, addr("10.0.0.2")).addresses(List.of(VIP), List.of(vip(VIP)));
    }

    public static VrrpAdvert advert(int version, int priority, int intervalCentis) {
        return new VrrpAdvert(version, 1, priority, intervalCentis, 0, new byte[version == 2 ? 8 : 0], List.of(VIP), 0);
    }

    /** A multicast v2 advert, 1 s interval, from {@code source}. */
    public static ReceivedAdvert rx(int priority, String source) {
        return new ReceivedAdvert(advert(2, priority, 100), addr(source), 255, false);
    }

    public static ReceivedAdvert rx(VrrpAdvert advert, String source) {
        return new ReceivedAdvert(advert, addr(source), 255, false);
    }

    /** Skew_Time of a v2 router with this priority: (256 - p) / 256 s. */
    public static long skewV2(int priority) {
        return (256L - priority) * SEC / 256;
    }
}
