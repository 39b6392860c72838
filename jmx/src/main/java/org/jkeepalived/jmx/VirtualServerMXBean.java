package org.jkeepalived.jmx;

/**
 * One {@code virtual_server}: {@code jkeepalived:type=VirtualServer,name="[192.0.2.1]:tcp:80"} (keepalived's name:
 * {@code [ADDRESS]:PROTO:PORT}, {@code FWM N}, or {@code [GROUP]:0}). The IPVS counters are the kernel's for the
 * service (summed over a virtual_server_group's services), totals since the service was created; the rates are
 * the kernel estimator's per-second averages. All are 0 when IPVS is not available or not read yet.
 */
public interface VirtualServerMXBean extends IpvsCounters {

    /** keepalived's name of the virtual server. */
    String getName();

    /** Whether the LVS runtime reports this virtual server (false: LVS is not running or it was just added). */
    boolean isKnown();

    /** Whether the live weight reaches the quorum (virtualServerQuorumStatus). */
    boolean isQuorumUp();

    /** The configured {@code quorum} (virtualServerQuorum). */
    long getQuorum();

    /** The configured {@code hysteresis} (virtualServerQuorumHysteresis). */
    long getHysteresis();

    /** The sum of the weights of its real servers that are up (compared with the quorum). */
    long getLiveWeight();

    /** {@code lvs_sched}, e.g. {@code wlc}. */
    String getScheduler();

    /** {@code lvs_method}: NAT, DR or TUN. */
    String getMethod();

    /** Its real servers that are up (virtualServerRealServersUp). */
    int getRealServersUp();

    /** Its real servers (virtualServerRealServersTotal). */
    int getRealServersTotal();
}
