package org.jkeepalived.check.tcp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.jkeepalived.check.CheckTargets;
import org.jkeepalived.check.CheckerWords;
import org.jkeepalived.check.Probe;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.check.SocketReactor;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.TcpCheck;

/**
 * {@code TCP_CHECK}: up when a TCP connection to the target opens within {@code connect_timeout}; the
 * connection is closed at once (keepalived sends nothing either). Reasons use keepalived's words:
 * {@code TCP connection to [ip]:tcp:port timeout} / {@code failed}.
 */
public final class TcpProbe implements Probe {
    private final SocketReactor reactor;
    private final InetSocketAddress target;
    private final InetSocketAddress source;
    private final long connectTimeoutMillis;
    private final String service;

    /**
     * @param source {@code bindto}/{@code bind_port}, null when unset
     */
    public TcpProbe(SocketReactor reactor, InetSocketAddress target, InetSocketAddress source,
                    long connectTimeoutMillis) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
        this.target = Objects.requireNonNull(target, "target");
        this.source = source;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.service = CheckerWords.service(target, "tcp");
    }

    /** The probe of a configured TCP_CHECK of {@code realServer}. */
    public static TcpProbe of(SocketReactor reactor, RealServer realServer, TcpCheck check) {
        InetSocketAddress target = CheckTargets.target(check.connection(), realServer);
        return new TcpProbe(reactor, target, CheckTargets.source(check.connection(), target),
                CheckTargets.connectTimeoutMillis(check.connection()));
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        return reactor.connect(target, source, connectTimeoutMillis).handle((channel, failure) -> {
            if (failure == null) {
                SocketReactor.closeQuietly(channel);
                return ProbeResult.success();
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                return ProbeResult.failure("TCP connection to " + service + " timeout");
            }
            return ProbeResult.failure("TCP connection to " + service + " failed"); // keepalived: no errno
        });
    }
}
