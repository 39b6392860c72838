package org.jkeepalived.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the net-snmp command-line tools against an agent, as an operator would, and parses what they print.
 *
 * <p>Usage: {@link #requireTools} first (skips with a visible reason when a tool is missing, fails under
 * {@code CI=true}); build the security arguments with {@link #v2c} or {@link #v3}; then {@link #walk},
 * {@link #bulkWalk}, {@link #get} or {@link #set} with an agent address in net-snmp syntax
 * ({@code udp:127.0.0.1:1161}). Each returns a {@link Result}: exit status, stdout lines, stderr, and
 * {@link Result#varbinds()} parsed from lines {@code OID = TYPE: VALUE}. Output is numeric ({@code -On}) unless
 * the caller passes {@link #SYMBOLIC}. MIBs are looked up with {@link #mibArgs()}.
 *
 * <p>{@link TrapReceiver} runs {@code snmptrapd} in the foreground on a loopback port and collects one line per
 * notification: {@code PDU-INFO|VARBINDS}, e.g.
 * {@code TRAP2, SNMP v2c, community public|.1.3.6.1.2.1.1.3.0 = Timeticks: (12) 0:00:00.12\t...}.
 *
 * <p>Processes are stopped by PID (their {@link Process} handle), never by name.
 */
public final class NetSnmp {
    /** Pass as an extra option to get names ({@code KEEPALIVED-MIB::version.0}) instead of numbers. */
    public static final String SYMBOLIC = "-OS";
    /** How long one tool may run. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private NetSnmp() {
    }

    /** Skips (outside CI) or fails (CI=true) unless every tool is on PATH. */
    public static void requireTools(String... tools) {
        for (String t : tools) {
            if (Privileged.which(t) == null) {
                String reason = "needs net-snmp's '" + t + "' (apt-get install snmp snmptrapd)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail("CI must run net-snmp tests, but this one " + reason);
                }
                Assumptions.abort(reason);
            }
        }
    }

    /**
     * The IETF MIB directory: env {@code JKEEPALIVED_IETF_MIBS}, default
     * {@code $HOME/.cache/jkeepalived-mibs/ietf} (filled by .ci/run).
     */
    public static Path ietfMibDir() {
        String env = System.getenv("JKEEPALIVED_IETF_MIBS");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache/jkeepalived-mibs/ietf");
    }

    /**
     * {@code -M IETF:/usr/share/snmp/mibs:REPO/mibs -m KEEPALIVED-MIB:VRRP-MIB:VRRPV3-MIB:JKEEPALIVED-MIB}
     * (VRRPV3-MIB is the module in VRRPv3-MIB.txt; JKEEPALIVED-MIB is the repository's own).
     */
    public static List<String> mibArgs() {
        return List.of("-M", ietfMibDir() + ":/usr/share/snmp/mibs:" + Launcher.repositoryRoot().resolve("mibs"),
                "-m", "KEEPALIVED-MIB:VRRP-MIB:VRRPV3-MIB:JKEEPALIVED-MIB");
    }

    /** {@code -v2c -c COMMUNITY}. */
    public static List<String> v2c(String community) {
        return List.of("-v2c", "-c", community);
    }

    /**
     * SNMPv3 arguments: {@code -v3 -l LEVEL -u USER -a AUTH -A PASS [-x PRIV -X PASS]}; {@code priv} null for
     * authNoPriv. Protocol names as net-snmp spells them: MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512; DES,
     * AES, AES-192, AES-256.
     */
    public static List<String> v3(String user, String auth, String authPass, String priv, String privPass) {
        List<String> a = new ArrayList<>(List.of("-v3", "-l", priv == null ? "authNoPriv" : "authPriv",
                "-u", user, "-a", auth, "-A", authPass));
        if (priv != null) {
            a.addAll(List.of("-x", priv, "-X", privPass));
        }
        return a;
    }

    /** {@code snmpwalk SECURITY [extra...] AGENT OID}. */
    public static Result walk(List<String> security, String agent, String oid, String... extra) {
        return tool("snmpwalk", security, agent, List.of(oid), extra);
    }

    /** {@code snmpbulkwalk SECURITY [extra...] AGENT OID}. */
    public static Result bulkWalk(List<String> security, String agent, String oid, String... extra) {
        return tool("snmpbulkwalk", security, agent, List.of(oid), extra);
    }

    /** {@code snmpget SECURITY [extra...] AGENT OID...}. */
    public static Result get(List<String> security, String agent, List<String> oids, String... extra) {
        return tool("snmpget", security, agent, oids, extra);
    }

    /** {@code snmpset SECURITY AGENT OID TYPE VALUE} ({@code type}: i, u, s, x, o, ...). */
    public static Result set(List<String> security, String agent, String oid, String type, String value,
                             String... extra) {
        return tool("snmpset", security, agent, List.of(oid, type, value), extra);
    }

    private static Result tool(String tool, List<String> security, String agent, List<String> tail, String... extra) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(mibArgs());
        cmd.addAll(List.of("-t", "2", "-r", "1"));
        boolean symbolic = List.of(extra).contains(SYMBOLIC);
        if (!symbolic) {
            cmd.add("-On");
        }
        cmd.addAll(List.of(extra));
        cmd.addAll(security);
        cmd.add(agent);
        cmd.addAll(tail);
        return run(cmd, TIMEOUT);
    }

    /** Runs {@code command}; a tool that overruns {@code timeout} is killed (by its handle) and reported. */
    public static Result run(List<String> command, Duration timeout) {
        try {
            Path err = Files.createTempFile("netsnmp", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                List<String> out = new ArrayList<>();
                Thread reader = new Thread(() -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                            StandardCharsets.UTF_8))) {
                        for (String l; (l = r.readLine()) != null;) {
                            synchronized (out) {
                                out.add(l);
                            }
                        }
                    } catch (IOException e) {
                        // the process went away
                    }
                });
                reader.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout);
                }
                reader.join(5000);
                synchronized (out) {
                    return new Result(command, p.exitValue(), List.copyOf(out), Files.readString(err));
                }
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    /**
     * One tool run.
     *
     * @param command what ran
     * @param exit    its exit status
     * @param out     its stdout lines
     * @param err     its stderr (net-snmp prints errors such as {@code Reason: noAccess} there)
     */
    public record Result(List<String> command, int exit, List<String> out, String err) {
        /** The {@code OID = TYPE: VALUE} lines (continuation lines of multi-line strings are dropped). */
        public List<Varbind> varbinds() {
            List<Varbind> vbs = new ArrayList<>();
            for (String l : out) {
                Varbind v = Varbind.parse(l);
                if (v != null) {
                    vbs.add(v);
                }
            }
            return vbs;
        }

        /** The stdout and stderr, for assertion messages. */
        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exit + "\n" + String.join("\n", out) + "\n" + err;
        }
    }

    /**
     * One printed varbind.
     *
     * @param oid   as printed (numeric with {@code -On}: {@code .1.3.6...})
     * @param type  net-snmp's type word ({@code STRING}, {@code INTEGER}, {@code Gauge32}, {@code Timeticks},
     *              {@code OID}, ...) or empty for {@code No Such Object ...} lines
     * @param value the rest, unquoted for strings
     */
    public record Varbind(String oid, String type, String value) {
        static Varbind parse(String line) {
            int eq = line.indexOf(" = ");
            if (eq <= 0 || line.startsWith(" ")) {
                return null;
            }
            String oid = line.substring(0, eq);
            String rest = line.substring(eq + 3);
            int colon = rest.indexOf(": ");
            if (colon < 0 || rest.substring(0, colon).contains(" ")) {
                return new Varbind(oid, "", rest);
            }
            String value = rest.substring(colon + 2);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            return new Varbind(oid, rest.substring(0, colon), value);
        }

        /** The OID without the leading dot, as snmp4j prints it. */
        public String numericOid() {
            return oid.startsWith(".") ? oid.substring(1) : oid;
        }
    }

    /**
     * {@code snmptrapd -f -Lo -C -c CONF} on {@code udp:127.0.0.1:PORT}: no default configuration, every
     * community and the given USM users accepted, one output line per notification.
     */
    public static final class TrapReceiver implements AutoCloseable {
        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final List<String> all = new CopyOnWriteArrayList<>();
        private final Path dir;

        private TrapReceiver(Process process, Path dir) {
            this.process = process;
            this.dir = dir;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null;) {
                        all.add(l);
                        if (l.startsWith("NOTIFICATION ")) {
                            lines.add(l.substring("NOTIFICATION ".length()));
                        }
                    }
                } catch (IOException e) {
                    // stopped
                }
            }, "snmptrapd-output");
            t.setDaemon(true);
            t.start();
        }

        /**
         * Starts snmptrapd on loopback {@code port}.
         *
         * @param extraConf more snmptrapd.conf lines, e.g. {@code createUser -e 0x80... user SHA pass AES pass}
         *                  and {@code authUser log user}
         */
        public static TrapReceiver start(int port, String... extraConf) {
            return start(List.of(), port, extraConf);
        }

        /**
         * Starts snmptrapd on loopback {@code port} with {@code prefix} before its command line, e.g.
         * {@code ip netns exec NS} ({@link Netns#exec}) to receive inside a test's namespace.
         */
        public static TrapReceiver start(List<String> prefix, int port, String... extraConf) {
            requireTools("snmptrapd");
            try {
                Path dir = Files.createTempDirectory("snmptrapd");
                Path conf = dir.resolve("snmptrapd.conf");
                List<String> c = new ArrayList<>(List.of("disableAuthorization yes",
                        "format2 NOTIFICATION %P|%V\\t%v\\n", "doNotRetainNotificationLogs yes"));
                c.addAll(List.of(extraConf));
                Files.write(conf, c);
                List<String> cmd = new ArrayList<>(prefix);
                cmd.addAll(List.of("snmptrapd", "-f", "-Lo", "-C", "-c", conf.toString(),
                        "-On", "-p", dir.resolve("pid").toString()));
                cmd.addAll(mibArgs());
                cmd.add("udp:127.0.0.1:" + port);
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
                pb.environment().put("SNMP_PERSISTENT_DIR", dir.toString()); // not /var/lib/snmp
                Process p = pb.start();
                p.getOutputStream().close();
                TrapReceiver r = new TrapReceiver(p, dir);
                r.awaitAny(l -> l.contains("NET-SNMP version"), Duration.ofSeconds(10));
                return r;
            } catch (IOException e) {
                throw new AssertionError("cannot start snmptrapd: " + e, e);
            }
        }

        /** The notifications so far, one line each ({@code PDU-INFO|VARBINDS}, varbinds tab-separated). */
        public List<String> received() {
            return List.copyOf(lines);
        }

        /** Everything snmptrapd printed (diagnostics). */
        public List<String> output() {
            return List.copyOf(all);
        }

        /** Waits until {@code count} notifications arrived; returns them (fewer on timeout). */
        public List<String> await(int count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (lines.size() < count && System.nanoTime() < deadline && process.isAlive()) {
                sleep();
            }
            return received();
        }

        private void awaitAny(Predicate<String> p, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (all.stream().noneMatch(p) && System.nanoTime() < deadline && process.isAlive()) {
                sleep();
            }
            if (all.stream().noneMatch(p)) {
                throw new AssertionError("snmptrapd did not start: " + all);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Stops snmptrapd (by its process handle) and removes its directory. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                }
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a temp directory left behind
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
