package org.jkeepalived.vrrp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.testsupport.NetSnmp;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier 4: a real split brain between bin/jkeepalived (priority 150) and keepalived 2.2.7 (priority 100), made by
 * isolating their bridge ports (links stay up): keepalived takes over as a second MASTER; when the LAN is joined
 * again jkeepalived, still MASTER, hears keepalived's lower advert (keepalived answers ours with one first, as
 * {@code higher_prio_send_advert} makes it do, the documented mitigation). jkeepalived logs the split brain, counts
 * it in JKEEPALIVED-MIB, sends jkSplitBrainDetected to snmptrapd, and Jolokia reads the MXBean's count; keepalived
 * goes back to BACKUP. Before the partition nothing is reported.
 */
class SplitBrainIT {
    private static final String AGENT = "udp:127.0.0.1:1161";
    private static final int TRAP_PORT = 1162;

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

    private static String instance(int priority, String extra) {
        return """
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 61
                  priority %d
                  advert_int 1
                %s  virtual_ipaddress {
                    10.9.0.100/24
                  }
                }
                """.formatted(priority, extra);
    }

    @Test
    void aHealedPartitionIsReportedAsASplitBrain() throws Exception {
        Privileged.require("keepalived", "ip", "bridge", "curl");
        NetSnmp.requireTools("snmpget", "snmptrapd");
        lab = InteropLab.create(dir, 2, "jksb");
        Node a = lab.node(0);
        Node b = lab.node(1);
        Daemon jk = lab.daemon(a, Daemon.Kind.JKEEPALIVED, """
                global_defs {
                  router_id jk-a
                  enable_snmp_vrrp
                  enable_traps
                }
                snmp_agent {
                  listen %s
                  community public
                  trap_sink udp:127.0.0.1:%d
                }
                """.formatted(AGENT, TRAP_PORT) + instance(150, ""));
        Daemon peer = lab.daemon(b, Daemon.Kind.KEEPALIVED, "global_defs {\n  router_id k-b\n}\n"
                + instance(100, "  higher_prio_send_advert\n"));
        traps = NetSnmp.TrapReceiver.start(a.ns().exec(List.of()), TRAP_PORT);
        peer.start();
        jk.start();
        await("jkeepalived MASTER", 20_000, () -> jk.log().contains("(VI_1) Entering MASTER STATE"));
        await("keepalived BACKUP", 10_000, () -> peer.log().contains("(VI_1) Entering BACKUP STATE"));
        Thread.sleep(2_500); // a few adverts heard by keepalived: a normal pair
        assertThat(get(a, "JKEEPALIVED-MIB::jkInstanceSplitBrains.1")).isEqualTo("0");

        lab.partition(true);
        await("keepalived takes over as a second MASTER", 10_000,
                () -> peer.log().contains("(VI_1) Entering MASTER STATE"));
        await("both hold the VIP", 5_000, () -> a.has("10.9.0.100/24") && b.has("10.9.0.100/24"));
        Thread.sleep(1_500); // both settled as MASTER
        assertThat(jk.log()).doesNotContain("Split brain");

        lab.partition(false);
        await("jkeepalived logs the split brain", 10_000, () -> jk.log().contains("Split brain"));
        assertThat(jk.log()).containsPattern("\\(VI_1\\) Split brain: master received a lower-priority advert from "
                + "10\\.9\\.0\\.2 \\(priority 100, ours 150\\): two masters for VRID 61, episode 1");
        await("keepalived back to BACKUP", 10_000, () -> peer.log().lastIndexOf("(VI_1) Entering BACKUP STATE")
                > peer.log().lastIndexOf("(VI_1) Entering MASTER STATE"));
        assertThat(jk.log().lastIndexOf("(VI_1) Entering BACKUP STATE")).as("jkeepalived stayed MASTER")
                .isLessThan(jk.log().indexOf("(VI_1) Entering MASTER STATE"));

        // the state traps of the start are there already: wait for the split brain's own
        await("jkSplitBrainDetected at snmptrapd", 10_000,
                () -> traps.received().stream().anyMatch(t -> t.contains(".1.3.6.1.4.1.32473.1.0.1")));
        List<String> got = traps.received();
        assertThat(got).anySatisfy(t -> assertThat(t).contains(".1.3.6.1.4.1.32473.1.0.1")
                .contains(".1.3.6.1.4.1.32473.1.1.2.1.2.1 = STRING: VI_1")
                .contains(".1.3.6.1.4.1.32473.1.1.2.1.3.1 = INTEGER: 61")
                .contains(".1.3.6.1.4.1.32473.1.1.2.1.5.1 = INTEGER: masterSeesLowerMaster(3)")
                .contains(".1.3.6.1.4.1.32473.1.1.2.1.6.1 = INTEGER: ipv4(1)")
                .contains(".1.3.6.1.4.1.32473.1.1.2.1.7.1 = Hex-STRING: 0A 09 00 02")
                .contains(".1.3.6.1.4.1.32473.1.1.2.1.8.1 = INTEGER: 100")
                .contains(".1.3.6.1.4.1.32473.1.1.2.1.9.1 = INTEGER: 150"));

        await("the counter in the MIB", 5_000, () -> "1".equals(get(a, "JKEEPALIVED-MIB::jkInstanceSplitBrains.1")));
        assertThat(get(a, "JKEEPALIVED-MIB::jkInstanceSplitBrainKind.1")).isEqualTo("masterSeesLowerMaster");
        assertThat(get(a, "JKEEPALIVED-MIB::jkSplitBrainEpisodes.0")).isEqualTo("1");
        String jolokia = curl(a, "http://127.0.0.1:8778/jolokia/read/jkeepalived:type=VrrpInstance,name=VI_1/"
                + "SplitBrains");
        assertThat(jolokia).contains("\"value\":1");
    }

    private static String get(Node n, String oid) {
        List<String> cmd = new ArrayList<>(List.of("snmpget"));
        cmd.addAll(NetSnmp.mibArgs());
        cmd.addAll(List.of("-t", "2", "-r", "1", "-Oqv"));
        cmd.addAll(NetSnmp.v2c("public"));
        cmd.add(AGENT);
        cmd.add(oid);
        NetSnmp.Result r = NetSnmp.run(n.ns().exec(cmd), NetSnmp.TIMEOUT);
        assertThat(r.exit()).as("%s", r).isZero();
        return String.join("\n", r.out()).trim();
    }

    private static String curl(Node n, String url) {
        Netns.Result r = n.ns().run(List.of("curl", "-s", "-m", "5", url), 15);
        return r.output();
    }
}
