package org.jkeepalived.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;

/**
 * One selector thread shared by the network probes: non-blocking connect, write and read with a deadline
 * each, so that thousands of checks need no thread each. Futures complete on the reactor thread (callers
 * chain the next step there cheaply; they must not block it); a timeout completes exceptionally with
 * {@link TimeoutException} and closes the channel.
 */
public final class SocketReactor implements AutoCloseable {
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Pending operations by deadline; completed ones are dropped lazily. Reactor thread only. */
    private final PriorityQueue<Op> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.deadlineNanos, b.deadlineNanos));
    private volatile boolean closed;

    private SocketReactor(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    /** Starts a reactor on its own daemon thread. */
    public static SocketReactor start(String threadName) {
        try {
            SocketReactor reactor = new SocketReactor(threadName);
            reactor.thread.start();
            return reactor;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a non-blocking TCP connection to {@code target}, from {@code source} when not null.
     * Fails with the {@link IOException} of the socket (e.g. {@code ConnectException}) or a timeout.
     */
    public CompletableFuture<SocketChannel> connect(InetSocketAddress target, InetSocketAddress source,
                                                    long timeoutMillis) {
        CompletableFuture<SocketChannel> future = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        run(() -> {
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                if (source != null) {
                    channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    channel.bind(source);
                }
                if (channel.connect(target)) {
                    future.complete(channel);
                    return;
                }
                SocketChannel ch = channel;
                register(new Op(ch, SelectionKey.OP_CONNECT, deadline, future) {
                    @Override
                    boolean ready() throws IOException {
                        if (!ch.finishConnect()) {
                            return false;
                        }
                        future.complete(ch);
                        return true;
                    }
                });
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /** Writes all of {@code buffer}. */
    public CompletableFuture<Void> write(SocketChannel channel, ByteBuffer buffer, long timeoutMillis) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        run(() -> register(new Op(channel, SelectionKey.OP_WRITE, deadline, future) {
            @Override
            boolean ready() throws IOException {
                channel.write(buffer);
                if (buffer.hasRemaining()) {
                    return false;
                }
                future.complete(null);
                return true;
            }
        }));
        return future;
    }

    /** Reads what is available into {@code buffer} (at least one byte): the count, or -1 at end of stream. */
    public CompletableFuture<Integer> read(SocketChannel channel, ByteBuffer buffer, long timeoutMillis) {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        run(() -> register(new Op(channel, SelectionKey.OP_READ, deadline, future) {
            @Override
            boolean ready() throws IOException {
                int n = channel.read(buffer);
                if (n == 0) {
                    return false;
                }
                future.complete(n);
                return true;
            }
        }));
        return future;
    }

    /** Runs {@code task} on the reactor thread (inline when already there). */
    public void run(Runnable task) {
        if (Thread.currentThread() == thread) {
            task.run();
            return;
        }
        tasks.add(task);
        selector.wakeup();
        if (closed && !thread.isAlive()) {
            drain(); // the loop has ended: fail the operation here rather than leave it hanging
        }
    }

    private void drain() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run(); // after close each registers against a closed reactor and fails its future
            } catch (RuntimeException e) {
                // a probe's continuation failed; the probe's own future reports it
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a probe's socket: nothing to do
            }
        }
    }

    // ---- reactor thread ----

    private void register(Op op) {
        if (closed) {
            op.fail(new IOException("checker reactor closed"));
            return;
        }
        if (!op.channel.isOpen()) {
            op.fail(new IOException("socket closed"));
            return;
        }
        try {
            // a write first tries without waiting (it usually fits the socket buffer); reads wait for the
            // selector so that a long body does not recurse through the callers' continuations
            if (op.interest == SelectionKey.OP_WRITE && op.ready()) {
                return;
            }
            SelectionKey key = op.channel.keyFor(selector);
            if (key == null) {
                op.channel.register(selector, op.interest, op);
            } else {
                key.attach(op);
                key.interestOps(op.interest);
            }
            deadlines.add(op);
        } catch (IOException | RuntimeException e) {
            op.fail(e);
        }
    }

    private void loop() {
        try {
            while (!closed) {
                long timeoutMillis = 0;
                Op first = firstPending();
                if (first != null) {
                    timeoutMillis = Math.max(1, (first.deadlineNanos - System.nanoTime() + 999_999) / 1_000_000);
                }
                selector.select(timeoutMillis);
                drain();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.attachment() instanceof Op op && !op.done) {
                        try {
                            if (key.isValid() && op.ready()) {
                                op.done = true;
                                if (key.isValid() && key.attachment() == op) {
                                    key.interestOps(0);
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            op.fail(e); // one socket's trouble never stops the reactor
                        }
                    }
                }
                selector.selectedKeys().clear();
                expire();
            }
        } catch (IOException | ClosedSelectorException e) {
            // the reactor ends; pending operations fail below
        } finally {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Op op) {
                    op.fail(new IOException("checker reactor closed"));
                }
            }
            try {
                selector.close();
            } catch (IOException e) {
                // nothing more to release
            }
            drain();
        }
    }

    private Op firstPending() {
        Op op;
        while ((op = deadlines.peek()) != null && (op.done || op.pending.isDone())) {
            deadlines.poll();
        }
        return op;
    }

    private void expire() {
        long now = System.nanoTime();
        Op op;
        while ((op = firstPending()) != null && op.deadlineNanos - now <= 0) {
            deadlines.poll();
            op.fail(new TimeoutException());
        }
    }

    /** One operation waiting for readiness. */
    private abstract static class Op {
        final SocketChannel channel;
        final int interest;
        final long deadlineNanos;
        final CompletableFuture<?> pending;
        boolean done;

        Op(SocketChannel channel, int interest, long deadlineNanos, CompletableFuture<?> future) {
            this.channel = channel;
            this.interest = interest;
            this.deadlineNanos = deadlineNanos;
            this.pending = future;
        }

        /** Does the I/O; true when the operation completed its future. */
        abstract boolean ready() throws IOException;

        void fail(Throwable cause) {
            done = true;
            if (!pending.isDone()) {
                // a failed or timed-out operation leaves the socket useless: close it (cancels its key)
                closeQuietly(channel);
                pending.completeExceptionally(cause);
            }
        }
    }
}
