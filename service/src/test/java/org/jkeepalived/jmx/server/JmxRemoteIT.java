package org.jkeepalived.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jkeepalived.config.model.manage.JmxRemoteConfig;
import org.jkeepalived.config.model.manage.JolokiaConfig;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.control.FakeManagementCommands;
import org.jkeepalived.event.Event;
import org.jkeepalived.jmx.DaemonMXBean;
import org.jkeepalived.jmx.Notifications;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.jmx.VrrpInstanceMXBean;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote JMX on a free loopback port with password and access files: a JMXConnector client authenticates,
 * reads, receives notifications, is held to its access level, and a wrong password is refused.
 */
class JmxRemoteIT {
    private final List<String> logged = new ArrayList<>();
    private final Log log = Log.to((level, detail, message) -> logged.add(level + " " + message));
    private final Fixtures.Source source = new Fixtures.Source(Fixtures.snapshot(Fixtures.config(), 1));
    private final FakeManagementCommands commands = new FakeManagementCommands();
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private ManagementServer running;
    private Path passwords;
    private Path access;
    private int port;

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        passwords = dir.resolve("jmx.password");
        Files.writeString(passwords, "# user password\nmonitor m0nitor\nops 0ps-secret\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        access = dir.resolve("jmx.access");
        Files.writeString(access, "monitor readonly\nops readwrite\n");
        port = JolokiaIT.freePort();
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private ManagementServer start(JmxRemoteConfig remote) {
        running = ManagementServer.start(new ManagementConfig(SnmpAgentConfig.defaults(), JolokiaConfig.off(), remote),
                source, commands, log, null, server);
        return running;
    }

    private JmxRemoteConfig remote() {
        return new JmxRemoteConfig(true, "127.0.0.1", port, passwords.toString(), access.toString(), false);
    }

    private JMXConnector connect(String user, String password) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        return JMXConnectorFactory.connect(url, user == null ? Map.of()
                : Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    @Test
    void aClientAuthenticatesReadsAndReceivesNotifications() throws Exception {
        ManagementServer m = start(remote());
        assertThat(m.remote()).isNotNull();
        assertThat(m.remote().url().toString()).contains("127.0.0.1:" + port);

        try (JMXConnector c = connect("monitor", "m0nitor")) {
            MBeanServerConnection conn = c.getMBeanServerConnection();
            VrrpInstanceMXBean vi1 = JMX.newMXBeanProxy(conn, ObjectNames.vrrpInstance("VI_1"), VrrpInstanceMXBean.class);
            assertThat(vi1.getState()).isEqualTo("MASTER");
            assertThat(vi1.getEffectivePriority()).isEqualTo(130);
            assertThat(vi1.getDrops()).containsEntry("IP_TTL", 5L);
            assertThat(conn.getAttribute(ObjectNames.virtualServer(Fixtures.VS), "InBytes")).isEqualTo(4000L);
            assertThat(JMX.newMXBeanProxy(conn, ObjectNames.daemon(), DaemonMXBean.class).getRouterId()).isEqualTo("lb1");

            List<Notification> received = new CopyOnWriteArrayList<>();
            conn.addNotificationListener(ObjectNames.vrrpInstance("VI_1"), (n, h) -> received.add(n), null, null);
            m.notifier().accept(new Event.VrrpStateChanged(new Event.Target(Event.TargetType.INSTANCE, "VI_1",
                    NotifyScripts.none(), false, false), Event.NotifyState.FAULT, 0, "interface eth0 down"));
            Await.await("the state notification over RMI", 10_000, () -> received.size() == 2);
            assertThat(received.get(0).getType()).isEqualTo(Notifications.VRRP_STATE);
            assertThat(received.get(0).getMessage()).isEqualTo("VI_1: MASTER -> FAULT (interface eth0 down)");
            assertThat(received.get(1).getType()).isEqualTo(javax.management.AttributeChangeNotification.ATTRIBUTE_CHANGE);

            // readonly: operations are refused by the access file before they reach the daemon.
            assertThatThrownBy(() -> vi1.setBasePriority(200)).isInstanceOf(SecurityException.class);
            assertThat(commands.calls).isEmpty();
        }
        try (JMXConnector c = connect("ops", "0ps-secret")) {
            VrrpInstanceMXBean vi1 = JMX.newMXBeanProxy(c.getMBeanServerConnection(), ObjectNames.vrrpInstance("VI_1"),
                    VrrpInstanceMXBean.class);
            assertThat(vi1.setBasePriority(200)).isEqualTo("DONE");
            assertThat(commands.calls).containsExactly("setBasePriority VI_1 200");
        }
    }

    @Test
    void aWrongPasswordOrNoneIsRefused() throws Exception {
        start(remote());
        assertThatThrownBy(() -> connect("monitor", "wrong")).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect("nobody", "m0nitor")).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect(null, null)).isInstanceOf(SecurityException.class);
    }

    @Test
    void itRefusesToStartWithoutBothFiles() throws Exception {
        ManagementServer m = start(new JmxRemoteConfig(true, "127.0.0.1", port, passwords.toString(), null, false));
        assertThat(m.remote()).isNull();
        assertThat(logged).anyMatch(l -> l.startsWith("ERROR JMX remote: it needs both 'password_file' and 'access_file'"));
        assertThat(listening()).isFalse();
        m.close();
        running = null;

        logged.clear();
        m = start(new JmxRemoteConfig(true, "127.0.0.1", port, dir.resolve("missing").toString(), access.toString(),
                false));
        assertThat(m.remote()).isNull();
        assertThat(logged).anyMatch(l -> l.startsWith("ERROR JMX remote: cannot read ") && l.contains("missing"));
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws Exception {
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-r--r--"));
        ManagementServer m = start(remote());
        assertThat(m.remote()).isNull();
        assertThat(logged).anyMatch(l -> l.contains("is readable by others than its owner"));
        assertThat(listening()).isFalse();
    }

    @Test
    void offByDefault() {
        ManagementServer m = start(JmxRemoteConfig.off());
        assertThat(m.remote()).isNull();
        assertThat(listening()).isFalse();
    }

    @Test
    void aPortInUseIsLoggedAndTheRestGoesOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(taken.isBound()).isTrue();
            ManagementServer m = start(remote());
            assertThat(m.remote()).isNull();
            assertThat(logged).anyMatch(l -> l.startsWith("ERROR JMX remote: cannot listen on 127.0.0.1:" + port));
            assertThat(m.registry().names()).hasSize(9);
        }
    }

    private boolean listening() {
        try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return s.isConnected();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
