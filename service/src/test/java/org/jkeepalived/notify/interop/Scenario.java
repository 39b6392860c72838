package org.jkeepalived.notify.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jkeepalived.vrrp.interop.Daemon;

/**
 * One tracking scenario: a configuration, an optional fixed keepalived peer, and events applied at fixed times.
 * The same scenario run against keepalived and against jkeepalived must record the same sequences.
 *
 * @param name        short name, also the directory of each run
 * @param config      the daemon's configuration (with {@link Side}'s placeholders)
 * @param peerConfig  the keepalived peer's configuration on node b, or null for none
 * @param setup       a shell command run in the namespace before the daemon starts, or null
 * @param startMillis how long the daemon runs before the first step
 * @param steps       the events, in order
 * @param interleaved compare the fifo lines and logged states of all instances and groups as one sequence (their
 *                    order is deterministic, as in a sync group); otherwise per instance or group, because two
 *                    scripts finishing in the same millisecond may be reported in either order
 */
record Scenario(String name, String config, String peerConfig, String setup, long startMillis, List<Step> steps,
        boolean interleaved) {

    Scenario(String name, String config, String peerConfig, long startMillis, List<Step> steps) {
        this(name, config, peerConfig, null, startMillis, steps, false);
    }

    Scenario interleave() {
        return new Scenario(name, config, peerConfig, setup, startMillis, steps, true);
    }

    /** Something done to the side under test, then {@code settleMillis} of waiting. */
    record Step(String what, Action action, long settleMillis) {
    }

    @FunctionalInterface
    interface Action {
        void apply(Side side) throws Exception;
    }

    /** An event that is a shell command in the daemon's namespace (placeholders expanded). */
    static Step sh(String command, long settleMillis) {
        return new Step(command, s -> s.sh(command), settleMillis);
    }

    static Step step(String what, Action action, long settleMillis) {
        return new Step(what, action, settleMillis);
    }

    /** Runs the scenario against {@code kind} in {@code root/name/kind}; returns the recording and the side's log. */
    Run run(Daemon.Kind kind, Path root) throws Exception {
        return run(kind, root, kind.label.substring(0, 1));
    }

    /** The same with a side tag ({@link Side}) and directory {@code root/name/TAG-kind}. */
    Run run(Daemon.Kind kind, Path root, String tag) throws Exception {
        Path dir = root.resolve(name).resolve(tag + "-" + kind.label);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        // Node b always exists: a step may start the peer later (Side#startPeer).
        try (Side side = new Side(kind, dir, true, tag)) {
            if (peerConfig != null) {
                side.startPeer(peerConfig);
                Thread.sleep(1500); // the peer is MASTER before the daemon under test starts
            }
            if (setup != null) {
                side.sh(setup);
            }
            side.start(config);
            Thread.sleep(startMillis);
            for (Step s : steps) {
                s.action().apply(side);
                Thread.sleep(s.settleMillis());
            }
            side.stop();
            return new Run(kind, side.recording(interleaved), side.daemon().log(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** What one daemon recorded in a scenario. */
    record Run(Daemon.Kind kind, Map<String, List<String>> recording, String log, long millis) {
    }

    @Override
    public String toString() {
        return name;
    }
}
