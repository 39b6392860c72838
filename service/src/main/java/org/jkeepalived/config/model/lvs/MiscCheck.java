package org.jkeepalived.config.model.lvs;

import org.jkeepalived.config.model.ScriptCommand;

/**
 * {@code MISC_CHECK}: runs a program; exit 0 is up, 1 down, and with misc_dynamic 2..255 up with the
 * real server weight set to status - 2.
 *
 * @param kind     always {@value #KIND}
 * @param miscPath          {@code misc_path} with the {@code user} given to it or by {@code user}
 * @param miscTimeoutMicros {@code misc_timeout}, else the virtual server's delay loop (keepalived's
 *                          runtime fallback); SIGTERM then SIGKILL on expiry
 * @param miscDynamic       {@code misc_dynamic}
 */
public record MiscCheck(String kind, CheckerTiming timing, ScriptCommand miscPath, long miscTimeoutMicros,
        boolean miscDynamic)
        implements Checker.TimedChecker {
    public static final String KIND = "MISC_CHECK";

    public MiscCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public MiscCheck(CheckerTiming timing, ScriptCommand miscPath, long miscTimeoutMicros, boolean miscDynamic) {
        this(KIND, timing, miscPath, miscTimeoutMicros, miscDynamic);
    }
}
