package org.jkeepalived.ipvs.runtime;

import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.ipvs.sync.VirtualServers.RealServerId;

/**
 * The health checkers the LVS runtime starts and stops (a port: {@code check.CheckerRunner} in the daemon, a
 * recording fake in tests). Their results come back through {@link LvsEngine#onChecker}.
 */
public interface HealthCheckers extends AutoCloseable {
    /**
     * Starts the checkers of a real server.
     *
     * @param initiallyUp the state every checker starts in, or null for the configuration's ({@code alpha})
     */
    void add(RealServerId id, RealServer realServer, Boolean initiallyUp);

    /**
     * The state of an untimed checker (FILE_CHECK) of a real server, with the real server's dynamic weight when
     * it sets one (else null); the result comes back through {@link LvsEngine#onChecker} like any other.
     */
    void report(RealServerId id, int checkerIndex, boolean up, String reason, Integer weight);

    /** {@code ha_suspend}: pauses or resumes the checkers of a real server (its state stays as it is). */
    void suspend(RealServerId id, boolean suspended);

    /** Stops the checkers of a real server; nothing more is reported for it. */
    void remove(RealServerId id);

    @Override
    void close();
}
