package org.jkeepalived.check.udp;

import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.jkeepalived.check.CheckTargets;
import org.jkeepalived.check.CheckerWords;
import org.jkeepalived.check.Probe;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.model.lvs.UdpCheck;

/**
 * UDP_CHECK: sends {@code payload} (random bytes when unset) on a connected socket. An ICMP port
 * unreachable fails the check. Without {@code require_reply}, silence until connect_timeout passes (and
 * any reply) is success, as keepalived documents; with it, a reply must arrive and pass {@link ReplyRule}.
 * Other ICMP errors (host/net unreachable) arrive as socket errors and fail too.
 */
public final class UdpProbe implements Probe {
    /** Length of the random payload sent when none is configured (ours; keepalived's is not documented). */
    static final int RANDOM_PAYLOAD_BYTES = 16;

    private final DatagramLoop loop;
    private final DatagramLoop.Endpoints endpoints;
    private final byte[] payload;
    private final boolean requireReply;
    private final ReplyRule rule;
    private final long timeoutMillis;
    private final Random random;
    private final String who;

    /** @throws IllegalArgumentException when a hex string of the model is malformed */
    public UdpProbe(UdpCheck check, DatagramLoop loop) {
        this(check, loop, ThreadLocalRandom.current());
    }

    UdpProbe(UdpCheck check, DatagramLoop loop, Random random) {
        this.loop = loop;
        this.endpoints = Targets.endpoints(check.connection(), 0);
        this.payload = check.payload() == null ? null : HexFormat.of().parseHex(check.payload());
        this.requireReply = check.requireReply();
        this.rule = ReplyRule.of(check.replyData(), check.replyMask(), check.minReplyLength(),
                check.maxReplyLength());
        this.timeoutMillis = CheckTargets.connectTimeoutMillis(check.connection());
        this.random = random;
        this.who = "UDP_CHECK (" + CheckerWords.service(endpoints.target(), "udp") + ")";
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        byte[] data = payload;
        if (data == null) {
            data = new byte[RANDOM_PAYLOAD_BYTES];
            random.nextBytes(data);
        }
        return loop.exchange(endpoints, ByteBuffer.wrap(data), timeoutMillis, reply -> true)
                .handle((reply, error) -> error != null ? failure(error) : judge(reply));
    }

    private ProbeResult judge(ByteBuffer reply) {
        if (!requireReply) {
            return ProbeResult.success();
        }
        byte[] b = new byte[reply.remaining()];
        reply.get(b);
        String why = rule.judge(b);
        return why == null ? ProbeResult.success() : ProbeResult.failure(who + " " + why);
    }

    private ProbeResult failure(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof TimeoutException) {
            return requireReply ? ProbeResult.failure(who + " no reply within the connect timeout")
                    : ProbeResult.success();
        }
        if (e instanceof PortUnreachableException) {
            return ProbeResult.failure(who + " port unreachable");
        }
        return ProbeResult.failure(who + " socket error: " + e.getMessage());
    }
}
