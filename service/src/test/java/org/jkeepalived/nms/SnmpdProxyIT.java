package org.jkeepalived.nms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jkeepalived.testsupport.NetSnmp;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon;
import org.jkeepalived.vrrp.interop.InteropLab;
import org.jkeepalived.vrrp.interop.Node;
import org.junit.jupiter.api.Test;

/**
 * nms-integration/snmpd: Debian's snmpd with its own shipped /etc/snmp/snmpd.conf and the snippet
 * {@code jkeepalived-proxy.conf}, in front of a running jkeepalived (agent on 127.0.0.1:1161, as the snippet
 * expects; MASTER, a virtual server with two live real servers). Walks of KEEPALIVED-MIB, VRRP-MIB and
 * VRRPV3-MIB through snmpd's port 161 return the same objects as the agent itself, tables included.
 */
class SnmpdProxyIT extends NmsLab {
    private static final String SNMPD = "udp:127.0.0.1:161";
    private static final Path DEBIAN_CONF = Path.of("/etc/snmp/snmpd.conf");


    @Test
    void debiansSnmpdWithTheSnippetServesJkeepalivedsTables() throws Exception {
        Privileged.require("ip", "python3", "/usr/sbin/snmpd");
        Nms.requireFile(DEBIAN_CONF, "snmpd");
        NetSnmp.requireTools("snmpbulkwalk", "snmpget");
        lab = InteropLab.create(dir, 1, "jkn-p");
        Node a = lab.node(0);
        Daemon jk = lab.daemon(a, Daemon.Kind.JKEEPALIVED, Nms.jkeepalived("jk-a", 150, List.of(),
                Nms.virtualServer(18081, 18082)));
        processes.add(Nms.listener(a.ns(), 18081, dir.resolve("rs1.log")));
        processes.add(Nms.listener(a.ns(), 18082, dir.resolve("rs2.log")));
        Path persist = dir.resolve("snmpd-persist");
        Files.createDirectories(persist);
        Process snmpd = startSnmpd(a, Nms.file("snmpd/jkeepalived-proxy.conf"), persist);
        jk.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> want = List.of("KEEPALIVED-MIB::vrrpInstanceName.1 = STRING: VI_1",
                "KEEPALIVED-MIB::vrrpInstanceState.1 = INTEGER: master(2)",
                "KEEPALIVED-MIB::virtualServerRealServersUp.1 = Gauge32: 2");
        NetSnmp.Result r;
        do {
            Thread.sleep(200);
            r = Nms.snmp(a.ns(), "snmpget", List.of("-OS", "-t", "1", "-r", "0", "-v2c", "-c", "public", SNMPD,
                    "KEEPALIVED-MIB::vrrpInstanceName.1", "KEEPALIVED-MIB::vrrpInstanceState.1",
                    "KEEPALIVED-MIB::virtualServerRealServersUp.1"));
        } while (!r.out().equals(want) && System.nanoTime() < deadline);
        assertThat(r.out()).as("%s\nsnmpd: %s\njkeepalived: %s", r, Nms.readOrEmpty(dir.resolve("snmpd.log")),
                jk.log()).containsExactlyElementsOf(want);

        for (String root : List.of("1.3.6.1.4.1.9586.100.5", "1.3.6.1.2.1.68", "1.3.6.1.2.1.207",
                "1.3.6.1.4.1.32473.1")) {
            NetSnmp.Result viaSnmpd = walk(a, SNMPD, root);
            NetSnmp.Result direct = walk(a, Nms.AGENT, root);
            assertThat(oids(viaSnmpd)).as("the walk of %s through snmpd:\n%s\ndirect:\n%s", root, viaSnmpd, direct)
                    .isNotEmpty().containsExactlyElementsOf(oids(direct));
        }
        List<String> keepalived = walk(a, SNMPD, "1.3.6.1.4.1.9586.100.5").out();
        for (String table : List.of("vrrpSyncGroupName.1 = STRING: G1", "vrrpInstanceName.1 = STRING: VI_1",
                "virtualServerQuorumStatus.1 = INTEGER: met(1)", "realServerStatus.1.1 = INTEGER: alive(1)",
                "realServerStatus.1.2 = INTEGER: alive(1)")) {
            assertThat(keepalived).as("through snmpd").contains("KEEPALIVED-MIB::" + table);
        }
        assertThat(walk(a, SNMPD, "1.3.6.1.2.1.68").out()).anySatisfy(l -> assertThat(l)
                .matches("VRRP-MIB::vrrpOperState\\.\\d+\\.51 = INTEGER: master\\(3\\)"));

        // the snippet's view lines are what makes this work with Debian's snmpd.conf: without them, nothing
        Nms.stop(snmpd);
        Path proxyOnly = dir.resolve("proxy-only.conf");
        Files.write(proxyOnly, Files.readAllLines(Nms.file("snmpd/jkeepalived-proxy.conf")).stream()
                .filter(l -> !l.startsWith("view ")).toList());
        startSnmpd(a, proxyOnly, persist);
        deadline = System.nanoTime() + 10_000_000_000L;
        NetSnmp.Result sys;
        do {
            Thread.sleep(200);
            sys = Nms.snmp(a.ns(), "snmpget", List.of("-t", "1", "-r", "0", "-v2c", "-c", "public", SNMPD,
                    "1.3.6.1.2.1.1.3.0"));
        } while (sys.exit() != 0 && System.nanoTime() < deadline);
        assertThat(sys.exit()).as("the second snmpd answers: %s", sys).isZero();
        NetSnmp.Result hidden = walk(a, SNMPD, "1.3.6.1.4.1.9586.100.5");
        assertThat(hidden.varbinds()).as("without the view lines: %s", hidden)
                .allSatisfy(v -> assertThat(v.type()).as("%s", v).isEmpty());
    }

    /**
     * Debian's snmpd.conf as shipped (its agentaddress is 127.0.0.1:161 in the node's namespace), then
     * {@code snippet}; -x: the AgentX master socket inside the namespace, not the host's /var/agentx/master.
     */
    private Process startSnmpd(Node a, Path snippet, Path persist) throws java.io.IOException {
        Process p = Nms.start(a.ns(), List.of("/usr/sbin/snmpd", "-f", "-Lo", "-C", "-c", DEBIAN_CONF + "," + snippet,
                "-x", "tcp:127.0.0.1:7050", "-p", dir.resolve("snmpd.pid").toString()), dir.resolve("snmpd.log"),
                Map.of("SNMP_PERSISTENT_DIR", persist.toString()));
        processes.add(p);
        return p;
    }

    private static NetSnmp.Result walk(Node n, String agent, String root) {
        NetSnmp.Result r = Nms.snmp(n.ns(), "snmpbulkwalk", List.of("-OS", "-t", "2", "-r", "1", "-v2c", "-c",
                "public", agent, root));
        assertThat(r.exit()).as("%s", r).isZero();
        return r;
    }

    /**
     * The object names of a walk (values change between two walks: counters, times), without the endOfMibView
     * snmpd answers after KEEPALIVED-MIB: nothing after it is in Debian's view "systemonly".
     */
    private static List<String> oids(NetSnmp.Result r) {
        return r.varbinds().stream().filter(v -> !v.value().startsWith("No more variables left in this MIB View"))
                .map(NetSnmp.Varbind::oid).toList();
    }
}
