package org.jkeepalived.ipvs.kernel;

import java.util.List;

/**
 * The kernel's IPVS table (the port the reconciler programs). Every call fails with an {@link IpvsException}
 * naming what was refused and why; {@link IpvsException.Kind#NOT_AVAILABLE} when the kernel has no IPVS.
 * Implementations: {@link LinuxIpvsKernel}, and a hand-written fake in the tests.
 */
public interface IpvsKernel extends AutoCloseable {
    IpvsInfo info() throws IpvsException;

    /** Every virtual service with its counters. */
    List<IpvsServiceEntry> services() throws IpvsException;

    /**
     * The real servers of one service with their counters; empty when there is no such service (the kernel's
     * GET_DEST dump does not fail then).
     */
    List<IpvsDestinationEntry> destinations(IpvsServiceKey service) throws IpvsException;

    /**
     * Applies changes in order, as one batch where the implementation can (the Linux one pipelines them, each
     * acknowledged separately). A refused change does not stop the ones after it: the result lists the refused
     * ones, in order, empty when all were applied.
     */
    List<IpvsChange.Failure> apply(List<IpvsChange> changes) throws IpvsException;

    default void addService(IpvsService s) throws IpvsException {
        applyOne(new IpvsChange.AddService(s));
    }

    default void updateService(IpvsService s) throws IpvsException {
        applyOne(new IpvsChange.UpdateService(s));
    }

    default void deleteService(IpvsServiceKey k) throws IpvsException {
        applyOne(new IpvsChange.DeleteService(k));
    }

    default void addDestination(IpvsServiceKey k, IpvsDestination d) throws IpvsException {
        applyOne(new IpvsChange.AddDestination(k, d));
    }

    default void updateDestination(IpvsServiceKey k, IpvsDestination d) throws IpvsException {
        applyOne(new IpvsChange.UpdateDestination(k, d));
    }

    default void deleteDestination(IpvsServiceKey k, IpvsDestination d) throws IpvsException {
        applyOne(new IpvsChange.DeleteDestination(k, d));
    }

    private void applyOne(IpvsChange c) throws IpvsException {
        List<IpvsChange.Failure> f = apply(List.of(c));
        if (!f.isEmpty()) {
            throw f.get(0).error();
        }
    }

    /** Deletes every service and destination (ipvsadm -C, keepalived's lvs_flush). */
    void flush() throws IpvsException;

    /** Zeroes the counters of one service and its destinations, or of everything when {@code service} is null. */
    void zero(IpvsServiceKey service) throws IpvsException;

    IpvsTimeouts timeouts() throws IpvsException;

    /** Sets the connection timeouts; a 0 leaves that one as it is. */
    void setTimeouts(IpvsTimeouts t) throws IpvsException;

    /** The running sync daemons (at most a master and a backup). */
    List<IpvsSyncDaemon> syncDaemons() throws IpvsException;

    void startSyncDaemon(IpvsSyncDaemon d) throws IpvsException;

    void stopSyncDaemon(IpvsSyncDaemon.State state) throws IpvsException;

    @Override
    void close();
}
