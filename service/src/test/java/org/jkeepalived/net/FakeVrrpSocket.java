package org.jkeepalived.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * In-memory {@link VrrpSocket} for tests of the layers above: records what was sent, and hands out
 * what the test {@link #deliver}s. {@link #link} connects two fakes like a shared segment (sends of
 * one arrive at the other with TTL 255 from this fake's source).
 */
public final class FakeVrrpSocket implements VrrpSocket {
    /** One send: the message and where it went. */
    public record Sent(byte[] bytes, InetAddress dst) {
    }

    private final InetAddress source;
    private final int ifIndex;
    private final List<Sent> sent = new ArrayList<>();
    private final LinkedBlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final List<FakeVrrpSocket> peers = new ArrayList<>();
    private volatile boolean closed;

    public FakeVrrpSocket(InetAddress source, int ifIndex) {
        this.source = source;
        this.ifIndex = ifIndex;
    }

    /** Makes sends of either fake arrive at the other. */
    public static void link(FakeVrrpSocket a, FakeVrrpSocket b) {
        a.peers.add(b);
        b.peers.add(a);
    }

    @Override
    public synchronized void send(byte[] vrrpMessage, InetAddress dst) {
        if (closed) {
            throw new IllegalStateException("send on a closed socket");
        }
        sent.add(new Sent(vrrpMessage.clone(), dst));
        for (FakeVrrpSocket p : peers) {
            if (dst.isMulticastAddress() || dst.equals(p.source)) {
                p.deliver(new Received(vrrpMessage.clone(), source, dst, 255, p.ifIndex));
            }
        }
    }

    /** Queues a message for {@link #receive}. */
    public void deliver(Received r) {
        inbox.add(r);
    }

    @Override
    public Received receive(int timeoutMillis) throws java.io.IOException {
        if (closed) {
            return null;
        }
        try {
            return timeoutMillis < 0 ? inbox.take() : inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
