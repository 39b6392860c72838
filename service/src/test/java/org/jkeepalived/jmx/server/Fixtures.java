package org.jkeepalived.jmx.server;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.StatusSource;
import org.jkeepalived.status.SyncGroupStatus;
import org.jkeepalived.status.TrackerStatus;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.NewMasterReason;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;

/** Hand-built snapshots over a loaded configuration, a settable status source, and recording commands. */
final class Fixtures {
    static final String VS = "[192.0.2.1]:tcp:80";
    static final String RS1 = "[10.0.0.1]:tcp:80";
    static final String RS2 = "[10.0.0.2]:tcp:80";
    static final String SORRY = "[10.0.0.9]:tcp:80";

    static final String CONFIG = """
            global_defs {
                router_id lb1
            }
            vrrp_script chk {
                script "/bin/true"
                interval 2
                weight -20
            }
            vrrp_instance VI_1 {
                interface eth0
                state MASTER
                virtual_router_id 51
                priority 150
                advert_int 1
                virtual_ipaddress {
                    192.0.2.10/24
                }
                track_script {
                    chk
                }
            }
            vrrp_instance VI_2 {
                interface eth1
                virtual_router_id 52
                priority 100
                virtual_ipaddress {
                    192.0.2.11
                }
            }
            vrrp_sync_group G1 {
                group {
                    VI_1
                    VI_2
                }
            }
            virtual_server 192.0.2.1 80 {
                protocol TCP
                lvs_sched rr
                quorum 2
                sorry_server 10.0.0.9 80
                real_server 10.0.0.1 80 {
                    weight 2
                }
                real_server 10.0.0.2 80 {
                    weight 1
                }
            }
            """;

    private Fixtures() {
    }

    static KeepalivedConfig config(String text) {
        LoadResult r = ConfigFixture.load(text, new FakeSystemView().withProgram("/bin/true", "/bin/true"));
        if (r.config() == null || r.fatal()) {
            throw new AssertionError("fixture config did not load:\n" + ConfigFixture.messages(r));
        }
        return r.config();
    }

    static KeepalivedConfig config() {
        return config(CONFIG);
    }

    static InstanceStatus instance(String name, int vrid, VrrpState state, int base, int effective,
                                   String master, long received, Map<DropReason, Long> drops) {
        try {
            long now = System.nanoTime();
            return new InstanceStatus(name, vrid, 2, state, base, effective,
                    master == null ? null : InetAddress.getByName(master), received, 7, 3, 2, 1, 4, drops, true,
                    state == VrrpState.MASTER ? NewMasterReason.MASTER_NO_RESPONSE : NewMasterReason.NOT_MASTER,
                    DropReason.IP_TTL, now - 5_000_000_000L, now - 2_000_000_000L);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** VI_1 MASTER (150/130), VI_2 BACKUP following 192.0.2.99, G1 MASTER, chk known and down, RS1 up, RS2 down. */
    static StatusSnapshot snapshot(KeepalivedConfig config, long generation) {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        drops.put(DropReason.IP_TTL, 5L);
        drops.put(DropReason.AUTH_FAILURE, 2L);
        List<InstanceStatus> instances = List.of(
                instance("VI_1", 51, VrrpState.MASTER, 150, 130, null, 11, drops),
                instance("VI_2", 52, VrrpState.BACKUP, 100, 100, "192.0.2.99", 42, Map.of()));
        IpvsStats vsStats = new IpvsStats(100, 200, 300, 4000, 5000, 1, 2, 3, 40, 50);
        IpvsStats rsStats = new IpvsStats(60, 120, 180, 2400, 3000, 1, 1, 2, 20, 30);
        List<LvsStatus.RealServerStatus> rss = new ArrayList<>();
        rss.add(new LvsStatus.RealServerStatus(RS1, true, 2, false, 0, 5, 6, 1, rsStats));
        rss.add(new LvsStatus.RealServerStatus(RS2, false, 1, false, 1, 0, 0, 0, IpvsStats.ZERO));
        rss.add(new LvsStatus.RealServerStatus(SORRY, false, 1, true, 0, 0, 0, 0, IpvsStats.ZERO));
        LvsStatus lvs = new LvsStatus(true, List.of(new LvsStatus.VirtualServerStatus(VS, true, 2, rss, vsStats)));
        long started = System.nanoTime() - 60_000_000_000L;
        return new StatusSnapshot(generation, System.nanoTime(), started, "jkeepalived 0.1.0-test", config,
                instances, List.of(new SyncGroupStatus("G1", VrrpState.MASTER)),
                List.of(new TrackerStatus("script", "chk", true, false, 0)), lvs, Map.of());
    }

    /** A status source the test sets. */
    static final class Source implements StatusSource {
        final AtomicReference<StatusSnapshot> current;

        Source(StatusSnapshot first) {
            current = new AtomicReference<>(first);
        }

        void set(StatusSnapshot s) {
            current.set(s);
        }

        @Override
        public StatusSnapshot current() {
            return current.get();
        }
    }
}
