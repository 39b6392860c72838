package org.jkeepalived.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote JMX with {@code ssl}: the JVM's default SSL context serves the registry and the connector, a TLS client
 * reads, and a plain client gets nothing. Runs in a child JVM given a keystore made here with keytool.
 */
class JmxRemoteSslIT {
    @TempDir
    Path dir;

    @Test
    void tlsClientsReadAndPlainOnesAreRefused() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path keystore = dir.resolve("jmx.p12");
        Process keytool = new ProcessBuilder(javaHome.resolve("bin/keytool").toString(), "-genkeypair",
                "-alias", "jmx", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String keytoolOut = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(keytoolOut).isZero();

        int port = JolokiaIT.freePort();
        Process child = new ProcessBuilder(List.of(javaHome.resolve("bin/java").toString(),
                "-Djavax.net.ssl.keyStore=" + keystore, "-Djavax.net.ssl.keyStorePassword=changeit",
                "-Djavax.net.ssl.keyStoreType=PKCS12",
                "-Djavax.net.ssl.trustStore=" + keystore, "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-cp", System.getProperty("java.class.path"), SslConnectorMain.class.getName(), dir.toString(),
                Integer.toString(port))).redirectErrorStream(true).start();
        String out;
        try {
            out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(out).contains("STARTED true").contains("TLS MASTER").contains("PLAIN refused")
                .contains("(TLS)").doesNotContain("PLAIN MASTER");
    }
}
