package org.jkeepalived.snmp.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.testsupport.Netns;

/**
 * Runs {@code src/test/resources/snmp/differential/harness.sh run IMPL NS CONF OUT PORT}: one implementation in a
 * namespace the harness creates and deletes, its walks written to OUT. The namespace's name carries this JVM's
 * pid; it is deleted here too, whatever happened to the harness.
 */
final class SnmpHarness {
    private static final long TIMEOUT_SECONDS = 180;

    /** {@code leftovers}: processes still running with the run directory on their command line, now killed. */
    record Result(int exitCode, String diagnostics, List<Long> leftovers) {
    }

    /** A harness run under way. */
    static final class Running {
        private final Process process;
        private final String ns;
        private final Path out;

        private Running(Process process, String ns, Path out) {
            this.process = process;
            this.ns = ns;
            this.out = out;
        }

        /** Waits for the harness (at most 3 minutes, then it is ended: its trap stops what it started). */
        Result await() throws InterruptedException {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroy(); // SIGTERM: the harness's trap stops its daemons by pid, deletes the namespace
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                    return new Result(-1, "timed out after " + TIMEOUT_SECONDS + " s\n" + diagnostics(out),
                            killLeftovers(out));
                }
                return new Result(process.exitValue(), diagnostics(out), killLeftovers(out));
            } finally {
                Netns.runProcess(List.of("ip", "netns", "del", ns), 30); // normally gone already
            }
        }
    }

    private SnmpHarness() {
    }

    /** The script, from the module directory (failsafe's basedir). */
    static Path harness() {
        return Path.of(System.getProperty("basedir", ""), "src/test/resources/snmp/differential/harness.sh")
                .toAbsolutePath();
    }

    /**
     * The harness must stop everything it started: a daemon still running with {@code out} in its arguments is a
     * harness bug. Such processes are returned, after a SIGKILL by pid.
     */
    static List<Long> killLeftovers(Path out) {
        String dir = out.toAbsolutePath().toString();
        // argument by argument: ".../keepalived" must not match the neighbouring run ".../keepalived-2"
        java.util.function.Predicate<String> inDir = a -> a.equals(dir) || a.startsWith(dir + "/");
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(ph -> ph.pid() != ProcessHandle.current().pid())
                .filter(ph -> ph.info().arguments().map(a -> java.util.Arrays.stream(a).anyMatch(inDir))
                        .orElse(false))
                .toList();
        left.forEach(ProcessHandle::destroyForcibly);
        return left.stream().map(ProcessHandle::pid).toList();
    }

    /** Starts the harness for {@code impl}; {@code launcher} is bin/jkeepalived for jkeepalived, else null. */
    static Running start(String impl, String nsPrefix, Path conf, Path out, int port, Path launcher)
            throws IOException {
        Path script = harness();
        String ns = nsPrefix + "-" + ProcessHandle.current().pid();
        Files.createDirectories(out);
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "run", impl, ns, conf.toString(),
                out.toString(), Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(out.resolve("harness.log").toFile());
        if (launcher != null) {
            pb.environment().put("JKEEPALIVED", launcher.toString());
        }
        // VRRP only (-P) on every host, IPVS or not, so that the reference walk does not depend on the kernel; the
        // check subtree is walked in the qemu guest (SnmpDifferentialIT#keepalivedInTheIpvsGuest...)
        pb.environment().put("MODE", "vrrp");
        Process p = pb.start();
        p.getOutputStream().close();
        return new Running(p, ns, out);
    }

    static Result run(String impl, String nsPrefix, Path conf, Path out, int port, Path launcher)
            throws IOException, InterruptedException {
        return start(impl, nsPrefix, conf, out, port, launcher).await();
    }

    /** The three walks of a run, KEEPALIVED-MIB, VRRP-MIB, VRRPv3-MIB, one after the other. */
    static String walks(Path out) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String s : SnmpDifferentialIT.subtrees()) {
            b.append(Files.readString(out.resolve(s + ".walk"), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static String referenceHeader(boolean ipvs) {
        return """
                # keepalived 2.2.7 (Debian) behind snmpd 5.9.3 over AgentX, differential.conf, recorded by
                # SnmpDifferentialIT with -Dsnmp.differential.record=true: snmpbulkwalk -v2c -On -Oe of
                # 1.3.6.1.4.1.9586.100.5, 1.3.6.1.2.1.68 and 1.3.6.1.2.1.207, one after the other.
                # %s
                """.formatted(ipvs ? "In the qemu guest (kernel with IPVS): VRRP and checkers."
                        : "On the host: keepalived -P (VRRP only, no check subtree).");
    }

    /**
     * A bash command line that runs the harness for {@code impl} in the qemu guest (KernelVm): VRRP and checkers,
     * the scratch directory in the guest's tmpfs (9p refuses the AgentX socket), 20 s more for the checkers' first
     * results, 120 s to settle (a JVM under TCG starts slowly). {@code launcher}: bin/jkeepalived, or null.
     */
    static String guestCommand(String impl, String ns, Path conf, Path out, int port, Path launcher) {
        return "MODE=all SCRATCH=/tmp/snmp-differential-" + impl + " SETTLE_EXTRA=20 SETTLE_SECONDS=120"
                + (launcher == null ? "" : " JKEEPALIVED=" + quote(launcher.toString())) + " bash "
                + quote(harness().toString()) + " run " + impl + " " + ns + " " + quote(conf.toString()) + " "
                + quote(out.toString()) + " " + port;
    }

    /** Runs both commands at once in the guest; the script's exit status is non-zero if either failed. */
    static String guestScriptBoth(String first, String second) {
        return first + " & a=$!\n" + second + " & b=$!\nwait $a; x=$?\nwait $b; y=$?\nexit $((x | y))\n";
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The harness's events, stderr of the walks and the tails of the daemon's and snmpd's logs. */
    static String diagnostics(Path out) {
        StringBuilder b = new StringBuilder();
        for (String f : List.of("events.txt", "keepalived.err", "vrrp.err", "vrrpv3.err", "daemon.log",
                "snmpd.log", "harness.log")) {
            Path p = out.resolve(f);
            if (!Files.exists(p)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                if (lines.isEmpty()) {
                    continue;
                }
                b.append("--- ").append(p).append(" (last 40 lines)\n");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> b.append(l).append('\n'));
            } catch (IOException e) {
                b.append("--- ").append(p).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return b.toString();
    }
}
