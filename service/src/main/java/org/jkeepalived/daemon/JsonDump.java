package org.jkeepalived.daemon;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.config.model.vrrp.Authentication;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * The JSON dump ({@code --signum=JSON}, SIGRTMIN+2): keepalived 2.2.7's {@code json_version 1} layout, observed
 * on the Debian build (test fixture {@code dumps/keepalived-2.2.7.json}): one compact line, an array with one
 * {@code {"data": {...}, "stats": {...}}} object per VRRP instance, in configuration order, the same field names
 * in the same order. Fields keepalived has and we do not track are left out rather than invented
 * ({@code master_priority}, {@code master_adver_int}, {@code wantstate}, {@code notify_deleted}); the fields are
 * documented one by one in docs/operations.md.
 */
final class JsonDump {
    private JsonDump() {
    }

    /**
     * @param nowNanos System.nanoTime() at {@code now}: turns the statuses' monotonic times into wall-clock ones
     */
    static String render(KeepalivedConfig config, List<InstanceStatus> statuses, Instant now, long nowNanos) {
        Map<String, InstanceStatus> byName = statuses.stream()
                .collect(Collectors.toMap(InstanceStatus::name, Function.identity(), (a, b) -> a));
        Map<String, VrrpScript> scripts = config.tracking().scripts().stream()
                .collect(Collectors.toMap(VrrpScript::name, Function.identity(), (a, b) -> a));
        StringBuilder b = new StringBuilder("[");
        boolean first = true;
        for (VrrpInstance i : config.vrrp().instances()) {
            InstanceStatus s = byName.get(i.name());
            if (s == null) {
                continue; // not running (refused at start, or VRRP not running): keepalived lists running ones only
            }
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append("{\"data\":{");
            instance(b, i, s, scripts, now, nowNanos);
            b.append("},\"stats\":{");
            stats(b, s);
            b.append("}}");
        }
        return b.append("]\n").toString();
    }

    private static void instance(StringBuilder b, VrrpInstance i, InstanceStatus s, Map<String, VrrpScript> scripts,
                                 Instant now, long nowNanos) {
        boolean vipset = s.state() == VrrpState.MASTER;
        str(b, "iname", i.name(), true);
        num(b, "dont_track_primary", bit(i.dontTrackPrimary()));
        num(b, "skip_check_adv_addr", bit(i.skipCheckAdvAddr()));
        num(b, "strict_mode", bit(i.strictMode()));
        str(b, "vmac_ifname", "", false); // no VMAC interfaces: keepalived writes "" then too
        str(b, "ifp_ifname", i.interfaceName() == null ? "" : i.interfaceName(), false);
        raw(b, "last_transition", epochSeconds(s.stateSinceNanos(), now, nowNanos));
        num(b, "garp_delay", i.garp().masterDelayMicros() / 1_000_000);
        num(b, "garp_refresh", i.garp().masterRefreshMicros() / 1_000_000);
        num(b, "garp_rep", i.garp().masterRepeat());
        num(b, "garp_refresh_rep", i.garp().masterRefreshRepeat());
        num(b, "garp_lower_prio_delay", i.garp().lowerPrioDelayMicros() / 1_000_000);
        num(b, "garp_lower_prio_rep", i.garp().lowerPrioRepeat());
        num(b, "lower_prio_no_advert", bit(i.lowerPrioNoAdvert()));
        num(b, "higher_prio_send_advert", bit(i.higherPrioSendAdvert()));
        num(b, "vrid", s.vrid());
        num(b, "base_priority", s.basePriority());
        num(b, "effective_priority", s.effectivePriority());
        raw(b, "vipset", String.valueOf(vipset));
        raw(b, "promote_secondaries", String.valueOf(i.promoteSecondaries()));
        raw(b, "adver_int", seconds(i.advertIntervalMicros()));
        num(b, "accept", bit(i.accept()));
        raw(b, "nopreempt", String.valueOf(!s.preempt()));
        num(b, "preempt_delay", i.preemptDelayMicros() / 1_000_000);
        num(b, "state", stateNumber(s.state()));
        num(b, "version", s.version());
        raw(b, "smtp_alert", String.valueOf(i.smtpAlert()));
        array(b, "vips", i.virtualIpaddresses().stream().map(v -> vip(v, i, vipset)).toList());
        array(b, "evips", i.virtualIpaddressesExcluded().stream().map(v -> vip(v, i, vipset)).toList());
        array(b, "vroutes", i.virtualRoutes().stream().map(r -> String.join(" ", r.words())).toList());
        array(b, "vrules", i.virtualRules().stream().map(r -> String.join(" ", r.words())).toList());
        array(b, "track_ifp", i.trackers().interfaces().stream().map(TrackRef::name).toList());
        // keepalived lists each tracked script by its command line, in single quotes (observed)
        array(b, "track_script", i.trackers().scripts().stream()
                .map(t -> scripts.containsKey(t.name()) ? "'" + scripts.get(t.name()).script().commandLine() + "'"
                        : "'" + t.name() + "'").toList());
        Authentication auth = i.authentication() == null ? Authentication.none() : i.authentication();
        num(b, "auth_type", switch (auth.type()) {
            case NONE -> 0;
            case PASS -> 1;
            case AH -> 2;
        });
        if (auth.type() == Authentication.Type.PASS && auth.password() != null) {
            str(b, "auth_data", auth.password(), false); // keepalived writes it too: the file is 0600
        }
    }

    private static void stats(StringBuilder b, InstanceStatus s) {
        num(b, "advert_rcvd", s.advertsReceived(), true);
        num(b, "advert_sent", s.advertsSent());
        num(b, "become_master", s.becomeMaster());
        num(b, "release_master", s.releaseMaster());
        num(b, "packet_len_err", s.drops(DropReason.PACKET_LENGTH));
        num(b, "advert_interval_err", s.drops(DropReason.ADVERT_INTERVAL));
        num(b, "ip_ttl_err", s.drops(DropReason.IP_TTL));
        num(b, "invalid_type_rcvd", s.drops(DropReason.INVALID_TYPE));
        num(b, "addr_list_err", s.drops(DropReason.ADDRESS_LIST));
        num(b, "invalid_authtype", s.drops(DropReason.INVALID_AUTH_TYPE));
        num(b, "authtype_mismatch", s.drops(DropReason.AUTH_TYPE_MISMATCH));
        num(b, "auth_failure", s.drops(DropReason.AUTH_FAILURE));
        num(b, "pri_zero_rcvd", s.priorityZeroReceived());
        num(b, "pri_zero_sent", s.priorityZeroSent());
    }

    /** keepalived's state numbers: INIT 0, BACKUP 1, MASTER 2, FAULT 3 (our STOP is keepalived's DELETED, 97). */
    static int stateNumber(VrrpState s) {
        return switch (s) {
            case INIT -> 0;
            case BACKUP -> 1;
            case MASTER -> 2;
            case FAULT -> 3;
            case STOP -> 97;
        };
    }

    /** As keepalived writes a VIP: {@code 10.0.0.1/24 dev eth0 scope global}, then {@code set} while it is. */
    static String vip(VirtualAddress v, VrrpInstance i, boolean set) {
        String dev = v.dev() != null ? v.dev() : i.interfaceName();
        return v.address() + (dev == null ? "" : " dev " + dev) + " scope " + scope(v.scope()) + (set ? " set" : "");
    }

    private static String scope(int scope) {
        return switch (scope) {
            case 0 -> "global";
            case 200 -> "site";
            case 253 -> "link";
            case 254 -> "host";
            case 255 -> "nowhere";
            default -> String.valueOf(scope);
        };
    }

    /** Seconds since the epoch with microseconds, as keepalived prints a timeval; 0 for never. */
    static String epochSeconds(long atNanos, Instant now, long nowNanos) {
        if (atNanos == InstanceStatus.NEVER) {
            return "0";
        }
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 - (nowNanos - atNanos) / 1000;
        return String.format(Locale.ROOT, "%d.%06d", Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000));
    }

    /** Whole seconds as an integer (keepalived's {@code "adver_int":1}), else a decimal. */
    static String seconds(long micros) {
        if (micros % 1_000_000 == 0) {
            return String.valueOf(micros / 1_000_000);
        }
        return java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    private static void num(StringBuilder b, String name, long value) {
        num(b, name, value, false);
    }

    private static void num(StringBuilder b, String name, long value, boolean first) {
        raw(b, name, String.valueOf(value), first);
    }

    private static void raw(StringBuilder b, String name, String value) {
        raw(b, name, value, false);
    }

    private static void raw(StringBuilder b, String name, String value, boolean first) {
        if (!first) {
            b.append(',');
        }
        b.append('"').append(name).append("\":").append(value);
    }

    private static void str(StringBuilder b, String name, String value, boolean first) {
        raw(b, name, quote(value), first);
    }

    /** An array of strings, left out when empty (as keepalived does). */
    private static void array(StringBuilder b, String name, List<String> values) {
        if (!values.isEmpty()) {
            raw(b, name, values.stream().map(JsonDump::quote).collect(Collectors.joining(",", "[", "]")));
        }
    }

    /** A JSON string literal (the configuration dump's escaping). */
    static String quote(String s) {
        StringBuilder q = new StringBuilder();
        org.jkeepalived.config.ModelJson.string(q, s);
        return q.toString();
    }
}
