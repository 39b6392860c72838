package org.jkeepalived.check;

import java.util.Objects;

/**
 * A checker of a real server changed state, as the runner publishes it (to the IPVS reconciler, notify,
 * SMTP and later SNMP).
 *
 * @param realServer        the caller's key of the real server the checker belongs to
 * @param checkerIndex      the checker's position in the real server's checker list
 * @param checkerKind       {@code TCP_CHECK}, {@code HTTP_GET}, ...
 * @param checkerUp         the checker's new state
 * @param reason            the failing attempt's reason when down (keepalived's words), empty when up
 * @param realServerUp      the real server's state after this change (up when all its checkers are up)
 * @param realServerChanged whether this change flipped the real server's state
 * @param weight            the weight a {@code misc_dynamic} MISC_CHECK reported (exit status - 2), else null;
 *                          an event is also published when only this changed
 * @param <K>               the caller's real-server key type
 */
public record CheckerStateChanged<K>(K realServer, int checkerIndex, String checkerKind, boolean checkerUp,
                                     String reason, boolean realServerUp, boolean realServerChanged,
                                     Integer weight) {
    public CheckerStateChanged {
        Objects.requireNonNull(realServer, "realServer");
        Objects.requireNonNull(checkerKind, "checkerKind");
        Objects.requireNonNull(reason, "reason");
    }
}
