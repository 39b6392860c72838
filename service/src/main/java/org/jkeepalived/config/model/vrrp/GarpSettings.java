package org.jkeepalived.config.model.vrrp;

/**
 * Gratuitous ARP / unsolicited NA settings of an instance, resolved from the instance keywords and the
 * global vrrp_garp_* defaults.
 *
 * @param masterDelayMicros      garp_master_delay: delay before the second burst after becoming MASTER (0 = none)
 * @param masterRepeat           garp_master_repeat: messages per burst
 * @param masterRefreshMicros    garp_master_refresh: periodic refresh while MASTER (0 = off)
 * @param masterRefreshRepeat    garp_master_refresh_repeat: messages per refresh
 * @param lowerPrioDelayMicros   garp_lower_prio_delay: delay after a lower-priority advert
 * @param lowerPrioRepeat        garp_lower_prio_repeat: messages after a lower-priority advert
 * @param extraIfMicros          garp_extra_if: periodic GARP on other interfaces of VIPs (0 = off)
 * @param extraIfAll             garp_extra_if all: also on the instance's interface
 */
public record GarpSettings(long masterDelayMicros, int masterRepeat, long masterRefreshMicros,
                           int masterRefreshRepeat, long lowerPrioDelayMicros, int lowerPrioRepeat,
                           long extraIfMicros, boolean extraIfAll) {
}
