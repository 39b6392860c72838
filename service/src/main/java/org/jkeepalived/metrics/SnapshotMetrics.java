package org.jkeepalived.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.metrics.Exposition.Type;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.SyncGroupStatus;
import org.jkeepalived.status.TrackerStatus;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * Renders one {@link StatusSnapshot} as Prometheus text. Pure: the same snapshot and {@code nowNanos} give the same
 * text, so a test pins it exactly. Nothing here reaches an engine.
 *
 * <p>Names follow the keepalived exporters where they have one: mehdy/keepalived-exporter (formerly
 * cafebazaar's) for {@code keepalived_up}, {@code keepalived_vrrp_state} and the per-instance counters, with its
 * labels {@code iname, intf, vrid, state} (and {@code ip_address} on the state); gen2brain/keepalived_exporter for
 * the LVS counters ({@code keepalived_lvs_vip_*}, {@code keepalived_lvs_rs_*}, labels {@code addr, proto}), with
 * the {@code _total} suffix its names lack, since a counter without it fails {@code promtool check metrics}.
 * What neither exporter has is named {@code jkeepalived_*} (docs/management.md lists everything).
 */
public final class SnapshotMetrics {
    /** One value of a VRRP instance: a row of the tables below. */
    record InstanceMetric(String name, Type type, String help, ToDoubleFunction<InstanceStatus> value) {
    }

    private static InstanceMetric counter(String name, String help, ToDoubleFunction<InstanceStatus> value) {
        return new InstanceMetric(name, Type.COUNTER, help, value);
    }

    private static InstanceMetric gauge(String name, String help, ToDoubleFunction<InstanceStatus> value) {
        return new InstanceMetric(name, Type.GAUGE, help, value);
    }

    /** mehdy/keepalived-exporter's per-instance counters, with its labels iname, intf, vrid, state. */
    static final List<InstanceMetric> EXPORTER_COUNTERS = List.of(
            counter("keepalived_advertisements_received_total", "Advertisements received",
                    InstanceStatus::advertsReceived),
            counter("keepalived_advertisements_sent_total", "Advertisements sent", InstanceStatus::advertsSent),
            counter("keepalived_become_master_total", "Became master", InstanceStatus::becomeMaster),
            counter("keepalived_release_master_total", "Released master", InstanceStatus::releaseMaster),
            counter("keepalived_packet_length_errors_total", "Packet length errors",
                    i -> i.drops(DropReason.PACKET_LENGTH)),
            counter("keepalived_advertisements_interval_errors_total", "Advertisement interval errors",
                    i -> i.drops(DropReason.ADVERT_INTERVAL)),
            counter("keepalived_ip_ttl_errors_total", "TTL errors", i -> i.drops(DropReason.IP_TTL)),
            counter("keepalived_invalid_type_received_total", "Invalid type errors",
                    i -> i.drops(DropReason.INVALID_TYPE)),
            counter("keepalived_address_list_errors_total", "Address list errors",
                    i -> i.drops(DropReason.ADDRESS_LIST)),
            counter("keepalived_authentication_invalid_total", "Authentication invalid",
                    i -> i.drops(DropReason.INVALID_AUTH_TYPE)),
            counter("keepalived_authentication_mismatch_total", "Authentication mismatch",
                    i -> i.drops(DropReason.AUTH_TYPE_MISMATCH)),
            counter("keepalived_authentication_failure_total", "Authentication failure",
                    i -> i.drops(DropReason.AUTH_FAILURE)),
            counter("keepalived_priority_zero_received_total", "Priority zero received",
                    InstanceStatus::priorityZeroReceived),
            counter("keepalived_priority_zero_sent_total", "Priority zero sent", InstanceStatus::priorityZeroSent));

    /**
     * jkeepalived's own per-instance values, labels iname, intf, vrid (no state label: a series must not change
     * name at every transition). The extension point: a new {@link InstanceStatus} field becomes a metric by one
     * row here, e.g. {@code counter("jkeepalived_vrrp_split_brains_total", "...", InstanceStatus::splitBrains)}.
     */
    static final List<InstanceMetric> INSTANCE_METRICS = List.of(
            gauge("jkeepalived_vrrp_base_priority", "Configured priority (or the last SNMP/JMX SET)",
                    InstanceStatus::basePriority),
            gauge("jkeepalived_vrrp_effective_priority", "Priority after tracker weights; the one advertised",
                    InstanceStatus::effectivePriority),
            gauge("jkeepalived_vrrp_preempt", "1 when the instance preempts a lower-priority master",
                    i -> i.preempt() ? 1 : 0),
            gauge("jkeepalived_vrrp_version", "VRRP version the instance speaks (2 or 3)",
                    InstanceStatus::version),
            counter("jkeepalived_vrrp_split_brains_total",
                    "Split-brain episodes seen: another MASTER for the virtual router (JKEEPALIVED-MIB)",
                    i -> i.splitBrain().episodes()));

    private SnapshotMetrics() {
    }

    /**
     * keepalived's state numbers (KEEPALIVED-MIB VrrpState, and the exporters' values): INIT 0, BACKUP 1,
     * MASTER 2, FAULT 3, STOP 5.
     */
    static int stateNumber(VrrpState s) {
        return s.keepalivedMibValue();
    }

    /** The snapshot as exposition text; {@code nowNanos} (System.nanoTime()) dates the uptime and ages. */
    public static String render(StatusSnapshot s, long nowNanos) {
        Exposition e = new Exposition();
        daemon(e, s, nowNanos);
        vrrp(e, s, nowNanos);
        syncGroups(e, s);
        trackers(e, s);
        lvs(e, s);
        return e.text();
    }

    private static double seconds(long nanos) {
        return Math.max(0, nanos) / 1e9;
    }

    private static void daemon(Exposition e, StatusSnapshot s, long now) {
        e.family("keepalived_up", Type.GAUGE, "1 when a configuration is running").sample(s.config() == null ? 0 : 1);
        e.family("jkeepalived_build_info", Type.GAUGE, "Always 1; the version is the label", "version")
                .sample(1, s.version());
        e.family("jkeepalived_uptime_seconds", Type.GAUGE, "Seconds since the daemon started")
                .sample(seconds(now - s.startedAtNanos()));
        e.family("jkeepalived_status_age_seconds", Type.GAUGE,
                "Age of the status snapshot served (refreshed every second and on every state change)")
                .sample(seconds(now - s.takenAtNanos()));
    }

    private static void vrrp(Exposition e, StatusSnapshot s, long now) {
        List<InstanceStatus> all = s.instances();
        Map<String, VrrpInstance> configured = new HashMap<>();
        if (s.config() != null) {
            s.config().vrrp().instances().forEach(i -> configured.put(i.name(), i));
        }
        Exposition.Family state = e.family("keepalived_vrrp_state", Type.GAUGE,
                "State of the VRRP instance (0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 5 STOP), one series per virtual"
                        + " address", "iname", "intf", "vrid", "ip_address");
        for (InstanceStatus i : all) {
            VrrpInstance c = configured.get(i.name());
            String intf = intf(c);
            List<VirtualAddress> vips = c == null ? List.of() : c.virtualIpaddresses();
            if (vips.isEmpty()) {
                state.sample(stateNumber(i.state()), i.name(), intf, vrid(i), "");
            }
            for (VirtualAddress v : vips) {
                state.sample(stateNumber(i.state()), i.name(), v.dev() == null ? intf : v.dev(), vrid(i),
                        AddressText.of(v.address().address()));
            }
        }
        for (InstanceMetric m : EXPORTER_COUNTERS) {
            Exposition.Family f = e.family(m.name(), m.type(), m.help(), "iname", "intf", "vrid", "state");
            for (InstanceStatus i : all) {
                f.sample(m.value().applyAsDouble(i), i.name(), intf(configured.get(i.name())), vrid(i),
                        i.state().name());
            }
        }
        for (InstanceMetric m : INSTANCE_METRICS) {
            Exposition.Family f = e.family(m.name(), m.type(), m.help(), "iname", "intf", "vrid");
            for (InstanceStatus i : all) {
                f.sample(m.value().applyAsDouble(i), i.name(), intf(configured.get(i.name())), vrid(i));
            }
        }
        Exposition.Family since = e.family("jkeepalived_vrrp_state_age_seconds", Type.GAUGE,
                "Seconds since the instance's last state transition", "iname", "intf", "vrid");
        for (InstanceStatus i : all) {
            if (i.stateSinceNanos() != InstanceStatus.NEVER) {
                since.sample(seconds(now - i.stateSinceNanos()), i.name(), intf(configured.get(i.name())), vrid(i));
            }
        }
        Exposition.Family drops = e.family("jkeepalived_vrrp_dropped_packets_total", Type.COUNTER,
                "Received VRRP packets dropped or flagged, by reason", "iname", "intf", "vrid", "reason");
        for (InstanceStatus i : all) {
            for (DropReason r : DropReason.values()) {
                drops.sample(i.drops(r), i.name(), intf(configured.get(i.name())), vrid(i),
                        r.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private static String intf(VrrpInstance c) {
        return c == null || c.interfaceName() == null ? "" : c.interfaceName();
    }

    private static String vrid(InstanceStatus i) {
        return Integer.toString(i.vrid());
    }

    private static void syncGroups(Exposition e, StatusSnapshot s) {
        Exposition.Family f = e.family("jkeepalived_vrrp_sync_group_state", Type.GAUGE,
                "State the sync group's members last reached together (0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 5 STOP)",
                "group");
        for (SyncGroupStatus g : s.syncGroups().values()) {
            f.sample(stateNumber(g.state()), g.name());
        }
    }

    private static void trackers(Exposition e, StatusSnapshot s) {
        // mehdy/keepalived-exporter's script status: 1 GOOD, 0 BAD (keepalived's data dump words)
        Exposition.Family script = e.family("keepalived_script_status", Type.GAUGE,
                "Tracker script status (1 GOOD, 0 BAD); scripts that have not reported yet are left out", "name");
        for (TrackerStatus t : s.trackers()) {
            if (t.kind().equals("script") && t.known()) {
                script.sample(t.up() ? 1 : 0, t.name());
            }
        }
        Exposition.Family up = e.family("jkeepalived_tracker_up", Type.GAUGE,
                "1 when the tracked object is up (a track_file: value not 0); left out until it reports", "kind",
                "name");
        for (TrackerStatus t : s.trackers()) {
            if (t.known()) {
                up.sample(t.up() ? 1 : 0, t.kind(), t.name());
            }
        }
    }

    private static void lvs(Exposition e, StatusSnapshot s) {
        List<LvsStatus.VirtualServerStatus> vss = s.lvs().virtualServers();
        Exposition.Family quorum = e.family("jkeepalived_lvs_virtual_server_quorum_up", Type.GAUGE,
                "1 while the virtual server has its quorum", "virtual_server");
        Exposition.Family live = e.family("jkeepalived_lvs_virtual_server_live_weight", Type.GAUGE,
                "Sum of the weights of the live real servers", "virtual_server");
        for (LvsStatus.VirtualServerStatus vs : vss) {
            quorum.sample(vs.quorumUp() ? 1 : 0, vs.name());
            live.sample(vs.liveWeight(), vs.name());
        }
        String[] rsLabels = {"virtual_server", "real_server", "sorry"};
        Exposition.Family rsUp = e.family("jkeepalived_lvs_real_server_up", Type.GAUGE,
                "1 while the real server's checkers pass (a sorry server: while the quorum is lost)", rsLabels);
        Exposition.Family rsWeight = e.family("jkeepalived_lvs_real_server_weight", Type.GAUGE,
                "The real server's current weight", rsLabels);
        Exposition.Family active = e.family("jkeepalived_lvs_real_server_active_connections", Type.GAUGE,
                "Active connections to the real server (IPVS)", rsLabels);
        Exposition.Family inactive = e.family("jkeepalived_lvs_real_server_inactive_connections", Type.GAUGE,
                "Inactive connections to the real server (IPVS)", rsLabels);
        for (LvsStatus.VirtualServerStatus vs : vss) {
            for (LvsStatus.RealServerStatus rs : vs.realServers()) {
                String[] l = {vs.name(), rs.name(), Boolean.toString(rs.sorry())};
                rsUp.sample(rs.up() ? 1 : 0, l);
                rsWeight.sample(rs.weight(), l);
                active.sample(rs.activeConns(), l);
                inactive.sample(rs.inactiveConns(), l);
            }
        }
        if (!s.lvs().ipvsAvailable()) {
            return; // no kernel counters were read: zeros would pose as traffic figures
        }
        ipvsCounters(e, vss);
    }

    /** gen2brain/keepalived_exporter's LVS counters (with {@code _total}), plus the virtual server's name. */
    private static void ipvsCounters(Exposition e, List<LvsStatus.VirtualServerStatus> vss) {
        String[][] kinds = {{"vip", "VIP"}, {"rs", "RS"}};
        for (String[] k : kinds) {
            boolean vip = k[0].equals("vip");
            String prefix = "keepalived_lvs_" + k[0] + "_";
            String[] labels = {"addr", "proto", "virtual_server"};
            Exposition.Family inPackets = e.family(prefix + "in_packets_total", Type.COUNTER, k[1] + " in packets",
                    labels);
            Exposition.Family outPackets = e.family(prefix + "out_packets_total", Type.COUNTER,
                    k[1] + " out packets", labels);
            Exposition.Family inBytes = e.family(prefix + "in_bytes_total", Type.COUNTER, k[1] + " in bytes",
                    labels);
            Exposition.Family outBytes = e.family(prefix + "out_bytes_total", Type.COUNTER, k[1] + " out bytes",
                    labels);
            Exposition.Family conns = e.family(prefix + "conn_total", Type.COUNTER, k[1] + " connections", labels);
            for (LvsStatus.VirtualServerStatus vs : vss) {
                Endpoint service = Endpoint.parse(vs.name());
                if (vip) {
                    write(vs.stats(), new String[] {service.addr(), service.proto(), vs.name()}, inPackets,
                            outPackets, inBytes, outBytes, conns);
                    continue;
                }
                for (LvsStatus.RealServerStatus rs : vs.realServers()) {
                    write(rs.stats(), new String[] {Endpoint.parse(rs.name()).addr(), service.proto(), vs.name()},
                            inPackets, outPackets, inBytes, outBytes, conns);
                }
            }
        }
    }

    private static void write(IpvsStats st, String[] labels, Exposition.Family inPackets,
                              Exposition.Family outPackets, Exposition.Family inBytes, Exposition.Family outBytes,
                              Exposition.Family conns) {
        inPackets.sample(st.inPackets(), labels);
        outPackets.sample(st.outPackets(), labels);
        inBytes.sample(st.inBytes(), labels);
        outBytes.sample(st.outBytes(), labels);
        conns.sample(st.conns(), labels);
    }
}
