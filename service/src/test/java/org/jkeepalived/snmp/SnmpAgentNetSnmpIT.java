package org.jkeepalived.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.AuthProtocol;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.Community;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.PrivProtocol;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.TrapSink;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.User;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.testsupport.NetSnmp;
import org.jkeepalived.testsupport.NetSnmp.Varbind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * The agent as net-snmp's tools see it: walks (v2c, bulk, v3 authPriv SHA-256/AES), SET accepted and refused
 * with net-snmp's error words, and snmptrapd receiving a trap and an inform. Loopback only; no root needed.
 */
class SnmpAgentNetSnmpIT {
    static final String KEEPALIVED = "1.3.6.1.4.1.9586.100.5";
    static final OID VERSION = new OID(KEEPALIVED + ".1.1.0");
    static final OID INSTANCE_NAME = new OID(KEEPALIVED + ".2.3.1.2");
    static final OID BASE_PRIORITY = new OID(KEEPALIVED + ".2.3.1.7");
    static final OID STATE_CHANGE = new OID(KEEPALIVED + ".2.10.0.2");
    static final String READER_AUTH = "readerAuthPass";
    static final String READER_PRIV = "readerPrivPass";
    static final String WRITER_AUTH = "writerAuthPass";
    static final String WRITER_PRIV = "writerPrivPass";

    final List<String> logged = new CopyOnWriteArrayList<>();
    final SnmpAgentTest.FakeWrites writes = new SnmpAgentTest.FakeWrites();
    final MibTree tree = tree();
    NetSnmp.TrapReceiver trapd;
    SnmpAgent agent;
    String address;

    static MibTree tree() {
        MibTree.Builder b = MibTree.builder().add(VERSION, new OctetString("Keepalived v2.2.7 (jkeepalived)"));
        for (int i = 1; i <= 12; i++) {
            b.add(new OID(INSTANCE_NAME).append(i), new OctetString("VI_" + i));
            b.add(new OID(BASE_PRIORITY).append(i), new Integer32(90 + i));
        }
        return b.build();
    }

    @BeforeEach
    void start() throws Exception {
        NetSnmp.requireTools("snmpwalk", "snmpbulkwalk", "snmpset", "snmptrapd");
        int trapPort;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            trapPort = s.getLocalPort();
        }
        byte[] engineId = SnmpAgent.engineIdFor("it-host");
        // v3 traps: the agent is the authoritative engine, so snmptrapd needs the user localized to it
        trapd = NetSnmp.TrapReceiver.start(trapPort, "createUser -e 0x" + HexFormat.of().formatHex(engineId)
                + " writer SHA-256 " + WRITER_AUTH + " AES " + WRITER_PRIV,
                "createUser writer SHA-256 " + WRITER_AUTH + " AES " + WRITER_PRIV); // v3 informs: snmptrapd is
        SnmpAgentConfig config = new SnmpAgentConfig(List.of("udp:127.0.0.1:0"),
                List.of(new Community("public", null, false), new Community("private", null, true)),
                List.of(new User("reader", AuthProtocol.SHA_256, READER_AUTH, PrivProtocol.AES, READER_PRIV, false),
                        new User("writer", AuthProtocol.SHA_256, WRITER_AUTH, PrivProtocol.AES, WRITER_PRIV, true)),
                List.of(new TrapSink("udp:127.0.0.1:" + trapPort, "public", null, false),
                        new TrapSink("udp:127.0.0.1:" + trapPort, "informed", null, true),
                        new TrapSink("udp:127.0.0.1:" + trapPort, null, "writer", false),
                        new TrapSink("udp:127.0.0.1:" + trapPort, null, "writer", true)),
                true);
        long started = System.nanoTime();
        agent = SnmpAgent.start(config, () -> StatusSnapshot.empty("it", started), s -> tree, writes,
                "jkeepalived IT", engineId, Log.to((l, d, m) -> logged.add(l + " " + m)));
        address = agent.listening().get(0);
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (trapd != null) {
            trapd.close();
        }
        logged.forEach(l -> System.out.println("agent log: " + l));
    }

    List<String> expected() {
        return tree.all().stream().map(vb -> vb.getOid() + "=" + vb.getVariable()).toList();
    }

    static List<String> printed(NetSnmp.Result r) {
        assertThat(r.exit()).as("%s", r).isZero();
        return r.varbinds().stream().map(v -> v.numericOid() + "=" + v.value()).toList();
    }

    @Test
    void snmpwalkV2cSeesTheTreeInOrderWithNames() {
        assertThat(printed(NetSnmp.walk(NetSnmp.v2c("public"), address, KEEPALIVED))).containsExactlyElementsOf(
                expected());
        NetSnmp.Result named = NetSnmp.walk(NetSnmp.v2c("public"), address, KEEPALIVED, NetSnmp.SYMBOLIC);
        assertThat(named.out().stream().map(l -> l.replace("\"", ""))).contains(
                "KEEPALIVED-MIB::version.0 = STRING: Keepalived v2.2.7 (jkeepalived)",
                "KEEPALIVED-MIB::vrrpInstanceName.12 = STRING: VI_12",
                "KEEPALIVED-MIB::vrrpInstanceBasePriority.1 = INTEGER: 91");
        NetSnmp.Result system = NetSnmp.walk(NetSnmp.v2c("public"), address, "1.3.6.1.2.1.1");
        assertThat(system.varbinds()).extracting(Varbind::numericOid).startsWith("1.3.6.1.2.1.1.1.0",
                "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0");
        assertThat(system.varbinds().get(1).value()).isEqualTo(".1.3.6.1.4.1.9586.100.5");
    }

    @Test
    void snmpbulkwalkAndAWrongCommunity() {
        assertThat(printed(NetSnmp.bulkWalk(NetSnmp.v2c("public"), address, KEEPALIVED, "-Cr7")))
                .containsExactlyElementsOf(expected());
        NetSnmp.Result refused = NetSnmp.walk(NetSnmp.v2c("nosuch"), address, KEEPALIVED);
        assertThat(refused.exit()).as("%s", refused).isNotZero();
        assertThat(refused.err()).contains("Timeout");
    }

    @Test
    void snmpwalkV3AuthPrivSha256Aes() {
        List<String> reader = NetSnmp.v3("reader", "SHA-256", READER_AUTH, "AES", READER_PRIV);
        assertThat(printed(NetSnmp.walk(reader, address, KEEPALIVED))).containsExactlyElementsOf(expected());
        NetSnmp.Result engine = NetSnmp.get(reader, address, List.of("1.3.6.1.6.3.10.2.1.1.0"));
        String hex = String.join(" ", engine.out()); // net-snmp wraps a long Hex-STRING over lines
        assertThat(hex.substring(hex.indexOf("Hex-STRING: ") + 12).replace(" ", "").toLowerCase())
                .isEqualTo(HexFormat.of().formatHex(agent.engineId()));
        NetSnmp.Result wrong = NetSnmp.walk(NetSnmp.v3("reader", "SHA-256", "wrongpassphrase", "AES", READER_PRIV),
                address, KEEPALIVED);
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.err()).contains("Authentication failure (incorrect password, community or key)");
    }

    @Test
    void snmpsetIsAcceptedForRwAndRefusedForReadOnly() {
        String oid = BASE_PRIORITY + ".3";
        NetSnmp.Result ok = NetSnmp.set(NetSnmp.v3("writer", "SHA-256", WRITER_AUTH, "AES", WRITER_PRIV), address,
                oid, "i", "150");
        assertThat(ok.exit()).as("%s", ok).isZero();
        assertThat(writes.committed).containsExactly(oid + "=150");

        NetSnmp.Result ro = NetSnmp.set(NetSnmp.v2c("public"), address, oid, "i", "151");
        assertThat(ro.exit()).isNotZero();
        assertThat(ro.err()).contains("noAccess");
        NetSnmp.Result roV3 = NetSnmp.set(NetSnmp.v3("reader", "SHA-256", READER_AUTH, "AES", READER_PRIV), address,
                oid, "i", "152");
        assertThat(roV3.err()).contains("noAccess");
        NetSnmp.Result sysName = NetSnmp.set(NetSnmp.v2c("private"), address, "1.3.6.1.2.1.1.5.0", "s", "x");
        assertThat(sysName.err()).contains("notWritable");
        assertThat(writes.committed).hasSize(1);
    }

    @Test
    void snmptrapdReceivesTrapsAndInformsV2cAndV3() {
        VariableBinding name = new VariableBinding(new OID(INSTANCE_NAME).append(1), new OctetString("VI_1"));
        agent.send(new SnmpNotification(STATE_CHANGE, List.of(name)));
        List<String> got = trapd.await(4, Duration.ofSeconds(10));
        assertThat(got).as("snmptrapd output %s", trapd.output()).hasSize(4);
        assertThat(got).anyMatch(l -> l.startsWith("TRAP2, SNMP v2c, community public|"))
                .anyMatch(l -> l.startsWith("INFORM, SNMP v2c, community informed|"))
                .anyMatch(l -> l.startsWith("TRAP2, SNMP v3, user writer"))
                .anyMatch(l -> l.startsWith("INFORM, SNMP v3, user writer"));
        for (String line : got) {
            String[] vbs = line.substring(line.indexOf('|') + 1).split("\t");
            assertThat(vbs).hasSize(3);
            assertThat(vbs[0]).startsWith(".1.3.6.1.2.1.1.3.0 = Timeticks: ");
            assertThat(vbs[1]).isEqualTo(".1.3.6.1.6.3.1.1.4.1.0 = OID: ." + STATE_CHANGE);
            assertThat(vbs[2]).isEqualTo("." + name.getOid() + " = STRING: VI_1");
        }
        assertThat(logged).as("the inform was acknowledged").noneMatch(l -> l.contains("failed"));
    }
}
