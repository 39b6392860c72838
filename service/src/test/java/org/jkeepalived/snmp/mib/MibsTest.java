package org.jkeepalived.snmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.snmp.MibTree;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.status.InterfaceInfo;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class MibsTest {
    private static final Served ALL = new Served(true, true, true, true, true);
    private static final String K = "1.3.6.1.4.1.9586.100.5.";
    private static final String V2 = "1.3.6.1.2.1.68.";
    private static final String V3 = "1.3.6.1.2.1.207.";
    private static final String JK = "1.3.6.1.4.1.32473.1.";

    private final KeepalivedConfig cfg = MibFixture.rich();
    private final MibTree tree = Mibs.tree(ALL).apply(RichSnapshot.of(cfg));

    private static Variable at(MibTree t, String oid) {
        return t.get(new OID(oid));
    }

    private Variable at(String oid) {
        return at(tree, oid);
    }

    private static OctetString str(String s) {
        return new OctetString(s);
    }

    private static OctetString bytes(String ip) {
        return new OctetString(MibFixture.ip(ip).getAddress());
    }

    @Test
    void instanceRowsAreOrdinalsInConfigurationOrder() {
        assertThat(at(K + "2.3.1.2.1")).isEqualTo(str("VI_1"));
        assertThat(at(K + "2.3.1.2.2")).isEqualTo(str("VI_2"));
        assertThat(at(K + "2.3.1.3.2")).isEqualTo(new UnsignedInteger32(52));
        assertThat(at(K + "2.3.1.2.4")).isEqualTo(str("VI_U"));
        assertThat(at(K + "2.3.1.2.5")).isNull();
    }

    @Test
    void instanceColumnsComeFromTheRuntimeAndTheConfiguration() {
        assertThat(at(K + "2.3.1.4.1")).isEqualTo(new Integer32(2)); // master(2)
        assertThat(at(K + "2.3.1.4.4")).isEqualTo(new Integer32(3)); // fault(3)
        assertThat(at(K + "2.3.1.5.1")).isEqualTo(new Integer32(2)); // state MASTER configured
        assertThat(at(K + "2.3.1.5.2")).isEqualTo(new Integer32(1));
        assertThat(at(K + "2.3.1.7.1")).isEqualTo(new Integer32(150)); // base
        assertThat(at(K + "2.3.1.8.1")).isEqualTo(new Integer32(145)); // effective
        assertThat(at(K + "2.3.1.9.1")).isEqualTo(new Integer32(1)); // allSet while MASTER
        assertThat(at(K + "2.3.1.9.2")).isEqualTo(new Integer32(2));
        assertThat(at(K + "2.3.1.12.1")).isEqualTo(new UnsignedInteger32(1)); // v2: seconds
        assertThat(at(K + "2.3.1.12.2")).isEqualTo(new UnsignedInteger32(100)); // v3: centiseconds
        assertThat(at(K + "2.3.1.15.1")).isEqualTo(new Integer32(1)); // password(1)
        assertThat(at(K + "2.3.1.18.1")).isEqualTo(str("G1"));
        assertThat(at(K + "2.3.1.18.3")).as("no sync group: no instance").isNull();
        assertThat(at(K + "2.3.1.22.1")).isEqualTo(str("'/bin/echo' 'master'"));
        assertThat(at(K + "2.3.1.11.1")).as("has track_interface lines").isEqualTo(new Integer32(1));
        assertThat(at(K + "2.3.1.11.2")).isEqualTo(new Integer32(2));
        assertThat(at(K + "2.3.1.27.1")).as("VRRPv2: no accept mode").isEqualTo(new Integer32(0));
        assertThat(at(K + "2.3.1.27.2")).isEqualTo(new Integer32(1));
        assertThat(at(K + "2.3.1.23.1")).isNull();
        assertThat(at(K + "2.3.1.30.2")).isEqualTo(new Integer32(3));
        assertThat(at(K + "2.3.1.35.1")).isEqualTo(bytes("224.0.0.18"));
        assertThat(at(K + "2.3.1.35.4")).as("unicast: no multicast group").isNull();
        assertThat(at(K + "2.3.1.35.3")).isEqualTo(bytes("ff02::12"));
    }

    @Test
    void addressesTrackersAndSyncGroups() {
        // VIPs then eVIPs, one ordinal per instance
        assertThat(at(K + "2.6.1.3.1.1")).isEqualTo(bytes("192.0.2.10"));
        assertThat(at(K + "2.6.1.5.1.1")).isEqualTo(new UnsignedInteger32(24));
        assertThat(at(K + "2.6.1.4.1.1")).isEqualTo(bytes("192.0.2.255"));
        assertThat(at(K + "2.6.1.4.1.2")).as("IPv4 without brd").isEqualTo(bytes("0.0.0.0"));
        assertThat(at(K + "2.6.1.4.1.4")).as("IPv6: none").isNull();
        assertThat(at(K + "2.6.1.12.1.3")).isEqualTo(bytes("192.0.2.13"));
        assertThat(at(K + "2.6.1.2.1.4")).isEqualTo(new Integer32(2)); // the eVIP is IPv6
        assertThat(at(K + "2.6.1.11.1.4")).isEqualTo(new Integer32(2)); // notAdvertised
        assertThat(at(K + "2.6.1.11.1.1")).isEqualTo(new Integer32(1));
        assertThat(at(K + "2.6.1.10.1.1")).isEqualTo(new Integer32(1)); // set: VI_1 is MASTER
        assertThat(at(K + "2.6.1.10.2.1")).isEqualTo(new Integer32(2));
        assertThat(at(K + "2.6.1.7.1.1")).isEqualTo(new Integer32(2)); // eth0's ifIndex
        // tracked interface rows: keepalived's ordinals, not the MIB's ifIndex
        assertThat(at(K + "2.4.1.1.1.1")).isEqualTo(str("eth1"));
        assertThat(at(K + "2.4.1.1.1.3")).isNull();
        assertThat(at(K + "2.5.1.2.4.1")).isEqualTo(str("chk_a"));
        assertThat(at(K + "2.5.1.3.4.1")).isEqualTo(new Integer32(7));
        assertThat(at(K + "2.12.1.4.4.1")).isEqualTo(new Integer32(1)); // reverse
        assertThat(at(K + "2.14.1.1.1.1")).isEqualTo(str("eth3"));
        assertThat(at(K + "2.2.1.2.1.2")).isEqualTo(str("VI_2"));
        assertThat(at(K + "2.1.1.3.1")).isEqualTo(new Integer32(1)); // G1 backup(1)
        // trackers' state
        assertThat(at(K + "2.9.1.6.1")).isEqualTo(new Integer32(3)); // chk_a good
        assertThat(at(K + "2.9.1.6.2")).isEqualTo(new Integer32(5)); // chk_b init_fail, not reported
        assertThat(at(K + "2.13.1.4.1")).isEqualTo(new Integer32(12));
        assertThat(at(K + "2.21.1.5.1")).as("partial, keepalived's number").isEqualTo(new Integer32(3));
        assertThat(at(K + "2.21.1.9.1")).as("no quorum_max").isEqualTo(new Integer32(-1));
        assertThat(at(K + "2.21.1.12.1")).as("parameters given").isEqualTo(new Integer32(1));
        assertThat(at(K + "2.9.1.3.1")).isEqualTo(str("'/bin/true'"));
    }

    @Test
    void routesAndRules() {
        assertThat(at(K + "2.7.1.3.1.1")).isEqualTo(bytes("198.51.100.0"));
        assertThat(at(K + "2.7.1.5.1.1")).isEqualTo(bytes("192.0.2.1"));
        assertThat(at(K + "2.7.1.8.1.1")).isEqualTo(new UnsignedInteger32(10));
        assertThat(at(K + "2.7.1.10.1.2")).isEqualTo(new Integer32(3)); // blackhole
        assertThat(at(K + "2.7.1.8.1.2")).as("no metric").isEqualTo(new UnsignedInteger32(0));
        assertThat(at(K + "2.7.1.18.1.1")).as("RTPROT_KEEPALIVED + 1").isEqualTo(new Integer32(19));
        assertThat(at(K + "2.7.1.9.1.2")).isEqualTo(new Integer32(14)); // global
        assertThat(at(K + "2.8.1.2.1.1")).isEqualTo(str("from"));
        assertThat(at(K + "2.8.1.2.1.2")).isEqualTo(str("to"));
        assertThat(at(K + "2.8.1.4.1.2")).isEqualTo(bytes("198.51.100.7"));
        assertThat(at(K + "2.8.1.13.1.1")).isEqualTo(bytes("192.0.2.10"));
        assertThat(at(K + "2.8.1.24.1.2")).isEqualTo(new UnsignedInteger32(101));
        assertThat(at(K + "2.8.1.25.1.2")).isEqualTo(new UnsignedInteger32(50));
    }

    @Test
    void checkerTablesWithIpvsCounters() {
        assertThat(at(K + "3.3.1.2.1")).isEqualTo(new Integer32(2)); // ip
        assertThat(at(K + "3.3.1.2.2")).isEqualTo(new Integer32(1)); // fwmark
        assertThat(at(K + "3.3.1.4.2")).isEqualTo(new UnsignedInteger32(5));
        assertThat(at(K + "3.3.1.3.3")).isEqualTo(str("VSG"));
        assertThat(at(K + "3.3.1.9.1")).isEqualTo(new Integer32(1)); // rr
        assertThat(at(K + "3.3.1.9.4")).isEqualTo(new Integer32(13)); // mh
        assertThat(at(K + "3.3.1.11.1")).isEqualTo(new Integer32(1)); // alive: quorum up
        assertThat(at(K + "3.3.1.20.1")).isEqualTo(new UnsignedInteger32(2)); // sorry server not counted
        assertThat(at(K + "3.3.1.21.1")).isEqualTo(new UnsignedInteger32(1));
        // 32-bit columns: Gauge32 latches, Counter32 wraps; 64-bit columns carry the whole value
        assertThat(at(K + "3.3.1.27.1")).isEqualTo(new Gauge32(0xffff_ffffL));
        assertThat(at(K + "3.3.1.28.1")).isEqualTo(new Counter32(5_000_000_000L & 0xffff_ffffL));
        assertThat(at(K + "3.3.1.30.1")).isEqualTo(new Counter64(1L << 40));
        assertThat(at(K + "3.3.1.38.1")).isEqualTo(new Counter64(7_000_000_000L));
        assertThat(at(K + "3.3.1.43.1")).isEqualTo(new UnsignedInteger32(5)); // InPPS low
        assertThat(at(K + "3.3.1.44.1")).isEqualTo(new UnsignedInteger32(2)); // InPPS high
        assertThat(at(K + "3.3.1.13.1")).isEqualTo(new Integer32(1)); // persistent
        // group members: address, range, fwmark
        assertThat(at(K + "3.2.1.2.1.2")).isEqualTo(new Integer32(3));
        assertThat(at(K + "3.2.1.7.1.2")).isEqualTo(bytes("192.0.2.105"));
        assertThat(at(K + "3.2.1.3.1.3")).isEqualTo(new UnsignedInteger32(7));
        // real servers, then the sorry server
        assertThat(at(K + "3.4.1.4.1.3")).isEqualTo(bytes("10.0.0.2"));
        assertThat(at(K + "3.4.1.6.1.2")).isEqualTo(new Integer32(1));
        assertThat(at(K + "3.4.1.6.1.3")).isEqualTo(new Integer32(2));
        assertThat(at(K + "3.4.1.13.1.3")).isEqualTo(new UnsignedInteger32(1)); // failed checks
        assertThat(at(K + "3.4.1.15.1.2")).isEqualTo(new Gauge32(4)); // active conns
        assertThat(at(K + "3.4.1.18.1.2")).isEqualTo(new Counter32(6));
        assertThat(at(K + "3.4.1.43.1.2")).isEqualTo(new UnsignedInteger32(2)); // retry
        assertThat(at(K + "3.4.1.51.1.2")).isEqualTo(new UnsignedInteger32(3_000_000)); // connect_timeout µs
        assertThat(at(K + "3.4.1.2.1.1")).isEqualTo(new Integer32(2)); // sorry(2)
        assertThat(at(K + "3.4.1.4.1.1")).isEqualTo(bytes("192.0.2.99"));
        assertThat(at(K + "3.4.1.2.1.4")).isNull();
        assertThat(at(K + "3.6.4.0")).isEqualTo(new Integer32(7));
        assertThat(at(K + "3.7.1.0")).isEqualTo(new Integer32(900));
    }

    @Test
    void globalScalars() {
        assertThat(at(K + "1.1.0")).isEqualTo(str("jkeepalived test"));
        assertThat(at(K + "1.2.0")).isEqualTo(str("lb1"));
        assertThat(at(K + "1.3.2.0")).isEqualTo(bytes("192.0.2.25"));
        assertThat(at(K + "1.3.6.0")).isEqualTo(new UnsignedInteger32(2525));
        assertThat(at(K + "1.3.5.1.2.2")).isEqualTo(str("ops@example.com"));
        assertThat(at(K + "1.3.8.0")).isEqualTo(new Integer32(1)); // smtp_alert on
        assertThat(at(K + "1.3.9.0")).isEqualTo(new Integer32(3)); // smtp_alert_vrrp unset
        assertThat(at(K + "1.4.0")).isEqualTo(new Integer32(1)); // traps enabled
        assertThat(at(K + "1.6.0")).isEqualTo(new Integer32(1)); // lvs_flush
        assertThat(at(K + "1.8.0")).as("no net_namespace").isEqualTo(str(""));
    }

    @Test
    void mailScalarsWithoutAnSmtpServerAreKeepalivedsUnsetValues() {
        KeepalivedConfig plain = MibFixture.config("vrrp_instance A {\n interface eth0\n virtual_router_id 1\n"
                + " virtual_ipaddress {\n  192.0.2.1\n }\n}\n");
        MibTree t = Mibs.tree(ALL).apply(MibFixture.snapshot(plain, List.of()));
        assertThat(at(t, K + "1.3.1.0")).isEqualTo(new Integer32(2));
        assertThat(at(t, K + "1.3.2.0")).isEqualTo(new OctetString(new byte[4]));
        assertThat(at(t, K + "1.3.3.0")).isEqualTo(new UnsignedInteger32(0));
        assertThat(at(t, K + "1.3.4.0")).isNull();
        assertThat(at(t, K + "1.3.6.0")).isEqualTo(new UnsignedInteger32(0));
        assertThat(at(t, K + "1.4.0")).isEqualTo(new Integer32(1)); // ALL has traps
        assertThat(at(t, K + "2.3.1.17.1")).isNull();
        assertThat(at(t, K + "2.3.1.16.1")).isEqualTo(new Integer32(2));
    }

    @Test
    void rfc2787RowsAreIpv4Vrrpv2InstancesIndexedByIfIndexAndVrid() {
        // VI_1: eth0 (ifIndex 2), VRID 51, MASTER
        assertThat(at(V2 + "1.3.1.3.2.51")).isEqualTo(new Integer32(3));
        assertThat(at(V2 + "1.3.1.5.2.51")).as("the base priority").isEqualTo(new Integer32(150));
        assertThat(at(V2 + "1.3.1.6.2.51")).isEqualTo(new Integer32(3));
        assertThat(at(V2 + "1.3.1.7.2.51")).as("MASTER: no advert received").isEqualTo(new IpAddress("0.0.0.0"));
        assertThat(at(V2 + "1.3.1.9.2.51")).isEqualTo(new Integer32(2)); // simpleTextPassword
        assertThat(at(V2 + "1.3.1.13.2.51")).isEqualTo(new TimeTicks(1000)); // up 10 s after the start
        assertThat(at(V2 + "1.3.1.2.2.51")).isEqualTo(new OctetString(new byte[] {2, 0, 0, 0, 0, 0}));
        assertThat(at(V2 + "1.4.1.2.2.51.192.0.2.11")).isEqualTo(new Integer32(1));
        assertThat(at(V2 + "2.4.1.4.2.51")).isEqualTo(new Counter32(4)); // auth failures
        assertThat(at(V2 + "2.4.1.5.2.51")).isEqualTo(new Counter32(5)); // TTL errors
        // VI_U: FAULT shows as initialize(1), no up time
        assertThat(at(V2 + "1.3.1.3.5.54")).isEqualTo(new Integer32(1));
        assertThat(at(V2 + "1.3.1.13.5.54")).isEqualTo(new TimeTicks(0));
        // VI_2 is VRRPv3, VI_6 IPv6: not in VRRP-MIB
        assertThat(prefixed(tree, V2 + "1.3.1.3.")).hasSize(2);
        // router-wide errors summed over every instance (VI_1 2 + VI_2 3 checksum errors)
        assertThat(at(V2 + "2.1.0")).isEqualTo(new Counter32(5));
        assertThat(at(V2 + "2.3.0")).isEqualTo(new Counter32(1));
        assertThat(at(V2 + "1.1.0")).isEqualTo(new Integer32(2));
    }

    @Test
    void rfc6527RowsAddTheAddressType() {
        assertThat(at(V3 + "1.1.1.1.6.3.52.1")).isEqualTo(new Integer32(2)); // VI_2 backup
        assertThat(at(V3 + "1.1.1.1.3.3.52.1")).isEqualTo(bytes("10.1.0.77")); // its master
        assertThat(at(V3 + "1.1.1.1.6.4.53.2")).isEqualTo(new Integer32(2)); // VI_6, IPv6
        assertThat(at(V3 + "1.1.1.1.3.4.53.2")).isEqualTo(bytes("fe80::99"));
        assertThat(at(V3 + "1.1.1.1.4.4.53.2")).isEqualTo(bytes("fe80::2")); // eth2's link-local
        assertThat(at(V3 + "1.1.1.1.10.4.53.2")).isEqualTo(new Integer32(1)); // runtime preempt wins
        assertThat(at(V3 + "1.1.1.1.9.2.51.1")).isEqualTo(new Integer32(100)); // centiseconds
        assertThat(at(V3 + "1.1.1.1.7.2.51.1")).isEqualTo(new UnsignedInteger32(150));
        // associated address: keepalived's bare address octets after the address type
        assertThat(at(V3 + "1.1.2.1.2.4.53.2.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.83")).isEqualTo(new Integer32(1));
        assertThat(at(V3 + "1.1.2.1.2.2.51.1.192.0.2.10")).isEqualTo(new Integer32(1));
        assertThat(at(V3 + "1.2.5.1.2.2.51.1")).isEqualTo(new Integer32(2)); // preempted
        assertThat(at(V3 + "1.2.5.1.2.3.52.1")).isEqualTo(new Integer32(0)); // notMaster
        assertThat(at(V3 + "1.2.5.1.6.2.51.1")).isEqualTo(new Integer32(1)); // ipTtlError
        assertThat(at(V3 + "1.2.5.1.6.3.52.1")).isEqualTo(new Integer32(4)); // vrIdError
        assertThat(at(V3 + "1.2.5.1.3.2.51.1")).isEqualTo(new Counter64(40));
        assertThat(at(V3 + "1.2.1.0")).isEqualTo(new Counter64(5));
        assertThat(prefixed(tree, V3 + "1.1.1.1.6.")).hasSize(4);
    }

    @Test
    void jkeepalivedMibServesEachInstancesSplitBrains() {
        MibTree t = Mibs.tree(ALL).apply(RichSnapshot.of(cfg));
        assertThat(at(t, JK + "1.1.0")).as("jkSplitBrainEpisodes, all instances").isEqualTo(new Counter32(2));
        // VI_1 (index 1): two episodes, the last a lower master 10.1.0.9 at 90 against our 145, 50 s before the snapshot
        assertThat(at(t, JK + "1.2.1.2.1")).isEqualTo(str("VI_1"));
        assertThat(at(t, JK + "1.2.1.3.1")).isEqualTo(new Integer32(51));
        assertThat(at(t, JK + "1.2.1.4.1")).isEqualTo(new Counter32(2));
        assertThat(at(t, JK + "1.2.1.5.1")).isEqualTo(new Integer32(3)); // masterSeesLowerMaster
        assertThat(at(t, JK + "1.2.1.6.1")).isEqualTo(new Integer32(1)); // ipv4
        assertThat(at(t, JK + "1.2.1.7.1")).isEqualTo(new OctetString(new byte[] {10, 1, 0, 9}));
        assertThat(at(t, JK + "1.2.1.8.1")).isEqualTo(new Integer32(90));
        assertThat(at(t, JK + "1.2.1.9.1")).isEqualTo(new Integer32(145));
        assertThat(at(t, JK + "1.2.1.10.1")).as("taken at 100 s, seen at 50 s").isEqualTo(new TimeTicks(5000));
        // VI_2 (index 2): never; every row has every column
        assertThat(at(t, JK + "1.2.1.4.2")).isEqualTo(new Counter32(0));
        assertThat(at(t, JK + "1.2.1.5.2")).isEqualTo(new Integer32(1)); // none
        assertThat(at(t, JK + "1.2.1.6.2")).isEqualTo(new Integer32(0)); // unknown
        assertThat(at(t, JK + "1.2.1.7.2")).isEqualTo(new OctetString());
        assertThat(at(t, JK + "1.2.1.10.2")).isEqualTo(new TimeTicks(0));
        assertThat(prefixed(t, JK + "1.2.1.2.")).hasSize(cfg.vrrp().instances().size());
    }

    @Test
    void statsClearIsTheCountersDiscontinuity() {
        StatusSnapshot rich = RichSnapshot.of(cfg);
        assertThat(at(V3 + "1.2.5.1.12.2.51.1")).as("never cleared").isEqualTo(new TimeTicks(0));
        assertThat(at(V3 + "1.2.4.0")).isEqualTo(new TimeTicks(0));
        List<InstanceStatus> instances = rich.instances().stream().map(i -> !i.name().equals("VI_1") ? i
                : new InstanceStatus(i.name(), i.vrid(), i.version(), i.state(), i.basePriority(),
                        i.effectivePriority(), i.masterAddress(), 0, 0, 0, 0, 0, 0, java.util.Map.of(), i.preempt(),
                        i.newMasterReason(), i.lastProtoError(), i.upSinceNanos(), i.stateSinceNanos(),
                        i.splitBrain(), 50_000_000_000L)).toList();
        MibTree t = Mibs.tree(ALL).apply(MibFixture.snapshot(cfg, instances,
                new ArrayList<>(rich.syncGroups().values()), rich.trackers(), rich.lvs(), rich.interfaces()));
        // cleared 50 s after the daemon started at 1 s: sysUpTime 49 s
        assertThat(at(t, V3 + "1.2.5.1.12.2.51.1")).isEqualTo(new TimeTicks(4900));
        assertThat(at(t, V3 + "1.2.5.1.12.3.52.1")).as("VI_2 not cleared").isEqualTo(new TimeTicks(0));
        assertThat(at(t, V3 + "1.2.4.0")).as("the router-wide sums restart with it").isEqualTo(new TimeTicks(4900));
        assertThat(at(t, V3 + "1.2.5.1.1.2.51.1")).isEqualTo(new Counter32(0));
    }

    @Test
    void servedSwitchesSelectTheParts() {
        StatusSnapshot snap = RichSnapshot.of(cfg);
        MibTree v3 = Mibs.tree(new Served(false, false, false, true, false)).apply(snap);
        assertThat(v3.size()).isPositive();
        // VRRPv3-MIB, and JKEEPALIVED-MIB with any VRRP part
        assertThat(v3.all()).allMatch(vb -> vb.getOid().startsWith(new OID(V3.substring(0, V3.length() - 1)))
                || vb.getOid().startsWith(new OID(JK.substring(0, JK.length() - 1))));
        assertThat(prefixed(v3, JK)).isNotEmpty();
        MibTree checker = Mibs.tree(new Served(false, true, false, false, false)).apply(snap);
        assertThat(prefixed(checker, K + "1.")).isNotEmpty();
        assertThat(prefixed(checker, K + "3.")).isNotEmpty();
        assertThat(prefixed(checker, K + "2.")).isEmpty();
        assertThat(prefixed(checker, "1.3.6.1.2.1.")).isEmpty();
        assertThat(prefixed(checker, JK)).as("split brain is VRRP's").isEmpty();
        assertThat(at(checker, K + "1.4.0")).as("trapEnable follows enable_traps").isEqualTo(new Integer32(2));
        MibTree vrrp = Mibs.tree(new Served(true, false, false, false, false)).apply(snap);
        assertThat(prefixed(vrrp, K + "2.")).isNotEmpty();
        assertThat(prefixed(vrrp, K + "3.")).isEmpty();
        assertThat(Mibs.tree(new Served(false, false, false, false, true)).apply(snap).size()).isZero();
    }

    @Test
    void anInterfaceTheSnapshotDoesNotKnowHasNoIfIndexedRows() {
        Map<String, InterfaceInfo> ifs = new HashMap<>(MibFixture.interfaces());
        ifs.remove("eth0");
        ifs.remove("eth1");
        StatusSnapshot snap = MibFixture.snapshot(cfg, List.of(), List.of(), List.of(), null, ifs);
        MibTree t = Mibs.tree(ALL).apply(snap);
        assertThat(at(t, K + "2.3.1.2.1")).isEqualTo(str("VI_1"));
        assertThat(at(t, K + "2.4.1.1.1.1")).as("ordinal rows need no ifIndex").isEqualTo(str("eth1"));
        assertThat(prefixed(t, V2 + "1.3.1.3.")).hasSize(1); // VI_U on eth3 only
        assertThat(prefixed(t, V3 + "1.1.1.1.6.")).hasSize(2); // VI_6 and VI_U
        assertThat(at(t, K + "2.6.1.7.1.1")).as("no ifIndex for eth0").isNull();
        assertThat(at(t, K + "2.3.1.4.1")).as("no runtime: init(0)").isEqualTo(new Integer32(0));
    }

    @Test
    void aThousandInstancesBuildOneRowEach() {
        StringBuilder text = new StringBuilder();
        List<InstanceStatus> statuses = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            int vrid = (i - 1) % 255 + 1;
            String itf = "eth" + ((i - 1) / 255);
            text.append("vrrp_instance V").append(i).append(" {\n interface ").append(itf)
                    .append("\n virtual_router_id ").append(vrid).append("\n priority 100\n virtual_ipaddress {\n  10.")
                    .append(i / 250).append('.').append(i % 250).append(".1\n }\n}\n");
            statuses.add(MibFixture.status("V" + i, vrid, 2, i % 2 == 0 ? VrrpState.MASTER : VrrpState.BACKUP, 100,
                    100));
        }
        KeepalivedConfig big = MibFixture.config(text.toString());
        assertThat(big.vrrp().instances()).hasSize(1000);
        MibTree t = Mibs.tree(ALL).apply(MibFixture.snapshot(big, statuses));
        assertThat(prefixed(t, K + "2.3.1.2.")).hasSize(1000);
        assertThat(at(t, K + "2.3.1.2.1000")).isEqualTo(str("V1000"));
        assertThat(prefixed(t, V2 + "1.3.1.3.")).hasSize(1000);
        assertThat(prefixed(t, V3 + "1.1.1.1.6.")).hasSize(1000);
        assertThat(at(t, V2 + "1.3.1.3.5.235")).isEqualTo(new Integer32(3)); // V1000: eth3, VRID 235, MASTER
    }

    @Test
    void noConfigurationServesTheVersionOnly() {
        MibTree t = Mibs.tree(ALL).apply(StatusSnapshot.empty("jkeepalived x", 0));
        assertThat(t.all()).extracting(VariableBinding::getOid).containsExactly(new OID(K + "1.1.0"));
    }

    private static List<VariableBinding> prefixed(MibTree t, String prefix) {
        return t.all().stream().filter(vb -> vb.getOid().toDottedString().startsWith(prefix)).toList();
    }
}
