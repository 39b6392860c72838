package org.jkeepalived.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.net.ssl.SSLContext;
import org.jkeepalived.check.dns.DnsProbe;
import org.jkeepalived.check.misc.MiscProbe;
import org.jkeepalived.check.ping.PingLoop;
import org.jkeepalived.check.ping.PingProbe;
import org.jkeepalived.check.smtp.SmtpProbe;
import org.jkeepalived.check.udp.DatagramLoop;
import org.jkeepalived.check.udp.UdpProbe;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.DnsCheck;
import org.jkeepalived.config.model.lvs.MiscCheck;
import org.jkeepalived.config.model.lvs.PingCheck;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.SmtpCheck;
import org.jkeepalived.config.model.lvs.UdpCheck;
import org.jkeepalived.os.process.ScriptRunner;

/**
 * The probe of every timed checker kind, with the loops they share, each opened on first use: the TCP selector
 * (TCP_CHECK, HTTP_GET, SSL_GET, {@link NetworkProbes}), one datagram selector (DNS_CHECK, UDP_CHECK), the ICMP
 * sockets (PING_CHECK), a timer thread (SMTP_CHECK) and a small pool that waits for MISC_CHECK scripts.
 * A loop that cannot open fails only the checkers that need it (the runner logs why).
 */
public final class CheckerProbes implements ProbeFactory, AutoCloseable {
    private final NetworkProbes network;
    private final ScriptRunner scripts;
    private DatagramLoop datagrams;
    private PingLoop ping;
    private ScheduledExecutorService smtpTimer;
    private ExecutorService miscWaiters;

    /** @param tls the SSL_GET context (from the {@code SSL} block, or keepalived's trust-all default) */
    public CheckerProbes(SSLContext tls, ScriptRunner scripts) {
        this.scripts = scripts;
        this.network = new NetworkProbes(SocketReactor.start("check-tcp"), tls, this::other);
    }

    @Override
    public Probe create(RealServer realServer, Checker.TimedChecker checker) {
        return network.create(realServer, checker);
    }

    private synchronized Probe other(RealServer realServer, Checker.TimedChecker checker) {
        if (checker instanceof DnsCheck dns) {
            return new DnsProbe(dns, datagrams());
        }
        if (checker instanceof UdpCheck udp) {
            return new UdpProbe(udp, datagrams());
        }
        if (checker instanceof PingCheck p) {
            if (ping == null) {
                ping = new PingLoop();
            }
            return new PingProbe(p, ping);
        }
        if (checker instanceof SmtpCheck smtp) {
            if (smtpTimer == null) {
                smtpTimer = daemonTimer();
            }
            return new SmtpProbe(smtp, smtpTimer);
        }
        if (checker instanceof MiscCheck misc) {
            if (miscWaiters == null) {
                // a thread waits on each running script; scripts are bounded by misc_timeout
                miscWaiters = Executors.newCachedThreadPool(task -> daemon(task, "check-misc"));
            }
            return new MiscProbe(misc, scripts, miscWaiters);
        }
        return null;
    }

    private DatagramLoop datagrams() {
        if (datagrams == null) {
            try {
                datagrams = new DatagramLoop();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the datagram selector: " + e.getMessage(), e);
            }
        }
        return datagrams;
    }

    private static ScheduledExecutorService daemonTimer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "check-smtp"));
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Closes every loop (after the runner has stopped). */
    @Override
    public synchronized void close() {
        network.close();
        if (datagrams != null) {
            datagrams.close();
        }
        if (ping != null) {
            ping.close();
        }
        if (smtpTimer != null) {
            smtpTimer.shutdownNow();
        }
        if (miscWaiters != null) {
            miscWaiters.shutdownNow();
        }
    }
}
