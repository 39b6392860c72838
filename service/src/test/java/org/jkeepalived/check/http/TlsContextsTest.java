package org.jkeepalived.check.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.check.SocketReactor;
import org.jkeepalived.config.model.lvs.HttpRequest;
import org.jkeepalived.config.model.lvs.SslSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSL block's client certificate, against an HttpsServer that requires one. */
class TlsContextsTest {
    @TempDir
    Path dir;

    private void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void aClientCertificateFromPemFilesPlainOrEncrypted() throws Exception {
        Path key = dir.resolve("client.key");
        Path cert = dir.resolve("client.pem");
        Path encrypted = dir.resolve("client-enc.key");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=jkeepalived-client", "-days", "1",
                "-keyout", key.toString(), "-out", cert.toString());
        openssl("pkcs8", "-topk8", "-in", key.toString(), "-out", encrypted.toString(), "-passout", "pass:s3cret");
        // the server: a keytool self-signed key, and it demands a client certificate (any)
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "s", "-keyalg", "RSA", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                var p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (SocketReactor reactor = SocketReactor.start("tls-test")) {
            var target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort());
            var http = new HttpRequest(HttpRequest.HttpProtocol.HTTP_1_0, null, false, false, null, false,
                    List.of(new HttpRequest.Url("/", null, List.of(), null, null)));
            java.util.function.Function<SSLContext, ProbeResult> get = tls -> {
                try {
                    return new HttpProbe(reactor, target, null, 3_000, http, tls).attempt().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            assertThat(get.apply(TlsContexts.of(new SslSettings(null, null, cert.toString(), key.toString()))))
                    .isEqualTo(ProbeResult.success());
            assertThat(get.apply(TlsContexts.of(new SslSettings("s3cret", null, cert.toString(),
                    encrypted.toString())))).isEqualTo(ProbeResult.success());
            assertThat(get.apply(TlsContexts.of(new SslSettings(null, null, null, null))).up()).isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badSettingsAreMessagesNotStackTraces() {
        assertThatThrownBy(() -> TlsContexts.of(new SslSettings(null, "/nonexistent/ca.pem", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SSL ca file /nonexistent/ca.pem is not readable");
        assertThatThrownBy(() -> TlsContexts.of(new SslSettings(null, null, "/nonexistent/c.pem", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SSL key missing");
    }
}
