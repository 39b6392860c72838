package org.jkeepalived.snmp.mib;

import java.util.List;
import java.util.Map;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.ipvs.kernel.IpvsStats;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.SyncGroupStatus;
import org.jkeepalived.status.TrackerStatus;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.NewMasterReason;
import org.jkeepalived.vrrp.SplitBrainKind;
import org.jkeepalived.vrrp.SplitBrainStatus;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;

/** rich.conf running: VI_1 MASTER, VI_2 BACKUP, VI_6 BACKUP (IPv6), VI_U FAULT, LVS with counters. */
final class RichSnapshot {
    static final IpvsStats VS_STATS = new IpvsStats(7_000_000_000L, 5_000_000_000L, 12, 1L << 40, 99, 3,
            (1L << 33) + 5, 2, 1000, 2000);
    static final IpvsStats RS_STATS = new IpvsStats(5, 6, 7, 8, 9, 1, 2, 3, 4, 5);

    private RichSnapshot() {
    }

    static InstanceStatus withSplitBrain(InstanceStatus s, SplitBrainStatus sb) {
        return new InstanceStatus(s.name(), s.vrid(), s.version(), s.state(), s.basePriority(), s.effectivePriority(),
                s.masterAddress(), s.advertsReceived(), s.advertsSent(), s.becomeMaster(), s.releaseMaster(),
                s.priorityZeroReceived(), s.priorityZeroSent(), s.drops(), s.preempt(), s.newMasterReason(),
                s.lastProtoError(), s.upSinceNanos(), s.stateSinceNanos(), sb, s.statsClearedNanos());
    }

    static StatusSnapshot of(KeepalivedConfig cfg) {
        var vi1 = withSplitBrain(MibFixture.status("VI_1", 51, 2, VrrpState.MASTER, 150, 145, null,
                Map.of(DropReason.CHECKSUM, 2L, DropReason.AUTH_FAILURE, 4L, DropReason.IP_TTL, 5L),
                NewMasterReason.PREEMPTED, DropReason.IP_TTL), new SplitBrainStatus(2,
                SplitBrainKind.MASTER_SEES_LOWER_MASTER, MibFixture.ip("10.1.0.9"), 90, 145, 50_000_000_000L));
        var vi2 = MibFixture.status("VI_2", 52, 3, VrrpState.BACKUP, 100, 100, MibFixture.ip("10.1.0.77"),
                Map.of(DropReason.CHECKSUM, 3L, DropReason.VRID, 1L), NewMasterReason.NOT_MASTER, DropReason.VRID);
        var vi6 = MibFixture.status("VI_6", 53, 3, VrrpState.BACKUP, 100, 100, MibFixture.ip("fe80::99"),
                Map.of(), NewMasterReason.NOT_MASTER, null);
        var viu = MibFixture.status("VI_U", 54, 2, VrrpState.FAULT, 100, 100);
        List<TrackerStatus> trackers = List.of(new TrackerStatus("script", "chk_a", true, true, 0),
                new TrackerStatus("file", "tf1", true, true, 12), new TrackerStatus("process", "tp1", true, true, 2));
        LvsStatus lvs = new LvsStatus(true, List.of(
                new LvsStatus.VirtualServerStatus("[192.0.2.50]:tcp:80", true, 2, List.of(
                        new LvsStatus.RealServerStatus("[10.0.0.1]:tcp:80", true, 2, false, 0, 4, 5, 6, RS_STATS),
                        new LvsStatus.RealServerStatus("[10.0.0.2]:tcp:80", false, 1, false, 1, 0, 0, 0, null),
                        new LvsStatus.RealServerStatus("[192.0.2.99]:tcp:80", false, 1, true, 0, 0, 0, 0, null)),
                        VS_STATS),
                new LvsStatus.VirtualServerStatus("FWM 5", false, 0, List.of(
                        new LvsStatus.RealServerStatus("[10.0.0.3]:tcp:0", false, 1)))));
        return MibFixture.snapshot(cfg, List.of(vi1, vi2, vi6, viu), List.of(new SyncGroupStatus("G1",
                VrrpState.BACKUP)), trackers, lvs, MibFixture.interfaces());
    }
}
