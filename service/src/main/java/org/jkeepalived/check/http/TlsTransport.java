package org.jkeepalived.check.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.jkeepalived.check.SocketReactor;

/**
 * TLS over the reactor with an {@link SSLEngine}: the handshake, then wrapped writes and unwrapped reads.
 * Continuations run on the reactor thread; the handshake's delegated tasks run there too (a client
 * handshake's tasks are short).
 */
final class TlsTransport implements Transport {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketReactor reactor;
    private final SocketChannel channel;
    private final SSLEngine engine;
    private final ByteBuffer netIn;
    private final ByteBuffer netOut;
    private final ByteBuffer appIn;

    TlsTransport(SocketReactor reactor, SocketChannel channel, SSLEngine engine) {
        this.reactor = reactor;
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        appIn.flip(); // kept in read mode
    }

    /** Runs the TLS handshake. */
    CompletableFuture<Void> handshake(long timeoutMillis) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            engine.beginHandshake();
            step(done, timeoutMillis);
        } catch (SSLException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private void step(CompletableFuture<Void> done, long timeoutMillis) {
        try {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> {
                    netOut.clear();
                    engine.wrap(EMPTY, netOut);
                    netOut.flip();
                    reactor.write(channel, netOut, timeoutMillis).whenComplete((v, e) -> {
                        if (e != null) {
                            done.completeExceptionally(e);
                        } else {
                            step(done, timeoutMillis);
                        }
                    });
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    netIn.flip();
                    SSLEngineResult result = engine.unwrap(netIn, appIn.compact());
                    appIn.flip();
                    netIn.compact();
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        readMore(timeoutMillis).whenComplete((n, e) -> {
                            if (e != null) {
                                done.completeExceptionally(e);
                            } else if (n < 0) {
                                done.completeExceptionally(new IOException("connection closed during handshake"));
                            } else {
                                step(done, timeoutMillis);
                            }
                        });
                    } else if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        done.completeExceptionally(new IOException("TLS closed during handshake"));
                    } else {
                        step(done, timeoutMillis);
                    }
                }
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                    step(done, timeoutMillis);
                }
                default -> done.complete(null); // FINISHED, NOT_HANDSHAKING
            }
        } catch (SSLException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private CompletableFuture<Integer> readMore(long timeoutMillis) {
        return reactor.read(channel, netIn, timeoutMillis);
    }

    @Override
    public CompletableFuture<Void> write(ByteBuffer data, long timeoutMillis) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        writeStep(data, done, timeoutMillis);
        return done;
    }

    private void writeStep(ByteBuffer data, CompletableFuture<Void> done, long timeoutMillis) {
        if (!data.hasRemaining()) {
            done.complete(null);
            return;
        }
        try {
            netOut.clear();
            engine.wrap(data, netOut);
            netOut.flip();
            reactor.write(channel, netOut, timeoutMillis).whenComplete((v, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                } else {
                    writeStep(data, done, timeoutMillis);
                }
            });
        } catch (SSLException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    @Override
    public CompletableFuture<Integer> read(ByteBuffer dst, long timeoutMillis) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        readStep(dst, done, timeoutMillis);
        return done;
    }

    private void readStep(ByteBuffer dst, CompletableFuture<Integer> done, long timeoutMillis) {
        try {
            if (appIn.hasRemaining()) {
                done.complete(copy(dst));
                return;
            }
            netIn.flip();
            SSLEngineResult result = engine.unwrap(netIn, appIn.compact());
            appIn.flip();
            netIn.compact();
            if (appIn.hasRemaining()) {
                done.complete(copy(dst));
            } else if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                done.complete(-1);
            } else if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || result.bytesConsumed() == 0) {
                readMore(timeoutMillis).whenComplete((n, e) -> {
                    if (e != null) {
                        done.completeExceptionally(e);
                    } else if (n < 0) {
                        done.complete(-1); // closed without close_notify: as end of stream (HTTP/1.0 servers do)
                    } else {
                        readStep(dst, done, timeoutMillis);
                    }
                });
            } else {
                readStep(dst, done, timeoutMillis); // consumed a record without data (e.g. a session ticket)
            }
        } catch (SSLException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private int copy(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), appIn.remaining());
        ByteBuffer slice = appIn.slice();
        slice.limit(n);
        dst.put(slice);
        appIn.position(appIn.position() + n);
        return n;
    }

    @Override
    public void close() {
        SocketReactor.closeQuietly(channel);
    }
}
