package org.jkeepalived.vrrp;

/**
 * The states of one VRRP instance (keepalived c.9). RFC 5798/9568 §6.4 has Initialize, Backup and Master;
 * FAULT and STOP are keepalived's additions (SNMP: VRRP-MIB vrrpOperState / VRRPv3-MIB vrrpv3OperationsStatus).
 */
public enum VrrpState {
    /** Not started yet (RFC §6.4.1 Initialize). */
    INIT,
    /** Listening, master-down timer running (RFC §6.4.2). */
    BACKUP,
    /** Sending adverts, owning the virtual addresses (RFC §6.4.3). */
    MASTER,
    /** Primary interface down or a weight-0 tracker failed: neither sends nor listens. */
    FAULT,
    /** The daemon is stopping; terminal. */
    STOP
}
