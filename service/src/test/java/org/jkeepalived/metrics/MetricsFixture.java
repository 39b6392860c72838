package org.jkeepalived.metrics;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.SyncGroupStatus;
import org.jkeepalived.status.TrackerStatus;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.NewMasterReason;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * A hand-built snapshot: VI_1 MASTER with two addresses (one on another device), VI_2 BACKUP without any, in sync
 * group G1; a good script, a file not yet read, a down interface; an IPv4 virtual server with counters, an IPv6 one
 * and a firewall-mark one. Times are nanoseconds from an arbitrary origin: started at 1 s, taken at 101 s.
 */
final class MetricsFixture {
    static final long STARTED = 1_000_000_000L;
    static final long TAKEN = 101_000_000_000L;
    /** A scrape 0.25 s after the snapshot. */
    static final long NOW = TAKEN + 250_000_000L;

    static final String CONFIG = """
            vrrp_sync_group G1 {
                group {
                    VI_1
                    VI_2
                }
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 150
                virtual_ipaddress {
                    192.0.2.10/24
                    192.0.2.11/24 dev eth1
                }
            }
            vrrp_instance VI_2 {
                interface eth1
                virtual_router_id 52
                version 3
                priority 100
                no_virtual_ipaddress
            }
            """;

    private MetricsFixture() {
    }

    static StatusSnapshot snapshot() {
        LoadResult r = ConfigFixture.load(CONFIG, new FakeSystemView().withInterface("eth0").withInterface("eth1"));
        InstanceStatus vi1 = new InstanceStatus("VI_1", 51, 2, VrrpState.MASTER, 150, 140, null, 3, 1234, 2, 1, 0, 1,
                Map.of(DropReason.IP_TTL, 5L, DropReason.AUTH_FAILURE, 4L, DropReason.CHECKSUM, 2L), true,
                NewMasterReason.PREEMPTED, DropReason.IP_TTL, 5_000_000_000L, 41_000_000_000L,
                new org.jkeepalived.vrrp.SplitBrainStatus(2, org.jkeepalived.vrrp.SplitBrainKind.MASTER_SEES_LOWER_MASTER,
                        ip("192.0.2.2"), 100, 140, 40_000_000_000L), InstanceStatus.NEVER);
        InstanceStatus vi2 = new InstanceStatus("VI_2", 52, 3, VrrpState.BACKUP, 100, 100, ip("192.0.2.2"), 900, 0, 0,
                0, 1, 0, Map.of(), false, NewMasterReason.NOT_MASTER, null, 6_000_000_000L, 6_000_000_000L);
        List<TrackerStatus> trackers = List.of(new TrackerStatus("script", "chk_web", true, true, 0),
                new TrackerStatus("file", "tf1", false, false, 0),
                new TrackerStatus("interface", "eth2", true, false, 0));
        IpvsStats vsStats = new IpvsStats(7_000_000_000L, 5_000_000_000L, 12, 1L << 40, 99, 3, 4, 2, 1000, 2000);
        IpvsStats rsStats = new IpvsStats(5, 6, 7, 8, 9, 1, 2, 3, 4, 5);
        LvsStatus lvs = new LvsStatus(true, List.of(
                new LvsStatus.VirtualServerStatus("[192.0.2.50]:tcp:80", true, 2, List.of(
                        new LvsStatus.RealServerStatus("[10.0.0.1]:tcp:80", true, 2, false, 0, 4, 5, 6, rsStats),
                        new LvsStatus.RealServerStatus("[10.0.0.2]:tcp:80", false, 0, false, 1, 0, 0, 0, null),
                        new LvsStatus.RealServerStatus("[192.0.2.99]:tcp:80", false, 1, true, 0, 0, 0, 0, null)),
                        vsStats),
                new LvsStatus.VirtualServerStatus("[2001:db8::50]:udp:53", false, 0, List.of()),
                new LvsStatus.VirtualServerStatus("FWM 5", true, 1, List.of(
                        new LvsStatus.RealServerStatus("[10.0.0.3]:tcp:0", true, 1)))));
        return new StatusSnapshot(9, TAKEN, STARTED, "jkeepalived 0.1.0", r.config(), List.of(vi1, vi2),
                List.of(new SyncGroupStatus("G1", VrrpState.BACKUP)), trackers, lvs, Map.of());
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
