package org.jkeepalived.metrics;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jkeepalived.config.model.manage.PrometheusConfig;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSource;

/**
 * The {@code /metrics} endpoint: the JDK's HTTP server (module jdk.httpserver, no dependency) serving
 * {@link SnapshotMetrics} of the latest snapshot. It reads only the {@link StatusSource}: a scrape never reaches
 * an engine, so no client can delay an advert.
 *
 * <p>Bounded: two worker threads and a queue of {@link #QUEUE}; beyond that the server's own accept thread runs the
 * exchange, which stops it accepting until one finishes (back-pressure into the kernel's backlog instead of
 * unbounded threads or memory). Everything that is not {@code GET} or {@code HEAD} of {@code /metrics} gets a short
 * plain-text 404, 405 or 431, never a stack trace.
 */
public final class MetricsServer implements AutoCloseable {
    public static final String PATH = "/metrics";
    /** Text exposition format 0.0.4, what Prometheus asks for first and promtool checks. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Request headers larger than this in total are refused with 431 (a scrape sends a few hundred bytes). */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int WORKERS = 2;
    static final int QUEUE = 16;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final StatusSource source;
    private final LongSupplier nanoTime;
    private final Log log;

    private MetricsServer(HttpServer server, ThreadPoolExecutor executor, StatusSource source, LongSupplier nanoTime,
                          Log log) {
        this.server = server;
        this.executor = executor;
        this.source = source;
        this.nanoTime = nanoTime;
        this.log = log;
    }

    /**
     * Binds {@code config}'s address and serves until {@link #close()}.
     *
     * @throws UncheckedIOException when the address cannot be bound (in use, not local)
     */
    public static MetricsServer start(PrometheusConfig config, StatusSource source, LongSupplier nanoTime, Log log) {
        limitSlowRequests();
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "prometheus-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        HttpServer server;
        try {
            InetAddress host = InetAddress.getByName(config.host()); // a literal or localhost: no DNS (binder)
            server = HttpServer.create(new InetSocketAddress(host, config.port()), 16);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        MetricsServer m = new MetricsServer(server, executor, source, nanoTime, log);
        server.createContext("/", m::handle);
        server.setExecutor(executor);
        server.start();
        return m;
    }

    /**
     * The JDK server waits for a request's headers forever unless {@code sun.net.httpserver.maxReqTime} is set; a
     * client trickling them would hold a worker. Sets 10 s unless the operator set it with {@code -D}. It is read
     * once per JVM, when the first JDK HTTP server starts, and holds for all of them (Jolokia's too): the daemon
     * calls this before starting any, so that an endpoint enabled by a later reload is covered as well.
     */
    public static void limitSlowRequests() {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "10");
        }
    }

    /** The address actually bound (port 0 in tests gives an ephemeral one). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange x) {
        try (x) {
            try {
                answer(x);
            } catch (RuntimeException e) {
                log.warn("prometheus: cannot answer " + x.getRequestMethod() + " " + x.getRequestURI() + ": " + e);
                reply(x, 500, "internal error\n", false); // fails if the headers were sent: the client sees a cut
            }
        } catch (IOException | RuntimeException e) {
            // the client went away mid-answer, or the 500 could not be sent: nothing more to tell it
        }
    }

    private void answer(HttpExchange x) throws IOException {
        drain(x.getRequestBody());
        String method = x.getRequestMethod();
        if (headerBytes(x.getRequestHeaders()) > MAX_HEADER_BYTES) {
            reply(x, 431, "request headers too large\n", false);
        } else if (!PATH.equals(x.getRequestURI().getRawPath())) {
            reply(x, 404, "not found: metrics are at " + PATH + "\n", false);
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            x.getResponseHeaders().set("Allow", "GET, HEAD");
            reply(x, 405, "method not allowed: use GET\n", false);
        } else {
            String text = SnapshotMetrics.render(source.current(), nanoTime.getAsLong());
            x.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            reply(x, 200, text, method.equals("HEAD"));
        }
    }

    private static void reply(HttpExchange x, int status, String body, boolean head) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!x.getResponseHeaders().containsKey("Content-Type")) {
            x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        if (head) {
            x.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            x.sendResponseHeaders(status, -1);
            return;
        }
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int headerBytes(Headers h) {
        int total = 0;
        for (Map.Entry<String, List<String>> e : h.entrySet()) {
            for (String v : e.getValue()) {
                total += e.getKey().length() + v.length() + 4;
            }
        }
        return total;
    }

    /** A scrape has no body; a client that sends one gets its connection reused only if it was read. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        long left = 64 * 1024;
        int r;
        while (left > 0 && (r = in.read(buf)) > 0) {
            left -= r;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
