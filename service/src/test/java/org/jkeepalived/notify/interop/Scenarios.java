package org.jkeepalived.notify.interop;

import static org.jkeepalived.notify.interop.Scenario.sh;
import static org.jkeepalived.notify.interop.Scenario.step;

import java.util.List;

/**
 * The tracking scenarios, shared by {@link TrackingDifferentialIT} (keepalived and jkeepalived side by side) and
 * {@link TrackingIT} (jkeepalived, with assertions of its own). VRRPv3 with 0.1 s adverts and scripts every
 * second keep each one to a few seconds. keepalived reads one keyword per line, so every keyword has its own.
 */
final class Scenarios {
    /** Long enough for a script with interval 1 (rise/fall 1) to be noticed and the instances to move. */
    static final long SETTLE_MILLIS = 2500;

    private Scenarios() {
    }

    static final String GLOBAL = """
            global_defs {
              router_id a
              script_user root
              enable_script_security
              notify_fifo @DIR@/fifo
            }
            """;

    /** Every notify keyword of an instance (or group) {@code label}, each to its own recorder tag. */
    static String notifies(String label) {
        return "  notify \"@REC@ " + label + "-notify\"\n"
                + "  notify_master \"@REC@ " + label + "-master\"\n"
                + "  notify_backup \"@REC@ " + label + "-backup\"\n"
                + "  notify_fault \"@REC@ " + label + "-fault\"\n"
                + (label.startsWith("G") ? "" : "  notify_stop \"@REC@ " + label + "-stop\"\n");
    }

    /** An instance on eth0 with the VIP 10.9.0.VRID; {@code extra} lines go inside. */
    static String instance(String name, int vrid, int priority, String extra) {
        return instance(name, vrid, priority, "0.1", extra);
    }

    static String instance(String name, int vrid, int priority, String advertInt, String extra) {
        return "vrrp_instance " + name + " {\n"
                + "  state BACKUP\n"
                + "  interface eth0\n"
                + "  virtual_router_id " + vrid + "\n"
                + "  version 3\n"
                + "  priority " + priority + "\n"
                + "  advert_int " + advertInt + "\n"
                + "  virtual_ipaddress {\n    10.9.0." + vrid + "/24\n  }\n"
                + notifies(name)
                + extra
                + "}\n";
    }

    /** {@code chk.sh NAME} every second; {@code extra} lines inside (weight, rise, fall, timeout...). */
    static String script(String name, String extra) {
        return script(name, 1, extra);
    }

    static String script(String name, int intervalSeconds, String extra) {
        return "vrrp_script " + name + " {\n"
                + "  script \"@CHK@ " + name + "\"\n"
                + "  interval " + intervalSeconds + "\n"
                + extra
                + "}\n";
    }

    /** The keepalived peer on node b: VI_1 (VRID 51) at {@code priority}, no scripts. */
    static String peer(int priority) {
        return "global_defs {\n  router_id b\n}\n"
                + "vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  version 3\n"
                + "  priority " + priority + "\n  advert_int 0.1\n  virtual_ipaddress {\n    10.9.0.51/24\n  }\n}\n";
    }

    /**
     * A weighted script (-60) fails: 150 drops to 90 under the peer's 100, which takes the VIP; then recovers. The
     * peer starts after the daemon is MASTER: started before, its adverts arrive at a random phase, and one may
     * still be in flight when the daemon becomes MASTER (a MASTER_RX_LOWER_PRI fifo line, seen once from
     * jkeepalived, a race of the scenario). Later takeovers happen 40-60 ms away from the peer's adverts.
     */
    static Scenario scriptWeightPeer() {
        return new Scenario("script-weight-peer",
                GLOBAL + script("chk", "  weight -60\n")
                        + instance("VI_1", 51, 150, "  notify_priority_changes\n  track_script {\n    chk\n  }\n"),
                null, SETTLE_MILLIS, List.of(
                        step("start the keepalived peer (100)", s -> s.startPeer(peer(100)), 1500),
                        sh("touch @DIR@/chk.fail", SETTLE_MILLIS),
                        sh("rm @DIR@/chk.fail", SETTLE_MILLIS)));
    }

    /** A script with weight 0 fails: FAULT; then recovers. */
    static Scenario scriptWeightZeroFault() {
        return new Scenario("script-weight0-fault",
                GLOBAL + script("chk", "") + instance("VI_1", 51, 150, "  track_script {\n    chk\n  }\n"),
                null, SETTLE_MILLIS, List.of(
                        sh("touch @DIR@/chk.fail", SETTLE_MILLIS),
                        sh("rm @DIR@/chk.fail", SETTLE_MILLIS)));
    }

    /**
     * Both scripts fail from the start: VI_1's (weight 0) keeps it in INIT until the first result, then FAULT;
     * VI_2's (weight -60) does not hold it back. Then both recover.
     */
    static Scenario initFailing() {
        return new Scenario("init-failing",
                GLOBAL + script("c0", "") + script("cw", "  weight -60\n")
                        + instance("VI_1", 51, 150, "  track_script {\n    c0\n  }\n")
                        + instance("VI_2", 52, 150, "  notify_priority_changes\n  track_script {\n    cw\n  }\n"),
                null, "touch @DIR@/c0.fail @DIR@/cw.fail", SETTLE_MILLIS, List.of(
                        sh("rm @DIR@/c0.fail @DIR@/cw.fail", SETTLE_MILLIS)), false);
    }

    /** rise 3, fall 2: the state follows only after 2 failures and 3 successes in a row. */
    static Scenario riseFall() {
        return new Scenario("rise-fall",
                GLOBAL + script("chk", "  rise 3\n  fall 2\n")
                        + instance("VI_1", 51, 150, "  track_script {\n    chk\n  }\n"),
                null, 4500, List.of(
                        sh("touch @DIR@/chk.fail", 3500),
                        sh("rm @DIR@/chk.fail", 4500)));
    }

    /**
     * One run hangs past its timeout (2 s): it is killed and counts as a failure (FAULT); the next run, 3 s after
     * the hung one started (interval 3: no run overlaps the hung one), succeeds.
     */
    static Scenario hungScript() {
        return new Scenario("hung-script",
                GLOBAL + script("chk", 3, "  timeout 2\n")
                        + instance("VI_1", 51, 150, "  track_script {\n    chk\n  }\n"),
                null, SETTLE_MILLIS, List.of(
                        sh("touch @DIR@/chk.hang", 7000)));
    }

    /** track_interface eth1 (weight 0): link down is FAULT, up again is back. */
    static Scenario interfaceFault() {
        return new Scenario("track-interface-fault",
                GLOBAL + instance("VI_1", 51, 150, "  track_interface {\n    eth1\n  }\n"),
                null, SETTLE_MILLIS, List.of(
                        sh("ip link set eth1 down", SETTLE_MILLIS),
                        sh("ip link set eth1 up", SETTLE_MILLIS)));
    }

    /** track_interface eth1 weight -30 with notify_priority_changes: the priority moves, the state does not. */
    static Scenario interfaceWeight() {
        return new Scenario("track-interface-weight",
                GLOBAL + instance("VI_1", 51, 150,
                        "  notify_priority_changes\n  track_interface {\n    eth1 weight -30\n  }\n"),
                null, SETTLE_MILLIS, List.of(
                        sh("ip link set eth1 down", SETTLE_MILLIS),
                        sh("ip link set eth1 up", SETTLE_MILLIS)));
    }

    /** track_file with weight 2: the value times the weight is added; weight 0 and a non-zero value is FAULT. */
    static Scenario trackFile() {
        return new Scenario("track-file",
                GLOBAL + "track_file tf {\n  file @DIR@/tf\n}\n"
                        + "track_file tz {\n  file @DIR@/tz\n  weight 0\n}\n"
                        + instance("VI_1", 51, 150,
                                "  notify_priority_changes\n  track_file {\n    tf weight 2\n    tz\n  }\n"),
                null, SETTLE_MILLIS, List.of(
                        sh("echo 5 > @DIR@/tf", SETTLE_MILLIS),
                        sh("echo -10 > @DIR@/tf", SETTLE_MILLIS),
                        sh("echo 1 > @DIR@/tz", SETTLE_MILLIS),
                        sh("echo 0 > @DIR@/tz", SETTLE_MILLIS)));
    }

    /**
     * vrrp_track_process of a uniquely named sleep (weight 0): absent is FAULT, running is fine. Not in
     * {@link #all()}: keepalived 2.2.7 cannot track processes inside a network namespace (its proc connector
     * socket is refused: "Failed to set/clear process event listen - errno 111", the instance stays FAULT), so
     * there is nothing to compare with; {@link TrackingIT} checks jkeepalived alone.
     */
    static Scenario trackProcess() {
        return new Scenario("track-process",
                GLOBAL + "vrrp_track_process tp {\n  process @PROC@\n  weight 0\n}\n"
                        + instance("VI_1", 51, 150, "  track_process {\n    tp\n  }\n"),
                null, SETTLE_MILLIS, List.of(
                        step("start @PROC@", Side::startProcess, SETTLE_MILLIS),
                        step("stop @PROC@", Side::stopProcesses, SETTLE_MILLIS)));
    }

    private static String group(String extra) {
        return "vrrp_sync_group G1 {\n  group {\n    VI_1\n    VI_2\n  }\n" + notifies("G1") + extra + "}\n";
    }

    /**
     * VI_2 of the sync groups adverts every 0.5 s: its Master_Down timer (about 1.5 s) is far longer than VI_1's.
     * keepalived moves the group to MASTER when the last member's timer fires, so VI_2 always leads and VI_1
     * follows (with equal timers the order of the two would race).
     */
    static final String VI_2_ADVERT = "0.5";

    /** A sync group: VI_2's tracked eth1 goes down, the whole group goes to FAULT, and back. */
    static Scenario syncGroupFault() {
        return new Scenario("sync-group-fault",
                GLOBAL + group("") + instance("VI_1", 51, 150, "")
                        + instance("VI_2", 52, 150, VI_2_ADVERT, "  track_interface {\n    eth1\n  }\n"),
                null, SETTLE_MILLIS, List.of(
                        sh("ip link set eth1 down", SETTLE_MILLIS),
                        sh("ip link set eth1 up", SETTLE_MILLIS))).interleave();
    }

    /** A sync group whose VI_1 hears a higher-priority master (the peer, 200): both members stay BACKUP. */
    static Scenario syncGroupPeer() {
        return new Scenario("sync-group-peer",
                GLOBAL + group("") + instance("VI_1", 51, 150, "") + instance("VI_2", 52, 150, VI_2_ADVERT, ""),
                peer(200), SETTLE_MILLIS, List.of()).interleave();
    }

    static List<Scenario> all() {
        return List.of(scriptWeightPeer(), scriptWeightZeroFault(), initFailing(), riseFall(), hungScript(), interfaceFault(),
                interfaceWeight(), trackFile(), syncGroupFault(), syncGroupPeer());
    }
}
