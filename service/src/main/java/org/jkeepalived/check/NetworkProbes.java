package org.jkeepalived.check;

import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jkeepalived.check.http.HttpProbe;
import org.jkeepalived.check.tcp.TcpProbe;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.HttpGetCheck;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.SslGetCheck;
import org.jkeepalived.config.model.lvs.TcpCheck;

/**
 * The probes of TCP_CHECK, HTTP_GET and SSL_GET on one shared {@link SocketReactor}; other kinds go to
 * {@code others} (the daemon chains the DNS/SMTP/UDP/PING/MISC probes there).
 */
public final class NetworkProbes implements ProbeFactory, AutoCloseable {
    private final SocketReactor reactor;
    private final SSLContext tls;
    private final ProbeFactory others;

    /**
     * @param tls    the SSL_GET context ({@link HttpProbe#trustAllContext()} for keepalived's default)
     * @param others the factory of the remaining kinds ({@code (rs, c) -> null} when none)
     */
    public NetworkProbes(SocketReactor reactor, SSLContext tls, ProbeFactory others) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.others = Objects.requireNonNull(others, "others");
    }

    @Override
    public Probe create(RealServer realServer, Checker.TimedChecker checker) {
        if (checker instanceof TcpCheck tcp) {
            return TcpProbe.of(reactor, realServer, tcp);
        }
        if (checker instanceof HttpGetCheck http) {
            return HttpProbe.of(reactor, realServer, http);
        }
        if (checker instanceof SslGetCheck ssl) {
            return HttpProbe.of(reactor, realServer, ssl, tls);
        }
        return others.create(realServer, checker);
    }

    /** Closes the reactor (after the runner has stopped). */
    @Override
    public void close() {
        reactor.close();
    }
}
