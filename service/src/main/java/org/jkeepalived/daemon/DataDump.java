package org.jkeepalived.daemon;

import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.config.model.vrrp.Authentication;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.config.model.vrrp.UnicastPeer;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.track.TrackerUpdate;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;

/**
 * The SIGUSR1 data dump's VRRP and LVS sections, in the spirit of keepalived 2.2.7's {@code keepalived.data}
 * (observed; fixture {@code dumps/keepalived-2.2.7.data}): {@code ------< VRRP Topology >------}, one
 * {@code  VRRP Instance = NAME} block per instance with {@code    Name = value} lines, then sync groups, scripts
 * and our LVS view. Each instance shows the running state (from the VRRP loop) beside its configuration; lines
 * keepalived prints about its own internals (file descriptors, socket pools) have no counterpart here.
 */
final class DataDump {
    /** What the data dump reads from the running daemon. */
    record Running(List<InstanceStatus> vrrp, List<TrackerUpdate> trackers, LvsStatus lvs, Instant now,
                   long nowNanos) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofPattern("EEE MMM d HH:mm:ss.SSSSSS yyyy", Locale.ROOT).withZone(ZoneId.systemDefault());

    private DataDump() {
    }

    static void vrrpDefaults(StringBuilder b, VrrpDefaults v) {
        line(b, 1, "VRRP IPv4 mcast group", host(v.mcastGroup4()));
        line(b, 1, "VRRP IPv6 mcast group", host(v.mcastGroup6()));
        line(b, 1, "Gratuitous ARP delay", v.garpMasterDelayMicros() / 1_000_000);
        line(b, 1, "Gratuitous ARP repeat", v.garpMasterRepeat());
        line(b, 1, "Num adverts before down", v.downTimerAdverts());
        line(b, 1, "VRRP default protocol version", v.version());
        line(b, 1, "VRRP check unicast_src", v.checkUnicastSrc());
        line(b, 1, "VRRP skip check advert addresses", v.skipCheckAdvAddr());
        line(b, 1, "VRRP strict mode", v.strict());
    }

    static void vrrp(StringBuilder b, KeepalivedConfig config, Running r) {
        Map<String, InstanceStatus> status = r.vrrp().stream()
                .collect(Collectors.toMap(InstanceStatus::name, Function.identity(), (x, y) -> x));
        if (!config.vrrp().instances().isEmpty()) {
            b.append("------< VRRP Topology >------\n");
        }
        for (VrrpInstance i : config.vrrp().instances()) {
            instance(b, i, status.get(i.name()), r);
        }
        if (!config.vrrp().syncGroups().isEmpty()) {
            b.append("------< VRRP Sync groups >------\n");
        }
        for (SyncGroup g : config.vrrp().syncGroups()) {
            line(b, 1, "VRRP Sync Group", g.name() + ", " + groupState(g, status));
            b.append("   VRRP member instances :\n");
            g.members().forEach(m -> b.append("     ").append(m).append('\n'));
        }
        scripts(b, config, r);
        lvs(b, r.lvs());
    }

    private static void instance(StringBuilder b, VrrpInstance i, InstanceStatus s, Running r) {
        line(b, 1, "VRRP Instance", i.name());
        line(b, 3, "VRRP Version", i.version());
        if (i.syncGroup() != null) {
            line(b, 3, "Sync group", i.syncGroup());
        }
        line(b, 3, "State", s == null ? "not running" : s.state());
        if (s != null) {
            line(b, 3, "Last transition", s.stateSinceNanos() == InstanceStatus.NEVER ? "never"
                    : when(s.stateSinceNanos(), r));
            if (s.masterAddress() != null) {
                line(b, 3, "Master router", host(s.masterAddress()));
            }
            if (s.state() == VrrpState.MASTER) {
                line(b, 3, "New master reason", s.newMasterReason());
            }
        }
        line(b, 3, "Interface", i.interfaceName());
        if (i.srcIp() != null) {
            line(b, 3, "Using src_ip", host(i.srcIp()));
        }
        if (!i.unicast() && i.mcastDstIp() != null) {
            b.append("   Multicast address ").append(host(i.mcastDstIp())).append('\n');
        }
        line(b, 3, "Gratuitous ARP delay", i.garp().masterDelayMicros() / 1_000_000);
        line(b, 3, "Gratuitous ARP repeat", i.garp().masterRepeat());
        line(b, 3, "Down timer adverts", i.downTimerAdverts());
        line(b, 3, "Virtual Router ID", i.virtualRouterId());
        line(b, 3, "Priority", i.priority());
        if (s != null) {
            line(b, 3, "Base priority", s.basePriority());
            line(b, 3, "Effective priority", s.effectivePriority());
        }
        line(b, 3, "Advert interval", i.version() == 3 || i.advertIntervalMicros() % 1_000_000 != 0
                ? i.advertIntervalMicros() / 1000 + " milli-sec" : i.advertIntervalMicros() / 1_000_000 + " sec");
        line(b, 3, "Accept", i.accept() ? "enabled" : "disabled");
        line(b, 3, "Preempt", (s != null ? s.preempt() : !i.nopreempt()) ? "enabled" : "disabled");
        if (i.preemptDelayMicros() > 0) {
            line(b, 3, "Preempt delay", i.preemptDelayMicros() / 1_000_000 + " secs");
        }
        line(b, 3, "Promote_secondaries", i.promoteSecondaries() ? "enabled" : "disabled");
        Authentication auth = i.authentication() == null ? Authentication.none() : i.authentication();
        if (auth.type() != Authentication.Type.NONE) {
            line(b, 3, "Authentication type", auth.type() == Authentication.Type.PASS ? "SIMPLE_PASSWORD" : "IPSEC_AH");
        } else {
            line(b, 3, "Authentication type", "none");
        }
        boolean set = s != null && s.state() == VrrpState.MASTER;
        list(b, "Virtual IP (" + i.virtualIpaddresses().size() + "):",
                i.virtualIpaddresses().stream().map(v -> JsonDump.vip(v, i, set)).toList());
        list(b, "Virtual IP Excluded (" + i.virtualIpaddressesExcluded().size() + "):",
                i.virtualIpaddressesExcluded().stream().map(v -> JsonDump.vip(v, i, set)).toList());
        if (i.unicast()) {
            line(b, 3, "Unicast TTL", i.unicastTtl());
            list(b, "Unicast Peer :", i.unicastPeers().stream().map(DataDump::peer).toList());
        }
        list(b, "Virtual Routes :", i.virtualRoutes().stream().map(v -> String.join(" ", v.words())).toList());
        list(b, "Virtual Rules :", i.virtualRules().stream().map(v -> String.join(" ", v.words())).toList());
        list(b, "Tracked interfaces :", weights(i.trackers().interfaces()));
        list(b, "Tracked scripts :", weights(i.trackers().scripts()));
        list(b, "Tracked files :", weights(i.trackers().files()));
        list(b, "Tracked processes :", weights(i.trackers().processes()));
        if (s != null) {
            b.append("   Statistics :\n");
            b.append("     Adverts received ").append(s.advertsReceived()).append(", sent ").append(s.advertsSent())
                    .append(", became master ").append(s.becomeMaster()).append(", released master ")
                    .append(s.releaseMaster()).append('\n');
        }
        line(b, 3, "Using smtp notification", i.smtpAlert() ? "yes" : "no");
    }

    private static void scripts(StringBuilder b, KeepalivedConfig config, Running r) {
        List<VrrpScript> scripts = config.tracking().scripts();
        if (scripts.isEmpty()) {
            return;
        }
        Map<String, TrackerUpdate> state = r.trackers().stream().filter(t -> t.kind() == TrackerUpdate.Kind.SCRIPT)
                .collect(Collectors.toMap(TrackerUpdate::name, Function.identity(), (x, y) -> x));
        b.append("------< VRRP Scripts >------\n");
        for (VrrpScript s : scripts) {
            line(b, 1, "VRRP Script", s.name());
            line(b, 3, "Command", "'" + s.script().commandLine() + "'");
            line(b, 3, "Interval", s.intervalMicros() / 1_000_000 + " sec");
            line(b, 3, "Timeout", s.timeoutMicros() / 1_000_000 + " sec");
            line(b, 3, "Weight", s.weight() + (s.reverse() ? " reverse" : ""));
            line(b, 3, "Rise", s.rise());
            line(b, 3, "Fall", s.fall());
            TrackerUpdate t = state.get(s.name());
            line(b, 3, "Status", t == null || t.status() == TrackerUpdate.Status.INIT ? "INIT"
                    : t.status() == TrackerUpdate.Status.UP ? "GOOD" : "BAD");
            List<String> users = config.vrrp().instances().stream()
                    .filter(i -> i.trackers().scripts().stream().anyMatch(x -> x.name().equals(s.name())))
                    .map(VrrpInstance::name).toList();
            list(b, "Tracking instances :", users);
        }
    }

    private static void lvs(StringBuilder b, LvsStatus lvs) {
        if (lvs == null) {
            return;
        }
        b.append("------< LVS Topology >------\n");
        line(b, 1, "IPVS", lvs.ipvsAvailable() ? "available" : "not available (nothing programmed)");
        for (LvsStatus.VirtualServerStatus vs : lvs.virtualServers()) {
            line(b, 1, "VS", vs.name());
            line(b, 3, "Quorum", vs.quorumUp() ? "up" : "down");
            line(b, 3, "Live weight", vs.liveWeight());
            for (LvsStatus.RealServerStatus rs : vs.realServers()) {
                line(b, 3, "RS", rs.name() + (rs.sorry() ? " (sorry server)" : ""));
                line(b, 5, "Alive", rs.up() ? "yes" : "no");
                line(b, 5, "Weight", rs.weight());
                line(b, 5, "Failed checks", rs.failedChecks());
                line(b, 5, "Connections", rs.activeConns() + " active, " + rs.inactiveConns() + " inactive");
            }
        }
    }

    /** keepalived's group state: FAULT if a member is, MASTER when all are, else BACKUP; INIT before they run. */
    private static String groupState(SyncGroup g, Map<String, InstanceStatus> status) {
        List<VrrpState> states = g.members().stream().map(status::get).filter(java.util.Objects::nonNull)
                .map(InstanceStatus::state).toList();
        if (states.isEmpty()) {
            return "INIT";
        }
        if (states.contains(VrrpState.FAULT)) {
            return "FAULT";
        }
        return states.stream().allMatch(s -> s == VrrpState.MASTER) ? "MASTER" : "BACKUP";
    }

    private static List<String> weights(List<TrackRef> refs) {
        return refs.stream().map(t -> t.name() + " weight " + t.weight() + (t.reverse() ? " reverse" : "")).toList();
    }

    private static String peer(UnicastPeer p) {
        return host(p.address()) + " min_ttl " + p.minTtl() + " max_ttl " + p.maxTtl();
    }

    private static String when(long atNanos, Running r) {
        String epoch = JsonDump.epochSeconds(atNanos, r.now(), r.nowNanos());
        long micros = new java.math.BigDecimal(epoch).movePointRight(6).longValue();
        Instant at = Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000);
        return epoch + " (" + WHEN.format(at) + ")";
    }

    private static String host(InetAddress a) {
        return a == null ? "(none)" : a.getHostAddress();
    }

    private static void list(StringBuilder b, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        b.append("   ").append(heading).append('\n');
        items.forEach(x -> b.append("     ").append(x).append('\n'));
    }

    /** {@code  Name = value}, keepalived's dump line, indented by {@code indent} blanks. */
    static void line(StringBuilder b, int indent, String name, Object value) {
        b.append(" ".repeat(indent)).append(name).append(" = ").append(value).append('\n');
    }
}
