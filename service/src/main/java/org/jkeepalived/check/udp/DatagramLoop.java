package org.jkeepalived.check.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.jkeepalived.os.log.Log;

/**
 * One selector thread shared by every UDP-based probe (DNS_CHECK, UDP_CHECK): an {@link #exchange} sends
 * one datagram on a fresh connected channel and completes with the first reply the caller accepts, or
 * exceptionally with {@link TimeoutException} when the deadline passes, or with
 * {@link PortUnreachableException} when the kernel reports an ICMP port unreachable on the connected
 * socket (as keepalived treats it: the check fails). Thousands of exchanges in flight cost one thread.
 */
public final class DatagramLoop implements AutoCloseable {
    private static final Log LOG = Log.get("check");
    private static final int MAX_DATAGRAM = 65_535;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Exchange> incoming = new ConcurrentLinkedQueue<>();
    private final List<Exchange> pending = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private volatile boolean closed;

    public DatagramLoop() throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, "check-udp");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Where the exchange goes and from where ({@code bindto}/{@code bind_port}; null source for any). */
    public record Endpoints(InetSocketAddress target, InetSocketAddress source) {
    }

    /**
     * Sends {@code request} to {@code endpoints.target()} and completes with the first datagram for which
     * {@code accept} holds (others, e.g. late replies to an earlier attempt, are dropped). Never throws:
     * a socket error completes the future exceptionally.
     */
    public CompletableFuture<ByteBuffer> exchange(Endpoints endpoints, ByteBuffer request, long timeoutMillis,
            Predicate<ByteBuffer> accept) {
        CompletableFuture<ByteBuffer> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IOException("checker stopped"));
            return result;
        }
        DatagramChannel ch = null;
        try {
            ch = DatagramChannel.open(endpoints.target().getAddress() instanceof java.net.Inet6Address
                    ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
            ch.configureBlocking(false);
            if (endpoints.source() != null) {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                ch.bind(endpoints.source());
            }
            ch.connect(endpoints.target());
            ch.write(request);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            result.completeExceptionally(e);
            return result;
        }
        synchronized (incoming) { // against failAll: an exchange is either seen by the loop or refused here
            if (closed) {
                closeQuietly(ch);
                result.completeExceptionally(new IOException("checker stopped"));
                return result;
            }
            incoming.add(new Exchange(ch, result, System.nanoTime() + timeoutMillis * 1_000_000L, accept));
        }
        selector.wakeup();
        return result;
    }

    private void loop() {
        try {
            while (!closed) {
                long waitMillis = register();
                selector.select(Math.max(1, waitMillis));
                for (SelectionKey key : selector.selectedKeys()) {
                    read((Exchange) key.attachment());
                }
                selector.selectedKeys().clear();
                expire();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                LOG.error("UDP checker loop stopped: " + e.getMessage());
            }
        } finally {
            failAll();
        }
    }

    /** Registers new exchanges; returns the time until the nearest deadline. */
    private long register() {
        Exchange e;
        while ((e = incoming.poll()) != null) {
            try {
                e.key = e.channel.register(selector, SelectionKey.OP_READ, e);
                pending.add(e);
            } catch (IOException | RuntimeException ex) {
                finish(e, null, ex);
            }
        }
        long now = System.nanoTime();
        long nearest = Long.MAX_VALUE;
        for (Exchange p : pending) {
            nearest = Math.min(nearest, p.deadlineNanos - now);
        }
        return nearest == Long.MAX_VALUE ? 1000 : Math.max(1, nearest / 1_000_000L + 1);
    }

    // receive() rather than read(): on a connected channel it too reports ECONNREFUSED (an ICMP port
    // unreachable) as PortUnreachableException, and it tells "nothing yet" (null) from an empty datagram.
    private void read(Exchange e) {
        while (!e.future.isDone()) {
            readBuffer.clear();
            SocketAddress from;
            try {
                from = e.channel.receive(readBuffer);
            } catch (IOException | RuntimeException ex) {
                finish(e, null, ex);
                return;
            }
            if (from == null) {
                return;
            }
            readBuffer.flip();
            ByteBuffer copy = ByteBuffer.allocate(readBuffer.remaining()).put(readBuffer).flip();
            if (e.accept.test(copy.duplicate())) {
                finish(e, copy, null);
            }
        }
    }

    private void expire() {
        long now = System.nanoTime();
        pending.removeIf(e -> {
            if (e.future.isDone()) {
                return true;
            }
            if (now - e.deadlineNanos >= 0) {
                finish(e, null, new TimeoutException("read timeout"));
                return true;
            }
            return false;
        });
    }

    private void finish(Exchange e, ByteBuffer reply, Throwable error) {
        if (e.key != null) {
            e.key.cancel();
        }
        closeQuietly(e.channel);
        if (error != null) {
            e.future.completeExceptionally(error);
        } else {
            e.future.complete(reply);
        }
    }

    private void failAll() {
        synchronized (incoming) {
            closed = true;
            Exchange e;
            while ((e = incoming.poll()) != null) {
                pending.add(e);
            }
        }
        for (Exchange p : pending) {
            finish(p, null, new IOException("checker stopped"));
        }
        pending.clear();
    }

    private static void closeQuietly(DatagramChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** Stops the thread; exchanges in flight complete exceptionally. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the selector is gone either way
        }
    }

    private static final class Exchange {
        final DatagramChannel channel;
        final CompletableFuture<ByteBuffer> future;
        final long deadlineNanos;
        final Predicate<ByteBuffer> accept;
        SelectionKey key;

        Exchange(DatagramChannel channel, CompletableFuture<ByteBuffer> future, long deadlineNanos,
                Predicate<ByteBuffer> accept) {
            this.channel = channel;
            this.future = future;
            this.deadlineNanos = deadlineNanos;
            this.accept = accept;
        }
    }
}
