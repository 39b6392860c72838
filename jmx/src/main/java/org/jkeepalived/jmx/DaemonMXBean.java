package org.jkeepalived.jmx;

/**
 * The daemon as a whole: {@code jkeepalived:type=Daemon}. Every value is read from the latest published status
 * snapshot, never from an engine, so reading it cannot delay an advert.
 *
 * <p>Operations return the outcome as a word: {@code DONE}, {@code NO_SUCH_OBJECT}, {@code BAD_VALUE} or
 * {@code UNAVAILABLE} (the subsystem is not running or did not answer in time).
 */
public interface DaemonMXBean {

    /** The version string, e.g. {@code jkeepalived 0.1.0}. */
    String getVersion();

    /** global_defs {@code router_id} (keepalived's default: the short host name); empty before a configuration. */
    String getRouterId();

    /** The configuration file the daemon was started with; empty when not known. */
    String getConfigFile();

    /** Milliseconds since the daemon started. */
    long getUptimeMillis();

    /** How many status snapshots were published; increases on every state or counter change that is published. */
    long getStatusGeneration();

    /** Configured vrrp_instance blocks. */
    int getVrrpInstanceCount();

    /** VRRP instances in MASTER state now. */
    int getMasterCount();

    /** VRRP instances in BACKUP state now. */
    int getBackupCount();

    /** VRRP instances in FAULT state now. */
    int getFaultCount();

    /** Configured vrrp_sync_group blocks. */
    int getSyncGroupCount();

    /** Configured virtual_server blocks. */
    int getVirtualServerCount();

    /** Real servers over all virtual servers (sorry servers included). */
    int getRealServerCount();

    /** Real servers up now, over all virtual servers (sorry servers included). */
    int getRealServersUp();

    /** Whether the kernel has IPVS (without it, checkers still run but nothing is programmed). */
    boolean isIpvsAvailable();

    /** Reloads the configuration as SIGHUP does; returns the outcome word once it is queued or refused. */
    String reload();

    /** Writes keepalived's data and stats dumps (SIGUSR1 and SIGUSR2); returns where they went, or an empty string. */
    String dump();
}
