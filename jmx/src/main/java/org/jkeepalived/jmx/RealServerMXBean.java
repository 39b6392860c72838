package org.jkeepalived.jmx;

/**
 * One real server (or a virtual server's sorry server) of one virtual server:
 * {@code jkeepalived:type=RealServer,virtualServer="[192.0.2.1]:tcp:80",name="[10.0.0.1]:tcp:80"}. The IPVS
 * counters are the kernel's for its destination; all are 0 while it is not in the kernel or IPVS is not read.
 */
public interface RealServerMXBean extends IpvsCounters {

    /** keepalived's name of the real server, {@code [ADDRESS]:PROTO:PORT}. */
    String getName();

    /** keepalived's name of its virtual server. */
    String getVirtualServer();

    /** Whether this is the virtual server's {@code sorry_server} (realServerType sorry). */
    boolean isSorry();

    /** Whether the LVS runtime reports this real server (false: LVS is not running or it was just added). */
    boolean isKnown();

    /** Whether its checkers agree it is up (realServerStatus). */
    boolean isUp();

    /** Its weight now (realServerWeight): the configured one, or set since by {@link #setWeight}. */
    long getWeight();

    /** The {@code weight} in the configuration. */
    long getConfiguredWeight();

    /** Checkers reporting it down now (realServerFailedChecks). */
    int getFailedChecks();

    /** Active connections (realServerActiveConns). */
    int getActiveConns();

    /** Inactive connections (realServerInactiveConns). */
    int getInactiveConns();

    /** Persistent connection templates (realServerPersistentConns). */
    int getPersistentConns();











    /**
     * Sets its weight (0..65535), pushed to IPVS at once while it is up (realServerWeight SET); returns the
     * outcome word. Not kept across a reload.
     */
    String setWeight(int weight);
}
