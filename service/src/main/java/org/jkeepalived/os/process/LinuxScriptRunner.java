package org.jkeepalived.os.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.config.bind.ScriptSecurity;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.ffi.Posix;
import org.jkeepalived.os.LocalSystemView;
import org.jkeepalived.os.log.Log;

/**
 * Runs scripts as keepalived 2.2.7 does (reference f.1), with two small standard tools instead of a fork
 * in the JVM:
 * <pre>
 *   /usr/bin/setsid /usr/bin/setpriv [--reuid U --regid G --init-groups|--clear-groups] --pdeathsig TERM -- PROGRAM ARGS...
 * </pre>
 * <ul>
 * <li>setsid: the JVM's child is not a process-group leader, so setsid(2) succeeds in place (no fork): the
 *     script keeps the pid Java knows and leads a new session and process group (pgid = pid), which a
 *     timeout kills whole, as keepalived's setpgid does.</li>
 * <li>setpriv: always used, for {@code --pdeathsig TERM} (keepalived sets PR_SET_PDEATHSIG for every
 *     script); the uid/gid switch only when the target identity is not ours. setpriv sets the death signal
 *     after changing credentials (a credential change would clear it). The parent of the death signal is
 *     the <em>thread</em> that forked (prctl(2)), so every process is started from one long-lived spawner
 *     thread owned by this runner, never from a pool thread that may end.</li>
 * <li>The program is found by PATH search here and executed directly; a program that is not an executable
 *     file is run as {@code /bin/sh -c "COMMAND LINE [ARGS]"}, keepalived's system() fallback. A text file
 *     without {@code #!} is run by setpriv's execvp, which falls back to /bin/sh itself.</li>
 * <li>IFS, LD_PRELOAD and LD_LIBRARY_PATH are removed from the environment; stdin is /dev/null and
 *     stdout/stderr are discarded by the kernel (no pipe that could fill and block a script); cwd is /.</li>
 * <li>Timeout: SIGTERM to the group; SIGKILL to whatever remains of the group 2 s later (keepalived kills
 *     only the script if it survives; we also end children it left in its group).</li>
 * <li>Without setsid or setpriv (util-linux) scripts still run, without their own group or death signal
 *     (warned once); a script that needs another user is then refused, as it is when we are not root.</li>
 * </ul>
 * Java reports a death by signal N as exit status 128+N (as a shell's {@code $?} does), so such a run is
 * {@link Outcome#EXITED} with that status; {@link Outcome#SIGNALLED} is a run we ended ourselves because
 * the waiting thread was interrupted (daemon stopping).
 */
public final class LinuxScriptRunner implements ScriptRunner, AutoCloseable {
    static final List<String> SCRUBBED_ENV = List.of("IFS", "LD_PRELOAD", "LD_LIBRARY_PATH");
    static final String DEFAULT_SCRIPT_USER = "keepalived_script";
    static final long KILL_GRACE_MILLIS = 2000;
    static final String SETSID = "/usr/bin/setsid";
    static final String SETPRIV = "/usr/bin/setpriv";
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final GlobalDefs.ScriptSettings settings;
    private final Log log;
    private final Accounts accounts;
    private final Map<String, String> env;
    private final Posix posix;
    private final boolean haveSetsid;
    private final boolean haveSetpriv;
    private final ExecutorService spawner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "script-spawner");
        t.setDaemon(true);
        return t;
    });

    public LinuxScriptRunner(GlobalDefs.ScriptSettings settings, Log log) {
        this(settings, log, Accounts.system(), System.getenv(), Posix.get());
    }

    /** @param env the environment scripts inherit (less {@link #SCRUBBED_ENV}) and whose PATH is searched */
    LinuxScriptRunner(GlobalDefs.ScriptSettings settings, Log log, Accounts accounts, Map<String, String> env,
                      Posix posix) {
        this.settings = settings;
        this.log = log;
        this.accounts = accounts;
        this.env = env;
        this.posix = posix;
        this.haveSetsid = Files.isExecutable(Path.of(SETSID));
        this.haveSetpriv = Files.isExecutable(Path.of(SETPRIV));
        if (!haveSetsid || !haveSetpriv) {
            log.warn("Scripts run without " + (haveSetsid ? "" : SETSID + " (no process group of their own) ")
                    + (haveSetpriv ? "" : SETPRIV + " (no parent-death signal, no script user) ")
                    + "- install util-linux");
        }
    }

    /** The identity a script runs as. */
    record Identity(String user, int uid, int gid) {
    }

    /** What to execute, or why not. */
    record Plan(List<String> command, Identity identity, String refusal) {
        static Plan refused(String why) {
            return new Plan(List.of(), null, why);
        }
    }

    @Override
    public ScriptResult run(ScriptCommand command, List<String> extraArgs, Duration timeout) {
        Plan plan = plan(command, extraArgs);
        if (plan.refusal() != null) {
            return ScriptResult.notStarted(plan.refusal());
        }
        Process p;
        try {
            p = spawn(plan);
        } catch (IOException e) {
            return ScriptResult.notStarted("Error executing script " + command.commandLine() + ": " + e.getMessage());
        }
        try {
            if (timeout == null) {
                return ScriptResult.exited(p.waitFor());
            }
            if (p.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                return ScriptResult.exited(p.exitValue());
            }
            terminateGroup(p);
            return new ScriptResult(Outcome.TIMED_OUT, -1, 0, null);
        } catch (InterruptedException e) {
            terminateGroup(p);
            Thread.currentThread().interrupt();
            return new ScriptResult(Outcome.SIGNALLED, -1, Posix.SIGTERM, "interrupted");
        }
    }

    @Override
    public Running start(ScriptCommand command, List<String> extraArgs) throws IOException {
        Plan plan = plan(command, extraArgs);
        if (plan.refusal() != null) {
            throw new IOException(plan.refusal());
        }
        Process p = spawn(plan);
        return new Running() {
            @Override
            public long pid() {
                return p.pid();
            }

            @Override
            public boolean alive() {
                return p.isAlive();
            }

            @Override
            public void terminate() {
                signal(p.pid(), Posix.SIGTERM);
            }
        };
    }

    /**
     * Stops the spawner thread. Scripts still running then get SIGTERM from their parent-death signal, which
     * follows that thread: call this at daemon exit only.
     */
    @Override
    public void close() {
        spawner.shutdown();
    }

    // ---- planning (no process started) ----

    Plan plan(ScriptCommand command, List<String> extraArgs) {
        if (command.argv().isEmpty()) {
            return Plan.refused("Empty script");
        }
        Identity id;
        try {
            id = identity(command);
        } catch (IllegalArgumentException e) {
            return Plan.refused(e.getMessage());
        }
        List<String> cmd = new ArrayList<>();
        if (haveSetsid) {
            cmd.add(SETSID);
        }
        boolean switchUser = id.uid() != posix.uid() || id.gid() != posix.gid();
        if (switchUser && (!haveSetpriv || posix.uid() != 0)) {
            return Plan.refused("Unable to run script as " + (id.user() == null ? id.uid() : id.user()) + ": "
                    + (haveSetpriv ? "not running as root" : SETPRIV + " not found"));
        }
        if (haveSetpriv) {
            cmd.add(SETPRIV);
            if (switchUser) {
                cmd.addAll(List.of("--reuid", Integer.toString(id.uid()), "--regid", Integer.toString(id.gid()),
                        settings.setSupplementaryGroups() ? "--init-groups" : "--clear-groups"));
            }
            cmd.addAll(List.of("--pdeathsig", "TERM", "--"));
        }
        Optional<Path> program = findExecutable(command.program());
        if (program.isPresent()) {
            if (settings.enableScriptSecurity() && id.uid() == 0 && insecure(program.get())) {
                // keepalived disables such a script at load with this message (ScriptSecurity); a file
                // whose permissions changed since is refused here.
                return Plan.refused("Unsafe permissions found for script '" + command.commandLine()
                        + "' - disabling.");
            }
            cmd.add(program.get().toString());
            cmd.addAll(command.argv().subList(1, command.argv().size()));
            cmd.addAll(extraArgs);
        } else {
            StringBuilder line = new StringBuilder(command.commandLine());
            for (String a : extraArgs) {
                line.append(' ').append(shellQuote(a));
            }
            cmd.addAll(List.of("/bin/sh", "-c", line.toString()));
        }
        return new Plan(List.copyOf(cmd), id, null);
    }

    /**
     * The script's own user/group; else script_user/script_group; else {@code keepalived_script} if it
     * exists; else the daemon's user, except that root is refused with enable_script_security (keepalived's
     * load-time message). A group not given is the user's primary group.
     */
    Identity identity(ScriptCommand command) {
        String user = command.user();
        String group = command.group();
        if (user == null) {
            user = settings.scriptUser();
            group = settings.scriptGroup();
        }
        if (user == null && accounts.user(DEFAULT_SCRIPT_USER).isPresent()) {
            user = DEFAULT_SCRIPT_USER;
        }
        if (user == null) {
            if (settings.enableScriptSecurity() && posix.uid() == 0) {
                throw new IllegalArgumentException("Unable to set default user " + DEFAULT_SCRIPT_USER
                        + " for script");
            }
            return new Identity(null, posix.uid(), posix.gid());
        }
        String u = user;
        Accounts.User account = accounts.user(u)
                .orElseThrow(() -> new IllegalArgumentException("Unknown user " + u + " for script"));
        int gid = account.gid();
        if (group != null) {
            String g = group;
            gid = accounts.groupId(g)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown group " + g + " for script"));
        }
        return new Identity(account.name(), account.uid(), gid);
    }

    /** execvp's PATH search, done here so that a program that is not found can go to /bin/sh instead. */
    Optional<Path> findExecutable(String program) {
        if (program.isEmpty()) {
            return Optional.empty();
        }
        if (program.contains("/")) {
            return executableFile(Path.of(program));
        }
        String path = env.getOrDefault("PATH", DEFAULT_PATH);
        for (String dir : path.split(":")) {
            Optional<Path> p = executableFile(Path.of(dir.isEmpty() ? "." : dir, program));
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> executableFile(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * The file, after symlinks unless use_symlink_paths, or a directory above it is writable by a non-root
     * user: keepalived's rule, the same as at load time (config.bind.ScriptSecurity).
     */
    boolean insecure(Path program) {
        Path p = program.toAbsolutePath();
        if (!settings.useSymlinkPaths()) {
            try {
                p = p.toRealPath();
            } catch (IOException e) {
                return false;
            }
        }
        return ScriptSecurity.insecure(p, new LocalSystemView(env));
    }

    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    // ---- processes ----

    private Process spawn(Plan plan) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(plan.command());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().keySet().removeAll(SCRUBBED_ENV);
        pb.directory(new File("/"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return spawner.submit(pb::start).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the script");
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IOException("script runner closed");
        }
    }

    /**
     * SIGTERM to the group, then SIGKILL to what is left of it after {@link #KILL_GRACE_MILLIS}; returns
     * when the script itself has been reaped and its group is empty (or KILL was sent).
     */
    private void terminateGroup(Process p) {
        long pid = p.pid();
        signal(pid, Posix.SIGTERM);
        long deadline = System.nanoTime() + KILL_GRACE_MILLIS * 1_000_000;
        boolean interrupted = false;
        while (System.nanoTime() < deadline) {
            try {
                if (!p.isAlive() && !groupHasLiveMember(pid)) {
                    break;
                }
                p.waitFor(20, TimeUnit.MILLISECONDS);
                if (!p.isAlive()) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (p.isAlive() || groupHasLiveMember(pid)) {
            log.detail("Script pid " + pid + " still running 2 s after SIGTERM - sending SIGKILL");
            signal(pid, Posix.SIGKILL);
        }
        while (true) {
            try {
                p.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether a process of group {@code pgid} is still running. kill(-pgid, 0) would also count zombies,
     * which orphaned children stay until init reaps them (slowly, or never, in some containers).
     */
    static boolean groupHasLiveMember(long pgid) {
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : dirs) {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
                    if (!f[0].equals("Z") && Long.parseLong(f[2]) == pgid) {
                        return true;
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** To the group; to the process alone if it has not yet made its group (setsid not run yet). */
    private void signal(long pid, int sig) {
        if (!posix.signalProcessGroup(pid, sig)) {
            posix.signalProcess(pid, sig);
        }
    }
}
