package org.jkeepalived.control;

/**
 * What the management plane (SNMP SET, JMX and Jolokia operations) may ask of the daemon. Implemented in
 * {@code daemon} on top of the engines; every call returns at once with the outcome (the change itself is
 * applied by the owning engine's thread, as keepalived applies an SNMP SET: at once, not persisted across a
 * reload).
 */
public interface ManagementCommands {

    /** How a command ended. */
    enum Outcome {
        /** Accepted and applied. */
        DONE,
        /** No such vrrp_instance, virtual server or real server (any more). */
        NO_SUCH_OBJECT,
        /** The value is out of range (a base priority of 0, a negative weight, ...). */
        BAD_VALUE,
        /** The subsystem is not running or did not answer in time. */
        UNAVAILABLE
    }

    /** vrrpInstanceBasePriority SET: 1..255 (keepalived refuses 0); the effective priority is recomputed. */
    Outcome setBasePriority(String instance, int priority);

    /** vrrpInstancePreempt SET. */
    Outcome setPreempt(String instance, boolean preempt);

    /**
     * realServerWeight SET: the real server's configured weight (0..65535), pushed to IPVS at once while the
     * real server is up.
     *
     * @param virtualServer keepalived's name of the virtual server, e.g. {@code [192.0.2.1]:tcp:80}
     * @param realServer    keepalived's name of the real server, e.g. {@code [10.0.0.1]:tcp:80}
     */
    Outcome setRealServerWeight(String virtualServer, String realServer, int weight);

    /** SIGHUP's reload, run on the control thread. */
    Outcome reload();

    /** SIGUSR1's data dump and SIGUSR2's stats dump; returns where they were written, or null. */
    String dump();
}
