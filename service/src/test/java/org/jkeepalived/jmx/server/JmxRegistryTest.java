package org.jkeepalived.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.control.FakeManagementCommands;
import org.jkeepalived.event.Event;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.junit.jupiter.api.Test;

/** The registered MBeans follow the configuration across reloads. */
class JmxRegistryTest {
    private final List<String> logged = new ArrayList<>();
    private final Log log = Log.to((level, detail, message) -> logged.add(level + " " + message));
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    private static final String RELOADED = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 90
                virtual_ipaddress {
                    192.0.2.10/24
                }
            }
            vrrp_instance VI_3 {
                interface eth0
                virtual_router_id 53
                virtual_ipaddress {
                    192.0.2.13
                }
            }
            virtual_server 192.0.2.1 80 {
                protocol TCP
                real_server 10.0.0.1 80 {
                    weight 5
                }
                real_server 10.0.0.3 80 {
                }
            }
            virtual_server fwmark 5 {
                real_server 10.0.0.4 80 {
                }
            }
            """;

    @Test
    void syncRegistersTheConfigurationAndFollowsAReload() throws Exception {
        Fixtures.Source source = new Fixtures.Source(StatusSnapshot.empty("v", System.nanoTime()));
        JmxRegistry registry = new JmxRegistry(server, source, new FakeManagementCommands(), log, null);
        registry.sync();
        assertThat(names()).containsExactly("jkeepalived:type=Daemon");

        KeepalivedConfig first = Fixtures.config();
        source.set(Fixtures.snapshot(first, 1));
        registry.sync();
        assertThat(names()).containsExactlyInAnyOrder(
                "jkeepalived:type=Daemon",
                "jkeepalived:type=VrrpInstance,name=VI_1",
                "jkeepalived:type=VrrpInstance,name=VI_2",
                "jkeepalived:type=SyncGroup,name=G1",
                "jkeepalived:type=VirtualServer,name=\"[192.0.2.1]:tcp:80\"",
                "jkeepalived:type=RealServer,virtualServer=\"[192.0.2.1]:tcp:80\",name=\"[10.0.0.1]:tcp:80\"",
                "jkeepalived:type=RealServer,virtualServer=\"[192.0.2.1]:tcp:80\",name=\"[10.0.0.2]:tcp:80\"",
                "jkeepalived:type=RealServer,virtualServer=\"[192.0.2.1]:tcp:80\",name=\"[10.0.0.9]:tcp:80\"",
                "jkeepalived:type=Script,name=chk");
        assertThat(registry.names()).hasSize(9);

        // A listener on a kept bean survives the reload.
        List<Notification> received = new CopyOnWriteArrayList<>();
        server.addNotificationListener(ObjectNames.vrrpInstance("VI_1"), (n, h) -> received.add(n), null, null);

        source.set(new StatusSnapshot(2, System.nanoTime(), System.nanoTime(), "v", Fixtures.config(RELOADED),
                List.of(), List.of(), List.of(), null, java.util.Map.of()));
        registry.sync();
        assertThat(names()).containsExactlyInAnyOrder(
                "jkeepalived:type=Daemon",
                "jkeepalived:type=VrrpInstance,name=VI_1",
                "jkeepalived:type=VrrpInstance,name=VI_3",
                "jkeepalived:type=VirtualServer,name=\"[192.0.2.1]:tcp:80\"",
                "jkeepalived:type=RealServer,virtualServer=\"[192.0.2.1]:tcp:80\",name=\"[10.0.0.1]:tcp:80\"",
                "jkeepalived:type=RealServer,virtualServer=\"[192.0.2.1]:tcp:80\",name=\"[10.0.0.3]:tcp:80\"",
                "jkeepalived:type=VirtualServer,name=FWM 5",
                "jkeepalived:type=RealServer,virtualServer=FWM 5,name=\"[10.0.0.4]:tcp:80\"");
        // The kept beans read the new configuration.
        assertThat(server.getAttribute(ObjectNames.vrrpInstance("VI_1"), "BasePriority")).isEqualTo(90);
        assertThat(server.getAttribute(ObjectNames.vrrpInstance("VI_1"), "SyncGroup")).isEqualTo("");
        assertThat(server.getAttribute(ObjectNames.realServer(Fixtures.VS, Fixtures.RS1), "ConfiguredWeight"))
                .isEqualTo(5L);
        assertThat(server.getAttribute(ObjectNames.virtualServer(Fixtures.VS), "RealServersTotal")).isEqualTo(2);

        new JmxNotifier(registry).accept(new Event.VrrpStateChanged(new Event.Target(Event.TargetType.INSTANCE,
                "VI_1", NotifyScripts.none(), false, false), Event.NotifyState.BACKUP, 90, ""));
        assertThat(received).hasSize(2);

        registry.close();
        assertThat(names()).isEmpty();
        registry.sync();
        assertThat(names()).as("closed: sync does nothing").isEmpty();
        assertThat(logged).isEmpty();
    }

    @Test
    void aNameTakenBySomeoneElseIsLoggedAndSkipped() throws Exception {
        Fixtures.Source source = new Fixtures.Source(Fixtures.snapshot(Fixtures.config(), 1));
        JmxRegistry first = new JmxRegistry(server, source, new FakeManagementCommands(), log, null);
        first.sync();
        JmxRegistry second = new JmxRegistry(server, source, new FakeManagementCommands(), log, null);
        second.sync();
        assertThat(second.names()).isEmpty();
        assertThat(logged).anyMatch(l -> l.startsWith("ERROR JMX: jkeepalived:type=VrrpInstance,name=VI_1 is already"));
        second.close();
        assertThat(server.queryNames(ObjectNames.ALL, null)).as("the first one's beans stay").hasSize(9);
        first.close();
    }

    private List<String> names() {
        return server.queryNames(ObjectNames.ALL, null).stream().map(ObjectName::toString).toList();
    }
}
