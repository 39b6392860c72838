package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.testsupport.NetSnmp;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon;
import org.jkeepalived.vrrp.interop.InteropLab;
import org.jkeepalived.vrrp.interop.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier 4: the management plane of a running bin/jkeepalived, through the real NMS tools, with keepalived 2.2.7 as
 * its VRRP peer. jkeepalived (priority 150) becomes MASTER: snmptrapd receives the instance's state traps and the
 * RFC 2787 / RFC 6527 new-master traps with their varbinds; net-snmp walks resolve every object to a name over
 * v2c and v3 authPriv; a read-only community's SET is refused; the rw user's SET of the base priority to 50 hands
 * the addresses to keepalived at once (a failover driven from the NMS), with its trap; Jolokia answers the state
 * and refuses writes.
 */
class DaemonManagementIT {
    private static final String AGENT = "udp:127.0.0.1:1161";
    private static final int TRAP_PORT = 1162;
    private static final String KEEPALIVED = "1.3.6.1.4.1.9586.100.5";
    private static final String INSTANCE_STATE_CHANGE = ".1.3.6.1.4.1.9586.100.5.2.10.0.2";
    private static final List<String> NMS = NetSnmp.v3("nms", "SHA-256", "nms-auth-pass", "AES", "nms-priv-pass");

    @TempDir
    Path dir;
    private InteropLab lab;
    private NetSnmp.TrapReceiver traps;

    @AfterEach
    void cleanUp() {
        if (traps != null) {
            traps.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private static String instance(int priority) {
        return """
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  priority %d
                  advert_int 1
                  virtual_ipaddress {
                    10.9.0.100/24
                  }
                }
                """.formatted(priority);
    }

    @Test
    void anNmsSeesTheFailoverInTrapsWalksItAndDrivesOneWithASet() throws Exception {
        Privileged.require("keepalived", "ip", "curl");
        NetSnmp.requireTools("snmpwalk", "snmpbulkwalk", "snmpget", "snmpset", "snmptrapd");
        lab = InteropLab.create(dir, 2, "jkm");
        Node a = lab.node(0);
        Node b = lab.node(1);
        Daemon jk = lab.daemon(a, Daemon.Kind.JKEEPALIVED, """
                global_defs {
                  router_id jk-a
                  enable_snmp_vrrp
                  enable_snmp_rfcv2
                  enable_snmp_rfcv3
                  enable_traps
                }
                snmp_agent {
                  listen %s
                  community public
                  user nms auth SHA-256 nms-auth-pass priv AES nms-priv-pass rw
                  trap_sink udp:127.0.0.1:%d
                }
                """.formatted(AGENT, TRAP_PORT) + instance(150));
        Daemon peer = lab.daemon(b, Daemon.Kind.KEEPALIVED, "global_defs {\n  router_id k-b\n}\n" + instance(100));
        traps = NetSnmp.TrapReceiver.start(a.ns().exec(List.of()), TRAP_PORT);
        peer.start();
        jk.start();
        await("jkeepalived MASTER", 20_000, () -> jk.log().contains("(VI_1) Entering MASTER STATE"));

        // BACKUP at start, then MASTER: two vrrpInstanceStateChange, one vrrpTrapNewMaster, one vrrpv3NewMaster.
        List<String> got = traps.await(4, Duration.ofSeconds(10));
        assertThat(got).as("traps received: %s", got).hasSizeGreaterThanOrEqualTo(4);
        assertThat(got).anySatisfy(t -> assertThat(t).contains(INSTANCE_STATE_CHANGE)
                .contains(".1.3.6.1.4.1.9586.100.5.2.3.1.2.1 = STRING: VI_1") // row index .1: our deviation
                .contains(".1.3.6.1.4.1.9586.100.5.2.3.1.4.1 = INTEGER: master(2)")
                .contains(".1.3.6.1.4.1.9586.100.5.2.3.1.5.1 = INTEGER: backup(1)") // vrrpInstanceInitialState
                .contains(".1.3.6.1.4.1.9586.100.5.1.2.0 = STRING: jk-a"));
        assertThat(got).anySatisfy(t -> assertThat(t).contains(INSTANCE_STATE_CHANGE)
                .contains(".1.3.6.1.4.1.9586.100.5.2.3.1.4.1 = INTEGER: backup(1)"));
        assertThat(got).anySatisfy(t -> assertThat(t).contains(".1.3.6.1.2.1.68.0.1")
                .containsPattern("\\.1\\.3\\.6\\.1\\.2\\.1\\.68\\.1\\.3\\.1\\.7\\.\\d+\\.51 = IpAddress: 10\\.9\\.0\\.1"));
        assertThat(got).anySatisfy(t -> assertThat(t).contains(".1.3.6.1.2.1.207.0.1")
                .containsPattern("\\.1\\.3\\.6\\.1\\.2\\.1\\.207\\.1\\.2\\.5\\.1\\.2\\.\\d+\\.51\\.1 = INTEGER: (masterNoResponse\\(3\\)|preempted\\(2\\))"));

        // Every returned object has a name in the MIBs the NMS loads, over v2c and over v3 authPriv alike.
        for (String root : List.of(KEEPALIVED, "1.3.6.1.2.1.68", "1.3.6.1.2.1.207")) {
            NetSnmp.Result v2 = snmp(a, "snmpbulkwalk", NetSnmp.v2c("public"), List.of(root), NetSnmp.SYMBOLIC);
            NetSnmp.Result v3 = snmp(a, "snmpbulkwalk", NMS, List.of(root), NetSnmp.SYMBOLIC);
            assertThat(v2.exit()).as("%s", v2).isZero();
            assertThat(v2.out()).as("walk of %s", root).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).matches("(KEEPALIVED-MIB|VRRP-MIB|VRRPV3-MIB)::\\w+.*"));
            assertThat(v3.out()).hasSameSizeAs(v2.out());
        }
        assertThat(snmp(a, "snmpget", NetSnmp.v2c("public"), List.of("KEEPALIVED-MIB::vrrpInstanceState.1"),
                NetSnmp.SYMBOLIC).out()).containsExactly("KEEPALIVED-MIB::vrrpInstanceState.1 = INTEGER: master(2)");

        // A read-only community may not SET; the rw user may, and it takes effect at once: keepalived takes over.
        NetSnmp.Result refused = snmp(a, "snmpset", NetSnmp.v2c("public"),
                List.of("KEEPALIVED-MIB::vrrpInstanceBasePriority.1", "i", "50"), NetSnmp.SYMBOLIC);
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err() + refused.out()).contains("noAccess");
        int before = traps.received().size();
        NetSnmp.Result set = snmp(a, "snmpset", NMS, List.of("KEEPALIVED-MIB::vrrpInstanceBasePriority.1", "i", "50"),
                NetSnmp.SYMBOLIC);
        assertThat(set.exit()).as("%s", set).isZero();
        await("jkeepalived BACKUP after the SET", 10_000,
                () -> jk.log().lastIndexOf("(VI_1) Entering BACKUP STATE") > jk.log().lastIndexOf("MASTER STATE"));
        await("keepalived MASTER", 10_000, () -> peer.log().contains("(VI_1) Entering MASTER STATE"));
        List<String> after = traps.await(before + 1, Duration.ofSeconds(5));
        assertThat(after.subList(before, after.size())).anySatisfy(t -> assertThat(t).contains(INSTANCE_STATE_CHANGE)
                .contains(".1.3.6.1.4.1.9586.100.5.2.3.1.4.1 = INTEGER: backup(1)"));
        assertThat(snmp(a, "snmpget", NetSnmp.v2c("public"), List.of("KEEPALIVED-MIB::vrrpInstanceBasePriority.1",
                "KEEPALIVED-MIB::vrrpInstanceEffectivePriority.1"), NetSnmp.SYMBOLIC).out())
                .containsExactly("KEEPALIVED-MIB::vrrpInstanceBasePriority.1 = INTEGER: 50",
                        "KEEPALIVED-MIB::vrrpInstanceEffectivePriority.1 = INTEGER: 50");

        // Jolokia, on by default on the loopback: reads answer, writes are refused by the read-only policy.
        await("Jolokia answers BACKUP", 5_000, () -> curl(a, "http://127.0.0.1:8778/jolokia/read/"
                + "jkeepalived:type=VrrpInstance,name=VI_1/State").contains("\"value\":\"BACKUP\""));
        String write = curl(a, "-X", "POST", "-H", "Content-Type: application/json", "-d",
                "{\"type\":\"exec\",\"mbean\":\"jkeepalived:type=VrrpInstance,name=VI_1\","
                        + "\"operation\":\"setBasePriority\",\"arguments\":[200]}", "http://127.0.0.1:8778/jolokia/");
        assertThat(write).contains("403");
        assertThat(jk.log()).doesNotContain("Exception");
    }

    private static NetSnmp.Result snmp(Node n, String tool, List<String> security, List<String> tail, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(tool));
        cmd.addAll(NetSnmp.mibArgs());
        cmd.addAll(List.of("-t", "2", "-r", "1"));
        if (!List.of(extra).contains(NetSnmp.SYMBOLIC)) {
            cmd.add("-On");
        }
        cmd.addAll(List.of(extra));
        cmd.addAll(security);
        cmd.add(AGENT);
        cmd.addAll(tail);
        return NetSnmp.run(n.ns().exec(cmd), NetSnmp.TIMEOUT);
    }

    /** curl in the node's namespace: the body, then the status code on a line of its own. */
    private static String curl(Node n, String... args) {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-m", "5", "-w", "\n%{http_code}"));
        cmd.addAll(List.of(args));
        Netns.Result r = n.ns().run(cmd, 15);
        return r.output();
    }
}
