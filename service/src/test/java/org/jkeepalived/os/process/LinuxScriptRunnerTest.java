package org.jkeepalived.os.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.ffi.Posix;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.ScriptRunner.Outcome;
import org.jkeepalived.os.process.ScriptRunner.ScriptResult;
import org.jkeepalived.testsupport.Await;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner with real processes: exit codes, PATH search, sh fallback, env scrub, process groups, timeouts. */
class LinuxScriptRunnerTest {
    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();
    private final Log log = Log.to((level, detail, m) -> logged.add(m));
    private final List<LinuxScriptRunner> runners = new ArrayList<>();

    @AfterEach
    void close() {
        runners.forEach(LinuxScriptRunner::close);
    }

    static GlobalDefs.ScriptSettings settings(String user, boolean security) {
        return new GlobalDefs.ScriptSettings(user, null, security, null, 10_000_000, null, 10_000_000, false, false);
    }

    private LinuxScriptRunner runner(GlobalDefs.ScriptSettings s, Map<String, String> env) {
        LinuxScriptRunner r = new LinuxScriptRunner(s, log, Accounts.system(), env, Posix.get());
        runners.add(r);
        return r;
    }

    private LinuxScriptRunner runner() {
        return runner(settings(null, false), System.getenv());
    }

    static ScriptCommand cmd(String... argv) {
        return new ScriptCommand(String.join(" ", argv), List.of(argv), null, null, new Location("t", 1));
    }

    static ScriptCommand sh(String script) {
        return new ScriptCommand("/bin/sh -c '" + script + "'", List.of("/bin/sh", "-c", script), null, null,
                new Location("t", 1));
    }

    @Test
    void exitStatusesAndExtraArguments() throws Exception {
        assertThat(runner().run(cmd("true"), List.of(), Duration.ofSeconds(5))).isEqualTo(ScriptResult.exited(0));
        assertThat(runner().run(sh("exit 3"), List.of(), null)).isEqualTo(ScriptResult.exited(3));
        Path out = dir.resolve("args");
        runner().run(sh("echo \"$@\" > " + out), List.of("sh", "INSTANCE", "VI_1", "MASTER", "100"), null);
        assertThat(Files.readString(out)).isEqualTo("INSTANCE VI_1 MASTER 100\n");
    }

    @Test
    void pathSearchAndShellFallback() throws Exception {
        LinuxScriptRunner r = runner();
        assertThat(r.plan(cmd("true"), List.of()).command()).contains(r.findExecutable("true").orElseThrow()
                .toString());
        assertThat(r.findExecutable("true").orElseThrow()).isAbsolute();
        // "exit" is no file: keepalived's system() fallback runs the whole line through /bin/sh -c.
        ScriptCommand exit = new ScriptCommand("exit 7", List.of("exit", "7"), null, null, new Location("t", 1));
        assertThat(r.plan(exit, List.of("a b")).command()).endsWith("/bin/sh", "-c", "exit 7 'a b'");
        assertThat(r.run(exit, List.of(), Duration.ofSeconds(5))).isEqualTo(ScriptResult.exited(7));
        // A script file without #! is run by /bin/sh through execvp.
        Path noShebang = dir.resolve("plain");
        Files.writeString(noShebang, "exit 4\n");
        noShebang.toFile().setExecutable(true);
        assertThat(r.run(cmd(noShebang.toString()), List.of(), Duration.ofSeconds(5)))
                .isEqualTo(ScriptResult.exited(4));
    }

    @Test
    void environmentIsScrubbedAndStdinIsEmpty() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("IFS", "x");
        env.put("LD_PRELOAD", "/nonexistent.so");
        env.put("LD_LIBRARY_PATH", "/nonexistent");
        env.put("JKA_KEEP", "kept");
        Path out = dir.resolve("env");
        ScriptResult r = runner(settings(null, false), env).run(sh("env > " + out + "; cat >> " + out), List.of(),
                Duration.ofSeconds(5));
        assertThat(r).isEqualTo(ScriptResult.exited(0));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).contains("JKA_KEEP=kept");
        assertThat(lines).noneMatch(l -> l.startsWith("IFS=") || l.startsWith("LD_PRELOAD=")
                || l.startsWith("LD_LIBRARY_PATH="));
    }

    @Test
    void aScriptLeadsItsOwnProcessGroupAndTerminateEndsIt() throws Exception {
        ScriptRunner.Running running = runner().start(cmd("sleep", "100"), List.of());
        long pid = running.pid();
        Await.await("setsid", 2000, () -> pgid(pid) == pid);
        assertThat(running.alive()).isTrue();
        running.terminate();
        Await.await("sleep to end", 2000, () -> !running.alive());
    }

    @Test
    void theParentDeathSignalFollowsTheSpawnerThread() throws Exception {
        // PR_SET_PDEATHSIG fires when the thread that forked ends: here the runner's spawner thread, which
        // ends when the runner is closed, standing in for the daemon dying.
        LinuxScriptRunner r = runner();
        assertThat(r.plan(cmd("true"), List.of()).command()).containsSubsequence("/usr/bin/setsid",
                "/usr/bin/setpriv", "--pdeathsig", "TERM", "--");
        ScriptRunner.Running running = r.start(cmd("sleep", "100"), List.of());
        // Wait until setpriv has set the signal and exec'd sleep: closing earlier would race the prctl (a
        // thread that ended before it leaves no parent to watch), which made this test flaky under load.
        Await.await("sleep running", 5000, () -> "sleep".equals(comm(running.pid())));
        r.close();
        Await.await("SIGTERM from the parent-death signal", 3000, () -> !running.alive());
    }

    @Test
    void aHungScriptAndItsChildAreKilledAtTheTimeout() throws Exception {
        Path pids = dir.resolve("pids");
        long start = System.nanoTime();
        ScriptResult r = runner().run(sh("sleep 100 & echo $$ $! > " + pids + "; wait"), List.of(),
                Duration.ofMillis(500));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(tookMillis).isBetween(450L, 1500L); // SIGTERM was enough: no 2 s wait for SIGKILL
        for (String pid : Files.readString(pids).trim().split(" ")) {
            assertGone(Long.parseLong(pid));
        }
    }

    @Test
    void aScriptIgnoringSigtermGetsSigkillTwoSecondsLater() throws Exception {
        Path pids = dir.resolve("pids");
        long start = System.nanoTime();
        ScriptResult r = runner().run(sh("trap \"\" TERM; sleep 100 & echo $$ $! > " + pids + "; wait; sleep 100"),
                List.of(), Duration.ofMillis(300));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(tookMillis).isBetween(2250L, 3500L);
        for (String pid : Files.readString(pids).trim().split(" ")) {
            assertGone(Long.parseLong(pid));
        }
        assertThat(logged).anyMatch(m -> m.contains("SIGKILL"));
    }

    @Test
    void runsAsTheScriptsUserOrScriptUser() throws Exception {
        Privileged.require("setpriv");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path out = dir.resolve("id");
        ScriptCommand asNobody = new ScriptCommand("id", List.of("/bin/sh", "-c", "id -u > " + out + "; id -G >> "
                + out), "nobody", null, new Location("t", 1));
        assertThat(runner().run(asNobody, List.of(), Duration.ofSeconds(5))).isEqualTo(ScriptResult.exited(0));
        assertThat(Files.readAllLines(out)).containsExactly("65534", "65534");
        Files.delete(out);
        // script_user applies to a script without a user of its own
        runner(settings("nobody", false), System.getenv()).run(sh("id -u > " + out), List.of(), null);
        assertThat(Files.readString(out).trim()).isEqualTo("65534");
    }

    @Test
    void anotherUserNeedsRoot() {
        Posix notRoot = new Posix() {
            @Override
            public long pid() {
                return Posix.get().pid();
            }

            @Override
            public int uid() {
                return 1000;
            }

            @Override
            public int euid() {
                return 1000;
            }

            @Override
            public int gid() {
                return 1000;
            }

            @Override
            public boolean processExists(long pid) {
                return Posix.get().processExists(pid);
            }

            @Override
            public boolean signalProcessGroup(long pgid, int signal) {
                return Posix.get().signalProcessGroup(pgid, signal);
            }

            @Override
            public boolean signalProcess(long pid, int signal) {
                return Posix.get().signalProcess(pid, signal);
            }
        };
        LinuxScriptRunner r = new LinuxScriptRunner(settings("nobody", false), log, Accounts.system(), System.getenv(),
                notRoot);
        runners.add(r);
        assertThat(r.run(cmd("true"), List.of(), null))
                .isEqualTo(ScriptResult.notStarted("Unable to run script as nobody: not running as root"));
        // our own identity needs no switch
        assertThat(r.plan(new ScriptCommand("true", List.of("true"), "1000", "1000", new Location("t", 1)), List.of())
                .command()).doesNotContain("--reuid");
    }

    @Test
    void unknownUserIsNotStarted() {
        ScriptCommand c = new ScriptCommand("true", List.of("true"), "jka-no-such-user", null, new Location("t", 1));
        ScriptResult r = runner().run(c, List.of(), null);
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_STARTED);
        assertThat(r.message()).contains("jka-no-such-user");
    }

    @Test
    void scriptSecurityRefusesAWorldWritableRootScript() throws Exception {
        Privileged.require();
        Path script = dir.resolve("chk.sh");
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrwxrwx"));
        LinuxScriptRunner secure = runner(settings("root", true), System.getenv());
        ScriptResult r = secure.run(cmd(script.toString()), List.of(), Duration.ofSeconds(5));
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_STARTED);
        assertThat(r.message()).isEqualTo("Unsafe permissions found for script '" + script + "' - disabling.");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        // @TempDir lives under /tmp (root-owned, sticky): safe once the file is root's alone.
        assertThat(secure.run(cmd(script.toString()), List.of(), Duration.ofSeconds(5)))
                .isEqualTo(ScriptResult.exited(0));
        // Without a script_user, root is refused under enable_script_security.
        ScriptResult noUser = runner(settings(null, true), System.getenv()).run(cmd("true"), List.of(), null);
        assertThat(noUser.message()).isEqualTo("Unable to set default user keepalived_script for script");
    }

    static long pgid(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(s.substring(s.lastIndexOf(')') + 2).split(" ")[2]);
        } catch (Exception e) {
            return -1;
        }
    }

    static void assertGone(long pid) throws Exception {
        // A zombie still has a /proc entry until its parent reaps it; the runner reaps the script, and
        // orphaned children are reaped by init (or the subreaper), so wait briefly.
        Await.await("pid " + pid + " to be gone", 2000, () -> {
            try {
                String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
            } catch (Exception e) {
                return true;
            }
        });
    }

    /** The process's name (/proc/PID/comm), or null when it is gone. */
    static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
