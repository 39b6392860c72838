package org.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.http.HttpProbe;
import org.jkeepalived.check.tcp.TcpProbe;
import org.jkeepalived.config.model.lvs.HttpRequest;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier 4: TCP_CHECK, HTTP_GET and SSL_GET from a client namespace against python3's http.server and
 * {@code openssl s_server} in a server namespace, joined by a veth pair; the server namespace silently
 * drops traffic for 10.77.1.0/24 (not a forwarder), which makes a connect time out.
 */
class CheckersNetnsIT {
    private static final String CONTENT = "<html>jkeepalived checker</html>\n";
    private static Netns client;
    private static Netns server;
    private static SocketReactor reactor;

    @TempDir
    static Path dir;

    @BeforeAll
    static void namespaces() throws Exception {
        Privileged.require("ip", "python3", "openssl");
        client = Netns.create("jkchk-cli");
        server = Netns.create("jkchk-srv");
        Netns.veth(client, "jkc0", server, "jks0");
        client.ip("addr", "add", "10.77.0.1/24", "dev", "jkc0");
        server.ip("addr", "add", "10.77.0.2/24", "dev", "jks0");
        client.ip("route", "add", "10.77.1.0/24", "via", "10.77.0.2");
        server.run(List.of("sysctl", "-q", "-w", "net.ipv4.ip_forward=0"), 10);
        Files.writeString(dir.resolve("index.html"), CONTENT);
        // the reactor thread is created inside the client namespace, so its sockets live there
        reactor = client.call(() -> SocketReactor.start("netns-it-reactor"));
    }

    @AfterAll
    static void cleanUp() {
        if (reactor != null) {
            reactor.close();
        }
        if (server != null) {
            server.close();
        }
        if (client != null) {
            client.close();
        }
    }

    private static Process startInServer(List<String> command) throws Exception {
        return new ProcessBuilder(server.exec(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static void stop(Process process) throws Exception {
        process.destroy(); // ip netns exec replaces itself with the server: this is the server's pid
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static ProbeResult tcp(String ip, int port, long timeoutMillis) throws Exception {
        return new TcpProbe(reactor, new InetSocketAddress(InetAddress.getByName(ip), port), null, timeoutMillis)
                .attempt().get(20, TimeUnit.SECONDS);
    }

    private static ProbeResult get(int port, String path, String digest, javax.net.ssl.SSLContext tls)
            throws Exception {
        var http = new HttpRequest(HttpRequest.HttpProtocol.HTTP_1_0, null, false, false, null, false,
                List.of(new HttpRequest.Url(path, digest, List.of(), null, null)));
        return new HttpProbe(reactor, new InetSocketAddress(InetAddress.getByName("10.77.0.2"), port), null, 2_000,
                http, tls).attempt().get(20, TimeUnit.SECONDS);
    }

    private static void awaitUp(int port) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!tcp("10.77.0.2", port, 500).up()) {
            assertThat(System.nanoTime() < deadline).as("server on port " + port + " started").isTrue();
            Thread.sleep(100);
        }
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tcpCheckUpRefusedAndTimeout() throws Exception {
        Process http = startInServer(List.of("python3", "-m", "http.server", "--bind", "10.77.0.2", "8080"));
        try {
            awaitUp(8080);
            assertThat(tcp("10.77.0.2", 8080, 1_000).up()).isTrue();
        } finally {
            stop(http);
        }
        assertThat(tcp("10.77.0.2", 8080, 1_000).reason()).isEqualTo("TCP connection to [10.77.0.2]:tcp:8080 failed");
        long start = System.nanoTime();
        assertThat(tcp("10.77.1.1", 80, 500).reason()).isEqualTo("TCP connection to [10.77.1.1]:tcp:80 timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(450L, 3_000L);
    }

    @Test
    void httpGetAgainstPythonHttpServer() throws Exception {
        Process http = startInServer(List.of("python3", "-m", "http.server", "--bind", "10.77.0.2", "8081"));
        try {
            awaitUp(8081);
            assertThat(get(8081, "/index.html", md5(CONTENT), null)).isEqualTo(ProbeResult.success());
            assertThat(get(8081, "/missing.html", null, null).reason())
                    .isEqualTo("HTTP status code error to [10.77.0.2]:tcp:8081 url(/missing.html), status_code [404]");
            assertThat(get(8081, "/index.html", md5("something else"), null).reason())
                    .isEqualTo("MD5 digest error to [10.77.0.2]:tcp:8081 url(/index.html), MD5SUM [" + md5(CONTENT)
                            + "]");
        } finally {
            stop(http);
        }
        assertThat(get(8081, "/index.html", null, null).reason())
                .isEqualTo("Error connecting server [10.77.0.2]:tcp:8081");
    }

    @Test
    void httpGetAgainstAHungServer() throws Exception {
        Process hung = startInServer(List.of("python3", "-c", String.join("\n",
                "import socket, time",
                "s = socket.socket()",
                "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                "s.bind(('10.77.0.2', 8082))",
                "s.listen(16)",
                "held = []",
                "while True:",
                "    c, _ = s.accept()",
                "    held.append(c)")));
        try {
            awaitUp(8082);
            assertThat(get(8082, "/", null, null).reason()).isEqualTo("Timeout WEB read server [10.77.0.2]:tcp:8082");
        } finally {
            stop(hung);
        }
    }

    @Test
    void sslGetAgainstOpensslSServer() throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Netns.Result req = Netns.runProcess(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-subj", "/CN=jkeepalived-test", "-days", "1", "-keyout", key.toString(), "-out", cert.toString()), 60);
        assertThat(req.exitCode()).as(req.output()).isZero();
        Process tls = startInServer(List.of("openssl", "s_server", "-accept", "10.77.0.2:8443", "-cert",
                cert.toString(), "-key", key.toString(), "-WWW", "-quiet"));
        try {
            awaitUp(8443);
            var trustAll = HttpProbe.trustAllContext();
            assertThat(get(8443, "/index.html", md5(CONTENT), trustAll)).isEqualTo(ProbeResult.success());
            // s_server -WWW answers 200 with an error text for a missing file: the digest catches it
            assertThat(get(8443, "/missing.html", md5(CONTENT), trustAll).reason())
                    .startsWith("MD5 digest error to [10.77.0.2]:tcp:8443 url(/missing.html)");
        } finally {
            stop(tls);
        }
        assertThat(get(8443, "/index.html", null, HttpProbe.trustAllContext()).reason())
                .isEqualTo("Error connecting server [10.77.0.2]:tcp:8443");
    }
}
