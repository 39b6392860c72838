package org.jkeepalived.snmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.event.Event;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.snmp.SnmpNotification;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.VariableBinding;

class TrapMapperTest {
    private static final String K = "1.3.6.1.4.1.9586.100.5.";
    private static final Served ALL = new Served(true, true, true, true, true);

    private final KeepalivedConfig cfg = MibFixture.rich();
    private final StatusSnapshot snap = RichSnapshot.of(cfg);

    private static Event.VrrpStateChanged instance(String name, Event.NotifyState s) {
        return new Event.VrrpStateChanged(new Event.Target(Event.TargetType.INSTANCE, name, null, false, false), s,
                100, "test");
    }

    private static VariableBinding vb(String oid, org.snmp4j.smi.Variable v) {
        return new VariableBinding(new OID(oid), v);
    }

    private static List<OID> trapOids(List<SnmpNotification> ns) {
        return ns.stream().map(SnmpNotification::trapOid).toList();
    }

    @Test
    void instanceEnteringMasterSendsTheStateChangeAndBothNewMasters() {
        List<SnmpNotification> ns = TrapMapper.of(ALL).apply(instance("VI_1", Event.NotifyState.MASTER), snap);
        assertThat(trapOids(ns)).containsExactly(KeepalivedOids.TRAP_INSTANCE_STATE_CHANGE,
                KeepalivedOids.TRAP_NEW_MASTER, KeepalivedOids.TRAP_V3_NEW_MASTER);
        assertThat(ns.get(0).varbinds()).containsExactly(
                vb(K + "2.3.1.2.1", new OctetString("VI_1")),
                vb(K + "2.3.1.4.1", new Integer32(2)),
                vb(K + "2.3.1.5.1", new Integer32(2)),
                vb(K + "1.2.0", new OctetString("lb1")));
        assertThat(ns.get(1).varbinds()).containsExactly(
                vb("1.3.6.1.2.1.68.1.3.1.7.2.51", new IpAddress("10.1.0.0")));
        assertThat(ns.get(2).varbinds()).containsExactly(
                vb("1.3.6.1.2.1.207.1.1.1.1.3.2.51.1", new OctetString(MibFixture.ip("10.1.0.0").getAddress())),
                vb("1.3.6.1.2.1.207.1.2.5.1.2.2.51.1", new Integer32(2))); // preempted, from the snapshot
    }

    @Test
    void theStateComesFromTheEventAndAnOlderSnapshotGivesTheDefaultReason() {
        // VI_2 is BACKUP in the snapshot; the event says it became MASTER
        List<SnmpNotification> ns = TrapMapper.of(ALL).apply(instance("VI_2", Event.NotifyState.MASTER), snap);
        assertThat(trapOids(ns)).as("VRRPv3 instance: not in VRRP-MIB")
                .containsExactly(KeepalivedOids.TRAP_INSTANCE_STATE_CHANGE, KeepalivedOids.TRAP_V3_NEW_MASTER);
        assertThat(ns.get(0).varbinds().get(1)).isEqualTo(vb(K + "2.3.1.4.2", new Integer32(2)));
        assertThat(ns.get(1).varbinds().get(0).getOid()).isEqualTo(new OID("1.3.6.1.2.1.207.1.1.1.1.3.3.52.1"));
        assertThat(ns.get(1).varbinds().get(1)).isEqualTo(vb("1.3.6.1.2.1.207.1.2.5.1.2.3.52.1",
                new Integer32(3))); // masterNoResponse
    }

    @Test
    void otherStatesSendTheStateChangeOnly() {
        assertThat(trapOids(TrapMapper.of(ALL).apply(instance("VI_1", Event.NotifyState.FAULT), snap)))
                .containsExactly(KeepalivedOids.TRAP_INSTANCE_STATE_CHANGE);
        List<SnmpNotification> stop = TrapMapper.of(ALL).apply(instance("VI_6", Event.NotifyState.STOP), snap);
        assertThat(stop.get(0).varbinds().get(1)).isEqualTo(vb(K + "2.3.1.4.3", new Integer32(5))); // shutdown
    }

    @Test
    void partsAndTrapsDecide() {
        Event master = instance("VI_1", Event.NotifyState.MASTER);
        assertThat(TrapMapper.of(new Served(true, true, true, true, false)).apply(master, snap)).isEmpty();
        assertThat(trapOids(TrapMapper.of(new Served(false, false, false, true, true)).apply(master, snap)))
                .containsExactly(KeepalivedOids.TRAP_V3_NEW_MASTER);
        assertThat(trapOids(TrapMapper.of(new Served(true, false, false, false, true)).apply(master, snap)))
                .containsExactly(KeepalivedOids.TRAP_INSTANCE_STATE_CHANGE);
        Event rs = new Event.RealServerChanged("[192.0.2.50]:tcp:80", "[10.0.0.2]:tcp:80", true, null, false, "",
                null);
        assertThat(TrapMapper.of(new Served(true, false, true, true, true)).apply(rs, snap)).isEmpty();
    }

    @Test
    void syncGroup() {
        var e = new Event.VrrpStateChanged(new Event.Target(Event.TargetType.GROUP, "G1", null, false, false),
                Event.NotifyState.FAULT, 0, "test");
        List<SnmpNotification> ns = TrapMapper.of(ALL).apply(e, snap);
        assertThat(trapOids(ns)).containsExactly(KeepalivedOids.TRAP_SYNC_GROUP_STATE_CHANGE);
        assertThat(ns.get(0).varbinds()).containsExactly(vb(K + "2.1.1.2.1", new OctetString("G1")),
                vb(K + "2.1.1.3.1", new Integer32(3)), vb(K + "1.2.0", new OctetString("lb1")));
    }

    @Test
    void realServerStateChange() {
        Event e = new Event.RealServerChanged("[192.0.2.50]:tcp:80", "[10.0.0.2]:tcp:80", true, null, false, "", null);
        List<SnmpNotification> ns = TrapMapper.of(ALL).apply(e, snap);
        assertThat(trapOids(ns)).containsExactly(KeepalivedOids.TRAP_REAL_SERVER_STATE_CHANGE);
        assertThat(ns.get(0).varbinds()).containsExactly(
                vb(K + "3.4.1.3.1.3", new Integer32(1)),
                vb(K + "3.4.1.4.1.3", new OctetString(MibFixture.ip("10.0.0.2").getAddress())),
                vb(K + "3.4.1.5.1.3", new UnsignedInteger32(80)),
                vb(K + "3.4.1.6.1.3", new Integer32(1)),
                vb(K + "3.3.1.2.1", new Integer32(2)),
                vb(K + "3.3.1.5.1", new Integer32(1)),
                vb(K + "3.3.1.6.1", new OctetString(MibFixture.ip("192.0.2.50").getAddress())),
                vb(K + "3.3.1.7.1", new UnsignedInteger32(80)),
                vb(K + "3.3.1.8.1", new Integer32(1)),
                vb(K + "3.3.1.21.1", new UnsignedInteger32(2)), // 10.0.0.1 up in the snapshot, 10.0.0.2 by the event
                vb(K + "3.3.1.20.1", new UnsignedInteger32(2)),
                vb(K + "1.2.0", new OctetString("lb1")));
    }

    @Test
    void fwmarkAndGroupVirtualServersAreIdentifiedAsKeepalivedDoes() {
        Event fw = new Event.RealServerChanged("FWM 5", "[10.0.0.3]:tcp:0", false, null, false, "x", null);
        List<VariableBinding> v = TrapMapper.of(ALL).apply(fw, snap).get(0).varbinds();
        assertThat(v).contains(vb(K + "3.3.1.2.2", new Integer32(1)), vb(K + "3.3.1.4.2", new UnsignedInteger32(5)),
                vb(K + "3.3.1.8.2", new Integer32(4)), vb(K + "3.4.1.6.2.1", new Integer32(2)));
        Event q = new Event.QuorumChanged("[VSG]:0", true, null, false, "gained");
        List<SnmpNotification> ns = TrapMapper.of(ALL).apply(q, snap);
        assertThat(trapOids(ns)).containsExactly(KeepalivedOids.TRAP_QUORUM_STATE_CHANGE);
        assertThat(ns.get(0).varbinds()).containsExactly(
                vb(K + "3.3.1.2.3", new Integer32(3)),
                vb(K + "3.3.1.3.3", new OctetString("VSG")),
                vb(K + "3.3.1.8.3", new Integer32(1)),
                vb(K + "3.3.1.23.3", new Integer32(1)),
                vb(K + "3.3.1.22.3", new UnsignedInteger32(1)),
                vb(K + "3.3.1.21.3", new UnsignedInteger32(0)),
                vb(K + "3.3.1.20.3", new UnsignedInteger32(1)),
                vb(K + "1.2.0", new OctetString("lb1")));
    }

    @Test
    void rfcErrorNotifications() {
        Event auth = new Event.VrrpAuthFailure("VI_1", MibFixture.ip("192.0.2.9"), 2);
        assertThat(TrapMapper.of(ALL).apply(auth, snap)).containsExactly(new SnmpNotification(
                KeepalivedOids.TRAP_AUTH_FAILURE, List.of(vb("1.3.6.1.2.1.68.1.5.0", new IpAddress("192.0.2.9")),
                vb("1.3.6.1.2.1.68.1.6.0", new Integer32(2)))));
        assertThat(TrapMapper.of(new Served(true, true, false, true, true)).apply(auth, snap)).isEmpty();
        Event proto = new Event.VrrpProtocolError("VI_6", DropReason.IP_TTL);
        assertThat(TrapMapper.of(ALL).apply(proto, snap)).containsExactly(new SnmpNotification(
                KeepalivedOids.TRAP_V3_PROTO_ERROR, List.of(vb("1.3.6.1.2.1.207.1.2.5.1.6.4.53.2", new Integer32(1)))));
        assertThat(TrapMapper.of(new Served(true, true, true, false, true)).apply(proto, snap)).isEmpty();
    }

    @Test
    void anInstanceNoLongerConfiguredKeepsKeepalivedsBareColumns() {
        List<SnmpNotification> ns = TrapMapper.of(ALL).apply(instance("GONE", Event.NotifyState.DELETED), snap);
        assertThat(ns).hasSize(1);
        assertThat(ns.get(0).varbinds()).containsExactly(
                vb(K + "2.3.1.2", new OctetString("GONE")),
                vb(K + "2.3.1.4", new Integer32(6)),
                vb(K + "1.2.0", new OctetString("lb1")));
    }

    @Test
    void masterReasonFromASnapshotThatAlreadyShowsMaster() {
        var vi2 = MibFixture.status("VI_2", 52, 3, VrrpState.MASTER, 100, 100, null, java.util.Map.of(),
                org.jkeepalived.vrrp.NewMasterReason.PRIORITY, null);
        StatusSnapshot s = MibFixture.snapshot(cfg, List.of(vi2));
        List<SnmpNotification> ns = TrapMapper.of(ALL).apply(instance("VI_2", Event.NotifyState.MASTER), s);
        assertThat(ns.get(1).varbinds().get(1).getVariable()).isEqualTo(new Integer32(1)); // priority(1)
    }
}
