package org.jkeepalived.check.dns;

import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.jkeepalived.check.CheckTargets;
import org.jkeepalived.check.CheckerWords;
import org.jkeepalived.check.Probe;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.check.udp.DatagramLoop;
import org.jkeepalived.check.udp.Targets;
import org.jkeepalived.config.model.lvs.DnsCheck;

/**
 * DNS_CHECK: one UDP query of {@code name}/{@code type} per attempt, passing by {@link DnsMessage#judge}.
 * Replies whose id is not this attempt's are ignored (a late reply to an earlier try), so a hung server
 * is a timeout. No TCP fallback on TC: keepalived only uses UDP, and the header alone decides.
 */
public final class DnsProbe implements Probe {
    /** The port when neither connect_port nor the real server gives one. */
    public static final int DNS_PORT = 53;

    private final DatagramLoop loop;
    private final DatagramLoop.Endpoints endpoints;
    private final DnsType type;
    private final String name;
    private final long timeoutMillis;
    private final IntSupplier ids;
    private final String who;

    /** @throws IllegalArgumentException for an unknown type or a name that cannot be encoded */
    public DnsProbe(DnsCheck check, DatagramLoop loop) {
        this(check, loop, () -> ThreadLocalRandom.current().nextInt(0x10000));
    }

    DnsProbe(DnsCheck check, DatagramLoop loop, IntSupplier ids) {
        this.loop = loop;
        this.endpoints = Targets.endpoints(check.connection(), DNS_PORT);
        this.type = DnsType.parse(check.type());
        this.name = check.name() == null || check.name().isEmpty() ? "." : check.name();
        DnsMessage.query(0, name, type); // validates the name now, not at every attempt
        this.timeoutMillis = CheckTargets.connectTimeoutMillis(check.connection());
        this.ids = ids;
        this.who = "DNS_CHECK (" + CheckerWords.service(endpoints.target(), "udp") + ")";
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        int id = ids.getAsInt() & 0xffff;
        ByteBuffer query = ByteBuffer.wrap(DnsMessage.query(id, name, type));
        return loop.exchange(endpoints, query, timeoutMillis, reply -> DnsMessage.id(reply) == id)
                .handle((reply, error) -> error != null ? failure(error) : judge(reply));
    }

    private ProbeResult judge(ByteBuffer reply) {
        DnsMessage.Reply r;
        try {
            r = DnsMessage.decode(reply);
        } catch (IllegalArgumentException e) {
            return ProbeResult.failure(who + " malformed reply: " + e.getMessage());
        }
        String why = DnsMessage.judge(r, type);
        return why == null ? ProbeResult.success() : ProbeResult.failure(who + " " + why);
    }

    private ProbeResult failure(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof TimeoutException) {
            return ProbeResult.failure(who + " read timeout from socket");
        }
        if (e instanceof PortUnreachableException) {
            return ProbeResult.failure(who + " port unreachable");
        }
        return ProbeResult.failure(who + " socket error: " + e.getMessage());
    }
}
