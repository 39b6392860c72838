package org.jkeepalived.check.ping;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import org.jkeepalived.check.Probe;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.PingCheck;

/**
 * PING_CHECK: up when an ICMP (ICMPv6) echo to connect_ip is answered within connect_timeout, sent from
 * {@code bindto} and {@code bind_if} when given.
 */
public final class PingProbe implements Probe {
    private final PingLoop loop;
    private final InetAddress target;
    private final InetAddress bindto;
    private final String bindIf;
    private final long timeoutMillis;
    private final String who;

    public PingProbe(PingCheck check, PingLoop loop) {
        CheckerConnection c = check.connection();
        this.loop = loop;
        this.target = c.connectIp();
        this.bindto = c.bindto();
        this.bindIf = c.bindIf();
        this.timeoutMillis = Math.max(1, c.connectTimeoutMicros() / 1000);
        this.who = "PING_CHECK [" + AddressText.of(target) + "]";
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        return loop.echo(target, bindto, bindIf, timeoutMillis)
                .thenApply(why -> why == null ? ProbeResult.success() : ProbeResult.failure(who + " " + why));
    }
}
