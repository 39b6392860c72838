package org.jkeepalived.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.check.SocketReactor;
import org.jkeepalived.config.model.lvs.HttpRequest;
import org.jkeepalived.config.model.lvs.HttpRequest.HttpProtocol;
import org.jkeepalived.config.model.lvs.HttpRequest.StatusRange;
import org.jkeepalived.config.model.lvs.HttpRequest.Url;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP_GET and SSL_GET against the JDK's HttpServer/HttpsServer on loopback. */
class HttpProbeTest {
    private static final String BODY = "<html>hello keepalived</html>\n";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static SocketReactor reactor;
    private static HttpServer plain;
    private static HttpsServer secure;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        reactor = SocketReactor.start("http-test-reactor");
        plain = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 50);
        serve(plain);
        plain.start();
        secure = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 50);
        secure.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
        serve(secure);
        secure.start();
    }

    private static void serve(HttpServer server) {
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getProtocol() + " host=" + exchange.getRequestHeaders().getFirst("Host")
                    + " ua=" + exchange.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
            int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** A self-signed certificate made now with the JDK's keytool. */
    private static SSLContext selfSigned() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    @AfterAll
    static void stop() {
        plain.stop(0);
        secure.stop(0);
        reactor.close();
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static HttpRequest request(String virtualhost, Url... urls) {
        return new HttpRequest(HttpProtocol.HTTP_1_0, virtualhost, false, false, null, false, List.of(urls));
    }

    private static Url url(String path, String digest, StatusRange... codes) {
        return new Url(path, digest, List.of(codes), null, null);
    }

    private static ProbeResult get(InetSocketAddress target, HttpRequest http, SSLContext tls, long timeoutMillis)
            throws Exception {
        return new HttpProbe(reactor, target, null, timeoutMillis, http, tls).attempt().get(20, TimeUnit.SECONDS);
    }

    private static InetSocketAddress plainAddress() {
        return new InetSocketAddress(LOOPBACK, plain.getAddress().getPort());
    }

    private static String service(InetSocketAddress target) {
        return "[127.0.0.1]:tcp:" + target.getPort();
    }

    @Test
    void rightStatusAndDigestIsUpAndTheRequestIsKeepalives() throws Exception {
        requests.clear();
        ProbeResult result = get(plainAddress(), request("www.example.test", url("/index.html", md5(BODY))), null,
                2_000);
        assertThat(result).isEqualTo(ProbeResult.success());
        assertThat(requests).containsExactly(
                "GET /index.html HTTP/1.0 host=www.example.test ua=KeepAliveClient");
        requests.clear();
        assertThat(get(plainAddress(), request(null, url("/", null)), null, 2_000).up()).isTrue();
        assertThat(requests).containsExactly("GET / HTTP/1.0 host=127.0.0.1:" + plainAddress().getPort()
                + " ua=KeepAliveClient");
    }

    @Test
    void wrongStatusFailsWithKeepalivesWordsAndRangesAreHonoured() throws Exception {
        ProbeResult result = get(plainAddress(), request(null, url("/missing", null)), null, 2_000);
        assertThat(result.up()).isFalse();
        assertThat(result.reason()).isEqualTo("HTTP status code error to " + service(plainAddress())
                + " url(/missing), status_code [404]");
        assertThat(get(plainAddress(), request(null, url("/missing", null, new StatusRange(200, 200),
                new StatusRange(400, 404))), null, 2_000).up()).isTrue();
        assertThat(get(plainAddress(), request(null, url("/", null, new StatusRange(201, 299))), null, 2_000)
                .up()).isFalse();
    }

    @Test
    void wrongDigestFails() throws Exception {
        ProbeResult result = get(plainAddress(), request(null, url("/", "00000000000000000000000000000000")), null,
                2_000);
        assertThat(result.reason()).isEqualTo("MD5 digest error to " + service(plainAddress())
                + " url(/), MD5SUM [" + md5(BODY) + "]");
    }

    @Test
    void everyUrlMustPass() throws Exception {
        assertThat(get(plainAddress(), request(null, url("/", null), url("/missing", null)), null, 2_000).reason())
                .contains("url(/missing)");
        assertThat(get(plainAddress(), request(null, url("/a", null), url("/b", md5(BODY))), null, 2_000).up())
                .isTrue();
    }

    @Test
    void regexMatchAndNoMatch() throws Exception {
        var match = new HttpRequest.Regex("HELLO keep", false, List.of("caseless"), 0, null, 0, 0);
        var noMatch = new HttpRequest.Regex("hello", true, List.of(), 0, null, 0, 0);
        var late = new HttpRequest.Regex("hello", false, List.of(), 0, 3L, 0, 0);
        assertThat(get(plainAddress(), request(null, new Url("/", null, List.of(), null, match)), null, 2_000).up())
                .isTrue();
        assertThat(get(plainAddress(), request(null, new Url("/", null, List.of(), null, noMatch)), null, 2_000)
                .reason()).isEqualTo("Regex match failed to " + service(plainAddress()) + " url(/)");
        assertThat(get(plainAddress(), request(null, new Url("/", null, List.of(), null, late)), null, 2_000).up())
                .isFalse(); // "hello" starts at offset 6 > regex_max_offset 3
    }

    @Test
    void aHungServerTimesOutAndAStoppedOneIsAnErrorConnecting() throws Exception {
        try (ServerSocket hung = new ServerSocket(0, 50, LOOPBACK)) {
            var target = new InetSocketAddress(LOOPBACK, hung.getLocalPort());
            Thread acceptor = new Thread(() -> {
                try (Socket s = hung.accept()) {
                    s.getInputStream().read(new byte[1024]); // takes the request, never answers
                    Thread.sleep(5_000);
                } catch (Exception e) {
                    // the test ended
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            ProbeResult result = get(target, request(null, url("/", null)), null, 400);
            assertThat(result.reason()).isEqualTo("Timeout WEB read server " + service(target));
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(350L, 3_000L);
            acceptor.interrupt();
        }
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, LOOPBACK)) {
            port = gone.getLocalPort();
        }
        var stopped = new InetSocketAddress(LOOPBACK, port);
        assertThat(get(stopped, request(null, url("/", null)), null, 1_000).reason())
                .isEqualTo("Error connecting server " + service(stopped));
    }

    @Test
    void aServerClosingWithoutAnswerIsNoData() throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 50, LOOPBACK)) {
            var target = new InetSocketAddress(LOOPBACK, rude.getLocalPort());
            Thread acceptor = new Thread(() -> {
                try (Socket s = rude.accept()) {
                    s.getInputStream().read(new byte[1024]);
                } catch (Exception e) {
                    // the test ended
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertThat(get(target, request(null, url("/", null)), null, 2_000).reason())
                    .isEqualTo("Read, no data received from " + service(target));
        }
    }

    @Test
    void sslGetOverASelfSignedCertificate() throws Exception {
        var target = new InetSocketAddress(LOOPBACK, secure.getAddress().getPort());
        SSLContext trustAll = HttpProbe.trustAllContext();
        assertThat(get(target, request(null, url("/", md5(BODY))), trustAll, 5_000)).isEqualTo(ProbeResult.success());
        assertThat(get(target, request(null, url("/missing", null)), trustAll, 5_000).reason())
                .isEqualTo("HTTP status code error to " + service(target) + " url(/missing), status_code [404]");
        assertThat(get(target, request(null, url("/", "ffffffffffffffffffffffffffffffff")), trustAll, 5_000)
                .reason()).startsWith("MD5 digest error to ");
        // TLS against a server answering in plain text: the handshake fails
        try (ServerSocket plainText = new ServerSocket(0, 50, LOOPBACK)) {
            var wrong = new InetSocketAddress(LOOPBACK, plainText.getLocalPort());
            Thread acceptor = new Thread(() -> {
                try (Socket s = plainText.accept()) {
                    s.getInputStream().read(new byte[1024]);
                    s.getOutputStream().write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // the test ended
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertThat(get(wrong, request(null, url("/", null)), trustAll, 2_000).reason())
                    .isEqualTo("SSL handshake/communication error connecting to server " + service(wrong));
        }
        // a TLS server that takes the hello and never answers: the handshake times out
        var silent = plainAddress(); // the plain HttpServer waits for a request line that never comes
        assertThat(get(silent, request(null, url("/", null)), trustAll, 400).reason())
                .isEqualTo("Timeout connecting server " + service(silent));
    }

    @Test
    void http11AsksToCloseAndReadsTheBodyByContentLength() throws Exception {
        requests.clear();
        var http = new HttpRequest(HttpProtocol.HTTP_1_1, null, false, false, null, false,
                List.of(url("/", md5(BODY))));
        assertThat(get(plainAddress(), http, null, 2_000).up()).isTrue();
        assertThat(requests).singleElement().asString().contains("HTTP/1.1");
    }
}
