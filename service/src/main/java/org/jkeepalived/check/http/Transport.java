package org.jkeepalived.check.http;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.jkeepalived.check.SocketReactor;

/** A connected stream for one HTTP exchange: plain TCP or TLS. */
interface Transport {
    CompletableFuture<Void> write(ByteBuffer data, long timeoutMillis);

    /** Reads into {@code dst}: the count, or -1 at end of stream. */
    CompletableFuture<Integer> read(ByteBuffer dst, long timeoutMillis);

    void close();

    /** Plain TCP over the reactor. */
    record Plain(SocketReactor reactor, SocketChannel channel) implements Transport {
        @Override
        public CompletableFuture<Void> write(ByteBuffer data, long timeoutMillis) {
            return reactor.write(channel, data, timeoutMillis);
        }

        @Override
        public CompletableFuture<Integer> read(ByteBuffer dst, long timeoutMillis) {
            return reactor.read(channel, dst, timeoutMillis);
        }

        @Override
        public void close() {
            SocketReactor.closeQuietly(channel);
        }
    }
}
