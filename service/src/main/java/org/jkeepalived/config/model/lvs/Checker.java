package org.jkeepalived.config.model.lvs;

/**
 * A health checker of a real server. Checkers that run on a timer carry a {@link CheckerTiming}
 * ({@link TimedChecker}); those that open a connection also carry its {@link CheckerConnection}
 * ({@link NetworkChecker}). FILE_CHECK and BFD_CHECK follow another tracker's state instead.
 */
public sealed interface Checker permits Checker.TimedChecker, FileCheck, BfdCheck {

    /** The keyword that declared it, e.g. {@code HTTP_GET} (a component, so that dumps show it). */
    String kind();

    /** A checker run on its own timer, with retries. */
    sealed interface TimedChecker extends Checker permits NetworkChecker, MiscCheck {
        CheckerTiming timing();
    }

    /** A checker that probes the real server over the network. */
    sealed interface NetworkChecker extends TimedChecker
            permits TcpCheck, HttpGetCheck, SslGetCheck, SmtpCheck, DnsCheck, UdpCheck, PingCheck {
        CheckerConnection connection();
    }
}
