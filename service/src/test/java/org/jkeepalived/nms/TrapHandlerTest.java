package org.jkeepalived.nms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nms-integration/snmptrapd/jkeepalived-traphandler on its own, fed what snmptrapd feeds a traphandle program (host,
 * transport, then "OID VALUE" lines), for the shapes SnmptrapdHandlerIT's failover does not produce: labels instead
 * of numbers, addresses whose bytes are printable, IPv6, fwmark and group virtual servers, unknown and broken
 * input, bad options. Needs only sh and awk.
 */
class TrapHandlerTest {
    private static final String KA = ".1.3.6.1.4.1.9586.100.5.";
    private static final String TRAP_OID = ".1.3.6.1.6.3.1.1.4.1.0 ";

    @TempDir
    Path dir;

    @Test
    void instanceStatesWithLabelsOrNumbersAndTheStateDirectory() throws Exception {
        String backup = notification(KA + "2.10.0.2", KA + "2.3.1.2.3 VI_2", KA + "2.3.1.4.3 backup",
                KA + "2.3.1.5.3 1", KA + "1.2.0 \"lb a\"");
        String master = backup.replace("2.3.1.4.3 backup", "2.3.1.4.3 master(2)");
        Path state = dir.resolve("state");
        assertThat(run(backup, "--stdout", "--state-dir", state.toString()))
                .isEqualTo("jkeepalived lb a (192.0.2.7): instance VI_2 is now BACKUP");
        assertThat(run(master, "--stdout", "--state-dir", state.toString()))
                .isEqualTo("jkeepalived lb a (192.0.2.7): instance VI_2 is now MASTER (was BACKUP)");
        assertThat(run(master, "--stdout")).isEqualTo("jkeepalived lb a (192.0.2.7): instance VI_2 is now MASTER");
        assertThat(run(master.replace("master(2)", "5"), "--stdout"))
                .isEqualTo("jkeepalived lb a (192.0.2.7): instance VI_2 is now SHUTDOWN");
    }

    @Test
    void splitBrainWithLabelsOrNumbersAndAnIpv6Peer() throws Exception {
        String jk = ".1.3.6.1.4.1.32473.1.1.2.1.";
        assertThat(run(notification(".1.3.6.1.4.1.32473.1.0.1", jk + "2.2 VI_2", jk + "3.2 52",
                jk + "5.2 masterSeesEqualMaster(4)", jk + "6.2 ipv6(2)",
                jk + "7.2 \"FE 80 00 00 00 00 00 00 00 00 00 00 00 00 00 07 \"", jk + "8.2 100", jk + "9.2 100"),
                "--stdout")).isEqualTo("jkeepalived 192.0.2.7: SPLIT BRAIN on instance VI_2 (VRID 52, "
                        + "masterSeesEqualMaster): other master fe80:0:0:0:0:0:0:7 priority 100, own priority 100");
        assertThat(run(notification(".1.3.6.1.4.1.32473.1.0.1", jk + "2.1 VI_1", jk + "3.1 51", jk + "5.1 2",
                jk + "6.1 1", jk + "7.1 \"0A 00 00 03 \"", jk + "8.1 120", jk + "9.1 50"), "--stdout"))
                .isEqualTo("jkeepalived 192.0.2.7: SPLIT BRAIN on instance VI_1 (VRID 51, backupSeesTwoMasters): "
                        + "other master 10.0.0.3 priority 120, own priority 50");
    }

    @Test
    void addressesPrintableIpv6AndVirtualServerKinds() throws Exception {
        // 65.66.67.68 has printable bytes: net-snmp prints "ABCD"
        assertThat(run(notification(".1.3.6.1.2.1.207.0.1", ".1.3.6.1.2.1.207.1.1.1.1.3.4.7.1 \"ABCD\"",
                ".1.3.6.1.2.1.207.1.2.5.1.2.4.7.1 preempted"), "--stdout"))
                .isEqualTo("jkeepalived 192.0.2.7: new VRRP master 65.66.67.68 for VRID 7 IPv4 on ifIndex 4, "
                        + "reason preempted (VRRPV3-MIB)");
        assertThat(run(notification(KA + "3.5.0.1", KA + "3.4.1.3.1.2 2",
                KA + "3.4.1.4.1.2 \"20 01 0D B8 00 00 00 00 00 00 00 00 00 00 00 0A \"", KA + "3.4.1.5.1.2 443",
                KA + "3.4.1.6.1.2 1", KA + "3.3.1.2.1 1", KA + "3.3.1.4.1 12", KA + "3.3.1.8.1 1",
                KA + "3.3.1.21.1 2", KA + "3.3.1.20.1 3", KA + "1.2.0 lb-b"), "--stdout"))
                .isEqualTo("jkeepalived lb-b (192.0.2.7): real server [2001:db8:0:0:0:0:0:a]:443 of virtual server "
                        + "fwmark 12/tcp is UP (2 of 3 up)");
        assertThat(run(notification(KA + "3.5.0.2", KA + "3.3.1.2.1 3", KA + "3.3.1.3.1 web", KA + "3.3.1.8.1 2",
                KA + "3.3.1.23.1 notMet(2)", KA + "3.3.1.22.1 3", KA + "3.3.1.21.1 1", KA + "3.3.1.20.1 4"),
                "--stdout"))
                .isEqualTo("jkeepalived 192.0.2.7: virtual server group web/udp LOST its quorum "
                        + "(1 of 4 real servers up, quorum 3)");
        assertThat(run(notification(".1.3.6.1.2.1.68.0.2", ".1.3.6.1.2.1.68.1.5.0 192.0.2.9",
                ".1.3.6.1.2.1.68.1.6.0 2"), "--stdout"))
                .isEqualTo("jkeepalived 192.0.2.7: VRRP authentication failure from 192.0.2.9: authTypeMismatch "
                        + "(VRRP-MIB)");
    }

    @Test
    void unknownOrBrokenInputGetsALineSayingSoAndBadOptionsAnError() throws Exception {
        assertThat(run(notification(".1.3.6.1.4.1.8072.2.3.0.1"), "--stdout"))
                .isEqualTo("jkeepalived 192.0.2.7: notification .1.3.6.1.4.1.8072.2.3.0.1 "
                        + "(not one this handler knows)");
        assertThat(run(notification("KEEPALIVED-MIB::vrrpInstanceStateChange"), "--stdout"))
                .isEqualTo("jkeepalived 192.0.2.7: notification KEEPALIVED-MIB::vrrpInstanceStateChange is not "
                        + "numeric: add \"outputOption ne\" to snmptrapd.conf");
        assertThat(run("garbage\n", "--stdout"))
                .isEqualTo("jkeepalived garbage: no snmpTrapOID.0 (.1.3.6.1.6.3.1.1.4.1.0) in the 1 lines "
                        + "snmptrapd gave this handler");
        Path log = dir.resolve("traps.log");
        run(notification(".1.3.6.1.2.1.68.0.1", ".1.3.6.1.2.1.68.1.3.1.7.2.51 192.0.2.7"), "--log", log.toString());
        assertThat(Files.readString(log)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d{4} jkeepalived "
                + "192\\.0\\.2\\.7: new VRRP master 192\\.0\\.2\\.7 for VRID 51 on ifIndex 2 \\(VRRP-MIB\\)\n");
        Result bad = exec("", "--frobnicate");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown option '--frobnicate'");
    }

    private static String notification(String trapOid, String... varbinds) {
        StringBuilder b = new StringBuilder("<UNKNOWN>\nUDP: [192.0.2.7]:40000->[192.0.2.10]:162\n")
                .append(".1.3.6.1.2.1.1.3.0 0:0:01:02.03\n").append(TRAP_OID).append(trapOid).append('\n');
        for (String v : varbinds) {
            b.append(v).append('\n');
        }
        return b.toString();
    }

    private String run(String input, String... args) throws Exception {
        Result r = exec(input, args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out().strip();
    }

    record Result(int exit, String out, String err) {
    }

    private Result exec(String input, String... args) throws IOException, InterruptedException {
        assumeTrue(Privileged.which("awk") != null && Privileged.which("sh") != null, "needs sh and awk");
        List<String> cmd = new ArrayList<>(List.of(Nms.file("snmptrapd/jkeepalived-traphandler").toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("the handler finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
