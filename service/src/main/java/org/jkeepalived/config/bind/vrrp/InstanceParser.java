package org.jkeepalived.config.bind.vrrp;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.Authentication;
import org.jkeepalived.config.model.vrrp.InitialState;
import org.jkeepalived.config.model.vrrp.UnicastPeer;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.jkeepalived.config.model.vrrp.VrrpInstance.UnicastChecksum;
import org.jkeepalived.config.syntax.Node;

/**
 * Reads the keywords of one vrrp_instance block into an {@link InstanceDraft}, with keepalived 2.2.7's
 * per-keyword checks and messages (observed with {@code keepalived -t}). Order matters as in keepalived:
 * the first address seen (VIP, source, peer, native_ipv6) fixes the instance's family.
 */
final class InstanceParser {
    static final long SECOND = 1_000_000L;

    private final InstanceDraft d;
    private final TrackConfig tracking;
    private final RuleLines.PreferenceCounter preferences;
    private final BindContext ctx;

    InstanceParser(InstanceDraft draft, TrackConfig tracking, RuleLines.PreferenceCounter preferences,
                   BindContext ctx) {
        this.d = draft;
        this.tracking = tracking;
        this.preferences = preferences;
        this.ctx = ctx;
    }

    void read(Node block) {
        for (Node n : block.children()) {
            keyword(n);
        }
        d.trackers = TrackerLines.read(block, d.name, tracking, ctx);
    }

    private void keyword(Node n) {
        String who = d.who();
        switch (n.keyword()) {
            case "state" -> {
                if (Args.require(n, 1, ctx)) {
                    switch (n.arg(0)) {
                        case "MASTER" -> d.state = InitialState.MASTER;
                        case "BACKUP" -> d.state = InitialState.BACKUP;
                        default -> {
                            ctx.error(n, who + "unknown state '" + n.arg(0) + "', defaulting to BACKUP");
                            d.state = InitialState.BACKUP;
                        }
                    }
                }
            }
            case "interface" -> {
                if (Args.require(n, 1, ctx)) {
                    interfaceName(n);
                }
            }
            case "vrf" -> {
                if (Args.require(n, 1, ctx)) {
                    if (d.interfaceName != null) {
                        ctx.error(n, who + "Cannot specify VRF interface and interface - ignoring");
                    } else {
                        d.vrf = n.arg(0);
                    }
                }
            }
            case "dont_track_primary" -> d.dontTrackPrimary = true;
            case "mcast_src_ip", "unicast_src_ip" -> {
                if (Args.require(n, 1, ctx)) {
                    sourceAddress(n);
                }
            }
            case "track_src_ip" -> d.trackSrcIp = true;
            case "virtual_router_id" -> {
                if (Args.require(n, 1, ctx)) {
                    Integer v = Args.intValue(n.location(), n.arg(0), 1, 255, ctx);
                    if (v == null) {
                        ctx.error(n, "(" + d.name + "): VRID '" + n.arg(0) + "' not valid - must be between 1 & 255");
                    } else {
                        d.vrid = v;
                    }
                }
            }
            case "version" -> {
                if (Args.require(n, 1, ctx)) {
                    version(n);
                }
            }
            case "priority" -> {
                if (Args.require(n, 1, ctx)) {
                    Integer v = Args.intValue(n.location(), n.arg(0), 1, 255, ctx);
                    if (v == null) {
                        ctx.error(n, who + "Priority not valid! must be between 1 & 255. Using default 100");
                        d.priority = 100;
                    } else {
                        d.priority = v;
                    }
                }
            }
            case "advert_int" -> {
                if (Args.require(n, 1, ctx)) {
                    Long v = Args.seconds(n.location(), n.arg(0), 10_000L, 255 * SECOND, ctx);
                    if (v == null) {
                        ctx.error(n, who + "Advert interval (" + n.arg(0) + ") not valid! Must be > 0 - ignoring");
                    } else {
                        d.advertMicros = v;
                    }
                }
            }
            case "virtual_ipaddress" -> addresses(n, true);
            case "virtual_ipaddress_excluded" -> addresses(n, false);
            case "no_virtual_ipaddress" -> d.noVirtualIpaddress = true;
            case "virtual_routes" -> {
                for (Node.Item item : n.items()) {
                    VirtualRoute r = RouteLines.parse(item.words(), item.location(), false, ctx);
                    if (r != null) {
                        d.routes.add(r);
                    }
                }
            }
            case "virtual_rules" -> {
                for (Node.Item item : n.items()) {
                    VirtualRule r = RuleLines.parse(item.words(), item.location(), false, preferences, ctx);
                    if (r != null) {
                        d.rules.add(r);
                    }
                }
            }
            case "unicast_peer" -> {
                d.unicastKeyword = true;
                for (Node.Item item : n.items()) {
                    peer(item);
                }
            }
            case "unicast_ttl" -> {
                if (Args.require(n, 1, ctx)) {
                    Integer v = Args.intValue(n.location(), n.arg(0), 0, 255, ctx);
                    if (v == null) {
                        ctx.error(n, "(" + d.name + "): TTL '" + n.arg(0) + "' not valid - must be between 0 & 255");
                    } else {
                        d.unicastTtl = v;
                    }
                }
            }
            case "unicast_fault_no_peer" -> d.unicastFaultNoPeer = true;
            case "check_unicast_src" -> {
                d.unicastKeyword = true;
                d.checkUnicastSrc = true;
            }
            case "old_unicast_checksum" -> {
                d.unicastKeyword = true;
                d.oldUnicastChecksum = n.hasArg(0) && n.arg(0).equals("never")
                        ? UnicastChecksum.NEVER : UnicastChecksum.OLD;
            }
            case "mcast_dst_ip" -> {
                if (Args.require(n, 1, ctx)) {
                    mcastDst(n);
                }
            }
            case "native_ipv6" -> {
                if (d.family == AddressFamily.IPV4) {
                    ctx.error(n, who + "Cannot specify native_ipv6 with IPv4 addresses");
                } else {
                    d.family = AddressFamily.IPV6;
                }
            }
            case "authentication" -> authentication(n);
            case "nopreempt" -> d.nopreempt = true;
            case "preempt" -> d.nopreempt = false;
            case "preempt_delay" -> {
                if (Args.require(n, 1, ctx)) {
                    Long v = Args.seconds(n.location(), n.arg(0), 0, 1000 * SECOND, ctx);
                    if (v == null) {
                        ctx.error(n, who + "Preempt_delay not valid! must be between 0-1000");
                    } else {
                        d.preemptDelayMicros = v;
                    }
                }
            }
            case "accept" -> d.accept = true;
            case "no_accept" -> d.accept = false;
            case "skip_check_adv_addr" -> d.skipCheckAdvAddr = bool(n, d.skipCheckAdvAddr);
            case "strict_mode" -> d.strictMode = bool(n, d.strictMode);
            case "lower_prio_no_advert" -> d.lowerPrioNoAdvert = bool(n, d.lowerPrioNoAdvert);
            case "higher_prio_send_advert" -> d.higherPrioSendAdvert = bool(n, d.higherPrioSendAdvert);
            case "v3_checksum_as_v2" -> d.v3ChecksumAsV2 = bool(n, d.v3ChecksumAsV2);
            case "owner_ignore_adverts" -> d.ownerIgnoreAdverts = bool(n, d.ownerIgnoreAdverts);
            case "notify_priority_changes" -> d.notifyPriorityChanges = bool(n, d.notifyPriorityChanges);
            case "timer_expired_backup" -> d.timerExpiredBackup = true;
            case "smtp_alert" -> {
                Boolean b = Args.optionalBool(n);
                if (b == null) {
                    ctx.error(n, "Invalid vrrp_instance smtp_alert parameter " + n.arg(0));
                } else {
                    d.smtpAlert = b;
                }
            }
            case "debug" -> {
                if (Args.require(n, 1, ctx)) {
                    Integer v = Args.intValue(n.location(), n.arg(0), 0, 4, ctx);
                    if (v == null) {
                        ctx.error(n, who + "Debug value '" + n.arg(0) + "' not valid; must be between 0-4");
                    } else {
                        d.debug = v;
                    }
                }
            }
            case "notify_master" -> d.notifyMaster = script(n);
            case "notify_backup" -> d.notifyBackup = script(n);
            case "notify_fault" -> d.notifyFault = script(n);
            case "notify_stop" -> d.notifyStop = script(n);
            case "notify" -> d.notify = script(n);
            case "notify_master_rx_lower_pri" -> d.notifyMasterRxLowerPri = script(n);
            case "notify_deleted" -> {
                d.notifyDeletedGiven = true;
                if (n.hasArg(0)) {
                    d.notifyDeleted = VrrpScripts.parse(n, ctx);
                }
            }
            case "lvs_sync_daemon_interface" -> {
                if (Args.require(n, 1, ctx)) {
                    ctx.error(n, who + "Specifying lvs_sync_daemon_interface against a vrrp is deprecated.");
                    ctx.error(n, "        Please use global lvs_sync_daemon");
                    d.lvsSyncDaemonInterface = n.arg(0);
                }
            }
            case "garp_master_delay" -> d.garpMasterDelayMicros = garpSeconds(n, d.garpMasterDelayMicros);
            case "garp_lower_prio_delay" -> d.garpLowerPrioDelayMicros = garpSeconds(n, d.garpLowerPrioDelayMicros);
            case "garp_master_refresh" -> d.garpMasterRefreshMicros = garpSeconds(n, d.garpMasterRefreshMicros);
            case "garp_master_repeat" -> d.garpMasterRepeat = repeat(n, d.garpMasterRepeat, true);
            case "garp_master_refresh_repeat" -> d.garpMasterRefreshRepeat = repeat(n, d.garpMasterRefreshRepeat, true);
            case "garp_lower_prio_repeat" -> d.garpLowerPrioRepeat = repeat(n, d.garpLowerPrioRepeat, false);
            case "garp_extra_if" -> garpExtraIf(n);
            case "down_timer_adverts" -> {
                if (Args.require(n, 1, ctx)) {
                    Integer v = Args.intValue(n.location(), n.arg(0), 1, 100, ctx);
                    if (v == null) {
                        ctx.error(n, "(" + d.name + "): Invalid down_timer_adverts [1:100] '" + n.arg(0) + "'");
                    } else {
                        d.downTimerAdverts = v;
                    }
                }
            }
            case "linkbeat_use_polling" ->
                    ctx.error(n, who + "'linkbeat_use_polling' in vrrp instance deprecated - use linkbeat_interfaces block");
            case "kernel_rx_buf_size" -> {
                if (!n.hasArg(0) || Args.integer(n.location(), n.arg(0), 0, Long.MAX_VALUE, ctx) == null) {
                    ctx.error(n, who + "invalid kernel_rx_buf_size specified");
                }
            }
            case "promote_secondaries" -> d.promoteSecondaries = true;
            case "use_vmac" -> d.useVmac = true;
            case "vmac_xmit_base" -> d.vmacXmitBase = true;
            case "use_ipvlan" -> {
                d.useIpvlan = true;
                d.ipvlanHasAddress = n.args().stream().anyMatch(w -> RouteLines.prefixOrNull(w) != null);
            }
            default -> {
                // track_* blocks are read together afterwards; use_vmac_addr, auth_hmac: not implemented.
            }
        }
    }

    private void interfaceName(Node n) {
        String name = n.arg(0);
        if (d.vrf != null) {
            ctx.error(n, d.who() + "Cannot specify VRF interface and interface - ignoring");
            return;
        }
        // keepalived refuses the loopback for adverts; "lo" is its name on Linux.
        if (name.equals("lo")) {
            ctx.error(n, d.who() + "cannot use a loopback interface (" + name + ") for vrrp - ignoring");
            return;
        }
        if (!ctx.system().interfaceExists(name)) {
            Interfaces.missing(n.location(), "WARNING - interface " + name + " for vrrp_instance " + d.name
                    + " doesn't exist", ctx);
        }
        d.interfaceName = name;
    }

    private void version(Node n) {
        Integer v = Args.intValue(n.location(), n.arg(0), 2, 3, ctx);
        if (v == null) {
            ctx.error(n, "(" + d.name + "): Version must be either 2 or 3");
            return;
        }
        // IPv6 fixes version 3; keepalived ignores an explicit 2 that comes after it.
        if (v == 2 && d.family == AddressFamily.IPV6) {
            ctx.error(n, d.who() + "vrrp_version 2 conflicts with configured or deduced version 3; ignoring.");
            return;
        }
        d.version = v;
    }

    private boolean family(InetAddress a) {
        AddressFamily f = a instanceof Inet4Address ? AddressFamily.IPV4 : AddressFamily.IPV6;
        if (d.family == null) {
            d.family = f;
            return true;
        }
        return d.family == f;
    }

    private void sourceAddress(Node n) {
        if (n.keyword().equals("unicast_src_ip")) {
            d.unicastKeyword = true;
        }
        InetAddress a = n.arg(0).indexOf('/') >= 0 ? null : Args.address(n.arg(0));
        if (a == null) {
            ctx.error(n, "Configuration error: VRRP instance[" + d.name + "] malformed src address[" + n.arg(0)
                    + "]. Skipping...");
        } else if (!family(a)) {
            ctx.error(n, "Configuration error: VRRP instance[" + d.name + "] and src address[" + n.arg(0)
                    + "] MUST be of the same family !!! Skipping...");
        } else {
            d.srcIp = a;
        }
    }

    private void mcastDst(Node n) {
        InetAddress a = Args.address(n.arg(0));
        if (a == null || !a.isMulticastAddress()) {
            ctx.error(n, d.who() + "mcast dest address " + n.arg(0) + " is not a multicast address. Skipping...");
        } else if (!family(a)) {
            ctx.error(n, d.who() + "mcast dest address " + n.arg(0) + " MUST match VRRP instance family. Skipping...");
        } else if (!(a instanceof Inet4Address) && !a.isMCLinkLocal()) {
            ctx.error(n, d.who() + "mcast dest address " + n.arg(0) + " must be link local. Skipping...");
        } else {
            d.mcastDstIp = a;
        }
    }

    /** The device of addresses without {@code dev} is the instance's interface, filled in at completion. */
    private void addresses(Node n, boolean advertised) {
        for (Node.Item item : n.items()) {
            VirtualAddress a = AddressLines.parse(item.words(), item.location(), null, false, ctx);
            if (a == null) {
                continue;
            }
            if (advertised) {
                if (!family(a.address().address())) {
                    ctx.error(item.location(), "(" + d.name + "): address family must match VRRP instance ["
                            + item.words().get(0) + "] - ignoring");
                    continue;
                }
                d.vips.add(a);
            } else {
                d.evips.add(a);
            }
        }
    }

    private void peer(Node.Item item) {
        Location at = item.location();
        String w = item.words().get(0);
        InetAddress a = w.indexOf('/') >= 0 ? null : Args.address(w);
        if (a == null) {
            ctx.error(at, "Configuration error: VRRP instance[" + d.name + "] malformed unicast peer address[" + w
                    + "]. Skipping...");
            return;
        }
        if (!family(a)) {
            ctx.error(at, "Configuration error: VRRP instance[" + d.name + "] and unicast peer address[" + w
                    + "] MUST be of the same family !!! Skipping...");
            return;
        }
        int minTtl = 0;
        int maxTtl = 255;
        for (int i = 1; i < item.words().size(); i += 2) {
            String opt = item.words().get(i);
            if (i + 1 >= item.words().size()) {
                ctx.error(at, d.who() + opt + " is missing a value");
                break;
            }
            String v = item.words().get(i + 1);
            switch (opt) {
                case "min_ttl", "max_ttl" -> {
                    Integer t = Args.intValue(at, v, 0, 255, ctx);
                    if (t != null) {
                        d.checkUnicastSrc = true;
                        if (opt.equals("min_ttl")) {
                            minTtl = t;
                        } else {
                            maxTtl = t;
                        }
                    }
                }
                default -> ctx.error(at, d.who() + "unknown unicast_peer option " + opt);
            }
        }
        if (minTtl > maxTtl) {
            ctx.error(at, d.who() + "min_ttl " + minTtl + " > max_ttl " + maxTtl + " - all packets will be discarded");
        }
        d.peers.add(new UnicastPeer(a, minTtl, maxTtl, at));
    }

    private void authentication(Node block) {
        for (Node n : block.children()) {
            if (n.keyword().equals("auth_type") && Args.require(n, 1, ctx)) {
                switch (n.arg(0)) {
                    case "PASS" -> d.authType = Authentication.Type.PASS;
                    case "AH" -> d.authType = Authentication.Type.AH;
                    default -> ctx.error(n, d.who() + "unknown authentication type '" + n.arg(0) + "'");
                }
            } else if (n.keyword().equals("auth_pass") && Args.require(n, 1, ctx)) {
                String p = n.arg(0);
                if (p.length() > 8) {
                    ctx.error(n, "Truncating auth_pass to 8 characters");
                    p = p.substring(0, 8);
                }
                d.authPass = p;
            }
        }
    }

    private Boolean bool(Node n, Boolean current) {
        Boolean b = Args.optionalBool(n);
        if (b == null) {
            ctx.error(n, d.who() + "invalid " + n.keyword() + " " + n.arg(0) + " specified");
            return current;
        }
        return b;
    }

    private ScriptCommand script(Node n) {
        return Args.require(n, 1, ctx) ? VrrpScripts.parse(n, ctx) : null;
    }

    /** garp_master_delay / garp_lower_prio_delay / garp_master_refresh: whole seconds. */
    private Long garpSeconds(Node n, Long current) {
        if (!Args.require(n, 1, ctx)) {
            return current;
        }
        Long v = Args.integer(n.location(), n.arg(0), 0, Integer.MAX_VALUE / 1_000_000L * 1000L, ctx);
        if (v == null) {
            ctx.error(n, "(" + d.name + "): Invalid " + n.keyword() + " '" + n.arg(0) + "' - ignoring");
            return current;
        }
        return v * SECOND;
    }

    private Integer repeat(Node n, Integer current, boolean positive) {
        if (!Args.require(n, 1, ctx)) {
            return current;
        }
        Integer v = Args.intValue(n.location(), n.arg(0), 0, Integer.MAX_VALUE, ctx);
        if (v == null) {
            ctx.error(n, "(" + d.name + "): Invalid " + n.keyword() + " '" + n.arg(0) + "' - ignoring");
            return current;
        }
        if (v == 0 && positive) {
            ctx.error(n, "(" + d.name + "): " + n.keyword() + " must be greater than 0, setting to 1");
            return 1;
        }
        return v;
    }

    private void garpExtraIf(Node n) {
        if (n.written().equals("vmac_garp_intvl") || n.written().equals("vrrp_vmac_garp_intvl")) {
            ctx.error(n, "Keyword \"" + n.written() + "\" is deprecated - please use \"garp_extra_if\"");
        }
        int i = 0;
        boolean all = false;
        if (n.hasArg(0) && n.arg(0).equals("all")) {
            all = true;
            i = 1;
        }
        if (!n.hasArg(i)) {
            ctx.error(n, "(" + d.name + "): garp_extra_if specified without time - ignoring");
            return;
        }
        Integer v = Args.intValue(n.location(), n.arg(i), 0, 86400, ctx);
        if (v == null) {
            ctx.error(n, "(" + d.name + "): garp_extra_if '" + n.arg(i) + "' invalid - ignoring");
            return;
        }
        d.garpExtraIfMicros = v * SECOND;
        d.garpExtraIfAll = all;
    }
}
