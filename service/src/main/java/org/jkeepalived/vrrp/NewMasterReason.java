package org.jkeepalived.vrrp;

/**
 * Why an instance last became MASTER: VRRPv3-MIB vrrpv3StatisticsNewMasterReason (RFC 6527), whose numbers
 * these keep in order.
 */
public enum NewMasterReason {
    /** notMaster(0): not MASTER now. */
    NOT_MASTER,
    /** priority(1): the master gave up (a priority-0 advert) and we took over. */
    PRIORITY,
    /** preempted(2): we preempted a lower-priority master, or own the addresses (priority 255) at start. */
    PREEMPTED,
    /** masterNoResponse(3): the master down timer expired without adverts. */
    MASTER_NO_RESPONSE
}
