package org.jkeepalived.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.vrrp.packet.DropReason;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * One VRRP instance as a pure state machine (sans-I/O): every input carries {@code nowNanos}, every output
 * is a list of {@link Action}s, timers are deadlines read with {@link #nextDeadlineNanos()}. No sockets,
 * threads or clocks; bad or untimely input is a named drop or ignored, never an exception. Not thread-safe:
 * one loop thread drives it.
 *
 * <h2>Transitions (all through {@link #transitionTo})</h2>
 * <pre>
 * from    to      event                                                      reference
 * INIT    BACKUP  start(); down timer = Master_Down_Interval ("state MASTER"  RFC 5798 §6.4.1; keepalived c.1
 *                 on a non-owner is only a wish)
 * INIT    MASTER  start() of the address owner (255) with state MASTER         RFC 5798 §6.4.1 (as keepalived
 *                                                                              2.2.7 does, observed)
 * INIT    FAULT   start() while the primary interface is down / tracker fault  keepalived c.9
 *                 / the instance is unusable (no interface or source address)
 * BACKUP  MASTER  master down timer expired (a sync group's MasterGate may     RFC 5798 §6.4.2;
 *                 hold it until every member wants MASTER)                     keepalived c.8
 * BACKUP  MASTER  syncMaster(): another member of the sync group became MASTER keepalived c.8
 * MASTER  BACKUP  syncBackup(): another member went BACKUP (no priority 0)     keepalived c.8
 * MASTER  BACKUP  advert with higher priority, or equal priority and a        RFC 5798 §6.4.3
 *                 higher primary (source) address
 * any     FAULT   interface down (unless dont_track_primary) or a weight-0    keepalived c.9; a MASTER
 *                 tracker failed                                               first sends priority 0
 *                 or another sync group member is in FAULT (onGroupFault)
 * FAULT   BACKUP  every fault cleared                                         keepalived c.9
 * any     STOP    shutdown(); a MASTER sends priority 0 and removes its VIPs  RFC 5798 §6.4.3 Shutdown
 *                 (STOP is terminal: every later input is ignored)
 * </pre>
 * A reload that keeps the instance ({@link #reconfigure}) is not a transition: the state carries over.
 * Two address owners: the one with the lower address yields and runs at 254 until it is MASTER again.
 * Instance checks before any of this (RFC 3768 §7.1, RFC 5798 §7.1, keepalived c.11), each a named
 * {@link DropReason} counted in {@link VrrpStats}: VRID, version, unicast/multicast, TTL 255 (multicast) or
 * the peer's TTL range and peer list (check_unicast_src), our own advert, owner_ignore_adverts, v2 auth
 * type and password, v2 advert interval. Counted but still processed, as keepalived: v3 interval and
 * address list mismatches.
 * Receive rules: BACKUP takes a priority-0 advert as "down timer = Skew_Time" (§6.4.2); accepts an advert
 * (resets the timer, learns the v3 Master_Adver_Interval) if preemption is off, its priority is at least
 * ours, or a preempt_delay window is open, and otherwise discards it so the timer can expire. MASTER
 * answers priority 0 with an advert at once (§6.4.3) and a lower priority with an advert too (keepalived,
 * unless lower_prio_no_advert).
 */
public final class VirtualRouter {
    /** A deadline that is not armed. */
    public static final long NEVER = Long.MAX_VALUE;
    private static final long NANOS_PER_CENTI = 10_000_000L;
    /** The reason of the transitions out of INIT at the daemon's startup. */
    public static final String STARTUP = "startup";
    /** The reason of a start held until the weight-0 tracked scripts reported (keepalived c.5). */
    public static final String SCRIPTS_REPORTED = "tracked scripts reported";

    private RouterSettings settings;
    private final VrrpStats stats = new VrrpStats();
    private VrrpState state = VrrpState.INIT;
    private int effectivePriority;
    private int masterAdverIntervalCentis;
    private boolean interfaceDown;
    private boolean trackerFault;
    /** Another member of our sync group is in FAULT (keepalived c.8: the whole group goes FAULT). */
    private boolean groupFault;
    /** Our master-down timer expired but the sync group was not ready (keepalived's wantstate MASTER). */
    private boolean wantsMaster;
    private MasterGate masterGate = MasterGate.ALWAYS;
    /** Why the instance cannot run at all (no interface, no source address), or null. */
    private String unusable;
    private InetAddress masterAddress;
    private long masterDownDeadline = NEVER;
    private long advertDeadline = NEVER;
    private long garpDeadline = NEVER;
    private int garpPendingRepeat;
    private long garpRefreshDeadline = NEVER;
    /** End of the preempt_delay window; 0 when no window is running (keepalived's preempt_time). */
    private long preemptUntilNanos;
    /** What a BACKUP's next takeover would be, for RFC 6527 vrrpv3StatisticsNewMasterReason. */
    private NewMasterReason takeoverCause = NewMasterReason.MASTER_NO_RESPONSE;
    private NewMasterReason newMasterReason = NewMasterReason.NOT_MASTER;
    private long upSinceNanos = InstanceStatus.NEVER;
    private long stateSinceNanos = InstanceStatus.NEVER;
    private List<Action> out = new ArrayList<>();
    private final SplitBrainDetector splitBrain = new SplitBrainDetector();
    private long statsClearedNanos = InstanceStatus.NEVER;

    /**
     * Asked when the master-down timer expires: may this router become MASTER now? A sync group answers no
     * until every member wants to (keepalived c.8: "prefer backup state to avoid thrashing").
     */
    @FunctionalInterface
    public interface MasterGate {
        MasterGate ALWAYS = router -> true;

        boolean mayBecomeMaster(VirtualRouter router);
    }

    public VirtualRouter(RouterSettings settings) {
        this.settings = settings;
        this.effectivePriority = settings.basePriority();
        this.masterAdverIntervalCentis = settings.advertIntervalCentis();
    }

    public RouterSettings settings() {
        return settings;
    }

    public VrrpState state() {
        return state;
    }

    public void gateMasterWith(MasterGate gate) {
        masterGate = gate == null ? MasterGate.ALWAYS : gate;
    }

    /** Its master-down timer expired while its sync group held it back. */
    public boolean wantsMaster() {
        return wantsMaster;
    }

    /** In FAULT, or about to be, for a reason of its own (not its sync group's). */
    public boolean ownFault() {
        return unusable != null || interfaceDown && !settings.dontTrackPrimary() || trackerFault;
    }

    public VrrpStats stats() {
        return stats;
    }

    public int effectivePriority() {
        return effectivePriority;
    }

    /** Master_Adver_Interval: our own interval, or (v3, BACKUP) the one learned from the master (§6.4.2). */
    public int masterAdverIntervalCentis() {
        return masterAdverIntervalCentis;
    }

    /** The primary address of the master we last accepted an advert from, or null. */
    public InetAddress masterAddress() {
        return masterAddress;
    }

    /** keepalived's STATS_CLEAR: the counters restart from 0 at {@code nowNanos} (not a transition, no action). */
    public void clearStats(long nowNanos) {
        stats.clear();
        statsClearedNanos = nowNanos;
    }

    /** A copy of the state and counters (call on the thread that drives this router). */
    public InstanceStatus status() {
        return new InstanceStatus(settings.name(), settings.vrid(), settings.version(), state,
                settings.basePriority(), effectivePriority, masterAddress, stats.advertsReceived(),
                stats.advertsSent(), stats.becomeMaster(), stats.releaseMaster(), stats.priorityZeroReceived(),
                stats.priorityZeroSent(), stats.snapshot(), !settings.nopreempt(), newMasterReason,
                stats.lastProtoError(), upSinceNanos, stateSinceNanos, splitBrain.status(), statsClearedNanos);
    }

    /** The earliest armed deadline, or {@link #NEVER}; call {@link #onTimer} when it is reached. */
    public long nextDeadlineNanos() {
        return Math.min(Math.min(masterDownDeadline, advertDeadline), Math.min(garpDeadline, garpRefreshDeadline));
    }

    /**
     * Skew_Time in nanoseconds. v2 (RFC 3768 §6.1): (256 - Priority) / 256 s. v3 (RFC 5798/9568 §6.1):
     * ((256 - Priority) × Master_Adver_Interval) / 256 centiseconds. Deviation: computed exactly in
     * nanoseconds, not truncated to centiseconds, like keepalived (which uses microseconds); truncation would
     * give close priorities the same skew and so simultaneous takeovers.
     */
    public long skewTimeNanos() {
        long centis = settings.version() == 2 ? 100 : masterAdverIntervalCentis;
        return (256L - effectivePriority) * centis * NANOS_PER_CENTI / 256;
    }

    /**
     * Master_Down_Interval = down_timer_adverts × Master_Adver_Interval + Skew_Time (RFC §6.1 with 3;
     * keepalived's down_timer_adverts makes the 3 configurable).
     */
    public long masterDownIntervalNanos() {
        return settings.downTimerAdverts() * masterAdverIntervalCentis * NANOS_PER_CENTI + skewTimeNanos();
    }

    // ---------------------------------------------------------------- inputs

    /** Leaves INIT (RFC §6.4.1). Ignored unless in INIT. */
    public List<Action> start(long nowNanos) {
        return start(nowNanos, STARTUP);
    }

    /**
     * As {@link #start(long)}, later than the daemon's startup ({@code reason}: e.g. its tracked scripts
     * have reported). keepalived then logs "Entering BACKUP STATE" without "(init)".
     */
    public List<Action> start(long nowNanos, String reason) {
        begin();
        if (state == VrrpState.INIT) {
            if (!settings.addressOwner() || !settings.wantMaster() || faulted()) {
                // keepalived 2.2.7 observed: "(VI_1) removing VIPs." before "Entering BACKUP STATE (init)" and
                // at FAULT: VIPs a killed daemon left behind must not stay up on a router that is not MASTER.
                out.add(new Action.RemoveVips(settings.virtualAddresses(), true));
            }
            if (faulted()) {
                transitionTo(VrrpState.FAULT, STARTUP.equals(reason) ? faultReason() : reason + ": " + faultReason(),
                        nowNanos);
            } else if (settings.addressOwner() && settings.wantMaster()) {
                // RFC 5798 §6.4.1: the owner becomes Master at once. Observed with keepalived 2.2.7: an owner
                // with state MASTER logs "Entering MASTER STATE" at startup without passing through BACKUP
                // (reference c.11's "advert_int + skew" is not what 2.2.7 does).
                becomeMaster("address owner at startup", nowNanos);
            } else {
                // state MASTER on a non-owner is only a wish (keepalived c.1); owners with state BACKUP
                // wait Master_Down_Interval too (observed with 2.2.7).
                enterBackup(reason, nowNanos);
            }
        }
        return end();
    }

    /** Handles every due deadline. Early or repeated calls are harmless. */
    public List<Action> onTimer(long nowNanos) {
        begin();
        if (state == VrrpState.BACKUP && masterDownDeadline <= nowNanos) {
            if (masterGate.mayBecomeMaster(this)) {
                becomeMaster("master down timer expired", nowNanos);
            } else {
                // keepalived c.8: wait for the other members; the timer value hardly matters meanwhile.
                wantsMaster = true;
                masterDownDeadline = nowNanos + masterDownIntervalNanos();
            }
        }
        if (state == VrrpState.MASTER) {
            if (advertDeadline <= nowNanos) {
                sendAdvert(effectivePriority);
                advertDeadline = nowNanos + settings.advertIntervalCentis() * NANOS_PER_CENTI;
            }
            if (garpDeadline <= nowNanos) {
                gratuitous(garpPendingRepeat);
                garpDeadline = NEVER;
            }
            if (garpRefreshDeadline <= nowNanos) {
                gratuitous(settings.garpMasterRefreshRepeat());
                garpRefreshDeadline = nowNanos + settings.garpMasterRefreshNanos();
            }
        }
        return end();
    }

    /** A decoded advert for this instance. Ignored in INIT, FAULT and STOP (nothing listens there). */
    public List<Action> onAdvert(ReceivedAdvert rx, long nowNanos) {
        begin();
        if ((state == VrrpState.BACKUP || state == VrrpState.MASTER) && rx != null && rx.advert() != null
                && rx.source() != null && accept(rx)) {
            VrrpAdvert a = rx.advert();
            stats.advertReceived(a.priority());
            if (state == VrrpState.BACKUP) {
                backupReceive(rx, nowNanos);
            } else {
                masterReceive(rx, nowNanos);
            }
        }
        return end();
    }

    public List<Action> onInterfaceUp(long nowNanos) {
        begin();
        interfaceDown = false;
        applyFaults("interface up", nowNanos);
        return end();
    }

    public List<Action> onInterfaceDown(long nowNanos) {
        begin();
        interfaceDown = true;
        applyFaults("interface down", nowNanos);
        return end();
    }

    /**
     * The instance cannot run ({@code reason}, e.g. keepalived's "no IPv4 address for interface"), or can
     * again ({@code null}). Before {@link #start} it makes the instance start in FAULT.
     */
    public List<Action> onUnusable(String reason, long nowNanos) {
        begin();
        unusable = reason;
        applyFaults(reason == null ? "instance usable" : reason, nowNanos);
        return end();
    }

    /**
     * A reload matched this instance (keepalived: same VRID, family, interface, unicast or multicast): it
     * keeps its state and counters and takes the new settings. A MASTER removes the VIPs no longer
     * configured, adds the new ones (and announces them) and advertises at once; a BACKUP restarts its
     * master-down timer. The effective priority restarts from the new base priority.
     */
    public List<Action> reconfigure(RouterSettings next, long nowNanos) {
        begin();
        RouterSettings previous = settings;
        settings = next;
        if (state == VrrpState.STOP) {
            return end();
        }
        if (next.basePriority() != previous.basePriority() || next.addressOwner()) {
            int base = next.basePriority();
            if (base != effectivePriority) {
                out.add(new Action.PriorityChanged(effectivePriority, base));
                effectivePriority = base;
            }
        }
        if (state == VrrpState.MASTER) {
            masterAdverIntervalCentis = next.advertIntervalCentis();
            List<VirtualAddress> gone = VirtualAddresses.minus(previous.virtualAddresses(), next.virtualAddresses());
            List<VirtualAddress> added = VirtualAddresses.minus(next.virtualAddresses(), previous.virtualAddresses());
            if (!gone.isEmpty()) {
                out.add(new Action.RemoveVips(gone));
            }
            sendAdvert(effectivePriority);
            advertDeadline = nowNanos + next.advertIntervalCentis() * NANOS_PER_CENTI;
            if (!added.isEmpty()) {
                out.add(new Action.AddVips(added));
                if (next.garpMasterRepeat() > 0) {
                    out.add(new Action.SendGratuitous(next.garpMasterRepeat(), added));
                }
            }
            garpRefreshDeadline = next.garpMasterRefreshNanos() > 0 ? nowNanos + next.garpMasterRefreshNanos() : NEVER;
        } else if (state == VrrpState.BACKUP) {
            if (next.version() != previous.version()) {
                masterAdverIntervalCentis = next.advertIntervalCentis();
            }
            masterDownDeadline = nowNanos + masterDownIntervalNanos();
            preemptUntilNanos = 0;
        } else {
            masterAdverIntervalCentis = next.advertIntervalCentis();
        }
        return end();
    }

    /** A weight-0 tracker failed ({@code true}) or recovered. */
    public List<Action> onTrackerFault(boolean fault, long nowNanos) {
        begin();
        trackerFault = fault;
        applyFaults(fault ? "tracker failed" : "tracker recovered", nowNanos);
        return end();
    }

    /** Applies a {@link PriorityCalculator} result: priority first, then the fault flag. */
    public List<Action> onTrackers(PriorityCalculator.Result result, long nowNanos) {
        List<Action> all = new ArrayList<>(onPriorityChange(result.effectivePriority(), nowNanos));
        if (result.fault() != trackerFault) {
            all.addAll(onTrackerFault(result.fault(), nowNanos));
        }
        return List.copyOf(all);
    }

    /**
     * A new effective priority (c.10). The owner's is never adjusted and values outside 1..254 are
     * ignored. A running master-down timer is shifted by the change of Master_Down_Interval (keepalived).
     */
    public List<Action> onPriorityChange(int newEffectivePriority, long nowNanos) {
        begin();
        if (!settings.addressOwner() && newEffectivePriority >= 1 && newEffectivePriority <= 254
                && newEffectivePriority != effectivePriority && state != VrrpState.STOP) {
            long oldDown = masterDownIntervalNanos();
            out.add(new Action.PriorityChanged(effectivePriority, newEffectivePriority));
            effectivePriority = newEffectivePriority;
            if (state == VrrpState.BACKUP && masterDownDeadline != NEVER) {
                masterDownDeadline += masterDownIntervalNanos() - oldDown;
            }
        }
        return end();
    }

    /** Another member of the sync group entered FAULT ({@code true}) or every other member left it. */
    public List<Action> onGroupFault(boolean fault, long nowNanos) {
        begin();
        if (fault != groupFault) {
            groupFault = fault;
            applyFaults(fault ? "sync group fault" : "sync group fault cleared", nowNanos);
        }
        return end();
    }

    /** A sync group member became MASTER: a BACKUP follows at once (keepalived c.8). */
    public List<Action> syncMaster(String group, long nowNanos) {
        begin();
        if (state == VrrpState.BACKUP) {
            becomeMaster("sync group " + group + " going MASTER", nowNanos);
        }
        return end();
    }

    /**
     * A sync group member saw a higher-priority master and went BACKUP: a MASTER follows (keepalived c.8).
     * No priority 0 is sent: the member's peer router takes over the group as a whole.
     */
    public List<Action> syncBackup(String group, long nowNanos) {
        begin();
        if (state == VrrpState.MASTER) {
            leaveMaster();
            enterBackup("sync group " + group + " going BACKUP", nowNanos);
        }
        return end();
    }

    /** Stops for good (RFC §6.4.3 Shutdown): a MASTER resigns with priority 0 first. */
    public List<Action> shutdown(long nowNanos) {
        begin();
        if (state != VrrpState.STOP) {
            if (state == VrrpState.MASTER) {
                resign();
            }
            transitionTo(VrrpState.STOP, "shutdown", nowNanos);
            clearTimers();
        }
        return end();
    }

    // ---------------------------------------------------------------- receive

    /** Instance-dependent checks (the codec did the packet-only ones); false after counting a drop. */
    private boolean accept(ReceivedAdvert rx) {
        return AdvertChecks.accept(settings, rx, masterAddress, this::drop, this::mismatch);
    }

    /** RFC 5798 §6.4.2, Backup receiving an advert. */
    private void backupReceive(ReceivedAdvert rx, long nowNanos) {
        VrrpAdvert a = rx.advert();
        if (a.priority() == 0) {
            // The master resigned: take over after Skew_Time only.
            out.add(new Action.PriorityZeroReceived(rx.source()));
            splitBrain.forgetSources();
            takeoverCause = NewMasterReason.PRIORITY;
            masterDownDeadline = nowNanos + skewTimeNanos();
            masterAddress = null;
            return;
        }
        splitBrain(splitBrain.backupHeard(rx.source(), a.priority(), effectivePriority, nowNanos,
                masterAdverIntervalCentis * NANOS_PER_CENTI, masterDownIntervalNanos()));
        boolean delaying = settings.preemptDelayNanos() > 0 && (preemptUntilNanos == 0 || nowNanos < preemptUntilNanos);
        if (settings.nopreempt() || a.priority() >= effectivePriority || delaying) {
            if (settings.preemptDelayNanos() > 0) {
                // keepalived: a higher master ends the window; the first lower master opens one. Observed with
                // 2.2.7 (advert_int 1, preempt_delay 2): lower adverts 0.7, 1.7 and 2.7 s after startup were
                // accepted, so the window does not run from startup although keepalived.conf(5) says so; and
                // with no master at all preempt_delay did not delay the takeover (3.5 s at priority 128).
                if (a.priority() > effectivePriority) {
                    preemptUntilNanos = 0;
                } else if (preemptUntilNanos == 0) {
                    preemptUntilNanos = nowNanos + settings.preemptDelayNanos();
                }
            }
            if (settings.version() == 3) {
                masterAdverIntervalCentis = Math.max(1, a.advertIntervalCentis());
            }
            masterAddress = rx.source();
            masterDownDeadline = nowNanos + masterDownIntervalNanos();
            takeoverCause = NewMasterReason.MASTER_NO_RESPONSE;
            wantsMaster = false; // a master is alive after all
        } else {
            takeoverCause = NewMasterReason.PREEMPTED;
            out.add(new Action.Discarded(rx.source(), a.priority(), "received lower priority (" + a.priority()
                    + ") advert from " + AddressText.of(rx.source()) + " - discarding"));
        }
    }

    /** RFC 5798 §6.4.3, Master receiving an advert. */
    private void masterReceive(ReceivedAdvert rx, long nowNanos) {
        VrrpAdvert a = rx.advert();
        if (a.priority() == 0) {
            // A peer resigned: advertise at once so Backups do not wait for Skew_Time.
            sendAdvert(effectivePriority);
            advertDeadline = nowNanos + settings.advertIntervalCentis() * NANOS_PER_CENTI;
            return;
        }
        splitBrain(splitBrain.masterHeard(rx.source(), a.priority(), effectivePriority, nowNanos, stateSinceNanos,
                masterDownIntervalNanos()));
        if (wins(rx)) {
            if (settings.higherPrioSendAdvert()) {
                sendAdvert(effectivePriority);
            }
            if (settings.version() == 3) {
                masterAdverIntervalCentis = Math.max(1, a.advertIntervalCentis());
            }
            masterAddress = rx.source();
            leaveMaster();
            int ours = effectivePriority;
            if (settings.addressOwner() && a.priority() == RouterSettings.OWNER_PRIORITY) {
                // Two address owners (a misconfiguration): the lower address yields and, as keepalived does,
                // drops to 254 while the rogue owner keeps advertising; becoming MASTER again restores 255.
                out.add(new Action.PriorityChanged(effectivePriority, RouterSettings.OWNER_PRIORITY - 1));
                effectivePriority = RouterSettings.OWNER_PRIORITY - 1;
            }
            enterBackup("master received advert from " + AddressText.of(rx.source()) + (a.priority() == ours
                    ? " with same priority " + ours + " but higher IP address than ours"
                    : " with higher priority " + a.priority() + ", ours " + ours), nowNanos);
            return;
        }
        // Lower priority (or equal and lower address): stay MASTER. keepalived answers with an advert
        // ("forcing new election") unless lower_prio_no_advert, and refreshes ARP caches.
        out.add(new Action.LowerPriorityAdvert(rx.source(), a.priority()));
        if (!settings.lowerPrioNoAdvert()) {
            sendAdvert(effectivePriority);
        }
        if (settings.garpLowerPrioRepeat() > 0) {
            gratuitous(settings.garpLowerPrioRepeat());
            if (settings.garpLowerPrioDelayNanos() > 0) {
                garpPendingRepeat = settings.garpLowerPrioRepeat();
                garpDeadline = nowNanos + settings.garpLowerPrioDelayNanos();
            }
        }
    }

    /** True when the sender beats us: higher priority, or equal and a higher primary address (§6.4.3). */
    private boolean wins(ReceivedAdvert rx) {
        int p = rx.advert().priority();
        return p > effectivePriority || p == effectivePriority
                && compareAddresses(rx.source(), settings.primaryAddress()) > 0;
    }

    /** Unsigned comparison of two addresses of one family, as network-order integers. */
    static int compareAddresses(InetAddress x, InetAddress y) {
        if (y == null) {
            return 1;
        }
        byte[] a = x.getAddress();
        byte[] b = y.getAddress();
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compareUnsigned(a, b);
    }

    // ---------------------------------------------------------------- state changes

    private void enterBackup(String reason, long nowNanos) {
        transitionTo(VrrpState.BACKUP, reason, nowNanos);
        clearTimers();
        masterDownDeadline = nowNanos + masterDownIntervalNanos();
    }

    /** RFC §6.4.2 "(MD timer fires)": advert, then gratuitous ARP / NA, then Adver_Timer. */
    private void becomeMaster(String reason, long nowNanos) {
        transitionTo(VrrpState.MASTER, reason, nowNanos);
        // RFC 6527 §5 vrrpv3StatisticsNewMasterReason; an owner at startup preempts whoever else is master.
        newMasterReason = settings.addressOwner() ? NewMasterReason.PREEMPTED : takeoverCause;
        takeoverCause = NewMasterReason.MASTER_NO_RESPONSE;
        stats.becameMaster();
        if (settings.addressOwner() && effectivePriority != RouterSettings.OWNER_PRIORITY) {
            out.add(new Action.PriorityChanged(effectivePriority, RouterSettings.OWNER_PRIORITY));
            effectivePriority = RouterSettings.OWNER_PRIORITY; // the rogue owner is gone
        }
        clearTimers();
        masterAddress = null;
        masterAdverIntervalCentis = settings.advertIntervalCentis();
        sendAdvert(effectivePriority);
        out.add(new Action.AddVips(settings.virtualAddresses()));
        gratuitous(settings.garpMasterRepeat());
        advertDeadline = nowNanos + settings.advertIntervalCentis() * NANOS_PER_CENTI;
        if (settings.garpMasterDelayNanos() > 0) {
            garpPendingRepeat = settings.garpMasterRepeat();
            garpDeadline = nowNanos + settings.garpMasterDelayNanos();
        }
        if (settings.garpMasterRefreshNanos() > 0) {
            garpRefreshDeadline = nowNanos + settings.garpMasterRefreshNanos();
        }
    }

    private void leaveMaster() {
        out.add(new Action.RemoveVips(settings.virtualAddresses()));
        stats.releasedMaster();
    }

    private void resign() {
        sendAdvert(0);
        leaveMaster();
    }

    private boolean faulted() {
        return ownFault() || groupFault;
    }

    private String faultReason() {
        return unusable != null ? unusable : interfaceDown && !settings.dontTrackPrimary() ? "interface down"
                : trackerFault ? "tracker failed" : "sync group fault";
    }

    private void applyFaults(String reason, long nowNanos) {
        if (state == VrrpState.INIT || state == VrrpState.STOP) {
            return; // start() looks at the flags; STOP is terminal
        }
        if (faulted() && state != VrrpState.FAULT) {
            if (state == VrrpState.MASTER && ownFault()) {
                // keepalived c.9: a MASTER going FAULT sends priority 0 (observed with 2.2.7 on a weight-0
                // track_file: the peer logged "Backup received priority 0 advertisement", twice in fact; one
                // is enough for the RFC handover) and the peer took over Skew_Time later.
                resign();
            } else if (state == VrrpState.MASTER) {
                // Taken to FAULT by its sync group: keepalived 2.2.7 (observed) sends no priority 0 then,
                // only the member with the fault of its own does.
                leaveMaster();
            }
            transitionTo(VrrpState.FAULT, faultReason(), nowNanos);
            clearTimers();
            masterAddress = null;
            // Back to Initialize's value (RFC 5798 §6.4.1); the old master's interval is stale.
            masterAdverIntervalCentis = settings.advertIntervalCentis();
            preemptUntilNanos = 0;
        } else if (!faulted() && state == VrrpState.FAULT) {
            enterBackup(reason, nowNanos);
        }
    }

    /**
     * The only place {@code state} is assigned. A call that would not change the state is a bug in this
     * class, never a consequence of input, hence the exception.
     */
    private void transitionTo(VrrpState to, String reason, long nowNanos) {
        if (to == state) {
            throw new IllegalStateException(settings.name() + ": transition to the same state " + to + " (" + reason
                    + ") at " + nowNanos);
        }
        VrrpState from = state;
        state = to;
        wantsMaster = false;
        boolean upBefore = from == VrrpState.BACKUP || from == VrrpState.MASTER;
        boolean upAfter = to == VrrpState.BACKUP || to == VrrpState.MASTER;
        upSinceNanos = !upAfter ? InstanceStatus.NEVER : upBefore ? upSinceNanos : nowNanos;
        stateSinceNanos = nowNanos;
        if (to != VrrpState.MASTER) {
            newMasterReason = NewMasterReason.NOT_MASTER;
        }
        stats.stateChanged();
        splitBrain.forgetSources();
        out.add(new Action.StateChanged(from, to, reason));
    }

    /** Reports a new split-brain episode (null: none). */
    private void splitBrain(SplitBrainStatus episode) {
        if (episode != null) {
            out.add(new Action.SplitBrain(episode.lastKind(), episode.lastPeer(), episode.lastPeerPriority(),
                    episode.lastOwnPriority(), episode.episodes()));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void sendAdvert(int priority) {
        stats.advertSent(priority);
        out.add(new Action.SendAdvert(priority));
    }

    private void gratuitous(int repeat) {
        if (repeat > 0 && !settings.virtualAddresses().isEmpty()) {
            out.add(new Action.SendGratuitous(repeat, settings.virtualAddresses()));
        }
    }

    private boolean drop(DropReason reason, String message) {
        stats.increment(reason);
        out.add(new Action.Dropped(reason, message));
        return false;
    }

    private void mismatch(DropReason reason, String message) {
        stats.increment(reason);
        out.add(new Action.Mismatch(reason, message));
    }

    private void clearTimers() {
        masterDownDeadline = NEVER;
        advertDeadline = NEVER;
        garpDeadline = NEVER;
        garpRefreshDeadline = NEVER;
    }

    private void begin() {
        out = new ArrayList<>();
    }

    private List<Action> end() {
        List<Action> result = List.copyOf(out);
        out = new ArrayList<>();
        return result;
    }
}
