package org.jkeepalived.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jkeepalived.config.model.manage.JmxRemoteConfig;
import org.jkeepalived.config.model.manage.JolokiaConfig;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.control.FakeManagementCommands;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded Jolokia agent on a free loopback port, over the platform MBeanServer, driven by a plain HTTP
 * client: reads answer, the default policy refuses writes, operations and reads outside jkeepalived/java.lang,
 * basic auth is enforced when configured, and {@code jolokia off} listens nowhere.
 */
class JolokiaIT {
    private final List<String> logged = new ArrayList<>();
    private final Log log = Log.to((level, detail, message) -> logged.add(level + " " + message));
    private final Fixtures.Source source = new Fixtures.Source(Fixtures.snapshot(Fixtures.config(), 1));
    private final FakeManagementCommands commands = new FakeManagementCommands();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ManagementServer running;
    private int port;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private ManagementServer start(JolokiaConfig jolokia) {
        running = ManagementServer.start(new ManagementConfig(SnmpAgentConfig.defaults(), jolokia,
                JmxRemoteConfig.off()), source, commands, log);
        return running;
    }

    private ManagementServer startDefault() throws IOException {
        port = freePort();
        return start(new JolokiaConfig(true, "127.0.0.1", port, null, null, null));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jolokia/" + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jolokia/"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readsTheInstanceStateAsCurlWould() throws Exception {
        ManagementServer m = startDefault();
        assertThat(m.jolokia()).isNotNull();
        assertThat(m.jolokia().address().getPort()).isEqualTo(port);

        HttpResponse<String> r = get("read/jkeepalived:type=VrrpInstance,name=VI_1/State");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"value\":\"MASTER\"").contains("\"status\":200");
        assertThat(get("read/jkeepalived:type=VrrpInstance,name=VI_2/State").body()).contains("\"value\":\"BACKUP\"");

        // A state change in the snapshot is what the next read answers.
        source.set(Fixtures.snapshot(Fixtures.config(), 2));
        assertThat(get("read/jkeepalived:type=VrrpInstance,name=VI_1/EffectivePriority").body())
                .contains("\"value\":130");
        // keepalived's LVS names are quoted in the ObjectName; URL-encoded here as curl -g would send them.
        assertThat(get("read/jkeepalived:type=VirtualServer,name=%22%5B192.0.2.1%5D:tcp:80%22/QuorumUp").body())
                .contains("\"value\":true");
        assertThat(get("read/java.lang:type=Runtime/Uptime").body()).contains("\"status\":200");
        assertThat(get("version").body()).contains("\"status\":200");
        assertThat(get("search/jkeepalived:type=RealServer,*").body()).contains("10.0.0.1").contains("10.0.0.9");
    }

    @Test
    void theDefaultPolicyRefusesWritesOperationsAndOtherDomains() throws Exception {
        startDefault();
        // java.lang:type=Memory has a writable attribute (Verbose) and an operation (gc): only the policy stops them.
        assertThat(status(get("write/java.lang:type=Memory/Verbose/true"))).isEqualTo(403);
        assertThat(status(get("exec/java.lang:type=Memory/gc"))).isEqualTo(403);
        assertThat(status(get("exec/jkeepalived:type=Daemon/reload"))).isEqualTo(403);
        assertThat(status(get("exec/jkeepalived:type=VrrpInstance,name=VI_1/setBasePriority/200"))).isEqualTo(403);
        assertThat(status(post("{\"type\":\"exec\",\"mbean\":\"jkeepalived:type=Daemon\",\"operation\":\"dump\"}")))
                .isEqualTo(403);
        assertThat(commands.calls).as("no operation reached the daemon").isEmpty();
        assertThat(status(get("read/java.nio:type=BufferPool,name=direct/Count"))).isEqualTo(403);
        assertThat(status(get("read/jkeepalived:type=Daemon/Version"))).isEqualTo(200);
    }

    @Test
    void browsersOnOtherOriginsCannotReadTheAnswers() throws Exception {
        startDefault();
        URI uri = URI.create("http://127.0.0.1:" + port + "/jolokia/read/jkeepalived:type=VrrpInstance,name=VI_1/State");
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(uri).header("Origin", "http://evil.example")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> local = http.send(HttpRequest.newBuilder(uri).header("Origin", "http://127.0.0.1:9000")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(local.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:9000");
    }

    @Test
    void proxyModeIsOff() throws Exception {
        startDefault();
        // A JSR-160 proxy request would make the agent open a JMX connection to the target; it must not.
        try (ServerSocket target = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            target.setSoTimeout(1_000);
            String body = post("{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"Uptime\","
                    + "\"target\":{\"url\":\"service:jmx:rmi:///jndi/rmi://127.0.0.1:" + target.getLocalPort()
                    + "/jmxrmi\"}}").body();
            boolean connected;
            try (Socket s = target.accept()) {
                connected = s.isConnected();
            } catch (java.net.SocketTimeoutException e) {
                connected = false;
            }
            // With the JSR-160 handler disabled Jolokia ignores the target and answers from this JVM (a known
            // limit, documented); with it enabled, this request would have connected (and hung on this socket).
            assertThat(connected).as("the agent connected to the proxy target").isFalse();
            assertThat(body).doesNotContainIgnoringCase("exception");
        }
    }

    @Test
    void aPolicyFileReplacesTheDefault() throws Exception {
        Path policy = dir.resolve("open.xml");
        Files.writeString(policy, """
                <?xml version="1.0" encoding="UTF-8"?>
                <restrict>
                  <commands><command>read</command><command>exec</command></commands>
                </restrict>
                """);
        port = freePort();
        start(new JolokiaConfig(true, "127.0.0.1", port, null, null, policy.toString()));
        HttpResponse<String> r = get("exec/jkeepalived:type=Daemon/reload");
        assertThat(status(r)).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"value\":\"DONE\"");
        assertThat(commands.calls).containsExactly("reload");
        assertThat(status(get("write/java.lang:type=Memory/Verbose/false"))).isEqualTo(403);
    }

    @Test
    void aMissingPolicyFileKeepsJolokiaOff() throws Exception {
        port = freePort();
        ManagementServer m = start(new JolokiaConfig(true, "127.0.0.1", port, null, null,
                dir.resolve("nope.xml").toString()));
        assertThat(m.jolokia()).isNull();
        assertThat(listening(port)).isFalse();
        assertThat(logged).anyMatch(l -> l.startsWith("ERROR Jolokia: policy file ") && l.contains("nope.xml"));
        assertThat(m.registry().names()).as("the MBeans are there all the same").hasSize(9);
    }

    @Test
    void basicAuthWhenConfigured() throws Exception {
        port = freePort();
        start(new JolokiaConfig(true, "127.0.0.1", port, "ops", "s3cret", null));
        String path = "read/jkeepalived:type=VrrpInstance,name=VI_1/State";
        assertThat(get(path).statusCode()).isEqualTo(401);
        assertThat(get(path, basic("ops", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get(path, basic("other", "s3cret")).statusCode()).isEqualTo(401);
        HttpResponse<String> r = get(path, basic("ops", "s3cret"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"value\":\"MASTER\"");
    }

    @Test
    void offListensNowhere() throws Exception {
        port = freePort();
        ManagementServer m = start(new JolokiaConfig(false, "127.0.0.1", port, null, null, null));
        assertThat(m.jolokia()).isNull();
        assertThat(listening(port)).isFalse();
        assertThat(m.registry().names()).hasSize(9);
    }

    @Test
    void aPortInUseIsLoggedAndTheRestGoesOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            ManagementServer m = start(new JolokiaConfig(true, "127.0.0.1", port, null, null, null));
            assertThat(m.jolokia()).isNull();
            assertThat(logged).anyMatch(l -> l.startsWith("ERROR Jolokia: cannot listen on 127.0.0.1:" + port)
                    && l.contains("going on without Jolokia"));
            assertThat(m.registry().names()).hasSize(9);
        }
    }

    private static int status(HttpResponse<String> r) {
        // Jolokia answers HTTP 200 and puts the request's own status in the JSON.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"status\":(\\d+)").matcher(r.body());
        return m.find() ? Integer.parseInt(m.group(1)) : r.statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return s.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
