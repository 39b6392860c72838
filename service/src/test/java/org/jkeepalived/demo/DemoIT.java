package org.jkeepalived.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bin/jkeepalived-demo} as a user would (tier 4: root, real namespaces, real JVMs) and checks what it
 * promises: in {@code --ci} mode the backup takes over and the run says so and exits 0; and whether it ends
 * normally, by SIGTERM or by SIGINT half-way, or refuses because of a leftover, nothing of it remains: no
 * {@code jkdemo-} namespace, no process it started (every descendant seen while it ran is checked by its
 * {@link ProcessHandle}, so a reused pid cannot pass for a survivor), no temp dir.
 */
class DemoIT {
    private static final Pattern TAKEOVER = Pattern.compile("TAKEOVER: jkdemo-node2 took over in ([0-9.]+) s");
    private static final Pattern DAEMON_PID = Pattern.compile("jkdemo-node[12]: jkeepalived pid (\\d+)");
    private static final Pattern WORK_DIR = Pattern.compile("== Building the lab in (\\S+)");

    private Path demo;

    @BeforeEach
    void setUp() {
        Privileged.require("ip", "bash", "timeout");
        Launcher.launcher(); // the jar must be built
        demo = Launcher.repositoryRoot().resolve("bin/jkeepalived-demo");
        assertEquals(List.of(), demoNamespaces(),
                "jkdemo- namespaces left by something else; remove them with bin/jkeepalived-demo --cleanup");
    }

    @Test
    void ciRunShowsTheTakeoverAndLeavesNothingBehind() throws Exception {
        Run run = Run.start(List.of(demo.toString(), "--ci"));
        int exit = run.await(240);
        String out = run.output();
        assertEquals(0, exit, out);

        Matcher m = TAKEOVER.matcher(out);
        assertTrue(m.find(), "no TAKEOVER line:\n" + out);
        double seconds = Double.parseDouble(m.group(1));
        // advert_int 1, priority 100: master down 3.61 s after the last advert, i.e. 2.61-3.61 s after the kill.
        assertTrue(seconds >= 2.5 && seconds < 6, "takeover in " + seconds + " s:\n" + out);
        // The view before the kill, then the timeline after it.
        assertTrue(out.contains("jkdemo-node1   MASTER   has 192.0.2.10"), out);
        assertTrue(out.contains("jkdemo-node2   BACKUP   -"), out);
        assertTrue(out.contains("traffic for 192.0.2.10 goes to jkdemo-node1 (ARP)"), out);
        assertTrue(out.contains("s  jkdemo-node2 owns the VIP"), out);
        assertTrue(out.contains("s  the client reaches the VIP at jkdemo-node2"), out);
        assertTrue(out.contains("with SIGKILL"), out);
        assertTrue(out.contains("jkdemo-node2 state now: MASTER"), out);
        assertTrue(out.contains("DEMO OK: jkdemo-node2 is MASTER and serves the VIP 192.0.2.10"), out);
        if (Privileged.which("snmpbulkwalk") != null) {
            assertTrue(out.contains("vrrpInstanceState.1 = INTEGER: master(2)")
                    || out.contains(".1.3.6.1.4.1.9586.100.5.2.3.1.4.1 = INTEGER: 2"), out);
        }
        if (Privileged.which("curl") != null) {
            assertTrue(Pattern.compile("State\\s+\"MASTER\"|\"State\":\"MASTER\"").matcher(out).find(), out);
        }
        assertNothingLeft(run, out);
    }

    @Test
    void sigtermWithBothNodesUpCleansUp() throws Exception {
        interruptAndCheck("TERM", 143, l -> l.contains("steady after"));
    }

    @Test
    void sigintWhileTheJvmsStartCleansUp() throws Exception {
        interruptAndCheck("INT", 130, l -> DAEMON_PID.matcher(l).find() && l.contains("node2"));
    }

    @Test
    void daemonsThatCannotStartFailTheRunClearlyAndLeaveNothing() throws Exception {
        // An error half-way: the lab is built, then both JVMs refuse an option the launcher passes on.
        Run run = Run.start(List.of("env", "JKEEPALIVED_GC=-XX:+NoSuchDemoOption", demo.toString(), "--ci"));
        int exit = run.await(120);
        String out = run.output();
        assertEquals(1, exit, out);
        assertTrue(out.contains("jkeepalived-demo: jkdemo-node1's jkeepalived exited early"), out);
        assertTrue(out.contains("Unrecognized VM option 'NoSuchDemoOption'"), "the log tail is shown:\n" + out);
        assertFalse(out.contains("DEMO OK"), out);
        assertNothingLeft(run, out);
    }

    @Test
    void refusesALeftoverNamespaceAndCleanupRemovesItAndItsProcesses() throws Exception {
        Netns.runProcess(List.of("ip", "netns", "add", "jkdemo-node1"), 30);
        Process sleeper = null;
        try {
            sleeper = new ProcessBuilder("ip", "netns", "exec", "jkdemo-node1", "sleep", "600").start();
            Run refused = Run.start(List.of(demo.toString(), "--ci"));
            assertEquals(1, refused.await(60), refused.output());
            assertTrue(refused.output().contains("jkdemo-node1") && refused.output().contains("--cleanup"),
                    refused.output());
            assertTrue(sleeper.isAlive(), "the refusal must not touch what it did not make");

            Run cleanup = Run.start(List.of(demo.toString(), "--cleanup"));
            assertEquals(0, cleanup.await(60), cleanup.output());
            assertTrue(cleanup.output().contains("removed namespace jkdemo-node1"), cleanup.output());
            assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS), "the process in the leftover namespace survived");
            assertEquals(List.of(), demoNamespaces());
        } finally {
            if (sleeper != null) {
                sleeper.destroyForcibly();
            }
            Netns.runProcess(List.of("ip", "netns", "del", "jkdemo-node1"), 30);
        }
    }

    /**
     * Starts the demo with {@code SIG} at its default disposition ({@code env --default-signal}: a JVM's children
     * may inherit SIGINT ignored, and bash cannot trap a signal ignored on entry), waits for {@code ready}, sends
     * the signal to the demo's pid and checks it exits with {@code expectedExit} and leaves nothing.
     */
    private void interruptAndCheck(String sig, int expectedExit, Predicate<String> ready) throws Exception {
        Run run = Run.start(List.of("env", "--default-signal=" + sig, demo.toString(), "--ci"));
        run.awaitLine(ready, 120);
        run.snapshotDescendants();
        assertFalse(demoNamespaces().isEmpty(), "the demo made no namespace before the signal:\n" + run.output());
        assertTrue(run.descendants.size() >= 2, "no daemons running before the signal: " + run.descendants);
        Netns.Result k = Netns.runProcess(List.of("kill", "-" + sig, Long.toString(run.process.pid())), 10);
        assertEquals(0, k.exitCode(), k.output());
        int exit = run.await(60);
        String out = run.output();
        assertEquals(expectedExit, exit, out);
        assertTrue(out.contains("interrupted (SIG" + sig + "), cleaning up"), out);
        assertTrue(out.contains("cleaned up: processes ended"), out);
        assertNothingLeft(run, out);
    }

    private static void assertNothingLeft(Run run, String out) {
        assertEquals(List.of(), demoNamespaces(), out);
        Matcher pids = DAEMON_PID.matcher(out);
        int daemons = 0;
        while (pids.find()) {
            daemons++;
            long pid = Long.parseLong(pids.group(1));
            ProcessHandle.of(pid).ifPresent(p -> assertFalse(
                    p.info().commandLine().orElse("").contains("jkeepalived"), "daemon " + pid + " survived"));
        }
        assertEquals(2, daemons, "the demo names its two daemons' pids:\n" + out);
        // An orphan the demo's exit handed to init may be a zombie for a moment: dead, only not yet reaped.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (var e : run.descendants.entrySet()) {
            while (running(e.getKey()) && System.nanoTime() < deadline) {
                sleep(50);
            }
            assertFalse(running(e.getKey()), "process " + e.getKey().pid() + " (" + e.getValue() + ") survived");
        }
        Matcher dir = WORK_DIR.matcher(out);
        assertTrue(dir.find(), out);
        assertFalse(Files.exists(Path.of(dir.group(1))), dir.group(1) + " was not removed");
    }

    /** Alive and not a zombie ({@code /proc/PID/stat}'s state field is not Z). */
    private static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false; // gone
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> demoNamespaces() {
        Netns.Result r = Netns.runProcess(List.of("ip", "netns", "list"), 30);
        List<String> found = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (line.startsWith("jkdemo-")) {
                found.add(line.split(" ")[0]);
            }
        }
        return found;
    }

    /** The demo process, its merged output read line by line, and every descendant seen while it ran. */
    private static final class Run {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        /** Every descendant seen, with its command line when first seen. */
        final Map<ProcessHandle, String> descendants = new LinkedHashMap<>();
        private final Thread reader;

        private Run(Process process) {
            this.process = process;
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null;) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // the demo ended
                }
            }, "demo-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Run start(List<String> command) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().remove("TERM"); // no terminal: no screen control codes whatever the caller's
            Process p = pb.start();
            p.getOutputStream().close();
            return new Run(p);
        }

        void snapshotDescendants() {
            process.descendants().forEach(
                    d -> descendants.computeIfAbsent(d, h -> h.info().commandLine().orElse("?")));
        }

        /** Waits for the exit, sampling descendants meanwhile; kills the demo (by handle) on timeout. */
        int await(long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (process.isAlive()) {
                snapshotDescendants();
                if (System.nanoTime() > deadline) {
                    process.destroy();
                    process.waitFor(30, TimeUnit.SECONDS);
                    fail("the demo did not finish in " + seconds + " s:\n" + output());
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
            reader.join(5000);
            return process.exitValue();
        }

        void awaitLine(Predicate<String> p, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (lines.stream().noneMatch(p)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroy();
                    process.waitFor(30, TimeUnit.SECONDS);
                    fail("the expected line did not come:\n" + output());
                }
                snapshotDescendants();
                sleep(50);
            }
        }

        String output() {
            return String.join("\n", lines);
        }
    }
}
