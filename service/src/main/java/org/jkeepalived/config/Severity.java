package org.jkeepalived.config;

/**
 * How a configuration diagnostic affects {@code -t}. The exit codes are keepalived 2.2.7's observed ones
 * (the man page's 3/4/5 are wrong): see {@link Diagnostics#exitCode()}.
 */
public enum Severity {
    /** Logged only; keepalived prints these through log_message, so they do not change the exit code. */
    NOTE,
    /** keepalived's report_config_error: the item is skipped or defaulted and the daemon still runs (exit 5). */
    ERROR,
    /** Scripts configured without enable_script_security (exit 6). */
    SECURITY,
    /** The configuration cannot run at all (exit 4). */
    FATAL,
    /**
     * keepalived stops reading the configuration and exits with its CONFIG code (exit 2), e.g. a keyword
     * whose handler needs a parameter that is missing ("*** Configuration line starting `x` is missing a
     * parameter after keyword `x` at word position 2"). Wins over every other finding, since keepalived
     * exits on the spot.
     */
    ABORT
}
