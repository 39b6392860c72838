package org.jkeepalived.check.http;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.jkeepalived.check.CheckTargets;
import org.jkeepalived.check.CheckerWords;
import org.jkeepalived.check.Probe;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.check.SocketReactor;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.lvs.HttpGetCheck;
import org.jkeepalived.config.model.lvs.HttpRequest;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.SslGetCheck;

/**
 * {@code HTTP_GET} and {@code SSL_GET}: one attempt fetches every {@code url} in turn, on a connection each,
 * and is up when each answers with an accepted status, the configured MD5 {@code digest} of its body and
 * a matching {@code regex}. Each step (connect, TLS handshake, write, each read) has the connect timeout, as
 * keepalived's timers do. Request as keepalived sends it: {@code GET path HTTP/1.x}, {@code User-Agent:
 * KeepAliveClient}, {@code Host: virtualhost or address}. SSL_GET verifies no certificate (keepalived's
 * default context does not either). Failure reasons use keepalived's words.
 */
public final class HttpProbe implements Probe {
    /** How much of a body is kept for a regex. */
    private static final int MAX_REGEX_BODY_BYTES = 1 << 20;
    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final SocketReactor reactor;
    private final InetSocketAddress target;
    private final InetSocketAddress source;
    private final long timeoutMillis;
    private final HttpRequest http;
    private final SSLContext tls;
    private final String service;

    /**
     * @param source {@code bindto}/{@code bind_port}, null when unset
     * @param tls    the TLS context for SSL_GET, null for HTTP_GET (see {@link #trustAllContext()})
     */
    public HttpProbe(SocketReactor reactor, InetSocketAddress target, InetSocketAddress source, long timeoutMillis,
                     HttpRequest http, SSLContext tls) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
        this.target = Objects.requireNonNull(target, "target");
        this.source = source;
        this.timeoutMillis = timeoutMillis;
        this.http = Objects.requireNonNull(http, "http");
        this.tls = tls;
        this.service = CheckerWords.service(target, "tcp");
    }

    public static HttpProbe of(SocketReactor reactor, RealServer realServer, HttpGetCheck check) {
        InetSocketAddress target = CheckTargets.target(check.connection(), realServer);
        return new HttpProbe(reactor, target, CheckTargets.source(check.connection(), target),
                CheckTargets.connectTimeoutMillis(check.connection()), check.http(), null);
    }

    public static HttpProbe of(SocketReactor reactor, RealServer realServer, SslGetCheck check, SSLContext tls) {
        InetSocketAddress target = CheckTargets.target(check.connection(), realServer);
        return new HttpProbe(reactor, target, CheckTargets.source(check.connection(), target),
                CheckTargets.connectTimeoutMillis(check.connection()), check.http(), tls);
    }

    /** A TLS client context that accepts any certificate: keepalived's auto-generated SSL context. */
    public static SSLContext trustAllContext() {
        return TlsContexts.of(null);
    }

    @Override
    public CompletableFuture<ProbeResult> attempt() {
        if (http.urls().isEmpty()) {
            return CompletableFuture.completedFuture(ProbeResult.success()); // keepalived ignores such checkers
        }
        return checkFrom(0);
    }

    private CompletableFuture<ProbeResult> checkFrom(int index) {
        return new Exchange(http.urls().get(index)).run().thenCompose(result ->
                !result.up() || index + 1 == http.urls().size()
                        ? CompletableFuture.completedFuture(result) : checkFrom(index + 1));
    }

    /** The request keepalived sends for {@code url}. */
    String request(HttpRequest.Url url) {
        String host = url.virtualhost() != null ? url.virtualhost()
                : http.virtualhost() != null ? http.virtualhost() : addressHost();
        String version = http.httpProtocol() == HttpRequest.HttpProtocol.HTTP_1_1 ? "1.1" : "1.0";
        // 1.0C asks for Connection: close; so does 1.1 here, since the probe reads the body to the end
        String close = http.httpProtocol() == HttpRequest.HttpProtocol.HTTP_1_0 ? "" : "Connection: close\r\n";
        return "GET " + url.path() + " HTTP/" + version + "\r\n"
                + "User-Agent: KeepAliveClient\r\n"
                + close
                + "Host: " + host + "\r\n\r\n";
    }

    private String addressHost() {
        String ip = AddressText.of(target.getAddress());
        if (target.getAddress() instanceof Inet6Address) {
            ip = "[" + ip + "]"; // keepalived: Host: [addr]
        }
        int defaultPort = tls != null ? 443 : 80;
        return target.getPort() == defaultPort ? ip : ip + ":" + target.getPort();
    }

    /** One URL's exchange, on its own connection; continuations run on the reactor thread. */
    private final class Exchange {
        private final HttpRequest.Url url;
        private final CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        private final HttpResponseReader response;
        private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
        private Transport transport;

        Exchange(HttpRequest.Url url) {
            this.url = url;
            this.response = new HttpResponseReader(url.regex() != null ? MAX_REGEX_BODY_BYTES : 0);
        }

        CompletableFuture<ProbeResult> run() {
            reactor.connect(target, source, timeoutMillis).whenComplete((channel, failure) -> {
                if (failure != null) {
                    finish(ProbeResult.failure((isTimeout(failure) ? "Timeout connecting" : "Error connecting")
                            + " server " + service));
                } else if (tls == null) {
                    transport = new Transport.Plain(reactor, channel);
                    send();
                } else {
                    handshake(channel);
                }
            });
            return result;
        }

        private void handshake(SocketChannel channel) {
            TlsTransport secure;
            try {
                secure = new TlsTransport(reactor, channel, engine());
            } catch (RuntimeException e) {
                SocketReactor.closeQuietly(channel);
                finish(ProbeResult.failure("SSL handshake/communication error connecting to server " + service));
                return;
            }
            transport = secure;
            secure.handshake(timeoutMillis).whenComplete((v, failure) -> {
                if (failure != null) {
                    finish(ProbeResult.failure(isTimeout(failure) ? "Timeout connecting server " + service
                            : "SSL handshake/communication error connecting to server " + service));
                } else {
                    send();
                }
            });
        }

        private SSLEngine engine() {
            SSLEngine engine = tls.createSSLEngine();
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            String sni = http.sniName() != null ? http.sniName() : http.virtualhost();
            if (http.enableSni() && sni != null) {
                parameters.setServerNames(List.of(new SNIHostName(sni)));
            }
            engine.setSSLParameters(parameters);
            return engine;
        }

        private void send() {
            ByteBuffer request = ByteBuffer.wrap(request(url).getBytes(StandardCharsets.ISO_8859_1));
            transport.write(request, timeoutMillis).whenComplete((v, failure) -> {
                if (failure != null) {
                    finish(ProbeResult.failure(isTimeout(failure) ? "Timeout WEB write server " + service
                            : "Cannot send get request to " + service));
                } else {
                    receive();
                }
            });
        }

        private void receive() {
            buffer.clear();
            transport.read(buffer, timeoutMillis).whenComplete((n, failure) -> {
                if (failure != null) {
                    finish(ProbeResult.failure(isTimeout(failure)
                            ? (response.receivedAnything() ? "Timeout HTTP read" : "Timeout WEB read")
                                    + " server " + service
                            : "Read error with server " + service + ": " + message(failure)));
                    return;
                }
                if (n < 0) {
                    finish(verdict());
                    return;
                }
                buffer.flip();
                response.feed(buffer);
                if (response.error() != null) {
                    finish(ProbeResult.failure("Read error with server " + service + ": " + response.error()));
                } else if (response.headersDone() && (!needsBody() || response.bodyComplete())) {
                    finish(verdict());
                } else {
                    receive();
                }
            });
        }

        private boolean needsBody() {
            return url.digest() != null || url.regex() != null;
        }

        private ProbeResult verdict() {
            if (!response.headersDone()) {
                return ProbeResult.failure(response.receivedAnything()
                        ? "Read error with server " + service + ": incomplete HTTP header"
                        : "Read, no data received from " + service);
            }
            String where = service + " url(" + url.path() + ")";
            if (!statusAccepted(response.status())) {
                return ProbeResult.failure("HTTP status code error to " + where + ", status_code ["
                        + response.status() + "]");
            }
            if (url.digest() != null) {
                String digest = response.digestHex();
                if (!digest.equalsIgnoreCase(url.digest())) {
                    return ProbeResult.failure("MD5 digest error to " + where + ", MD5SUM [" + digest + "]");
                }
            }
            if (url.regex() != null && !regexPasses(url.regex(), response.bodyText())) {
                return ProbeResult.failure("Regex match failed to " + where);
            }
            return ProbeResult.success();
        }

        private boolean statusAccepted(int status) {
            if (url.statusCodes().isEmpty()) {
                return status >= 200 && status <= 299;
            }
            return url.statusCodes().stream().anyMatch(r -> status >= r.from() && status <= r.to());
        }

        private void finish(ProbeResult outcome) {
            if (transport != null) {
                transport.close();
            }
            result.complete(outcome);
        }
    }

    /** keepalived's regex test: a match starting within [min, max] offset passes, inverted by no_match. */
    static boolean regexPasses(HttpRequest.Regex regex, String body) {
        int flags = 0;
        for (String option : regex.options()) {
            flags |= switch (option) {
                case "caseless" -> Pattern.CASE_INSENSITIVE;
                case "multiline" -> Pattern.MULTILINE;
                case "dotall" -> Pattern.DOTALL;
                case "extended" -> Pattern.COMMENTS;
                default -> 0; // the other PCRE2 options have no java.util.regex equivalent
            };
        }
        boolean found;
        try {
            Matcher matcher = Pattern.compile(regex.pattern(), flags).matcher(body);
            int from = (int) Math.min(regex.minOffset(), body.length());
            found = matcher.find(from)
                    && (regex.maxOffset() == null || matcher.start() <= regex.maxOffset());
        } catch (RuntimeException e) {
            found = false; // an invalid pattern never matches (the parser should have rejected it)
        }
        return found != regex.noMatch();
    }

    private static boolean isTimeout(Throwable failure) {
        return unwrap(failure) instanceof TimeoutException;
    }

    private static String message(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
