package org.jkeepalived.notify.script;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.global.GlobalDefs.ScriptSettings;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.ScriptRunner;
import org.jkeepalived.os.process.ScriptRunner.ScriptResult;

/**
 * {@code startup_script} and {@code shutdown_script} (b.2), each run once and waited for, killed at its
 * timeout ({@code startup_script_timeout}, {@code shutdown_script_timeout}; 10 s by default).
 *
 * <p>Order and words, observed with keepalived 2.2.7: the startup script runs before the VRRP process
 * starts ({@code Running startup script /tmp/x.sh}, {@code startup script script succeeded}, then
 * {@code Starting VRRP child process}); the shutdown script runs after VRRP has stopped, its STOP notify
 * scripts' 1 s included ({@code Stopping}, {@code Stopped - used ...}, {@code Running shutdown script
 * /usr/bin/false}, {@code shutdown script script failed, status 1}). A timeout logs {@code startup script
 * timed out} and startup goes on. The path logged is the program's real path ({@code /bin/sh} is logged as
 * {@code /usr/bin/sh}). A script killed by a signal logs nothing in keepalived; we log it with -D only.
 * A failed startup script does not stop the daemon.
 */
public final class LifecycleScripts {
    /** keepalived's default for both timeouts. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private volatile ScriptSettings settings;
    private final ScriptRunner runner;
    private final Log log;

    public LifecycleScripts(ScriptSettings settings, ScriptRunner runner, Log log) {
        this.settings = settings;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** After a reload: the shutdown script run at exit is the one of the configuration then in force. */
    public void reload(GlobalDefs globalDefs) {
        settings = globalDefs == null ? null : globalDefs.scripts();
    }

    /** Runs {@code startup_script} if set, before VRRP starts; null when none is configured. */
    public ScriptResult runStartup() {
        return settings == null ? null
                : runOne("startup", settings.startupScript(), settings.startupTimeoutMicros());
    }

    /** Runs {@code shutdown_script} if set, after VRRP has stopped; null when none is configured. */
    public ScriptResult runShutdown() {
        return settings == null ? null
                : runOne("shutdown", settings.shutdownScript(), settings.shutdownTimeoutMicros());
    }

    private ScriptResult runOne(String which, ScriptCommand command, long timeoutMicros) {
        if (command == null) {
            return null;
        }
        Duration timeout = timeoutMicros > 0 ? Duration.ofNanos(timeoutMicros * 1_000) : DEFAULT_TIMEOUT;
        log.info("Running " + which + " script " + displayPath(command.program()));
        ScriptResult r;
        try {
            r = runner.run(command, List.of(), timeout);
        } catch (RuntimeException e) {
            r = ScriptResult.notStarted(e.getMessage());
        }
        switch (r.outcome()) {
            case EXITED -> {
                if (r.exitStatus() == 0) {
                    log.info(which + " script script succeeded");
                } else {
                    log.info(which + " script script failed, status " + r.exitStatus());
                }
            }
            case TIMED_OUT -> log.info(which + " script timed out");
            case SIGNALLED -> log.detail(which + " script killed by signal " + r.signal());
            case NOT_STARTED -> log.error(which + " script could not be run: " + r.message());
        }
        return r;
    }

    /** The program as keepalived names it: searched on PATH when bare, symlinks resolved. */
    static String displayPath(String program) {
        try {
            Path p = null;
            if (program.contains("/")) {
                p = Path.of(program);
            } else {
                String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
                for (String dir : path.split(File.pathSeparator)) {
                    Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
                    if (Files.isExecutable(candidate)) {
                        p = candidate;
                        break;
                    }
                }
            }
            return p == null ? program : p.toRealPath().toString();
        } catch (IOException | InvalidPathException e) {
            return program;
        }
    }
}
