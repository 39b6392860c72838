package org.jkeepalived.config.model.global;

import java.net.InetAddress;

/**
 * The global_defs settings that are defaults for every vrrp_instance (keepalived.conf(5), global_defs).
 * Times are microseconds, as keepalived keeps them. Values were checked against keepalived 2.2.7's
 * {@code -d} dump ("Global definitions").
 *
 * @param version                 vrrp_version: 2 or 3 (IPv6 instances are always 3)
 * @param mcastGroup4             vrrp_mcast_group4 (224.0.0.18)
 * @param mcastGroup6             vrrp_mcast_group6 (ff02::12)
 * @param defaultInterface        default_interface (eth0), the interface of static addresses without dev;
 *                                whether it exists is judged where it is used
 * @param strict                  vrrp_strict
 * @param checkUnicastSrc         vrrp_check_unicast_src
 * @param skipCheckAdvAddr        vrrp_skip_check_adv_addr
 * @param lowerPrioNoAdvert       vrrp_lower_prio_no_advert (false; an instance under strict mode forces true)
 * @param higherPrioSendAdvert    vrrp_higher_prio_send_advert
 * @param downTimerAdverts        vrrp_down_timer_adverts (3, range 1..100)
 * @param garpMasterDelayMicros   vrrp_garp_master_delay (5 s, or 0 with vrrp_min_garp; 0 = no second burst)
 * @param garpMasterRepeat        vrrp_garp_master_repeat (5, or 1 with vrrp_min_garp)
 * @param garpLowerPrioDelayMicros vrrp_garp_lower_prio_delay (default: the resolved master delay)
 * @param garpLowerPrioRepeat     vrrp_garp_lower_prio_repeat (default: the resolved master repeat)
 * @param garpMasterRefreshMicros vrrp_garp_master_refresh (0 = off)
 * @param garpMasterRefreshRepeat vrrp_garp_master_refresh_repeat (1, or 0 with vrrp_min_garp)
 * @param garpIntervalMicros      vrrp_garp_interval (0)
 * @param gnaIntervalMicros       vrrp_gna_interval (0)
 * @param minGarp                 vrrp_min_garp (already folded into the garp values above)
 * @param garpExtraIfMicros       vrrp_garp_extra_if period (0 = off, else 1..86400 s)
 * @param garpExtraIfAll          vrrp_garp_extra_if "all": every interface, not only VMACs
 * @param startupDelayMicros      vrrp_startup_delay (0 = none)
 * @param v3ChecksumAsV2          v3_checksum_as_v2 (after 2.2.7)
 * @param ownerIgnoreAdverts      vrrp_owner_ignore_adverts (after 2.2.7; null = unset)
 * @param notifyPriorityChanges   vrrp_notify_priority_changes
 * @param dynamicInterfaces       dynamic_interfaces
 * @param allowIfChanges          dynamic_interfaces allow_if_changes
 * @param delayAfterBootMicros    vrrp_delay_after_boot (after 2.2.7; 0 = none): instances wait until this long
 *                                after boot; the longer of this and the startup delay wins at run time
 * @param logUnknownVrids         log_unknown_vrids
 * @param vmacPrefix              vmac_prefix ("vrrp"), prefix of generated VMAC interface names
 * @param vmacAddrPrefix          vmac_addr_prefix (default: vmac_prefix)
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
        boolean allowIfChanges,
        long delayAfterBootMicros,
        boolean logUnknownVrids,
        String vmacPrefix,
        String vmacAddrPrefix) {

    public static final String DEFAULT_VMAC_PREFIX = "vrrp";

    /** The original shape (before the later keywords were added): those take their defaults. */
    public VrrpDefaults(int version, InetAddress mcastGroup4, InetAddress mcastGroup6, String defaultInterface,
                        boolean strict, boolean checkUnicastSrc, boolean skipCheckAdvAddr, boolean lowerPrioNoAdvert,
                        boolean higherPrioSendAdvert, int downTimerAdverts, long garpMasterDelayMicros,
                        int garpMasterRepeat, long garpLowerPrioDelayMicros, int garpLowerPrioRepeat,
                        long garpMasterRefreshMicros, int garpMasterRefreshRepeat, long garpIntervalMicros,
                        long gnaIntervalMicros, boolean minGarp, long garpExtraIfMicros, boolean garpExtraIfAll,
                        long startupDelayMicros, boolean v3ChecksumAsV2, Boolean ownerIgnoreAdverts,
                        boolean notifyPriorityChanges, boolean dynamicInterfaces, boolean allowIfChanges) {
        this(version, mcastGroup4, mcastGroup6, defaultInterface, strict, checkUnicastSrc, skipCheckAdvAddr,
                lowerPrioNoAdvert, higherPrioSendAdvert, downTimerAdverts, garpMasterDelayMicros, garpMasterRepeat,
                garpLowerPrioDelayMicros, garpLowerPrioRepeat, garpMasterRefreshMicros, garpMasterRefreshRepeat,
                garpIntervalMicros, gnaIntervalMicros, minGarp, garpExtraIfMicros, garpExtraIfAll,
                startupDelayMicros, v3ChecksumAsV2, ownerIgnoreAdverts, notifyPriorityChanges, dynamicInterfaces,
                allowIfChanges, 0L, false, DEFAULT_VMAC_PREFIX, DEFAULT_VMAC_PREFIX);
    }

    /** keepalived 2.2.7's defaults (as printed by {@code keepalived -d}). */
    public static VrrpDefaults keepalivedDefaults() {
        try {
            return new VrrpDefaults(2, InetAddress.getByName("224.0.0.18"), InetAddress.getByName("ff02::12"),
                    "eth0", false, false, false, false, false, 3,
                    5_000_000L, 5, 5_000_000L, 5, 0L, 1, 0L, 0L, false, 0L, false, 0L, false, null,
                    false, false, false, 0L, false, DEFAULT_VMAC_PREFIX, DEFAULT_VMAC_PREFIX);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
