package org.jkeepalived.config.model.vrrp;

import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.track.Trackers;

/**
 * A {@code vrrp_instance} (c.1) after keepalived's load-time checks, with every default resolved from the
 * instance keywords and global_defs (so a dump shows the effective value).
 *
 * @param name                    instance name
 * @param location                where the block starts
 * @param interfaceName           {@code interface}, null when missing (reported "Unknown interface!")
 * @param vrf                     {@code vrf} (unicast without interface), null when none
 * @param dontTrackPrimary        {@code dont_track_primary}: link state of the interface is ignored
 * @param virtualRouterId         VRID 1..255 (0 when it was never validly set, which is reported)
 * @param family                  address family, from the first address seen (IPv4 when none)
 * @param version                 VRRP version 2 or 3
 * @param state                   initial state wish after the checks (MASTER/BACKUP)
 * @param configuredPriority      {@code priority} as configured, null when not given
 * @param priority                base priority: configured, else 255 for state MASTER, else 100
 * @param advertIntervalMicros    advert_int (v2: whole seconds; v3: 10 ms units, at most 40.95 s)
 * @param authentication          VRRPv2 authentication (NONE when absent or cleared)
 * @param srcIp                   mcast_src_ip / unicast_src_ip, null = primary address of the interface
 * @param trackSrcIp              {@code track_src_ip}
 * @param mcastDstIp              multicast group: mcast_dst_ip or the global vrrp_mcast_group4/6
 * @param unicastPeers            unicast peers; empty means multicast
 * @param unicastTtl              TTL / hop limit of unicast adverts (255)
 * @param unicastFaultNoPeer      {@code unicast_fault_no_peer}: FAULT instead of multicast without peers
 * @param unicastConfigured       a unicast keyword was given (keepalived falls back to multicast without peers)
 * @param checkUnicastSrc         accept unicast adverts only from peers (also set by min_ttl/max_ttl)
 * @param oldUnicastChecksum      {@code old_unicast_checksum}: AUTO (detect), OLD (always), NEVER
 * @param virtualIpaddresses      VIPs, carried in adverts, all of the instance's family
 * @param virtualIpaddressesExcluded eVIPs, not advertised, any family
 * @param noVirtualIpaddress      {@code no_virtual_ipaddress}: no VIP on purpose
 * @param virtualRoutes           virtual_routes
 * @param virtualRules            virtual_rules
 * @param trackers                the instance's own trackers (sync group trackers are on the group)
 * @param nopreempt               {@code nopreempt} (cleared for priority 255 or initial MASTER)
 * @param preemptDelayMicros      {@code preempt_delay} (0..1000 s)
 * @param accept                  accept mode (default on; in strict mode only for the address owner)
 * @param garp                    gratuitous ARP / NA settings
 * @param lowerPrioNoAdvert       {@code lower_prio_no_advert} (forced in strict mode)
 * @param higherPrioSendAdvert    {@code higher_prio_send_advert} (cleared in strict mode)
 * @param downTimerAdverts        {@code down_timer_adverts} 1..100 (3)
 * @param skipCheckAdvAddr        {@code skip_check_adv_addr}
 * @param strictMode              {@code strict_mode} (default vrrp_strict)
 * @param v3ChecksumAsV2          {@code v3_checksum_as_v2}: VRRPv3 IPv4 checksum without pseudo-header
 * @param ownerIgnoreAdverts      {@code owner_ignore_adverts} (default: strict mode and address owner)
 * @param timerExpiredBackup      {@code timer_expired_backup}: go BACKUP after a long scheduling delay
 * @param notifyScripts           notify scripts
 * @param notifyPriorityChanges   {@code notify_priority_changes} (FIFO priority events)
 * @param smtpAlert               send mail on transitions (instance smtp_alert, else smtp_alert_vrrp,
 *                                else smtp_alert, else no)
 * @param promoteSecondaries      {@code promote_secondaries}
 * @param debug                   {@code debug} level 0..4 (no effect)
 * @param lvsSyncDaemonInterface  deprecated {@code lvs_sync_daemon_interface}, null when none
 * @param syncGroup               name of the vrrp_sync_group this instance belongs to, null when none
 */
public record VrrpInstance(
        String name,
        Location location,
        String interfaceName,
        String vrf,
        boolean dontTrackPrimary,
        int virtualRouterId,
        AddressFamily family,
        int version,
        InitialState state,
        Integer configuredPriority,
        int priority,
        long advertIntervalMicros,
        Authentication authentication,
        InetAddress srcIp,
        boolean trackSrcIp,
        InetAddress mcastDstIp,
        List<UnicastPeer> unicastPeers,
        int unicastTtl,
        boolean unicastFaultNoPeer,
        boolean unicastConfigured,
        boolean checkUnicastSrc,
        UnicastChecksum oldUnicastChecksum,
        List<VirtualAddress> virtualIpaddresses,
        List<VirtualAddress> virtualIpaddressesExcluded,
        boolean noVirtualIpaddress,
        List<VirtualRoute> virtualRoutes,
        List<VirtualRule> virtualRules,
        Trackers trackers,
        boolean nopreempt,
        long preemptDelayMicros,
        boolean accept,
        GarpSettings garp,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        int downTimerAdverts,
        boolean skipCheckAdvAddr,
        boolean strictMode,
        boolean v3ChecksumAsV2,
        boolean ownerIgnoreAdverts,
        boolean timerExpiredBackup,
        NotifyScripts notifyScripts,
        boolean notifyPriorityChanges,
        boolean smtpAlert,
        boolean promoteSecondaries,
        int debug,
        String lvsSyncDaemonInterface,
        String syncGroup) {

    public VrrpInstance {
        unicastPeers = List.copyOf(unicastPeers);
        virtualIpaddresses = List.copyOf(virtualIpaddresses);
        virtualIpaddressesExcluded = List.copyOf(virtualIpaddressesExcluded);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
    }

    /** {@code old_unicast_checksum}: AUTO detects old-style peers, OLD always uses it, NEVER never does. */
    public enum UnicastChecksum { AUTO, OLD, NEVER }

    /** Priority 255: the address owner, whose priority trackers never change. */
    public boolean addressOwner() {
        return priority == 255;
    }

    /** Adverts go to unicast peers rather than the multicast group. */
    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }

    /** A copy in the given sync group (set when the groups are resolved). */
    public VrrpInstance withSyncGroup(String group) {
        return new VrrpInstance(name, location, interfaceName, vrf, dontTrackPrimary, virtualRouterId, family,
                version, state, configuredPriority, priority, advertIntervalMicros, authentication, srcIp,
                trackSrcIp, mcastDstIp, unicastPeers, unicastTtl, unicastFaultNoPeer, unicastConfigured,
                checkUnicastSrc, oldUnicastChecksum, virtualIpaddresses, virtualIpaddressesExcluded,
                noVirtualIpaddress, virtualRoutes, virtualRules, trackers, nopreempt, preemptDelayMicros, accept,
                garp, lowerPrioNoAdvert, higherPrioSendAdvert, downTimerAdverts, skipCheckAdvAddr, strictMode,
                v3ChecksumAsV2, ownerIgnoreAdverts, timerExpiredBackup, notifyScripts, notifyPriorityChanges, smtpAlert,
                promoteSecondaries, debug, lvsSyncDaemonInterface, group);
    }

    /** A copy with other trackers (sync-group weight adjustments). */
    public VrrpInstance withTrackers(Trackers t) {
        return new VrrpInstance(name, location, interfaceName, vrf, dontTrackPrimary, virtualRouterId, family,
                version, state, configuredPriority, priority, advertIntervalMicros, authentication, srcIp,
                trackSrcIp, mcastDstIp, unicastPeers, unicastTtl, unicastFaultNoPeer, unicastConfigured,
                checkUnicastSrc, oldUnicastChecksum, virtualIpaddresses, virtualIpaddressesExcluded,
                noVirtualIpaddress, virtualRoutes, virtualRules, t, nopreempt, preemptDelayMicros, accept,
                garp, lowerPrioNoAdvert, higherPrioSendAdvert, downTimerAdverts, skipCheckAdvAddr, strictMode,
                v3ChecksumAsV2, ownerIgnoreAdverts, timerExpiredBackup, notifyScripts, notifyPriorityChanges, smtpAlert,
                promoteSecondaries, debug, lvsSyncDaemonInterface, syncGroup);
    }
}
