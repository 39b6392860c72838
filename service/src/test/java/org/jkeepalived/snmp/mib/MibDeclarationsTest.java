package org.jkeepalived.snmp.mib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.event.Event;
import org.jkeepalived.snmp.MibTree;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.snmp.SnmpNotification;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.vrrp.packet.DropReason;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * Every object instance of a full tree (all parts served, rich.conf running) and every notification is declared in
 * keepalived 2.2.7's MIB files or in our own mibs/JKEEPALIVED-MIB.txt, with the SMI type the MIB gives it: a scalar
 * as name.0, a column with an index.
 */
class MibDeclarationsTest {
    private static final Path DIR = Path.of("/usr/share/snmp/mibs");
    private static final List<String> FILES = List.of("KEEPALIVED-MIB.txt", "VRRP-MIB.txt", "VRRPv3-MIB.txt");
    private static final Served ALL = new Served(true, true, true, true, true);
    /** The repository's own module (the build runs in service/). */
    static final Path OWN_MIB = Path.of("..", "mibs", "JKEEPALIVED-MIB.txt");

    private static MibText mib;

    @BeforeAll
    static void readMibs() throws Exception {
        List<Path> paths = new ArrayList<>();
        for (String f : FILES) {
            Path p = DIR.resolve(f);
            if (!Files.isReadable(p)) {
                String reason = p + " is missing (Debian packages keepalived and snmp-mibs-downloader/libsnmp-base)";
                if ("true".equals(System.getenv("CI"))) {
                    fail(reason);
                }
                Assumptions.assumeTrue(false, "skipped: " + reason);
            }
            paths.add(p);
        }
        paths.add(OWN_MIB);
        mib = MibText.read(paths);
    }

    @Test
    void theParserFoundTheModules() {
        assertThat(mib.size()).isGreaterThan(400);
        assertThat(mib.byName("vrrpInstanceBasePriority").oid()).isEqualTo(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.7"));
        assertThat(mib.byName("vrrpOperState").oid()).isEqualTo(new OID("1.3.6.1.2.1.68.1.3.1.3"));
        assertThat(mib.byName("vrrpv3StatisticsNewMasterReason").oid())
                .isEqualTo(new OID("1.3.6.1.2.1.207.1.2.5.1.2"));
        assertThat(mib.byName("jkInstanceSplitBrainPeer").oid()).isEqualTo(new OID(KeepalivedOids.sub(
                KeepalivedOids.JK_INSTANCE_ENTRY, 7)));
        assertThat(mib.byName("jkSplitBrainDetected").oid()).isEqualTo(KeepalivedOids.TRAP_SPLIT_BRAIN);
    }

    @Test
    void everyServedInstanceIsADeclaredObjectOfTheRightType() {
        KeepalivedConfig cfg = MibFixture.rich();
        MibTree tree = Mibs.tree(ALL).apply(RichSnapshot.of(cfg));
        List<String> problems = new ArrayList<>();
        Set<String> objects = new TreeSet<>();
        for (VariableBinding vb : tree.all()) {
            String p = check(vb, false);
            if (p != null) {
                problems.add(p);
            } else {
                objects.add(mib.objectOf(vb.getOid()).name());
            }
        }
        assertThat(problems).isEmpty();
        // the rich configuration reaches every table this package serves
        assertThat(objects).contains("version", "emailAddress", "vrrpSyncGroupName", "vrrpSyncGroupMemberName",
                "vrrpInstanceMulticastAddress", "vrrpTrackedInterfaceName", "vrrpTrackedScriptName", "vrrpTrackedFileWgtRev",
                "vrrpTrackedProcessWeight", "vrrpAddressPeer", "vrrpRouteDestination",
                "vrrpRuleSourceAddress", "vrrpScriptResult", "vrrpFileResult", "vrrpProcessParams",
                "vrrpSyncTrackedInterfaceName", "vrrpSyncTrackedScriptName", "vrrpSyncTrackedFileName",
                "vrrpSyncTrackedProcessName", "virtualServerGroupMemberAddr2", "virtualServerStatsInBytes",
                "virtualServerRateInPPSHigh", "realServerStatsActiveConns", "realServerConnTimeoutUsec",
                "lvsSyncDaemonSyncId", "lvsTimeoutUdp", "vrrpOperVirtualRouterUpTime", "vrrpAssoIpAddrRowStatus",
                "vrrpStatsPacketLengthErrors", "vrrpRouterVrIdErrors", "vrrpv3OperationsUpTime",
                "vrrpv3AssociatedIpAddrRowStatus", "vrrpv3StatisticsRefreshRate", "vrrpv3RouterChecksumErrors",
                "jkSplitBrainEpisodes", "jkInstanceSplitBrainPeer", "jkInstanceSplitBrainAge");
    }

    @Test
    void everyNotificationAndVarbindIsDeclared() {
        KeepalivedConfig cfg = MibFixture.rich();
        StatusSnapshot snap = RichSnapshot.of(cfg);
        var target = new Event.Target(Event.TargetType.INSTANCE, "VI_1", null, false, false);
        var group = new Event.Target(Event.TargetType.GROUP, "G1", null, false, false);
        List<Event> events = List.of(
                new Event.VrrpStateChanged(target, Event.NotifyState.MASTER, 150, "test"),
                new Event.VrrpStateChanged(group, Event.NotifyState.BACKUP, 0, "test"),
                new Event.RealServerChanged("[192.0.2.50]:tcp:80", "[10.0.0.2]:tcp:80", true, null, false, "", null),
                new Event.RealServerChanged("FWM 5", "[10.0.0.3]:tcp:0", false, null, false, "x", null),
                new Event.QuorumChanged("[VSG]:0", true, null, false, "q"),
                new Event.VrrpAuthFailure("VI_1", MibFixture.ip("192.0.2.9"), 3),
                new Event.VrrpProtocolError("VI_2", DropReason.VERSION),
                new Event.VrrpSplitBrain("VI_1", 51, org.jkeepalived.vrrp.SplitBrainKind.MASTER_SEES_EQUAL_MASTER,
                        MibFixture.ip("fe80::7"), 145, 145, 3));
        Set<String> notifications = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Event e : events) {
            for (SnmpNotification n : TrapMapper.of(ALL).apply(e, snap)) {
                MibText.Decl d = mib.at(n.trapOid());
                if (d == null || !d.kind().equals("NOTIFICATION-TYPE")) {
                    problems.add(n.trapOid() + " is not a NOTIFICATION-TYPE");
                    continue;
                }
                notifications.add(d.name());
                for (VariableBinding vb : n.varbinds()) {
                    String p = check(vb, true);
                    if (p != null) {
                        problems.add(d.name() + ": " + p);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(notifications).containsExactlyInAnyOrder("vrrpInstanceStateChange", "vrrpSyncGroupStateChange",
                "realServerStateChange", "virtualServerQuorumStateChange", "vrrpTrapNewMaster", "vrrpTrapAuthFailure",
                "vrrpv3NewMaster", "vrrpv3ProtoError", "jkSplitBrainDetected");
    }

    /** Null when {@code vb} names an instance of a declared object of its type, else what is wrong. */
    private static String check(VariableBinding vb, boolean forNotify) {
        OID oid = vb.getOid();
        MibText.Decl d = mib.objectOf(oid);
        if (d == null) {
            return oid + " is not under a declared OBJECT-TYPE";
        }
        int[] suffix = new int[oid.size() - d.oid().size()];
        System.arraycopy(oid.getValue(), d.oid().size(), suffix, 0, suffix.length);
        if (mib.isColumn(d)) {
            if (suffix.length == 0) {
                return oid + " (" + d.name() + ") has no row index";
            }
        } else if (suffix.length != 1 || suffix[0] != 0) {
            return oid + " (" + d.name() + ") is a scalar without .0";
        }
        String access = d.access();
        boolean readable = "read-only".equals(access) || "read-write".equals(access) || "read-create".equals(access);
        if (!readable && !(forNotify && "accessible-for-notify".equals(access))) {
            return oid + " (" + d.name() + ") is " + access;
        }
        if (d.syntax() != vb.getVariable().getSyntax()) {
            return oid + " (" + d.name() + ") is " + vb.getVariable().getSyntaxString() + ", the MIB says syntax "
                    + d.syntax();
        }
        return null;
    }
}
