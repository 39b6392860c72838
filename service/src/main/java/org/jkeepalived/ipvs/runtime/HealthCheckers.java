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

    /** Stops the checkers of a real server; nothing more is reported for it. */
    void remove(RealServerId id);

    @Override
    void close();
}
