package org.jkeepalived.check.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.CheckerWords;
import org.jkeepalived.check.Probe;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.SmtpCheck;

/**
 * SMTP_CHECK (keepalived.conf(5)): connect, read the greeting (must be 220), send {@code HELO helo_name},
 * read the reply (must be 250), send QUIT and close without waiting for its 221 (the verdict is made).
 * Asynchronous sockets (the JDK's shared channel group), so an attempt holds no thread while it waits;
 * connect_timeout bounds the connect and each reply.
 */
public final class SmtpProbe implements Probe {
    /** The SMTP port when neither connect_port nor the real server gives one. */
    public static final int SMTP_PORT = 25;

    private final InetSocketAddress target;
    private final InetSocketAddress source;
    private final String heloName;
    private final long timeoutMillis;
    private final ScheduledExecutorService timer;
    private final String who;

    /**
     * @param timer a shared scheduler, only used to abandon a connect that outlives connect_timeout
     */
    public SmtpProbe(SmtpCheck check, ScheduledExecutorService timer) {
        CheckerConnection c = check.connection();
        this.target = new InetSocketAddress(c.connectIp(), c.connectPort() != 0 ? c.connectPort() : SMTP_PORT);
        this.source = c.bindto() == null && c.bindPort() == 0 ? null
                : c.bindto() == null ? new InetSocketAddress(c.bindPort())
                : new InetSocketAddress(c.bindto(), c.bindPort());
        this.heloName = check.heloName() == null || check.heloName().isEmpty() ? SmtpCheck.DEFAULT_HELO
                : check.heloName();
        if (heloName.contains("\r") || heloName.contains("\n")) {
            throw new IllegalArgumentException("SMTP_CHECK: helo_name contains a line break");
        }
        this.timeoutMillis = Math.max(1, c.connectTimeoutMicros() / 1000);
        this.timer = timer;
        this.who = "SMTP_CHECK " + CheckerWords.service(target, "tcp");
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        return new Session().start();
    }

    /** One attempt's conversation; each step hands on to the next from the completion handlers. */
    private final class Session {
        private final CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        private final ByteBuffer in = ByteBuffer.allocate(1024);
        private AsynchronousSocketChannel ch;
        private SmtpReplyParser reply;

        CompletableFuture<ProbeResult> start() {
            try {
                ch = AsynchronousSocketChannel.open();
                if (source != null) {
                    ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    ch.bind(source);
                }
            } catch (IOException | RuntimeException e) {
                return finish(ProbeResult.failure(who + " cannot open socket: " + e.getMessage()));
            }
            ScheduledFuture<?> connectTimer = timer.schedule(
                    () -> finish(ProbeResult.failure(who + " connection timeout")), timeoutMillis,
                    TimeUnit.MILLISECONDS);
            ch.connect(target, null, handler(v -> {
                connectTimer.cancel(false);
                readReply(220, "greeting", this::helo);
            }));
            return result;
        }

        private void helo() {
            write("HELO " + heloName + "\r\n", () -> readReply(250, "HELO", this::quit));
        }

        private void quit() {
            write("QUIT\r\n", () -> finish(ProbeResult.success()));
        }

        private void readReply(int expected, String step, Runnable next) {
            reply = new SmtpReplyParser();
            in.clear();
            readMore(expected, step, next);
        }

        private void readMore(int expected, String step, Runnable next) {
            ch.read(in, timeoutMillis, TimeUnit.MILLISECONDS, null, handler((Integer n) -> {
                if (n < 0) {
                    finish(ProbeResult.failure(who + " connection closed before the " + step + " reply"));
                    return;
                }
                in.flip();
                boolean complete = reply.feed(in);
                in.clear();
                if (!complete) {
                    readMore(expected, step, next);
                } else if (reply.error() != null) {
                    finish(ProbeResult.failure(who + " " + step + ": " + reply.error()));
                } else if (reply.code() != expected) {
                    finish(ProbeResult.failure(who + " bad " + step + " reply, expected " + expected + ": '"
                            + reply.lastLine() + "'"));
                } else {
                    next.run();
                }
            }));
        }

        private void write(String line, Runnable next) {
            ByteBuffer out = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            writeAll(out, next);
        }

        private void writeAll(ByteBuffer out, Runnable next) {
            ch.write(out, timeoutMillis, TimeUnit.MILLISECONDS, null, handler((Integer n) -> {
                if (out.hasRemaining()) {
                    writeAll(out, next);
                } else {
                    next.run();
                }
            }));
        }

        private <V> CompletionHandler<V, Void> handler(java.util.function.Consumer<V> onSuccess) {
            return new CompletionHandler<>() {
                @Override
                public void completed(V value, Void attachment) {
                    if (result.isDone()) {
                        return;
                    }
                    try {
                        onSuccess.accept(value);
                    } catch (RuntimeException e) {
                        finish(ProbeResult.failure(who + " " + e));
                    }
                }

                @Override
                public void failed(Throwable e, Void attachment) {
                    finish(ProbeResult.failure(who + " " + describe(e)));
                }
            };
        }

        private String describe(Throwable e) {
            if (e instanceof InterruptedByTimeoutException) {
                return "read timeout";
            }
            if (e instanceof AsynchronousCloseException) {
                return "connection closed";
            }
            String m = e.getMessage();
            return m == null ? e.getClass().getSimpleName() : m.toLowerCase(java.util.Locale.ROOT);
        }

        /** First outcome wins; the socket is closed (which fails anything still pending). */
        private CompletableFuture<ProbeResult> finish(ProbeResult r) {
            if (result.complete(r) && ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing is all that is left to do
                }
            }
            return result;
        }
    }
}
