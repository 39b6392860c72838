package org.jkeepalived.os.process;

import java.time.Duration;
import java.util.List;
import org.jkeepalived.config.model.ScriptCommand;

/**
 * The process-runner port: runs keepalived's scripts as keepalived does (f.1). The program is executed
 * directly (PATH search; through {@code /bin/sh -c} only when it cannot be executed directly), in a process
 * group of its own, as the script's user or {@code script_user}, with IFS, LD_PRELOAD and LD_LIBRARY_PATH
 * removed from the environment and SIGTERM sent to it if the daemon dies. Never call it from the VRRP loop.
 */
public interface ScriptRunner {

    /**
     * Runs {@code command} with {@code extraArgs} appended and waits for it. With a timeout, the process
     * group gets SIGTERM when it expires and SIGKILL 2 s later, and the result is {@link Outcome#TIMED_OUT}.
     *
     * @param timeout null for none
     */
    ScriptResult run(ScriptCommand command, List<String> extraArgs, Duration timeout);

    /** Starts {@code command} without waiting (FIFO scripts); {@link Running#terminate()} ends its group. */
    Running start(ScriptCommand command, List<String> extraArgs) throws java.io.IOException;

    /** How a run ended. */
    enum Outcome { EXITED, SIGNALLED, TIMED_OUT, NOT_STARTED }

    /**
     * @param outcome    how it ended
     * @param exitStatus the exit status when EXITED, else -1
     * @param signal     the signal when SIGNALLED, else 0
     * @param message    why it could not start (NOT_STARTED), else null
     */
    record ScriptResult(Outcome outcome, int exitStatus, int signal, String message) {
        public static ScriptResult exited(int status) {
            return new ScriptResult(Outcome.EXITED, status, 0, null);
        }

        public static ScriptResult notStarted(String message) {
            return new ScriptResult(Outcome.NOT_STARTED, -1, 0, message);
        }

        /** keepalived's success: exit status 0. Anything else (signal, timeout, not started) is a failure. */
        public boolean succeeded() {
            return outcome == Outcome.EXITED && exitStatus == 0;
        }
    }

    /** A started script. */
    interface Running {
        long pid();

        boolean alive();

        /** SIGTERM to its process group. */
        void terminate();
    }
}
