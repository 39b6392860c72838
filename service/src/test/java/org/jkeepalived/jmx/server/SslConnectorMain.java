package org.jkeepalived.jmx.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import javax.management.MBeanServerFactory;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.jkeepalived.config.model.manage.JmxRemoteConfig;
import org.jkeepalived.config.model.manage.JolokiaConfig;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.control.FakeManagementCommands;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.os.log.Log;

/**
 * Run by {@link JmxRemoteSslIT} in its own JVM, whose javax.net.ssl.* properties (the JVM's default SSL context)
 * must not leak into other tests: starts the connector with ssl on {@code args[1]}, then a TLS client and a plain
 * client, and prints what each got.
 */
public final class SslConnectorMain {
    private SslConnectorMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Path passwords = dir.resolve("jmx.password");
        Files.writeString(passwords, "monitor m0nitor\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Path access = dir.resolve("jmx.access");
        Files.writeString(access, "monitor readonly\n");
        Fixtures.Source source = new Fixtures.Source(Fixtures.snapshot(Fixtures.config(), 1));
        Log log = Log.to((level, detail, message) -> System.out.println("LOG " + level + " " + message));
        try (ManagementServer m = ManagementServer.start(new ManagementConfig(SnmpAgentConfig.defaults(),
                JolokiaConfig.off(), new JmxRemoteConfig(true, "127.0.0.1", port, passwords.toString(),
                access.toString(), true)), source, new FakeManagementCommands(), log, null,
                MBeanServerFactory.newMBeanServer())) {
            System.out.println("STARTED " + (m.remote() != null));
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
            String[] credentials = {"monitor", "m0nitor"};
            // The registry speaks TLS too: the JNDI lookup needs the TLS socket factory.
            try (JMXConnector c = JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, credentials,
                    "com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory()))) {
                System.out.println("TLS " + c.getMBeanServerConnection()
                        .getAttribute(ObjectNames.vrrpInstance("VI_1"), "State"));
            }
            try (JMXConnector c = JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, credentials))) {
                System.out.println("PLAIN " + c.getMBeanServerConnection()
                        .getAttribute(ObjectNames.vrrpInstance("VI_1"), "State"));
            } catch (Exception e) {
                System.out.println("PLAIN refused " + e.getClass().getSimpleName());
            }
        }
    }
}
