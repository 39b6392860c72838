package org.jkeepalived.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.control.FakeManagementCommands;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MXBeans read the snapshot (through a real MBeanServer, so the open-type mapping is exercised). */
class JmxBeansTest {
    private final List<String> logged = new ArrayList<>();
    private final Log log = Log.to((level, detail, message) -> logged.add(level + " " + message));
    private final KeepalivedConfig config = Fixtures.config();
    private final Fixtures.Source source = new Fixtures.Source(Fixtures.snapshot(config, 1));
    private final FakeManagementCommands commands = new FakeManagementCommands();
    private MBeanServer server;
    private JmxRegistry registry;

    @BeforeEach
    void register() {
        server = MBeanServerFactory.newMBeanServer();
        registry = new JmxRegistry(server, source, commands, log, "/etc/keepalived/keepalived.conf");
        registry.sync();
    }

    @AfterEach
    void close() {
        registry.close();
        assertThat(server.queryNames(ObjectNames.ALL, null)).isEmpty();
    }

    private Object get(ObjectName name, String attribute) throws Exception {
        return server.getAttribute(name, attribute);
    }

    @Test
    void daemon() throws Exception {
        ObjectName d = ObjectNames.daemon();
        assertThat(get(d, "Version")).isEqualTo("jkeepalived 0.1.0-test");
        assertThat(get(d, "RouterId")).isEqualTo("lb1");
        assertThat(get(d, "ConfigFile")).isEqualTo("/etc/keepalived/keepalived.conf");
        assertThat((Long) get(d, "UptimeMillis")).isBetween(59_000L, 600_000L);
        assertThat(get(d, "StatusGeneration")).isEqualTo(1L);
        assertThat(get(d, "VrrpInstanceCount")).isEqualTo(2);
        assertThat(get(d, "MasterCount")).isEqualTo(1);
        assertThat(get(d, "BackupCount")).isEqualTo(1);
        assertThat(get(d, "FaultCount")).isEqualTo(0);
        assertThat(get(d, "SyncGroupCount")).isEqualTo(1);
        assertThat(get(d, "VirtualServerCount")).isEqualTo(1);
        assertThat(get(d, "RealServerCount")).isEqualTo(3);
        assertThat(get(d, "RealServersUp")).isEqualTo(1);
        assertThat(get(d, "IpvsAvailable")).isEqualTo(true);

        assertThat(server.invoke(d, "reload", null, null)).isEqualTo("DONE");
        assertThat(server.invoke(d, "dump", null, null)).isEqualTo("/tmp/keepalived.data");
        assertThat(commands.calls).containsExactly("reload", "dump");
    }

    @Test
    void vrrpInstance() throws Exception {
        ObjectName vi1 = ObjectNames.vrrpInstance("VI_1");
        assertThat(get(vi1, "Name")).isEqualTo("VI_1");
        assertThat(get(vi1, "State")).isEqualTo("MASTER");
        assertThat(get(vi1, "InitialState")).isEqualTo("MASTER");
        assertThat(get(vi1, "Vrid")).isEqualTo(51);
        assertThat(get(vi1, "Version")).isEqualTo(2);
        assertThat(get(vi1, "Interface")).isEqualTo("eth0");
        assertThat(get(vi1, "SyncGroup")).isEqualTo("G1");
        assertThat(get(vi1, "BasePriority")).isEqualTo(150);
        assertThat(get(vi1, "EffectivePriority")).isEqualTo(130);
        assertThat(get(vi1, "AdvertIntervalMillis")).isEqualTo(1000L);
        assertThat(get(vi1, "MasterAddress")).isEqualTo("");
        assertThat(get(vi1, "Preempt")).isEqualTo(true);
        assertThat(get(vi1, "NewMasterReason")).isEqualTo("MASTER_NO_RESPONSE");
        assertThat(get(vi1, "LastProtocolError")).isEqualTo("IP_TTL");
        assertThat((Long) get(vi1, "UpTimeMillis")).isBetween(4_900L, 60_000L);
        assertThat((Long) get(vi1, "StateAgeMillis")).isBetween(1_900L, 60_000L);
        assertThat((String[]) get(vi1, "VirtualAddresses")).singleElement().asString().contains("192.0.2.10/24");
        assertThat(get(vi1, "AdvertsReceived")).isEqualTo(11L);
        assertThat(get(vi1, "AdvertsSent")).isEqualTo(7L);
        assertThat(get(vi1, "BecomeMaster")).isEqualTo(3L);
        assertThat(get(vi1, "ReleaseMaster")).isEqualTo(2L);
        assertThat(get(vi1, "PriorityZeroReceived")).isEqualTo(1L);
        assertThat(get(vi1, "PriorityZeroSent")).isEqualTo(4L);
        TabularData drops = (TabularData) get(vi1, "Drops");
        assertThat(drops.size()).isEqualTo(org.jkeepalived.vrrp.packet.DropReason.values().length);
        assertThat(drops.get(new Object[] {"IP_TTL"}).get("value")).isEqualTo(5L);
        assertThat(drops.get(new Object[] {"AUTH_FAILURE"}).get("value")).isEqualTo(2L);
        assertThat(drops.get(new Object[] {"CHECKSUM"}).get("value")).isEqualTo(0L);
        assertThat(get(vi1, "DropsTotal")).isEqualTo(7L);

        ObjectName vi2 = ObjectNames.vrrpInstance("VI_2");
        assertThat(get(vi2, "State")).isEqualTo("BACKUP");
        assertThat(get(vi2, "InitialState")).isEqualTo("BACKUP");
        assertThat(get(vi2, "MasterAddress")).isEqualTo("192.0.2.99");
        assertThat(get(vi2, "NewMasterReason")).isEqualTo("NOT_MASTER");
    }

    @Test
    void vrrpOperationsGoThroughTheCommandsAndReturnTheirOutcome() throws Exception {
        ObjectName vi1 = ObjectNames.vrrpInstance("VI_1");
        assertThat(server.invoke(vi1, "setBasePriority", new Object[] {200}, new String[] {"int"})).isEqualTo("DONE");
        commands.answer = ManagementCommands.Outcome.BAD_VALUE;
        assertThat(server.invoke(vi1, "setBasePriority", new Object[] {0}, new String[] {"int"}))
                .isEqualTo("BAD_VALUE");
        commands.answer = ManagementCommands.Outcome.UNAVAILABLE;
        assertThat(server.invoke(vi1, "setPreempt", new Object[] {false}, new String[] {"boolean"}))
                .isEqualTo("UNAVAILABLE");
        assertThat(commands.calls).containsExactly("setBasePriority VI_1 200", "setBasePriority VI_1 0",
                "setPreempt VI_1 false");
    }

    @Test
    void beforeVrrpRunsAnInstanceReadsAsInitWithItsConfiguration() throws Exception {
        source.set(new StatusSnapshot(2, System.nanoTime(), System.nanoTime(), "v", config, List.of(), List.of(),
                List.of(), null, java.util.Map.of()));
        ObjectName vi1 = ObjectNames.vrrpInstance("VI_1");
        assertThat(get(vi1, "State")).isEqualTo("INIT");
        assertThat(get(vi1, "BasePriority")).isEqualTo(150);
        assertThat(get(vi1, "AdvertsReceived")).isEqualTo(0L);
        assertThat(get(ObjectNames.syncGroup("G1"), "State")).isEqualTo("INIT");
        assertThat(get(ObjectNames.virtualServer(Fixtures.VS), "Known")).isEqualTo(false);
        assertThat(get(ObjectNames.virtualServer(Fixtures.VS), "RealServersTotal")).isEqualTo(3);
        assertThat(get(ObjectNames.realServer(Fixtures.VS, Fixtures.RS1), "Weight")).isEqualTo(2L);
        assertThat(get(ObjectNames.script("chk"), "Result")).isEqualTo("INIT");
    }

    @Test
    void syncGroup() throws Exception {
        ObjectName g = ObjectNames.syncGroup("G1");
        assertThat(get(g, "State")).isEqualTo("MASTER");
        assertThat((String[]) get(g, "Members")).containsExactly("VI_1", "VI_2");
        TabularData states = (TabularData) get(g, "MemberStates");
        assertThat(states.get(new Object[] {"VI_1"}).get("value")).isEqualTo("MASTER");
        assertThat(states.get(new Object[] {"VI_2"}).get("value")).isEqualTo("BACKUP");
    }

    @Test
    void virtualServer() throws Exception {
        ObjectName vs = ObjectNames.virtualServer(Fixtures.VS);
        assertThat(get(vs, "Name")).isEqualTo(Fixtures.VS);
        assertThat(get(vs, "Known")).isEqualTo(true);
        assertThat(get(vs, "QuorumUp")).isEqualTo(true);
        assertThat(get(vs, "Quorum")).isEqualTo(2L);
        assertThat(get(vs, "LiveWeight")).isEqualTo(2L);
        assertThat(get(vs, "Scheduler")).isEqualTo("rr");
        assertThat(get(vs, "Method")).isEqualTo("NAT");
        assertThat(get(vs, "RealServersUp")).isEqualTo(1);
        assertThat(get(vs, "RealServersTotal")).isEqualTo(3);
        assertThat(get(vs, "Conns")).isEqualTo(100L);
        assertThat(get(vs, "InPackets")).isEqualTo(200L);
        assertThat(get(vs, "OutPackets")).isEqualTo(300L);
        assertThat(get(vs, "InBytes")).isEqualTo(4000L);
        assertThat(get(vs, "OutBytes")).isEqualTo(5000L);
        assertThat(get(vs, "ConnsPerSecond")).isEqualTo(1L);
        assertThat(get(vs, "InPacketsPerSecond")).isEqualTo(2L);
        assertThat(get(vs, "OutPacketsPerSecond")).isEqualTo(3L);
        assertThat(get(vs, "InBytesPerSecond")).isEqualTo(40L);
        assertThat(get(vs, "OutBytesPerSecond")).isEqualTo(50L);
    }

    @Test
    void realServers() throws Exception {
        ObjectName rs1 = ObjectNames.realServer(Fixtures.VS, Fixtures.RS1);
        assertThat(get(rs1, "Name")).isEqualTo(Fixtures.RS1);
        assertThat(get(rs1, "VirtualServer")).isEqualTo(Fixtures.VS);
        assertThat(get(rs1, "Up")).isEqualTo(true);
        assertThat(get(rs1, "Sorry")).isEqualTo(false);
        assertThat(get(rs1, "Weight")).isEqualTo(2L);
        assertThat(get(rs1, "ConfiguredWeight")).isEqualTo(2L);
        assertThat(get(rs1, "ActiveConns")).isEqualTo(5);
        assertThat(get(rs1, "InactiveConns")).isEqualTo(6);
        assertThat(get(rs1, "PersistentConns")).isEqualTo(1);
        assertThat(get(rs1, "Conns")).isEqualTo(60L);
        assertThat(get(rs1, "OutBytesPerSecond")).isEqualTo(30L);
        ObjectName rs2 = ObjectNames.realServer(Fixtures.VS, Fixtures.RS2);
        assertThat(get(rs2, "Up")).isEqualTo(false);
        assertThat(get(rs2, "FailedChecks")).isEqualTo(1);
        ObjectName sorry = ObjectNames.realServer(Fixtures.VS, Fixtures.SORRY);
        assertThat(get(sorry, "Sorry")).isEqualTo(true);
        assertThat(get(sorry, "Known")).isEqualTo(true);

        assertThat(server.invoke(rs2, "setWeight", new Object[] {7}, new String[] {"int"})).isEqualTo("DONE");
        assertThat(commands.calls).containsExactly("setRealServerWeight " + Fixtures.VS + " " + Fixtures.RS2 + " 7");
    }

    @Test
    void script() throws Exception {
        ObjectName s = ObjectNames.script("chk");
        assertThat(get(s, "Name")).isEqualTo("chk");
        assertThat(get(s, "Command")).asString().contains("/bin/true");
        assertThat(get(s, "IntervalMillis")).isEqualTo(2000L);
        assertThat(get(s, "Weight")).isEqualTo(-20);
        assertThat(get(s, "Known")).isEqualTo(true);
        assertThat(get(s, "Up")).isEqualTo(false);
        assertThat(get(s, "Result")).isEqualTo("BAD");
    }

    @Test
    void everyAttributeOfEveryBeanReads() throws Exception {
        for (ObjectName name : server.queryNames(ObjectNames.ALL, null)) {
            for (var a : server.getMBeanInfo(name).getAttributes()) {
                Object v = server.getAttribute(name, a.getName());
                assertThat(v).as(name + " " + a.getName()).isNotNull();
                if (v instanceof CompositeData) {
                    throw new AssertionError("no composite attributes expected: " + name + " " + a.getName());
                }
            }
        }
        assertThat(logged).isEmpty();
    }
}
