package org.jkeepalived.snmp.mib;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.status.InterfaceInfo;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.SyncGroupStatus;
import org.jkeepalived.status.TrackerStatus;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.NewMasterReason;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;

/** Snapshots for the MIB tests: real configuration text, hand-made runtime state. */
final class MibFixture {
    /** The daemon started at t = 1 s (nanoTime), snapshots are taken at t = 100 s. */
    static final long STARTED = 1_000_000_000L;
    static final long TAKEN = 100_000_000_000L;

    private MibFixture() {
    }

    static String resource(String name) {
        try (InputStream in = MibFixture.class.getResourceAsStream("/snmp/mib/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource snmp/mib/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeepalivedConfig config(String text) {
        LoadResult r = ConfigFixture.load(text);
        if (r.fatal()) {
            throw new IllegalStateException("config does not load:\n" + ConfigFixture.messages(r));
        }
        return r.config();
    }

    static KeepalivedConfig rich() {
        return config(resource("rich.conf"));
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    /** eth0..eth3 with ifIndex 2..5, MAC 02:00:00:00:00:0n, 10.1.0.n and fe80::n. */
    static Map<String, InterfaceInfo> interfaces() {
        Map<String, InterfaceInfo> out = new LinkedHashMap<>();
        for (int n = 0; n < 4; n++) {
            out.put("eth" + n, new InterfaceInfo("eth" + n, n + 2, new byte[] {2, 0, 0, 0, 0, (byte) n},
                    ip("10.1.0." + n), ip("fe80::" + n)));
        }
        return out;
    }

    static InstanceStatus status(String name, int vrid, int version, VrrpState state, int base, int effective) {
        return status(name, vrid, version, state, base, effective, null, Map.of(), NewMasterReason.NOT_MASTER, null);
    }

    static InstanceStatus status(String name, int vrid, int version, VrrpState state, int base, int effective,
                                 InetAddress master, Map<DropReason, Long> drops, NewMasterReason reason,
                                 DropReason lastProtoError) {
        long up = state == VrrpState.BACKUP || state == VrrpState.MASTER ? 11_000_000_000L : InstanceStatus.NEVER;
        return new InstanceStatus(name, vrid, version, state, base, effective, master, 40, 30, 3, 2, 1, 4, drops,
                true, reason, lastProtoError, up, up);
    }

    static StatusSnapshot snapshot(KeepalivedConfig config, List<InstanceStatus> instances,
                                   List<SyncGroupStatus> groups, List<TrackerStatus> trackers, LvsStatus lvs,
                                   Map<String, InterfaceInfo> interfaces) {
        return new StatusSnapshot(1, TAKEN, STARTED, "jkeepalived test", config, instances, groups, trackers, lvs,
                interfaces);
    }

    static StatusSnapshot snapshot(KeepalivedConfig config, List<InstanceStatus> instances) {
        return snapshot(config, instances, List.of(), List.of(), null, interfaces());
    }
}
