package org.jkeepalived.snmp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.kernelvm.KernelVm;
import org.jkeepalived.snmp.interop.WalkComparison.Kind;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tier 4, the SNMP differential test: keepalived 2.2.7 behind snmpd over AgentX and jkeepalived's own agent, each in
 * a namespace of its own with the same links, run the same config ({@code differential.conf}); their numeric walks
 * of KEEPALIVED-MIB, VRRP-MIB and VRRPv3-MIB are compared column by column (see {@link WalkShape}).
 *
 * <p>Two verdicts: keepalived still serves its reference walk ({@code keepalived-2.2.7.walk}, the oracle has not
 * moved; times since start aside), and jkeepalived serves the same columns with the same index shapes as
 * keepalived does in the same run, every other difference listed in {@code target/snmp-differential-report.txt}.
 * {@code -Dsnmp.differential.record=true} rewrites the reference walk (review the diff). Runs, walks and logs:
 * {@code target/snmp-differential/IMPL/}.
 *
 * <p>The host's kernel has no IPVS, so keepalived's checker child would exit FATAL and take the daemon down: on the
 * host both daemons run VRRP only (-P), against {@code keepalived-2.2.7.walk}. The check subtree (…5.3) is walked
 * in the qemu guest ({@link KernelVm}), against {@code keepalived-2.2.7-ipvs.walk}; jkeepalived is not run there
 * yet.
 */
class SnmpDifferentialIT {
    private static final boolean RECORD = Boolean.getBoolean("snmp.differential.record");
    private static final int KEEPALIVED_PORT = 16161;
    private static final int JKEEPALIVED_PORT = 16162;

    /**
     * Known, explained differences between keepalived 2.2.7 and jkeepalived: column (or subtree) OID prefix to the
     * reason and the kinds of difference it explains. A shape entry ({@code Known.shape}) must say why jkeepalived
     * serves a column or an index differently on purpose; a missing/extra column or index shape without one fails
     * the test. Value entries ({@code Known.values}) only label rows and values that differ in the report (they
     * never fail it): keepalived 2.2.7's own quirks, observed (docs/design/snmp-keepalived-observed.md).
     */
    static final Map<String, WalkComparison.Known> KNOWN_DIFFERENCES = knownDifferences();

    private static Map<String, WalkComparison.Known> knownDifferences() {
        Map<String, WalkComparison.Known> m = new LinkedHashMap<>();
        // No shape is allowed to differ: jkeepalived copies even keepalived's unprefixed InetAddress index of
        // vrrpv3AssociatedIpAddrTable (…2.1.2.IF.VRID.1.10.77.0.100), so that pollers find the same rows.
        // Values: keepalived 2.2.7's quirks, so that a difference there reads as explained.
        m.put("1.3.6.1.4.1.9586.100.5.2.4.1", WalkComparison.Known.values("vrrpTrackedInterfaceTable: keepalived "
                + "2.2.7 puts 1 where its MIB's INDEX {vrrpInstanceIndex, ifIndex} says ifIndex (vk1 is 5)"));
        m.put("1.3.6.1.4.1.9586.100.5.2.3.1.27", WalkComparison.Known.values("vrrpInstanceAccept: keepalived 2.2.7 "
                + "answers 0 for a VRRPv2 instance, not one of the MIB's true(1)/false(2)"));
        m.put("1.3.6.1.2.1.68.1.3.1.7", WalkComparison.Known.values("vrrpOperMasterIpAddr: keepalived 2.2.7 "
                + "answers 0.0.0.0 while master (its VRRPv3 table gives its own primary address)"));
        m.put("1.3.6.1.4.1.9586.100.5.2.6.1.11", WalkComparison.Known.values("vrrpAddressAdvertising: keepalived "
                + "2.2.7 answers notAdvertised(2) for the VIPs of every instance but the first (a bug; jkeepalived "
                + "answers advertised(1) for every VIP)"));
        m.put("1.3.6.1.4.1.9586.100.5.1.1", WalkComparison.Known.values("version: the product's own string"));
        for (String timing : List.of("43", "44", "45", "48", "49", "51")) {
            m.put("1.3.6.1.4.1.9586.100.5.3.4.1." + timing, WalkComparison.Known.values("realServer retry, delay, "
                    + "warmup and connect timeout: keepalived 2.2.7 shows the real_server block's own keywords (0 and "
                    + "5 s when unset there), jkeepalived the first checker's effective values (its model keeps "
                    + "no separate real_server-level copy)"));
        }
        m.put("1.3.6.1.4.1.9586.100.5.2.6.1.6", WalkComparison.Known.values("vrrpAddressScope: keepalived 2.2.7 "
                + "answers global(14) for the link-local VIP fe80::77:100"));
        for (String scriptColumn : List.of("2.1.1.6", "2.1.1.7", "2.1.1.8", "2.1.1.9", "2.1.1.11", "2.3.1.22",
                "2.3.1.23", "2.3.1.24", "2.3.1.25", "2.3.1.26", "2.3.1.31", "2.3.1.32", "2.9.1.3")) {
            m.put("1.3.6.1.4.1.9586.100.5." + scriptColumn, WalkComparison.Known.values("script command: keepalived "
                    + "2.2.7 shows the resolved path with each word quoted ('/usr/bin/true' 'vi4' 'master')"));
        }
        return m;
    }

    private Path basedir;
    private Path work;

    @BeforeEach
    void setUp() throws IOException {
        Privileged.require("ip", "bash", "snmpd", "snmpbulkwalk", "/usr/sbin/keepalived");
        basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        work = basedir.resolve("target/snmp-differential");
        Files.createDirectories(work);
    }

    @Test
    void keepalivedStillServesItsReferenceWalk() throws Exception {
        Path out = work.resolve("keepalived");
        SnmpHarness.Result r = SnmpHarness.run("keepalived", "snmpdk", differentialConf(), out, KEEPALIVED_PORT,
                null);
        assertThat(r.exitCode()).as("the keepalived side of the harness failed:\n%s", r.diagnostics()).isZero();
        assertThat(r.leftovers()).as("processes the harness left running").isEmpty();
        compareWithReference(reference(false), SnmpHarness.walks(out), r.diagnostics());
    }

    /**
     * The same with the checker subtree (…5.3): keepalived 2.2.7 with VRRP and checkers in the qemu guest, whose
     * kernel has IPVS (about a minute under TCG). Nothing answers the real servers' TCP_CHECKs: both are down, the
     * quorum is lost and the sorry server is in.
     */
    @Test
    void keepalivedInTheIpvsGuestStillServesItsReferenceWalkWithTheCheckSubtree() throws Exception {
        KernelVm.require();
        Path out = work.resolve("keepalived-ipvs");
        deleteTree(out);
        Files.createDirectories(out);
        KernelVm.Result vm = KernelVm.run(SnmpHarness.guestCommand("keepalived", "snmpvm", differentialConf(), out,
                KEEPALIVED_PORT, null), 400, List.of(out));
        assertThat(vm.exitCode()).as("the harness failed in the guest:\n%s\n%s", vm.output(),
                SnmpHarness.diagnostics(out)).isZero();
        compareWithReference(reference(true), SnmpHarness.walks(out), vm.output());
    }

    private void compareWithReference(Path reference, String live, String diagnostics) throws IOException {
        if (RECORD) {
            Files.writeString(reference, SnmpHarness.referenceHeader(reference.toString().contains("-ipvs")) + live);
            return;
        }
        Assumptions.assumeTrue(Files.exists(reference), "no reference walk " + reference.getFileName()
                + ": record it with -Dsnmp.differential.record=true");
        WalkComparison c = WalkComparison.compare("reference", WalkShape.parse(Files.readString(reference)),
                "keepalived now", WalkShape.parse(live), Map.of());
        Files.writeString(work.resolve(reference.getFileName() + "-vs-now.txt"), c.report());
        // Columns, index shapes and rows must stay; values are reported only: real server states and the quorum
        // depend on when the checkers first ran (seen to differ between runs in the guest).
        assertThat(c.unexpected(EnumSet.of(Kind.MISSING, Kind.EXTRA, Kind.SHAPE, Kind.ROWS)))
                .as("keepalived 2.2.7 no longer serves its reference walk %s (the oracle moved: "
                + "check the host, then re-record with -Dsnmp.differential.record=true):\n%s\n%s",
                reference.getFileName(), c.report(), diagnostics).isEmpty();
    }

    @Test
    void jkeepalivedServesKeepalivedsColumnsAndIndexShapes() throws Exception {
        Assumptions.assumeFalse(RECORD, "recording: keepalived only");
        WalkComparison c = sideBySide("jkeepalived", jkeepalivedConf(), Launcher.launcher(), KNOWN_DIFFERENCES);
        Path report = basedir.resolve("target/snmp-differential-report.txt");
        Files.writeString(report, c.report());
        System.out.println(c.report());
        assertThat(c.unexpected(EnumSet.of(Kind.MISSING, Kind.EXTRA, Kind.SHAPE)))
                .as("jkeepalived's columns or index shapes differ from keepalived 2.2.7's (full report in %s):\n%s",
                        report, c.report())
                .isEmpty();
    }

    /**
     * The comparison with the check subtree: keepalived and jkeepalived in neighbouring namespaces of the qemu guest
     * (kernel with IPVS), at once, VRRP and checkers. Same assertion and allow-list as on the host; the report is
     * {@code target/snmp-differential-report-ipvs.txt}.
     */
    @Test
    void jkeepalivedInTheIpvsGuestServesKeepalivedsColumnsAndIndexShapesWithTheCheckSubtree() throws Exception {
        Assumptions.assumeFalse(RECORD, "recording: keepalived only");
        KernelVm.require();
        Path jconf = jkeepalivedConf();
        Path kout = work.resolve("keepalived-ipvs");
        Path jout = work.resolve("jkeepalived-ipvs");
        for (Path p : List.of(kout, jout)) {
            deleteTree(p);
            Files.createDirectories(p);
        }
        KernelVm.Result vm = KernelVm.run(SnmpHarness.guestScriptBoth(
                SnmpHarness.guestCommand("keepalived", "snmpvmk", differentialConf(), kout, KEEPALIVED_PORT, null),
                SnmpHarness.guestCommand("jkeepalived", "snmpvmj", jconf, jout, JKEEPALIVED_PORT,
                        Launcher.launcher())), 600, List.of(kout, jout));
        assertThat(vm.exitCode()).as("the harness failed in the guest:\n%s\n%s\n%s", vm.output(),
                SnmpHarness.diagnostics(kout), SnmpHarness.diagnostics(jout)).isZero();
        WalkComparison c = WalkComparison.compare("keepalived 2.2.7", WalkShape.parse(SnmpHarness.walks(kout)),
                "jkeepalived", WalkShape.parse(SnmpHarness.walks(jout)), KNOWN_DIFFERENCES);
        Path report = basedir.resolve("target/snmp-differential-report-ipvs.txt");
        Files.writeString(report, c.report());
        assertThat(c.unexpected(EnumSet.of(Kind.MISSING, Kind.EXTRA, Kind.SHAPE)))
                .as("jkeepalived's columns or index shapes differ from keepalived 2.2.7's in the IPVS guest (full "
                        + "report in %s):\n%s", report, c.report())
                .isEmpty();
    }

    /**
     * The harness checks itself: keepalived in the second namespace too, at the same time as the first. The two
     * walks must then be equal, times since start aside (what the jkeepalived comparison relies on: same links,
     * ifIndexes, MACs and addresses in both namespaces, nothing leaking from one into the other).
     */
    @Test
    void twoKeepalivedsInNeighbouringNamespacesServeTheSameWalk() throws Exception {
        Assumptions.assumeFalse(RECORD, "recording: keepalived only");
        WalkComparison c = sideBySide("keepalived", differentialConf(), null, Map.of());
        assertThat(c.differences()).as("the harness's two namespaces differ:\n%s", c.report()).isEmpty();
    }

    /** keepalived in one namespace and {@code impl} in a neighbouring one, at once; their walks compared. */
    private WalkComparison sideBySide(String impl, Path conf, Path launcher,
            Map<String, WalkComparison.Known> allowed)
            throws Exception {
        Path kout = work.resolve("keepalived");
        Path jout = work.resolve(impl.equals("keepalived") ? "keepalived-2" : impl);
        SnmpHarness.Running k = SnmpHarness.start("keepalived", "snmpdk", differentialConf(), kout,
                KEEPALIVED_PORT, null);
        SnmpHarness.Running j = SnmpHarness.start(impl, "snmpdj", conf, jout, JKEEPALIVED_PORT, launcher);
        SnmpHarness.Result kr = k.await();
        SnmpHarness.Result jr = j.await();
        assertThat(kr.exitCode()).as("the keepalived side failed:\n%s", kr.diagnostics()).isZero();
        assertThat(jr.exitCode()).as("the %s side failed:\n%s", impl, jr.diagnostics()).isZero();
        assertThat(kr.leftovers()).as("processes the harness left running").isEmpty();
        assertThat(jr.leftovers()).as("processes the harness left running").isEmpty();
        return WalkComparison.compare("keepalived 2.2.7", WalkShape.parse(SnmpHarness.walks(kout)),
                impl.equals("keepalived") ? "keepalived (2nd namespace)" : impl,
                WalkShape.parse(SnmpHarness.walks(jout)), allowed);
    }

    /** differential.conf plus the agent block (written next to the results: the harness reads it there). */
    private Path jkeepalivedConf() throws IOException {
        Path jconf = work.resolve("differential-jkeepalived.conf");
        Files.writeString(jconf, Files.readString(differentialConf()) + """

                # jkeepalived's own agent (keepalived ignores this block; jkeepalived ignores snmp_socket)
                snmp_agent {
                    listen udp:127.0.0.1:@PORT@
                    community public
                }
                """);
        return jconf;
    }

    private Path differentialConf() {
        return basedir.resolve("src/test/resources/snmp/differential/differential.conf");
    }

    private Path reference(boolean ipvs) {
        String name = ipvs ? "keepalived-2.2.7-ipvs.walk" : "keepalived-2.2.7.walk";
        return basedir.resolve("src/test/resources/snmp/differential").resolve(name);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static List<String> subtrees() {
        return List.of("keepalived", "vrrp", "vrrpv3");
    }
}
