package org.jkeepalived.config.bind.vrrp;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.track.Trackers;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.Authentication;
import org.jkeepalived.config.model.vrrp.GarpSettings;
import org.jkeepalived.config.model.vrrp.InitialState;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VrrpInstance;

/**
 * keepalived's completion of an instance once its block is read (c.9-c.11): defaults from global_defs,
 * the state / priority / nopreempt interplay, authentication vs version and strict mode, advert interval
 * rounding, unicast fall-back, and the address-owner tracker rules. Messages are keepalived 2.2.7's
 * (observed); they carry no line, as keepalived's do not.
 */
final class InstanceChecks {
    private static final long SECOND = 1_000_000L;
    private static final long CENTI = 10_000L;
    private static final long V3_MAX_ADVERT = 4095 * CENTI;
    private static final int MAX_VIPS = 255;

    private final InstanceDraft d;
    private final GlobalDefs global;
    private final BindContext ctx;

    InstanceChecks(InstanceDraft draft, GlobalDefs global, BindContext ctx) {
        this.d = draft;
        this.global = global;
        this.ctx = ctx;
    }

    private void warn(String message) {
        ctx.error((org.jkeepalived.config.Location) null, d.who() + message);
    }

    /** The resolved instance, or null when keepalived cannot run it (no interface, no VRID, strict without VIP). */
    VrrpInstance complete() {
        VrrpDefaults g = global.vrrp();
        if (d.interfaceName == null) {
            warn("Unknown interface!");
            return null;
        }
        if (d.vrid == null) {
            warn("the virtual router id must be set");
            return null;
        }
        boolean strict = d.strictMode != null ? d.strictMode : g.strict();
        AddressFamily family = d.family == null ? AddressFamily.IPV4 : d.family;
        if (d.vips.isEmpty() && !d.noVirtualIpaddress) {
            if (strict) {
                warn("No VIP specified; at least one is required");
                return null;
            }
            warn("No VIP specified; at least one is sensible");
        }

        int version = d.version != null ? d.version : family == AddressFamily.IPV6 ? 3 : g.version();
        if (family == AddressFamily.IPV6 && version == 2 && strict) {
            warn("cannot use IPv6 with VRRP version 2; setting version 3");
            version = 3;
        }
        if (strict && family == AddressFamily.IPV6 && !d.vips.isEmpty()
                && !d.vips.get(0).address().address().isLinkLocalAddress()) {
            warn("the first IPv6 VIP address must be link local");
        }

        Authentication auth = authentication(version, strict);
        List<VirtualAddress> vips = new ArrayList<>(d.vips);
        List<VirtualAddress> evips = new ArrayList<>(d.evips);
        if (vips.size() > MAX_VIPS) {
            // an advert carries at most 255 addresses
            warn("Number of VIPs (" + vips.size() + ") exceeds maximum/space available in packet (max "
                    + MAX_VIPS + " addresses) - excess moved to eVIPs");
            evips.addAll(0, vips.subList(MAX_VIPS, vips.size()));
            vips = new ArrayList<>(vips.subList(0, MAX_VIPS));
        }

        int priority = d.priority != null ? d.priority : d.state == InitialState.MASTER ? 255 : 100;
        InitialState state = d.state != null ? d.state : priority == 255 ? InitialState.MASTER : InitialState.BACKUP;
        // An address owner may start as MASTER with AH; anyone else may not (observed).
        if (state == InitialState.MASTER && auth.type() == Authentication.Type.AH && priority != 255) {
            warn("Initial state master is incompatible with AH authentication - clearing");
            state = InitialState.BACKUP;
        }
        if (strict && (state == InitialState.MASTER) != (priority == 255)) {
            warn("State MASTER must match being address owner");
            state = priority == 255 ? InitialState.MASTER : InitialState.BACKUP;
        }
        boolean nopreempt = d.nopreempt;
        if (nopreempt && priority == 255) {
            warn("nopreempt is incompatible with priority 255. resetting nopreempt");
            nopreempt = false;
        } else if (nopreempt && state == InitialState.MASTER) {
            warn("Warning - nopreempt will not work with initial state MASTER - clearing");
            nopreempt = false;
        }
        long preemptDelay = d.preemptDelayMicros == null ? 0 : d.preemptDelayMicros;
        if (preemptDelay != 0 && state == InitialState.MASTER) {
            warn("Warning - preempt delay will not work with initial state MASTER - clearing");
            preemptDelay = 0;
        }
        if (strict && preemptDelay != 0) {
            warn("preempt_delay is incompatible with strict mode - resetting");
            preemptDelay = 0;
        }
        boolean owner = priority == 255;
        boolean accept = d.accept != null ? d.accept : !strict || owner;
        if (strict && version == 2 && Boolean.TRUE.equals(d.accept)) {
            warn("warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting");
            accept = owner;
        }
        boolean higherPrioSendAdvert = d.higherPrioSendAdvert != null ? d.higherPrioSendAdvert
                : g.higherPrioSendAdvert();
        if (strict && higherPrioSendAdvert) {
            warn("strict mode requires higher_prio_send_advert to be clear. resetting");
            higherPrioSendAdvert = false;
        }
        boolean lowerPrioNoAdvert = strict
                || (d.lowerPrioNoAdvert != null ? d.lowerPrioNoAdvert : g.lowerPrioNoAdvert());

        long advert = advertInterval(version);

        boolean unicastKeyword = d.unicastKeyword;
        if (d.peers.isEmpty() && unicastKeyword && !d.unicastFaultNoPeer) {
            warn("A unicast keyword has been specified without any unicast peers. Defaulting to multicast. "
                    + "This usage is deprecated - please update your configuration.");
        }
        int unicastTtl = d.unicastTtl == null ? 255 : d.unicastTtl;
        if (d.unicastTtl != null && d.peers.isEmpty()) {
            ctx.error(d.location, "(" + d.name + "): Cannot use unicast_ttl without unicast peers - resetting");
            unicastTtl = 255;
        }
        if (d.vmacXmitBase && !d.useVmac) {
            warn("vmac_xmit_base is only valid with a vmac");
        }
        if (d.useIpvlan && family == AddressFamily.IPV4 && !d.ipvlanHasAddress) {
            warn("IPv4 ipvlan requires a source ip address to be configured. setting instance to fault state");
        }

        InetAddress mcast = d.mcastDstIp != null ? d.mcastDstIp
                : family == AddressFamily.IPV6 ? g.mcastGroup6() : g.mcastGroup4();
        Trackers trackers = owner ? ownerTrackers(d.trackers) : d.trackers;
        GarpSettings garp = new GarpSettings(
                or(d.garpMasterDelayMicros, g.garpMasterDelayMicros()), or(d.garpMasterRepeat, g.garpMasterRepeat()),
                or(d.garpMasterRefreshMicros, g.garpMasterRefreshMicros()),
                or(d.garpMasterRefreshRepeat, g.garpMasterRefreshRepeat()),
                or(d.garpLowerPrioDelayMicros, g.garpLowerPrioDelayMicros()),
                or(d.garpLowerPrioRepeat, g.garpLowerPrioRepeat()),
                or(d.garpExtraIfMicros, g.garpExtraIfMicros()),
                d.garpExtraIfMicros != null ? d.garpExtraIfAll : g.garpExtraIfAll());
        boolean ownerIgnoreAdverts = d.ownerIgnoreAdverts != null ? d.ownerIgnoreAdverts
                : g.ownerIgnoreAdverts() != null ? g.ownerIgnoreAdverts() : strict && owner;
        NotifyScripts notify = new NotifyScripts(d.notifyMaster, d.notifyBackup, d.notifyFault, d.notifyStop,
                d.notifyDeleted, d.notify, d.notifyMasterRxLowerPri, d.notifyDeletedGiven);

        return new VrrpInstance(d.name, d.location, d.interfaceName, d.vrf, d.dontTrackPrimary, d.vrid, family,
                version, state, d.priority, priority, advert, auth, d.srcIp, d.trackSrcIp, mcast, d.peers,
                unicastTtl, d.unicastFaultNoPeer, unicastKeyword,
                d.checkUnicastSrc != null ? d.checkUnicastSrc : g.checkUnicastSrc(), d.oldUnicastChecksum,
                onInterface(vips), onInterface(evips), d.noVirtualIpaddress, d.routes, d.rules, trackers,
                nopreempt, preemptDelay, accept, garp, lowerPrioNoAdvert, higherPrioSendAdvert,
                or(d.downTimerAdverts, g.downTimerAdverts()),
                d.skipCheckAdvAddr != null ? d.skipCheckAdvAddr : g.skipCheckAdvAddr(), strict,
                d.v3ChecksumAsV2 != null ? d.v3ChecksumAsV2 : g.v3ChecksumAsV2(), ownerIgnoreAdverts,
                d.timerExpiredBackup, notify,
                d.notifyPriorityChanges != null ? d.notifyPriorityChanges : g.notifyPriorityChanges(),
                smtpAlert(d.smtpAlert, global), d.promoteSecondaries, d.debug, d.lvsSyncDaemonInterface, null);
    }

    /** An instance's (or group's) smtp_alert, else global smtp_alert_vrrp, else smtp_alert, else no. */
    static boolean smtpAlert(Boolean own, GlobalDefs global) {
        if (own != null) {
            return own;
        }
        GlobalDefs.SmtpSettings s = global.smtp();
        return s.alertVrrp() != null ? s.alertVrrp() : s.alert() != null && s.alert();
    }

    private Authentication authentication(int version, boolean strict) {
        if (d.authType == null) {
            return Authentication.none();
        }
        if (version == 3) {
            warn("VRRP version 3 does not support authentication. Ignoring.");
            return Authentication.none();
        }
        if (strict) {
            warn("Strict mode does not support authentication. Ignoring.");
            return Authentication.none();
        }
        if (d.authPass == null) {
            warn("Authentication specified but no password given. Ignoring");
            return Authentication.none();
        }
        return new Authentication(d.authType, d.authPass);
    }

    /** v2: whole seconds (rounded, at least 1); v3: centiseconds, at most 40.95 s. */
    private long advertInterval(int version) {
        if (d.advertMicros == null) {
            return SECOND;
        }
        long a = d.advertMicros;
        if (version == 2) {
            if (a % SECOND != 0) {
                warn("VRRPv2 advertisement interval " + secs(a, 6) + "s must be an integer. rounding");
                a = Math.max(SECOND, (a + SECOND / 2) / SECOND * SECOND);
            }
            return a;
        }
        if (a > V3_MAX_ADVERT) {
            warn("VRRPv3 advertisement interval " + secs(a, 2) + "s is out of range. Must be less than 40.96s. "
                    + "Setting to 40.95s");
            return V3_MAX_ADVERT;
        }
        if (a % CENTI != 0) {
            warn("VRRPv3 advertisement interval " + secs(a, 6) + "s must be in units of 10ms - rounding");
            a = Math.max(CENTI, (a + CENTI / 2) / CENTI * CENTI);
        }
        return a;
    }

    private static String secs(long micros, int places) {
        return BigDecimal.valueOf(micros).movePointLeft(6).setScale(places, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** The address owner's priority never moves: weighted trackers are dropped (2.2.7 keeps processes). */
    private Trackers ownerTrackers(Trackers t) {
        List<TrackRef> ifs = new ArrayList<>();
        for (TrackRef r : t.interfaces()) {
            if (r.weight() != 0) {
                warn("ignoring " + r.name() + " tracked interface due to address owner");
            } else {
                ifs.add(r);
            }
        }
        return new Trackers(ifs, unweighted(t.scripts(), "script", "with weights", "address_owner"),
                unweighted(t.files(), "file", null, "address_owner"), t.processes(),
                unweighted(t.bfds(), "bfd", "with weights", "address_owner"));
    }

    /** Removes weighted trackers with keepalived's "ignoring tracked X ... due to Y" message. */
    List<TrackRef> unweighted(List<TrackRef> refs, String kind, String how, String reason) {
        List<TrackRef> out = new ArrayList<>();
        for (TrackRef r : refs) {
            if (r.weight() != 0) {
                warn("ignoring tracked " + kind + " " + r.name() + " "
                        + (how != null ? how : "with weight " + r.weight()) + " due to " + reason);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private List<VirtualAddress> onInterface(List<VirtualAddress> in) {
        return in.stream().map(a -> a.dev() == null ? a.withDev(d.interfaceName) : a).toList();
    }

    private static long or(Long v, long dflt) {
        return v != null ? v : dflt;
    }

    private static int or(Integer v, int dflt) {
        return v != null ? v : dflt;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
