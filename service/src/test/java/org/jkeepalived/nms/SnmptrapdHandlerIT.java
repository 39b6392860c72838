package org.jkeepalived.nms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jkeepalived.testsupport.NetSnmp;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon;
import org.jkeepalived.vrrp.interop.InteropLab;
import org.jkeepalived.vrrp.interop.Node;
import org.junit.jupiter.api.Test;

/**
 * nms-integration/snmptrapd: Debian's snmptrapd, with the shipped snmptrapd.conf and jkeepalived-traphandler (only
 * their install paths rewritten into the test's directory), receives a real failover's notifications and the
 * handler logs one readable line for each.
 *
 * <p>Three nodes on one LAN: a (priority 150, a virtual server with quorum 2 over two real servers on its loopback)
 * sends SNMPv2c traps with the community the snippet authorizes; b (priority 100) sends SNMPv3 InformRequests as
 * the snippet's user; c is the NMS host running snmptrapd. a becomes MASTER with one real server down (quorum
 * lost), the second real server comes up (quorum gained), a is stopped by its pid and b takes over. Then a
 * jkeepalived with the wrong VRRP password on c makes b send a real vrrpTrapAuthFailure. vrrpv3ProtoError and
 * JKEEPALIVED-MIB's jkSplitBrainDetected cannot be provoked here: they are sent with net-snmp's snmptrap, with the
 * varbinds jkeepalived sends.
 */
class SnmptrapdHandlerIT extends NmsLab {
    private static final String INSTALLED_HANDLER = "/usr/local/lib/jkeepalived/jkeepalived-traphandler";
    private static final String INSTALLED_LOG = "/var/log/jkeepalived-traps.log";
    private static final String INSTALLED_STATE = "/var/lib/snmp/jkeepalived-traps";

    private Path trapLog;
    /** Lines before this index are from an earlier phase of the test: awaitLine does not look at them. */
    private int from;

    @Test
    void snmptrapdWithTheShippedHandlerLogsAFailoverInReadableLines() throws Exception {
        Privileged.require("ip", "python3", "awk", "snmptrapd", "snmptrap");
        NetSnmp.requireTools("snmptrapd", "snmptrap");
        lab = InteropLab.create(dir, 3, "jkn-t");
        Node a = lab.node(0);
        Node b = lab.node(1);
        Node c = lab.node(2);
        trapLog = dir.resolve("traps.log");
        startSnmptrapd(c);

        Daemon jka = lab.daemon(a, Daemon.Kind.JKEEPALIVED, Nms.jkeepalived("jk-a", 150,
                List.of("trap_sink udp:" + c.ipv4() + ":162 community jk-traps"), Nms.virtualServer(18081, 18082)));
        Daemon jkb = lab.daemon(b, Daemon.Kind.JKEEPALIVED, Nms.jkeepalived("jk-b", 100,
                List.of("trap_sink udp:" + c.ipv4() + ":162 user nms inform"), ""));
        processes.add(Nms.listener(a.ns(), 18081, dir.resolve("rs1.log")));
        String ja = "jkeepalived jk-a (10.9.0.1): ";
        String jb = "jkeepalived jk-b (10.9.0.2): ";
        // a first, so that b, started once a is MASTER, stays BACKUP
        jka.start();
        awaitLine(ja + "instance VI_1 is now BACKUP");
        awaitLine(ja + "instance VI_1 is now MASTER (was BACKUP)");
        awaitLine(ja + "sync group G1 is now MASTER (was BACKUP)");
        String ifIndex = ifIndex(a);
        awaitLine("jkeepalived 10.9.0.1: new VRRP master 10.9.0.1 for VRID 51 on ifIndex " + ifIndex + " (VRRP-MIB)");
        awaitLine("jkeepalived 10.9.0.1: new VRRP master 10.9.0.1 for VRID 51 IPv4 on ifIndex " + ifIndex
                + ", reason masterNoResponse (VRRPV3-MIB)");
        awaitLine(ja + "real server 127.0.0.1:18082 of virtual server 10.9.0.100:80/tcp is DOWN (1 of 2 up)");
        awaitLine(ja + "virtual server 10.9.0.100:80/tcp LOST its quorum (1 of 2 real servers up, quorum 2)");
        jkb.start();
        awaitLine(jb + "instance VI_1 is now BACKUP");
        awaitLine(jb + "sync group G1 is now BACKUP");

        // the second real server answers: up, and the quorum is back
        from = lines().size();
        processes.add(Nms.listener(a.ns(), 18082, dir.resolve("rs2.log")));
        awaitLine(ja + "real server 127.0.0.1:18082 of virtual server 10.9.0.100:80/tcp is UP (2 of 2 up)");
        awaitLine(ja + "virtual server 10.9.0.100:80/tcp gained its quorum (2 of 2 real servers up, quorum 2)");

        // the failover: the master is stopped by its pid (SIGTERM), b takes over
        from = lines().size();
        jka.terminate();
        jka.awaitExit(20_000);
        awaitLine(ja + "instance VI_1 is now SHUTDOWN (was MASTER)");
        awaitLine(jb + "instance VI_1 is now MASTER (was BACKUP)");
        awaitLine(jb + "sync group G1 is now MASTER (was BACKUP)");
        awaitLine("jkeepalived 10.9.0.2: new VRRP master 10.9.0.2 for VRID 51 on ifIndex " + ifIndex(b)
                + " (VRRP-MIB)");
        awaitMatch(Pattern.quote("jkeepalived 10.9.0.2: new VRRP master 10.9.0.2 for VRID 51 IPv4 on ifIndex "
                + ifIndex(b) + ", reason ") + "(priority|masterNoResponse)" + Pattern.quote(" (VRRPV3-MIB)"));
        assertThat(lines().subList(from, lines().size())).as("b stayed BACKUP until a stopped")
                .doesNotContain(jb + "instance VI_1 is now BACKUP (was MASTER)");

        // an intruder with the wrong password on c: the master b reports each of its adverts
        from = lines().size();
        Daemon intruder = lab.daemon(c, Daemon.Kind.JKEEPALIVED, """
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  priority 50
                  advert_int 1
                  authentication {
                    auth_type PASS
                    auth_pass wrong-pw
                  }
                  virtual_ipaddress {
                    10.9.0.100/24
                  }
                }
                """);
        intruder.start();
        awaitLine("jkeepalived 10.9.0.2: VRRP authentication failure from 10.9.0.3: authFailure (VRRP-MIB)");
        intruder.terminate();

        // not provoked here: sent with snmptrap, as jkeepalived sends them (v2c, the snippet's community)
        String sink = c.ipv4() + ":162";
        NetSnmp.Result protoError = Nms.snmp(b.ns(), "snmptrap", List.of("-v2c", "-c", "jk-traps", sink, "",
                ".1.3.6.1.2.1.207.0.2", ".1.3.6.1.2.1.207.1.2.5.1.6.2.51.1", "i", "1"));
        assertThat(protoError.exit()).as("%s", protoError).isZero();
        awaitLine("jkeepalived 10.9.0.2: VRRP protocol error for VRID 51 IPv4 on ifIndex 2: ipTtlError (VRRPV3-MIB)");
        String jk = ".1.3.6.1.4.1.32473.1.1.2.1."; // JKEEPALIVED-MIB jkInstanceEntry, row 1
        NetSnmp.Result splitBrain = Nms.snmp(b.ns(), "snmptrap", List.of("-v2c", "-c", "jk-traps", sink, "",
                ".1.3.6.1.4.1.32473.1.0.1", jk + "2.1", "s", "VI_1", jk + "3.1", "i", "51", jk + "5.1", "i", "3",
                jk + "6.1", "i", "1", jk + "7.1", "x", "0A090001", jk + "8.1", "i", "100", jk + "9.1", "i", "150"));
        assertThat(splitBrain.exit()).as("%s", splitBrain).isZero();
        awaitLine("jkeepalived 10.9.0.2: SPLIT BRAIN on instance VI_1 (VRID 51, masterSeesLowerMaster): other master "
                + "10.9.0.1 priority 100, own priority 150");

        // a community the snippet does not authorize is neither logged nor handled
        Nms.snmp(b.ns(), "snmptrap", List.of("-v2c", "-c", "someone-else", sink, "", ".1.3.6.1.2.1.207.0.2",
                ".1.3.6.1.2.1.207.1.2.5.1.6.2.51.1", "i", "2"));
        Thread.sleep(1000);
        assertThat(lines()).as("handled without authorization").noneMatch(l -> l.contains("versionError"));
        assertThat(lines()).as("every line readable").allSatisfy(l -> assertThat(l)
                .startsWith("jkeepalived ").doesNotContain("not one this handler knows").doesNotContain("unknown("));
        assertThat(jkb.log()).doesNotContain("Exception");
        System.out.println("jkeepalived-traphandler logged:\n  " + String.join("\n  ", lines()));
    }

    /** snmptrapd on c's address, port 162, reading the shipped snippet and the test's createUser line. */
    private void startSnmptrapd(Node c) throws Exception {
        Path state = dir.resolve("trap-state");
        Path persist = dir.resolve("snmptrapd-persist");
        Files.createDirectories(persist);
        String snippet = Nms.read("snmptrapd/snmptrapd.conf")
                .replace(INSTALLED_HANDLER, Nms.file("snmptrapd/jkeepalived-traphandler").toString())
                .replace(INSTALLED_LOG, trapLog.toString())
                .replace(INSTALLED_STATE, state.toString());
        assertThat(snippet).as("the install paths the test rewrites").contains(trapLog.toString(), state.toString());
        Path conf = dir.resolve("snmptrapd.conf");
        Files.writeString(conf, snippet);
        Path users = dir.resolve("snmptrapd-users.conf");
        Files.writeString(users, "createUser nms SHA-256 \"nms auth passphrase\" AES \"nms priv passphrase\"\n");
        List<String> cmd = new ArrayList<>(List.of("snmptrapd", "-f", "-Lo", "-C", "-c", conf + "," + users,
                "-p", dir.resolve("snmptrapd.pid").toString()));
        cmd.addAll(NetSnmp.mibArgs());
        cmd.add("udp:" + c.ipv4() + ":162");
        Path out = dir.resolve("snmptrapd.log");
        processes.add(Nms.start(c.ns(), cmd, out, Map.of("SNMP_PERSISTENT_DIR", persist.toString())));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Nms.readOrEmpty(out).contains("NET-SNMP version")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("snmptrapd did not start:\n" + Nms.readOrEmpty(out));
            }
            Thread.sleep(50);
        }
    }

    /** The handler's lines without their time stamp. */
    private List<String> lines() {
        return Nms.readOrEmpty(trapLog).lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    }

    /** Waits up to 20 s for a line equal to {@code expected}. */
    private void awaitLine(String expected) throws InterruptedException {
        awaitMatch(Pattern.quote(expected));
    }

    /** Waits up to 20 s for a line matching {@code regex}. */
    private void awaitMatch(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (lines().stream().skip(from).noneMatch(l -> p.matcher(l).matches())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the handler did not log, after its line " + from + ", a line matching\n  "
                        + regex + "\nit logged:\n  "
                        + String.join("\n  ", lines()) + "\nsnmptrapd's log:\n"
                        + Nms.readOrEmpty(dir.resolve("snmptrapd.log")));
            }
            Thread.sleep(100);
        }
    }

    /** eth0's ifIndex in the node's namespace (the RFC tables' index). */
    private static String ifIndex(Node n) {
        String out = n.ns().ip("-o", "link", "show", Node.IF);
        return out.substring(0, out.indexOf(':')).trim();
    }
}
