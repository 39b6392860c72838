package org.jkeepalived.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.model.manage.PrometheusConfig;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint over real HTTP on an ephemeral loopback port: the exposition with its content type, and short
 * plain answers (never a stack trace) to a wrong path, a wrong method, huge headers and garbage.
 */
class MetricsServerTest {
    private final List<String> logged = new ArrayList<>();
    private MetricsServer server;
    private HttpClient http;

    @BeforeEach
    void start() {
        StatusSnapshot s = MetricsFixture.snapshot();
        server = MetricsServer.start(new PrometheusConfig(true, "127.0.0.1", 0), () -> s, () -> MetricsFixture.NOW,
                Log.to((level, detail, message) -> logged.add(level + " " + message)));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getMetricsServesTheExpositionOfTheSnapshot() throws Exception {
        HttpResponse<String> r = send("GET", "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.body()).isEqualTo(SnapshotMetrics.render(MetricsFixture.snapshot(), MetricsFixture.NOW));
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        HttpResponse<String> r = send("HEAD", "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void anotherPathIs404() throws Exception {
        for (String path : List.of("/", "/metricsx", "/metrics/", "/jolokia/read", "/..%2fetc/passwd")) {
            HttpResponse<String> r = send("GET", path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).isEqualTo("not found: metrics are at /metrics\n");
        }
    }

    @Test
    void anotherMethodIs405WithAllow() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
            HttpResponse<String> r = send(method, "/metrics");
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).as(method).contains("GET, HEAD");
            assertThat(r.body()).doesNotContain("Exception", "at org.");
        }
    }

    @Test
    void hugeHeadersAre431AndTheServerStillServes() throws Exception {
        String big = "x".repeat(MetricsServer.MAX_HEADER_BYTES + 100);
        String answer = raw("GET /metrics HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431").contains("request headers too large").doesNotContain("Exception");
        assertThat(send("GET", "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void garbageGetsNoStackTraceAndTheServerStillServes() throws Exception {
        String answer = raw("\u0001\u0002 not http at all\r\n\r\n");
        assertThat(answer).doesNotContain("Exception", "at org.", "at java.");
        assertThat(send("GET", "/metrics").statusCode()).isEqualTo(200);
        assertThat(logged).noneMatch(l -> l.contains("Exception"));
    }

    @Test
    void manyConcurrentScrapesAreAllAnswered() throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort()
                    + "/metrics")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var f : all) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFailingRenderIsA500WithoutStackTraceAndIsLogged() throws Exception {
        List<String> log = new ArrayList<>();
        try (MetricsServer broken = MetricsServer.start(new PrometheusConfig(true, "127.0.0.1", 0), () -> {
            throw new IllegalStateException("no snapshot");
        }, () -> 0, Log.to((level, detail, message) -> log.add(message)))) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + broken.address().getPort() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("internal error\n");
            assertThat(log).containsExactly(
                    "prometheus: cannot answer GET /metrics: java.lang.IllegalStateException: no snapshot");
        }
    }

    @Test
    void aBoundPortIsReportedAsAnError() {
        PrometheusConfig same = new PrometheusConfig(true, "127.0.0.1", server.address().getPort());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricsServer.start(same, () -> null, () -> 0,
                Log.to((l, d, m) -> { }))).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.address().getPort());
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.address().getPort()), 5_000);
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
                return ""; // closed without an answer: acceptable, as long as nothing was leaked
            }
        }
    }
}
