package org.jkeepalived.snmp.mib;

import java.util.List;
import java.util.Objects;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.snmp.MibWrites;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.status.StatusSource;
import org.snmp4j.PDU;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * keepalived's writable objects: vrrpInstanceBasePriority (1..255), vrrpInstancePreempt (preempt(1) /
 * noPreempt(2)) and realServerWeight (0..65535). A row index is mapped back to names through the current
 * snapshot (instance name; virtual and real server as {@link VirtualServers#name} prints them) and the change goes
 * to {@link ManagementCommands}. Everything else is notWritable (RFC 3416 §4.2.5: nothing else can be modified or
 * created); a writable column with no such row is noCreation (rows are never created by SET).
 */
public final class SnmpWrites implements MibWrites {
    private static final OID BASE_PRIORITY = new OID(KeepalivedOids.sub(KeepalivedOids.INSTANCE_ENTRY,
            KeepalivedOids.INSTANCE_BASE_PRIORITY));
    private static final OID PREEMPT = new OID(KeepalivedOids.sub(KeepalivedOids.INSTANCE_ENTRY,
            KeepalivedOids.INSTANCE_PREEMPT));
    private static final OID RS_WEIGHT = new OID(KeepalivedOids.sub(KeepalivedOids.REAL_SERVER_ENTRY,
            KeepalivedOids.REAL_SERVER_WEIGHT));

    private final StatusSource status;
    private final ManagementCommands commands;
    private final Served served;

    /** Writes to every part (the agent only routes SETs for the subtrees it serves). */
    public SnmpWrites(StatusSource status, ManagementCommands commands) {
        this(status, commands, new Served(true, true, true, true, false));
    }

    /** Writes only to the served KEEPALIVED-MIB parts; SETs elsewhere are notWritable. */
    public SnmpWrites(StatusSource status, ManagementCommands commands, Served served) {
        this.status = Objects.requireNonNull(status, "status");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.served = Objects.requireNonNull(served, "served");
    }

    /** A resolved write: which object, what names, what value. */
    private record Target(Kind kind, String instance, String virtualServer, String realServer, int value) {
    }

    private enum Kind { BASE_PRIORITY, PREEMPT, WEIGHT }

    /** An error status or a target. */
    private record Resolved(int error, Target target) {
        static Resolved error(int e) {
            return new Resolved(e, null);
        }
    }

    @Override
    public int check(OID oid, Variable value) {
        return resolve(oid, value).error();
    }

    @Override
    public int commit(OID oid, Variable value) {
        Resolved r = resolve(oid, value);
        if (r.error() != PDU.noError) {
            // the row went away (a reload) between check and commit
            return PDU.commitFailed;
        }
        Target t = r.target();
        ManagementCommands.Outcome o;
        try {
            o = switch (t.kind()) {
                case BASE_PRIORITY -> commands.setBasePriority(t.instance(), t.value());
                case PREEMPT -> commands.setPreempt(t.instance(), t.value() == 1);
                case WEIGHT -> commands.setRealServerWeight(t.virtualServer(), t.realServer(), t.value());
            };
        } catch (RuntimeException e) {
            return PDU.commitFailed;
        }
        return switch (o == null ? ManagementCommands.Outcome.UNAVAILABLE : o) {
            case DONE -> PDU.noError;
            case NO_SUCH_OBJECT -> PDU.inconsistentName; // gone in the engine since the snapshot
            case BAD_VALUE -> PDU.wrongValue;
            case UNAVAILABLE -> PDU.commitFailed;
        };
    }

    private Resolved resolve(OID oid, Variable value) {
        Kind kind = null;
        int[] idx = null;
        if (served.keepalivedVrrp() && oid.startsWith(BASE_PRIORITY)) {
            kind = Kind.BASE_PRIORITY;
            idx = tail(oid, BASE_PRIORITY);
        } else if (served.keepalivedVrrp() && oid.startsWith(PREEMPT)) {
            kind = Kind.PREEMPT;
            idx = tail(oid, PREEMPT);
        } else if (served.keepalivedChecker() && oid.startsWith(RS_WEIGHT)) {
            kind = Kind.WEIGHT;
            idx = tail(oid, RS_WEIGHT);
        }
        if (kind == null) {
            return Resolved.error(PDU.notWritable);
        }
        if (!(value instanceof Integer32 iv)) {
            return Resolved.error(PDU.wrongType);
        }
        int v = iv.getValue();
        KeepalivedConfig config = status.current().config();
        if (kind == Kind.WEIGHT) {
            if (idx.length != 2 || config == null) {
                return Resolved.error(PDU.noCreation);
            }
            List<VirtualServer> vss = config.lvs().virtualServers();
            if (idx[0] < 1 || idx[0] > vss.size()) {
                return Resolved.error(PDU.noCreation);
            }
            VirtualServer vs = vss.get(idx[0] - 1);
            RealServer rs = RealServerRows.at(vs, idx[1]);
            if (RealServerRows.isSorry(vs, idx[1])) {
                // keepalived's weight SET walks the real server list, which holds no sorry server
                return Resolved.error(PDU.notWritable);
            } else if (rs == null) {
                return Resolved.error(PDU.noCreation);
            }
            String rsName = VirtualServers.name(vs, rs);
            if (v < 0 || v > 65535) {
                return Resolved.error(PDU.wrongValue);
            }
            return new Resolved(PDU.noError, new Target(kind, null, VirtualServers.name(vs), rsName, v));
        }
        if (idx.length != 1 || config == null || idx[0] < 1 || idx[0] > config.vrrp().instances().size()) {
            return Resolved.error(PDU.noCreation);
        }
        String instance = config.vrrp().instances().get(idx[0] - 1).name();
        if (kind == Kind.BASE_PRIORITY && (v < 1 || v > 255)) {
            return Resolved.error(PDU.wrongValue); // keepalived refuses 0: a base priority is 1..255
        }
        if (kind == Kind.PREEMPT && v != 1 && v != 2) {
            return Resolved.error(PDU.wrongValue);
        }
        return new Resolved(PDU.noError, new Target(kind, instance, null, null, v));
    }

    private static int[] tail(OID oid, OID prefix) {
        int[] out = new int[oid.size() - prefix.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = oid.get(prefix.size() + i);
        }
        return out;
    }
}
