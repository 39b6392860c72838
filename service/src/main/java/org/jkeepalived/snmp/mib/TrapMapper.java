package org.jkeepalived.snmp.mib;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.event.Event;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.snmp.SnmpNotification;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.NewMasterReason;
import org.jkeepalived.vrrp.VrrpState;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Events to SNMP notifications, as keepalived sends them (mib-map §1.1), only with {@code enable_traps} and the
 * MIB part each notification belongs to: KEEPALIVED-MIB vrrp traps need the vrrp part, checker traps the checker
 * part, RFC 2787 / RFC 6527 notifications their MIB.
 *
 * <p>State values come from the event (the snapshot may be slightly older); row indexes and the other columns
 * from the snapshot.
 *
 * <p>DEVIATION from keepalived: KEEPALIVED-MIB varbinds carry the full row index (vrrpInstanceName.3), where
 * keepalived sends the bare column OID (vrrpInstanceName) — a bare column is not an object instance (RFC 3416
 * §4.2.6 varbinds name instances), and receivers cannot tell rows apart without it. An object whose row is not in
 * the snapshot (an instance removed by the reload that reports it DELETED) keeps keepalived's bare column OID.
 */
public final class TrapMapper {
    private TrapMapper() {
    }

    private static final Log LOG = Log.get("snmp");

    public static BiFunction<Event, StatusSnapshot, List<SnmpNotification>> of(Served served) {
        return (event, snap) -> {
            try {
                return map(served, event, snap);
            } catch (RuntimeException e) {
                // a bug, not bad input: the event goes without its notification, the daemon goes on
                LOG.error("SNMP: no notification for " + event.getClass().getSimpleName() + ": " + e);
                return List.of();
            }
        };
    }

    static List<SnmpNotification> map(Served served, Event event, StatusSnapshot snap) {
        if (!served.traps() || snap.config() == null) {
            return List.of();
        }
        MibContext c = new MibContext(snap);
        List<SnmpNotification> out = new ArrayList<>(2);
        if (event instanceof Event.VrrpStateChanged e) {
            if (e.target().type() == Event.TargetType.INSTANCE) {
                instance(served, c, e, out);
            } else if (served.keepalivedVrrp()) {
                group(c, e, out);
            }
        } else if (event instanceof Event.RealServerChanged e && served.keepalivedChecker()) {
            realServer(c, e, out);
        } else if (event instanceof Event.QuorumChanged e && served.keepalivedChecker()) {
            quorum(c, e, out);
        } else if (event instanceof Event.VrrpAuthFailure e && served.rfcV2()) {
            if (e.source() instanceof Inet4Address) {
                out.add(new SnmpNotification(KeepalivedOids.TRAP_AUTH_FAILURE, List.of(
                        new VariableBinding(KeepalivedOids.TRAP_PACKET_SRC_0, new IpAddress(e.source())),
                        new VariableBinding(KeepalivedOids.TRAP_AUTH_ERROR_TYPE_0, new Integer32(e.errorType())))));
            }
        } else if (event instanceof Event.VrrpSplitBrain e && served.jkeepalived()) {
            out.add(splitBrain(c, e));
        } else if (event instanceof Event.VrrpProtocolError e && served.rfcV3()) {
            VrrpInstance inst = instance(c, e.instance());
            MibContext.RfcRow row = inst == null ? null : c.rfcRow(inst);
            if (row != null) {
                out.add(new SnmpNotification(KeepalivedOids.TRAP_V3_PROTO_ERROR, List.of(new VariableBinding(
                        KeepalivedOids.column(KeepalivedOids.RFC6527_STATS_ENTRY,
                                KeepalivedOids.V3_STATS_PROTO_ERR_REASON, row.v3Index()),
                        new Integer32(Rfc6527Rows.protoErrReason(e.reason()))))));
            }
        }
        return out;
    }

    /** JKEEPALIVED-MIB jkSplitBrainDetected: the event's values, in the instance's jkInstanceTable row. */
    private static SnmpNotification splitBrain(MibContext c, Event.VrrpSplitBrain e) {
        int[] idx = {c.instanceIndex(e.instance())};
        int[] entry = KeepalivedOids.JK_INSTANCE_ENTRY;
        return new SnmpNotification(KeepalivedOids.TRAP_SPLIT_BRAIN, List.of(
                bind(entry, 2, idx, str(e.instance())),
                bind(entry, 3, idx, new Integer32(e.vrid())),
                bind(entry, 5, idx, new Integer32(e.kind().mibValue())),
                bind(entry, 6, idx, new Integer32(Row.addrType(e.peer()))),
                bind(entry, 7, idx, new OctetString(e.peer().getAddress())),
                bind(entry, 8, idx, new Integer32(e.peerPriority())),
                bind(entry, 9, idx, new Integer32(e.ownPriority()))));
    }

    private static void instance(Served served, MibContext c, Event.VrrpStateChanged e, List<SnmpNotification> out) {
        VrrpInstance inst = instance(c, e.target().name());
        if (served.keepalivedVrrp()) {
            int[] idx = inst == null ? new int[0] : new int[] {c.instanceIndex(inst.name())};
            List<VariableBinding> vb = new ArrayList<>(4);
            vb.add(bind(KeepalivedOids.INSTANCE_ENTRY, KeepalivedOids.INSTANCE_NAME, idx, str(e.target().name())));
            vb.add(bind(KeepalivedOids.INSTANCE_ENTRY, KeepalivedOids.INSTANCE_STATE, idx,
                    new Integer32(notifyState(e.state()))));
            if (inst != null) {
                vb.add(bind(KeepalivedOids.INSTANCE_ENTRY, KeepalivedOids.INSTANCE_INITIAL_STATE, idx,
                        new Integer32(MibContext.initialState(inst))));
            }
            vb.add(routerId(c));
            out.add(new SnmpNotification(KeepalivedOids.TRAP_INSTANCE_STATE_CHANGE, vb));
        }
        if (e.state() != Event.NotifyState.MASTER || inst == null) {
            return;
        }
        MibContext.RfcRow row = c.rfcRow(inst);
        if (row == null) {
            return;
        }
        InstanceStatus s = c.status(inst);
        // the event says MASTER: the master is us, whatever state the snapshot caught
        java.net.InetAddress self = Rfc2787Rows.masterAddress(row, VrrpState.MASTER, s);
        if (served.rfcV2() && MibContext.rfc2787(row)) {
            out.add(new SnmpNotification(KeepalivedOids.TRAP_NEW_MASTER, List.of(bind(
                    KeepalivedOids.RFC2787_OPER_ENTRY, KeepalivedOids.OPER_MASTER_IP, row.v2Index(),
                    new IpAddress(self)))));
        }
        if (served.rfcV3()) {
            out.add(new SnmpNotification(KeepalivedOids.TRAP_V3_NEW_MASTER, List.of(
                    bind(KeepalivedOids.RFC6527_OPERATIONS_ENTRY, KeepalivedOids.V3_OPERATIONS_MASTER_IP,
                            row.v3Index(), new OctetString(self.getAddress())),
                    bind(KeepalivedOids.RFC6527_STATS_ENTRY, KeepalivedOids.V3_STATS_NEW_MASTER_REASON,
                            row.v3Index(), new Integer32(newMasterReason(inst, s).ordinal())))));
        }
    }

    /**
     * Why it became MASTER: the snapshot's when it already shows MASTER; an older snapshot does not know yet, and
     * the engine's defaults apply (the address owner preempts, anyone else took over on the master-down timer).
     */
    private static NewMasterReason newMasterReason(VrrpInstance inst, InstanceStatus s) {
        if (s != null && s.state() == VrrpState.MASTER && s.newMasterReason() != NewMasterReason.NOT_MASTER) {
            return s.newMasterReason();
        }
        return inst.addressOwner() ? NewMasterReason.PREEMPTED : NewMasterReason.MASTER_NO_RESPONSE;
    }

    private static void group(MibContext c, Event.VrrpStateChanged e, List<SnmpNotification> out) {
        List<SyncGroup> groups = c.config.vrrp().syncGroups();
        int[] idx = new int[0];
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).name().equals(e.target().name())) {
                idx = new int[] {g + 1};
                break;
            }
        }
        out.add(new SnmpNotification(KeepalivedOids.TRAP_SYNC_GROUP_STATE_CHANGE, List.of(
                bind(KeepalivedOids.SYNC_GROUP_ENTRY, 2, idx, str(e.target().name())),
                bind(KeepalivedOids.SYNC_GROUP_ENTRY, 3, idx, new Integer32(notifyState(e.state()))),
                routerId(c))));
    }

    private static void realServer(MibContext c, Event.RealServerChanged e, List<SnmpNotification> out) {
        int v = virtualServerIndex(c, e.virtualServer());
        if (v == 0) {
            return; // no row to describe it (removed by a reload)
        }
        VirtualServer vs = c.config.lvs().virtualServers().get(v - 1);
        List<RealServer> rss = vs.realServers();
        int k = 0;
        java.net.InetAddress address = null;
        int port = 0;
        for (int i = 0; i < rss.size(); i++) {
            if (VirtualServers.name(vs, rss.get(i)).equals(e.realServer())) {
                k = i + RealServerRows.firstRegular(vs);
                address = rss.get(i).address();
                port = rss.get(i).port();
                break;
            }
        }
        if (k == 0 && vs.sorryServer() != null
                && VirtualServers.name(vs, vs.sorryServer().address(), vs.sorryServer().port()).equals(e.realServer())) {
            k = 1;
            address = vs.sorryServer().address();
            port = vs.sorryServer().port();
        }
        if (k == 0) {
            return;
        }
        int[] rsIdx = {v, k};
        List<VariableBinding> vb = new ArrayList<>(12);
        vb.add(bind(KeepalivedOids.REAL_SERVER_ENTRY, 3, rsIdx, new Integer32(Row.addrType(address))));
        vb.add(bind(KeepalivedOids.REAL_SERVER_ENTRY, 4, rsIdx, new OctetString(address.getAddress())));
        vb.add(bind(KeepalivedOids.REAL_SERVER_ENTRY, 5, rsIdx, new UnsignedInteger32(port)));
        vb.add(bind(KeepalivedOids.REAL_SERVER_ENTRY, 6, rsIdx, new Integer32(e.up() ? 1 : 2)));
        virtualServer(c, vs, v, vb);
        LvsStatus.VirtualServerStatus st = c.snap.virtualServer(e.virtualServer());
        vb.add(bind(KeepalivedOids.VIRTUAL_SERVER_ENTRY, 21, new int[] {v},
                new UnsignedInteger32(upWith(st, e.realServer(), e.up()))));
        vb.add(bind(KeepalivedOids.VIRTUAL_SERVER_ENTRY, 20, new int[] {v}, new UnsignedInteger32(rss.size())));
        vb.add(routerId(c));
        out.add(new SnmpNotification(KeepalivedOids.TRAP_REAL_SERVER_STATE_CHANGE, vb));
    }

    private static void quorum(MibContext c, Event.QuorumChanged e, List<SnmpNotification> out) {
        int v = virtualServerIndex(c, e.virtualServer());
        if (v == 0) {
            return;
        }
        VirtualServer vs = c.config.lvs().virtualServers().get(v - 1);
        int[] idx = {v};
        List<VariableBinding> vb = new ArrayList<>(10);
        virtualServer(c, vs, v, vb);
        vb.add(bind(KeepalivedOids.VIRTUAL_SERVER_ENTRY, 23, idx, new Integer32(e.up() ? 1 : 2)));
        vb.add(bind(KeepalivedOids.VIRTUAL_SERVER_ENTRY, 22, idx, new UnsignedInteger32(vs.quorum())));
        // the event's count: the snapshot may predate the real server change that moved the quorum
        vb.add(bind(KeepalivedOids.VIRTUAL_SERVER_ENTRY, 21, idx, new UnsignedInteger32(e.realServersUp() >= 0
                ? e.realServersUp() : RealServerRows.up(c.snap.virtualServer(e.virtualServer())))));
        vb.add(bind(KeepalivedOids.VIRTUAL_SERVER_ENTRY, 20, idx, new UnsignedInteger32(vs.realServers().size())));
        vb.add(routerId(c));
        out.add(new SnmpNotification(KeepalivedOids.TRAP_QUORUM_STATE_CHANGE, vb));
    }

    /**
     * virtualServerType, then the identity keepalived sends (NameOfGroup, or FwMark, or AddrType+Address+Port),
     * then virtualServerProtocol.
     */
    private static void virtualServer(MibContext c, VirtualServer vs, int v, List<VariableBinding> vb) {
        int[] idx = {v};
        int[] e = KeepalivedOids.VIRTUAL_SERVER_ENTRY;
        ServiceTarget t = vs.target();
        if (t instanceof ServiceTarget.Address a) {
            vb.add(bind(e, 2, idx, new Integer32(2)));
            vb.add(bind(e, 5, idx, new Integer32(Row.addrType(a.address()))));
            vb.add(bind(e, 6, idx, new OctetString(a.address().getAddress())));
            vb.add(bind(e, 7, idx, new UnsignedInteger32(a.port())));
        } else if (t instanceof ServiceTarget.Fwmark f) {
            vb.add(bind(e, 2, idx, new Integer32(1)));
            vb.add(bind(e, 4, idx, new UnsignedInteger32(f.fwmark())));
        } else {
            vb.add(bind(e, 2, idx, new Integer32(3)));
            vb.add(bind(e, 3, idx, str(((ServiceTarget.Group) t).group())));
        }
        vb.add(bind(e, 8, idx, new Integer32(CheckRows.protocol(vs))));
    }

    /** Live real servers, with the one the event is about in its new state. */
    private static long upWith(LvsStatus.VirtualServerStatus st, String realServer, boolean up) {
        long n = up ? 1 : 0;
        if (st != null) {
            for (LvsStatus.RealServerStatus rs : st.realServers()) {
                if (!rs.sorry() && rs.up() && !rs.name().equals(realServer)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int virtualServerIndex(MibContext c, String name) {
        List<VirtualServer> vss = c.config.lvs().virtualServers();
        for (int i = 0; i < vss.size(); i++) {
            if (VirtualServers.name(vss.get(i)).equals(name)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static VrrpInstance instance(MibContext c, String name) {
        int i = c.instanceIndex(name);
        return i == 0 ? null : c.instances.get(i - 1);
    }

    /** KEEPALIVED-MIB VrrpState of a notify state: DELETED is deleted(6), STOP shutdown(5). */
    static int notifyState(Event.NotifyState s) {
        return switch (s) {
            case BACKUP -> 1;
            case MASTER -> 2;
            case FAULT -> 3;
            case STOP -> 5;
            case DELETED -> 6;
        };
    }

    private static VariableBinding routerId(MibContext c) {
        return new VariableBinding(KeepalivedOids.ROUTER_ID_0, str(c.config.global().routerId()));
    }

    private static VariableBinding bind(int[] entry, int column, int[] index, Variable v) {
        return new VariableBinding(KeepalivedOids.column(entry, column, index), v);
    }

    private static OctetString str(String s) {
        return new OctetString((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
    }
}
