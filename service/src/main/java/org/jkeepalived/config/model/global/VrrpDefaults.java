package org.jkeepalived.config.model.global;

import java.net.InetAddress;

/**
 * The global_defs settings that are defaults for every vrrp_instance (keepalived.conf(5), global_defs).
 * Times are microseconds, as keepalived keeps them.
 *
 * @param version                 vrrp_version: 2 or 3 (IPv6 instances are always 3)
 * @param mcastGroup4             vrrp_mcast_group4 (224.0.0.18)
 * @param mcastGroup6             vrrp_mcast_group6 (ff02::12)
 * @param defaultInterface        default_interface (eth0)
 * @param strict                  vrrp_strict
 * @param checkUnicastSrc         vrrp_check_unicast_src
 * @param skipCheckAdvAddr        vrrp_skip_check_adv_addr
 * @param lowerPrioNoAdvert       vrrp_lower_prio_no_advert (false, true under strict)
 * @param higherPrioSendAdvert    vrrp_higher_prio_send_advert
 * @param downTimerAdverts        vrrp_down_timer_adverts (3)
 * @param garpMasterDelayMicros   vrrp_garp_master_delay (5 s; 0 = no second burst)
 * @param garpMasterRepeat        vrrp_garp_master_repeat (5)
 * @param garpLowerPrioDelayMicros vrrp_garp_lower_prio_delay (= master delay)
 * @param garpLowerPrioRepeat     vrrp_garp_lower_prio_repeat (= master repeat)
 * @param garpMasterRefreshMicros vrrp_garp_master_refresh (0 = off)
 * @param garpMasterRefreshRepeat vrrp_garp_master_refresh_repeat (1)
 * @param garpIntervalMicros      vrrp_garp_interval (0)
 * @param gnaIntervalMicros       vrrp_gna_interval (0)
 * @param minGarp                 vrrp_min_garp
 * @param garpExtraIfMicros       vrrp_garp_extra_if seconds (0 = off)
 * @param garpExtraIfAll          vrrp_garp_extra_if "all"
 * @param startupDelayMicros      max of vrrp_startup_delay and vrrp_delay_after_boot
 * @param v3ChecksumAsV2          v3_checksum_as_v2
 * @param ownerIgnoreAdverts      vrrp_owner_ignore_adverts (null = keepalived's default: true in strict for owners)
 * @param notifyPriorityChanges   vrrp_notify_priority_changes
 * @param dynamicInterfaces       dynamic_interfaces
 * @param allowIfChanges          dynamic_interfaces allow_if_changes
 */
public record VrrpDefaults(
        int version,
        InetAddress mcastGroup4,
        InetAddress mcastGroup6,
        String defaultInterface,
        boolean strict,
        boolean checkUnicastSrc,
        boolean skipCheckAdvAddr,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        int downTimerAdverts,
        long garpMasterDelayMicros,
        int garpMasterRepeat,
        long garpLowerPrioDelayMicros,
        int garpLowerPrioRepeat,
        long garpMasterRefreshMicros,
        int garpMasterRefreshRepeat,
        long garpIntervalMicros,
        long gnaIntervalMicros,
        boolean minGarp,
        long garpExtraIfMicros,
        boolean garpExtraIfAll,
        long startupDelayMicros,
        boolean v3ChecksumAsV2,
        Boolean ownerIgnoreAdverts,
        boolean notifyPriorityChanges,
        boolean dynamicInterfaces,
        boolean allowIfChanges) {

    /** keepalived 2.2.7's defaults (as printed by {@code keepalived -d}). */
    public static VrrpDefaults keepalivedDefaults() {
        try {
            return new VrrpDefaults(2, InetAddress.getByName("224.0.0.18"), InetAddress.getByName("ff02::12"),
                    "eth0", false, false, false, false, false, 3,
                    5_000_000L, 5, 5_000_000L, 5, 0L, 1, 0L, 0L, false, 0L, false, 0L, false, null,
                    false, false, false);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
