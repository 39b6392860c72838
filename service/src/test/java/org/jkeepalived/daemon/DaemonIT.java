package org.jkeepalived.daemon;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jkeepalived.ffi.UnixDatagramSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon as a subprocess, started through {@code bin/jkeepalived} from the packaged jar (failsafe
 * runs after {@code package}). Logs go to stderr ({@code -l}), syslog is off ({@code -G}) unless a test
 * gives its own socket; pid file, dumps ({@code $TMPDIR}) and jffi's directory are under a temporary
 * directory. Processes are ended by their pid only. No root needed.
 */
@Timeout(120)
class DaemonIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path LAUNCHER = ROOT.resolve("bin/jkeepalived");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path conf;
    private Path pid;
    private Path tmp;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void packaged() {
        assertThat(ROOT.resolve("service/target/jkeepalived.jar"))
                .as("run 'mvn verify' (or package first): the ITs start the packaged daemon").exists();
    }

    @BeforeEach
    void files() throws IOException {
        conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "# a configuration with nothing in it\n");
        pid = dir.resolve("keepalived.pid");
        tmp = Files.createDirectories(dir.resolve("tmp"));
    }

    @AfterEach
    void endOurProcesses() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    // ---- one-shot modes ----

    @Test
    void configTestExitCodes() throws Exception {
        assertThat(runToExit("-t", "-f", conf.toString()).exitCode).isZero();

        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "no_such_keyword 1\n");
        Finished r = runToExit("-t", "-f", bad.toString());
        assertThat(r.exitCode).isEqualTo(5);
        assertThat(r.stderr).contains("(" + bad + ": Line 1) Unknown keyword 'no_such_keyword'");
        assertThat(r.stdout).isEmpty();

        // keepalived: a missing file is only a note for -t
        assertThat(runToExit("-t", "-f", dir.resolve("absent.conf").toString()).exitCode).isZero();
    }

    @Test
    void unknownFlagExitsTwoWithOneLine() throws Exception {
        Finished r = runToExit("--no-such-flag");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.stderr).isEqualTo("jkeepalived: unrecognized option '--no-such-flag' (see --help)\n");
        assertThat(runToExit("-nlQ").exitCode).isEqualTo(2);
    }

    @Test
    void signumAndVersion() throws Exception {
        assertThat(runToExit("--signum=JSON").stdout).isEqualTo("36\n");
        Finished v = runToExit("-v");
        assertThat(v.exitCode).isZero();
        assertThat(v.stderr).startsWith("jkeepalived v0.");
    }

    // ---- the running daemon ----

    @Test
    void sigtermStopsCleanlyAndRemovesThePidFile() throws Exception {
        Running d = start();
        assertThat(d.log()).contains("Starting jkeepalived v", "Startup complete");
        signal(d, "TERM");
        assertThat(d.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(d.process.exitValue()).isZero();
        assertThat(pid).doesNotExist();
        assertThat(d.log()).contains("Stopping", "Stopped jkeepalived v");
    }

    @Test
    void sigintStopsToo() throws Exception {
        Running d = start();
        signal(d, "INT");
        assertThat(d.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(d.process.exitValue()).isZero();
        assertThat(pid).doesNotExist();
    }

    @Test
    void aSecondDaemonOnTheSamePidFileIsRefused() throws Exception {
        Running first = start();
        Finished second = runToExit("-l", "-G", "-p", pid.toString(), "-f", conf.toString());
        assertThat(second.exitCode).isEqualTo(1);
        assertThat(second.stderr).contains("daemon is already running (pid " + first.process.pid() + ")");
        assertThat(first.process.isAlive()).isTrue();
        assertThat(Files.readString(pid).strip()).isEqualTo(String.valueOf(first.process.pid()));
        // without -l the refusal still reaches the operator, as one line
        Finished quiet = runToExit("-G", "-p", pid.toString(), "-f", conf.toString());
        assertThat(quiet.exitCode).isEqualTo(1);
        assertThat(quiet.stderr.lines().filter(l -> l.contains("already running"))).hasSize(1);
    }

    @Test
    void noConfigurationFileAtStartExitsSixAsKeepalived() throws Exception {
        Finished r = runToExit("-G", "-p", pid.toString(), "-f", dir.resolve("absent.conf").toString());
        assertThat(r.exitCode).isEqualTo(6);
        assertThat(r.stderr).isEqualTo("jkeepalived: no configuration file to run (" + dir.resolve("absent.conf")
                + ") - stopping\n");
        assertThat(pid).doesNotExist();
    }

    @Test
    void sighupWithAnUnreadableConfigKeepsTheRunningOne() throws Exception {
        Running d = start();
        Files.delete(conf);
        signal(d, "HUP");
        d.waitFor("Reload aborted: the configuration cannot be read - keeping the running configuration");
        assertThat(d.log()).contains("Config files missing '" + conf + "'.");
        assertThat(d.process.isAlive()).isTrue();

        Files.writeString(conf, "# back\n");
        signal(d, "HUP");
        d.waitFor("Reload complete");
        signal(d, "USR1");
        assertThat(waitForFile(tmp.resolve("keepalived.data"))).contains(" Reloads = 1\n", " Refused reloads = 1\n");
    }

    @Test
    void sighupReloadsAGoodConfigAndOneWithOrdinaryErrorsLikeKeepalived() throws Exception {
        Running d = start();
        signal(d, "HUP");
        d.waitFor("Reload complete");

        // keepalived applies a configuration it would run despite errors; so do we, and logs them
        Files.writeString(conf, "no_such_keyword 1\n");
        signal(d, "HUP");
        d.waitForCount("Reload complete", 2);
        assertThat(d.log()).contains("(" + conf + ": Line 1) Unknown keyword 'no_such_keyword'");
        signal(d, "USR1");
        assertThat(waitForFile(tmp.resolve("keepalived.data"))).contains(" Reloads = 2\n", " Refused reloads = 0\n");
        assertThat(d.process.isAlive()).isTrue();
    }

    @Test
    void sigusr1AndSigusr2WriteTheDumps() throws Exception {
        Running d = start();
        signal(d, "USR1");
        String data = waitForFile(tmp.resolve("keepalived.data"));
        assertThat(data).contains("------< jkeepalived >------", " Pid = " + d.process.pid() + "\n",
                " Configuration file = " + conf + "\n", "------< Global definitions >------");
        assertThat(d.log()).contains("Printing data for process(" + d.process.pid() + ") on signal");
        signal(d, "USR2");
        assertThat(waitForFile(tmp.resolve("keepalived.stats"))).contains(" Uptime = ", " Reloads = 0\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("keepalived.data"))))
                .isEqualTo("rw-------");
    }

    @Test
    void signalsInQuickSuccessionAreAllHandledAndTheStopIsClean() throws Exception {
        Running d = start();
        for (String s : new String[] {"HUP", "USR1", "HUP", "HUP", "USR2", "PIPE", "HUP", "TERM"}) {
            signal(d, s);
        }
        assertThat(d.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(d.process.exitValue()).isZero();
        assertThat(pid).doesNotExist();
        String log = d.log();
        assertThat(log).contains("Stopped jkeepalived v").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void syslogGetsTheMessagesWithTheFacilityOfS() throws Exception {
        String socket = dir.resolve("log").toString();
        try (UnixDatagramSocket syslog = UnixDatagramSocket.open()) {
            syslog.bind(socket);
            syslog.receiveTimeout(WAIT);
            Running d = start(List.of("JKEEPALIVED_JAVA_OPTS=-Djkeepalived.syslog.socket=" + socket),
                    "-S", "local2", "-p", pid.toString(), "-f", conf.toString());
            byte[] buf = new byte[4096];
            int n = syslog.receive(buf);
            // local2 (18) * 8 + info (6) = 150
            assertThat(new String(buf, 0, n, UTF_8)).startsWith("<150>")
                    .contains(" jkeepalived[" + d.process.pid() + "]: Starting jkeepalived v");
        }
    }

    @Test
    void logFileAndSystemdNotify() throws Exception {
        Path logFile = dir.resolve("k.log");
        String notify = "@jkeepalived-it-" + UUID.randomUUID();
        try (UnixDatagramSocket systemd = UnixDatagramSocket.open()) {
            systemd.bind(notify);
            systemd.receiveTimeout(WAIT);
            Running d = start(List.of("NOTIFY_SOCKET=" + notify), "-G", "-g" + logFile, "-p", pid.toString(),
                    "-f", conf.toString());
            byte[] buf = new byte[512];
            assertThat(new String(buf, 0, systemd.receive(buf), UTF_8)).isEqualTo("READY=1\nSTATUS=Running");
            until(() -> {
                try {
                    return Files.readString(logFile).contains("Startup complete");
                } catch (IOException e) {
                    return false;
                }
            }, "Startup complete in " + logFile);
            signal(d, "TERM");
            assertThat(new String(buf, 0, systemd.receive(buf), UTF_8)).isEqualTo("STOPPING=1");
            assertThat(d.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    // ---- helpers ----

    private record Finished(int exitCode, String stdout, String stderr) {
    }

    private final class Running {
        final Process process;
        final Path stderr;

        Running(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
        }

        String log() throws IOException {
            return Files.readString(stderr);
        }

        void waitFor(String text) throws Exception {
            waitForCount(text, 1);
        }

        void waitForCount(String text, int count) throws Exception {
            until(() -> count(text) >= count, "'" + text + "' x" + count + " in the log");
        }

        private int count(String text) {
            try {
                return (int) log().lines().filter(l -> l.contains(text)).count();
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** Starts the daemon on this test's files, logging to stderr, and waits until it is up. */
    private Running start() throws Exception {
        return start(List.of(), "-l", "-G", "-p", pid.toString(), "-f", conf.toString());
    }

    private Running start(List<String> env, String... args) throws Exception {
        int n = started.size();
        Path out = dir.resolve("out" + n);
        Path err = dir.resolve("err" + n);
        Process p = builder(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(p);
        Running r = new Running(p, err);
        // The pid file is written after the signal handlers are installed: from then on signals are safe.
        until(() -> pidFileHolds(p.pid()) || !p.isAlive(), "the pid file");
        assertThat(p.isAlive()).as("daemon died at start: %s", r.log()).isTrue();
        if (List.of(args).contains("-l")) {
            r.waitFor("Startup complete");
        }
        return r;
    }

    private Finished runToExit(String... args) throws Exception {
        int n = started.size();
        Path out = dir.resolve("out" + n);
        Path err = dir.resolve("err" + n);
        Process p = builder(List.of(), args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(p);
        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exit of %s", List.of(args)).isTrue();
        return new Finished(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private ProcessBuilder builder(List<String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile());
        b.environment().put("JKEEPALIVED_STATE_DIR", dir.resolve("state").toString());
        b.environment().put("TMPDIR", tmp.toString());
        b.environment().remove("NOTIFY_SOCKET");
        for (String e : env) {
            int eq = e.indexOf('=');
            b.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        return b;
    }

    private boolean pidFileHolds(long expected) {
        try {
            return Files.readString(pid).strip().equals(String.valueOf(expected));
        } catch (IOException e) {
            return false;
        }
    }

    /** Signals our own daemon by its pid. */
    private static void signal(Running d, String name) throws Exception {
        Process k = new ProcessBuilder("kill", "-s", name, String.valueOf(d.process.pid())).inheritIO().start();
        assertThat(k.waitFor(10, TimeUnit.SECONDS) && k.exitValue() == 0).as("kill -s %s", name).isTrue();
    }

    private String waitForFile(Path file) throws Exception {
        until(() -> Files.exists(file), file.toString());
        return Files.readString(file);
    }

    private static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
