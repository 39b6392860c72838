package org.jkeepalived.nms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon;
import org.jkeepalived.vrrp.interop.InteropLab;
import org.jkeepalived.vrrp.interop.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nms-integration/jmx/README.md, what JConsole and Hawtio rely on, against a running bin/jkeepalived (MASTER) in a
 * namespace: JConsole's local attach by pid (the attach API and the local management agent, which is what
 * {@code jconsole PID} does) although {@code jps} does not list the process; the {@code jmx_remote} block with a
 * read-only user (reads answer, operations are refused, a wrong password is refused); and Jolokia's URL
 * {@code http://127.0.0.1:8778/jolokia/} with the read-only policy. JMX connections are made from a thread inside
 * the node's namespace ({@link Netns#call}), where jkeepalived's loopback is.
 */
class JmxConnectIT {
    private static final ObjectName VI_1 = name("jkeepalived:type=VrrpInstance,name=VI_1");

    @TempDir
    Path dir;
    private InteropLab lab;

    @AfterEach
    void cleanUp() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void jconsoleByPidRemoteJmxAndJolokiaAnswerAsTheReadmeSays() throws Exception {
        Privileged.require("ip", "curl", "jcmd", "jps");
        Path password = dir.resolve("jmxremote.password");
        Files.writeString(password, "monitor monitor-secret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path access = dir.resolve("jmxremote.access");
        Files.writeString(access, "monitor readonly\n");
        lab = InteropLab.create(dir, 1, "jkn-j");
        Node a = lab.node(0);
        Daemon jk = lab.daemon(a, Daemon.Kind.JKEEPALIVED, Nms.jkeepalived("jk-a", 150, List.of(), "") + """
                jmx_remote {
                    listen 127.0.0.1:9010
                    password_file %s
                    access_file %s
                }
                """.formatted(password, access));
        jk.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!jk.log().contains("(VI_1) Entering MASTER STATE") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(jk.log()).contains("(VI_1) Entering MASTER STATE");
        long pid = Long.parseLong(Files.readString(dir.resolve("a-jkeepalived.pid")).trim());

        // jconsole PID: not in jps's list (-XX:+PerfDisableSharedMem), yet attachable by its pid
        assertThat(Netns.runProcess(List.of("jps", "-q"), 30).output().lines()).doesNotContain(Long.toString(pid));
        Netns.Result version = Netns.runProcess(List.of("jcmd", Long.toString(pid), "VM.version"), 30);
        assertThat(version.exitCode()).as(version.output()).isZero();
        String local = a.ns().call(() -> {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                return vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        });
        assertThat(awaitState(a, new JMXServiceURL(local), null)).isEqualTo("MASTER");

        // jmx_remote: the read-only user reads, may not invoke, and a wrong password is refused
        JMXServiceURL remote = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi");
        assertThat(awaitState(a, remote, new String[] {"monitor", "monitor-secret"})).isEqualTo("MASTER");
        assertThatThrownBy(() -> a.ns().call(() -> {
            try (JMXConnector c = JMXConnectorFactory.connect(remote, credentials("monitor", "monitor-secret"))) {
                return c.getMBeanServerConnection().invoke(VI_1, "setBasePriority", new Object[] {50},
                        new String[] {"int"});
            }
        })).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> a.ns().call(() -> {
            try (JMXConnector c = JMXConnectorFactory.connect(remote, credentials("monitor", "wrong"))) {
                return c.getConnectionId();
            }
        })).isInstanceOf(SecurityException.class);

        // Jolokia: the URL the README gives to Hawtio, read-only
        assertThat(curl(a, "http://127.0.0.1:8778/jolokia/version")).contains("\"agent\"").endsWith("\n200");
        assertThat(curl(a, "http://127.0.0.1:8778/jolokia/read/jkeepalived:type=VrrpInstance,name=VI_1/State"))
                .contains("\"value\":\"MASTER\"");
        assertThat(curl(a, "http://127.0.0.1:8778/jolokia/list/jkeepalived")).contains("VrrpInstance")
                .endsWith("\n200");
        assertThat(curl(a, "http://127.0.0.1:8778/jolokia/exec/jkeepalived:type=VrrpInstance,name=VI_1/"
                + "setBasePriority/50")).contains("403");
        assertThat(jk.log()).doesNotContain("Exception");
    }

    /** VI_1's State over {@code url}, once it answers (within 20 s). */
    private static String awaitState(Node n, JMXServiceURL url, String[] userPassword) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                return n.ns().call(() -> {
                    Map<String, ?> env = userPassword == null ? Map.of()
                            : credentials(userPassword[0], userPassword[1]);
                    try (JMXConnector c = JMXConnectorFactory.connect(url, env)) {
                        MBeanServerConnection s = c.getMBeanServerConnection();
                        return (String) s.getAttribute(VI_1, "State");
                    }
                });
            } catch (java.io.IOException | javax.management.InstanceNotFoundException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private static Map<String, ?> credentials(String user, String password) {
        return Map.of(JMXConnector.CREDENTIALS, new String[] {user, password});
    }

    /** curl in the node's namespace: the body, then the status code on a line of its own. */
    private static String curl(Node n, String url) {
        return n.ns().run(List.of("curl", "-s", "-m", "5", "-w", "\n%{http_code}", url), 15).output().trim();
    }

    private static ObjectName name(String s) {
        try {
            return new ObjectName(s);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
