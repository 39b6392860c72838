package org.jkeepalived.notify.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * @param startMillis how long the daemon runs before the first step
 * @param steps       the events, in order
 */
record Scenario(String name, String config, String peerConfig, long startMillis, List<Step> steps) {

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
        Path dir = root.resolve(name).resolve(kind.label);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        try (Side side = new Side(kind, dir, peerConfig != null)) {
            if (peerConfig != null) {
                side.startPeer(peerConfig);
                Thread.sleep(1500); // the peer is MASTER before the daemon under test starts
            }
            side.start(config);
            Thread.sleep(startMillis);
            List<String> done = new ArrayList<>();
            for (Step s : steps) {
                s.action().apply(side);
                done.add(s.what());
                Thread.sleep(s.settleMillis());
            }
            side.stop();
            return new Run(kind, side.recording(), side.daemon().log(), (System.nanoTime() - t0) / 1_000_000);
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
