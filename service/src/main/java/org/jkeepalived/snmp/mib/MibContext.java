package org.jkeepalived.snmp.mib;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.vrrp.AddressFamily;
import org.jkeepalived.config.model.vrrp.InitialState;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.status.InterfaceInfo;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.TrackerStatus;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;

/**
 * What every row builder of one snapshot needs: the configuration, instance indexes (keepalived's 1-based
 * ordinals in configuration order), runtime status by name, trackers by kind and name, interfaces. Built once per
 * snapshot in O(n).
 */
final class MibContext {
    final StatusSnapshot snap;
    final KeepalivedConfig config;
    final List<VrrpInstance> instances;
    private final Map<String, Integer> instanceIndex = new HashMap<>();
    private final Map<String, TrackerStatus> trackers = new HashMap<>();

    MibContext(StatusSnapshot snap) {
        this.snap = snap;
        this.config = snap.config();
        this.instances = config == null ? List.of() : config.vrrp().instances();
        for (int i = 0; i < instances.size(); i++) {
            instanceIndex.putIfAbsent(instances.get(i).name(), i + 1);
        }
        for (TrackerStatus t : snap.trackers()) {
            trackers.put(t.kind() + '\0' + t.name(), t);
        }
    }

    /** vrrpInstanceIndex of {@code name}, 0 when not configured. */
    int instanceIndex(String name) {
        Integer i = instanceIndex.get(name);
        return i == null ? 0 : i;
    }

    /** The runtime status of an instance, null when VRRP does not run it (then the configuration's values serve). */
    /**
     * A drop reason's counter summed over every instance: the RFC MIBs' router-wide error counters
     * (vrrpRouterChecksumErrors, ... / vrrpv3RouterChecksumErrors, ...).
     */
    long routerDrops(org.jkeepalived.vrrp.packet.DropReason reason) {
        long n = 0;
        for (VrrpInstance inst : instances) {
            InstanceStatus s = status(inst);
            n += s == null ? 0 : s.drops(reason);
        }
        return n;
    }

    InstanceStatus status(VrrpInstance inst) {
        return snap.instance(inst.name());
    }

    TrackerStatus tracker(String kind, String name) {
        return trackers.get(kind + '\0' + name);
    }

    InterfaceInfo iface(String name) {
        return name == null ? null : snap.interfaces().get(name);
    }

    VrrpState state(VrrpInstance inst) {
        InstanceStatus s = status(inst);
        return s == null ? VrrpState.INIT : s.state();
    }

    int basePriority(VrrpInstance inst) {
        InstanceStatus s = status(inst);
        return s == null ? inst.priority() : s.basePriority();
    }

    int effectivePriority(VrrpInstance inst) {
        InstanceStatus s = status(inst);
        return s == null ? inst.priority() : s.effectivePriority();
    }

    boolean preempt(VrrpInstance inst) {
        InstanceStatus s = status(inst);
        return s == null ? !inst.nopreempt() : s.preempt();
    }

    long centis(long nanos) {
        return nanos == InstanceStatus.NEVER ? 0 : snap.centisSinceStart(nanos);
    }

    /** TimeStamp / TimeTicks of the instance leaving INIT, 0 while it is not BACKUP or MASTER (RFC 2787). */
    long upTime(VrrpInstance inst) {
        InstanceStatus s = status(inst);
        if (s == null || (s.state() != VrrpState.BACKUP && s.state() != VrrpState.MASTER)) {
            return 0;
        }
        return centis(s.upSinceNanos());
    }

    /** KEEPALIVED-MIB VrrpState: init(0) backup(1) master(2) fault(3) unknown(4) shutdown(5) deleted(6). */
    static int keepalivedState(VrrpState s) {
        return s.keepalivedMibValue();
    }

    /** The {@code state} keyword as VrrpState: only MASTER or BACKUP (keepalived's init_state). */
    static int initialState(VrrpInstance inst) {
        return inst.state() == InitialState.MASTER ? 2 : 1;
    }

    /** RFC 2787 vrrpOperState / RFC 6527 vrrpv3OperationsStatus: FAULT and STOP show as initialize(1). */
    static int rfcState(VrrpState s) {
        return switch (s) {
            case BACKUP -> 2;
            case MASTER -> 3;
            default -> 1;
        };
    }

    /**
     * A script as keepalived 2.2.7 shows it (observed): every argument in single quotes, separated by spaces,
     * e.g. {@code '/usr/bin/echo' 'group' 'master'}; null when unset. keepalived prints the program's resolved
     * path; the configuration keeps it as written.
     */
    static String script(ScriptCommand c) {
        if (c == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (String a : c.argv()) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append('\'').append(a).append('\'');
        }
        return s.toString();
    }

    /** A script's program path, null when unset. */
    static String path(ScriptCommand c) {
        return c == null ? null : c.program();
    }

    /** Whole seconds of a microsecond setting (keepalived's seconds columns). */
    static long seconds(long micros) {
        return micros / 1_000_000L;
    }

    /**
     * The RFC MIB row of an instance: (ifIndex, VRID, address type), or null when it has none: no VIP, or an
     * interface the snapshot does not know (its row cannot be indexed).
     */
    RfcRow rfcRow(VrrpInstance inst) {
        if (inst.virtualIpaddresses().isEmpty() || inst.virtualRouterId() < 1) {
            return null;
        }
        InterfaceInfo ifi = iface(inst.interfaceName());
        if (ifi == null) {
            return null;
        }
        return new RfcRow(inst, ifi, inst.family() == AddressFamily.IPV4 ? 1 : 2);
    }

    /** VRRP-MIB (RFC 2787) lists IPv4 VRRPv2 instances only (keepalived builds with RFCv3 support, as Debian's). */
    static boolean rfc2787(RfcRow r) {
        return r != null && r.addrType() == 1 && r.inst().version() == 2;
    }

    /** One instance's row index in the RFC MIBs. */
    record RfcRow(VrrpInstance inst, InterfaceInfo iface, int addrType) {
        int[] v2Index() {
            return new int[] {iface.ifIndex(), inst.virtualRouterId()};
        }

        int[] v3Index() {
            return new int[] {iface.ifIndex(), inst.virtualRouterId(), addrType};
        }

        /** The address we advertise from: mcast_src_ip/unicast_src_ip, else the interface's primary address. */
        InetAddress ownAddress() {
            if (inst.srcIp() != null) {
                return inst.srcIp();
            }
            return primaryAddress();
        }

        InetAddress primaryAddress() {
            return addrType == 1 ? iface.primaryV4() : iface.primaryV6();
        }

        /** All zeros of the row's family, for an address not known. */
        InetAddress zero() {
            try {
                return InetAddress.getByAddress(new byte[addrType == 1 ? 4 : 16]);
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e);
            }
        }

        boolean sameFamily(InetAddress a) {
            return a != null && (addrType == 1 ? a instanceof Inet4Address : a instanceof Inet6Address);
        }
    }
}
