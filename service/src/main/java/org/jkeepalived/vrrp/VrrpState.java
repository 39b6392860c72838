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
    STOP;

    /**
     * KEEPALIVED-MIB's VrrpState value, which keepalived exporters use too: init(0) backup(1) master(2) fault(3)
     * shutdown(5) (unknown(4) and deleted(6) are never a running instance's).
     */
    public int keepalivedMibValue() {
        return switch (this) {
            case INIT -> 0;
            case BACKUP -> 1;
            case MASTER -> 2;
            case FAULT -> 3;
            case STOP -> 5;
        };
    }
}
