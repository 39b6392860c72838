package org.jkeepalived.config.bind;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.SystemView;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;

/**
 * keepalived's script security check at load (observed with 2.2.7):
 * <ul>
 * <li>without enable_script_security, any configured script whose program exists (used or not) is a
 *     "SECURITY VIOLATION" (exit 6), with "There are insecure scripts." when one of them, or a directory
 *     on its path, is writable by a non-root user; a program that does not exist does not count;</li>
 * <li>with it, a script with no user of its own needs script_user or the {@code keepalived_script}
 *     user, since root is refused: "Unable to set default user keepalived_script for script". jkeepalived
 *     only: a daemon that does not run as root (the packaged service) runs such scripts as its own user, which
 *     is not root, so nothing is refused;</li>
 * <li>with it, a script whose file is writable by non-root is disabled: "Unsafe permissions found".</li>
 * <li>a script_user (or its group) that does not exist is "Error setting global script uid/gid", and the
 *     scripts without a user of their own are dropped, so they do not count as violations.</li>
 * </ul>
 */
public final class ScriptSecurity {
    static final String DEFAULT_SCRIPT_USER = "keepalived_script";

    private ScriptSecurity() {
    }

    public static void check(List<ScriptCommand> scripts, GlobalDefs global, SystemView system,
                             Diagnostics diagnostics) {
        GlobalDefs.ScriptSettings settings = global.scripts();
        boolean scriptUserInvalid = settings.scriptUser() != null && (!system.userExists(settings.scriptUser())
                || settings.scriptGroup() != null && !system.groupExists(settings.scriptGroup()));
        if (scriptUserInvalid) {
            diagnostics.error(null, "Error setting global script uid/gid");
        }
        boolean anyFound = false;
        boolean anyInsecure = false;
        boolean defaultUserAvailable = settings.scriptUser() != null || system.userExists(DEFAULT_SCRIPT_USER)
                || !system.runningAsRoot();
        for (ScriptCommand s : scripts) {
            if (s.user() == null && scriptUserInvalid) {
                // keepalived cannot give it the default user and drops it (observed: -t exits 5, not 6).
                continue;
            }
            Optional<Path> program = system.findExecutable(s.program());
            boolean insecure = program.isPresent() && insecure(program.get(), system);
            if (settings.enableScriptSecurity()) {
                if (s.user() == null && !defaultUserAvailable) {
                    diagnostics.error(s.location(), "Unable to set default user " + DEFAULT_SCRIPT_USER
                            + " for script");
                } else if (insecure) {
                    diagnostics.error(s.location(), "Unsafe permissions found for script '" + s.commandLine()
                            + "' - disabling.");
                }
            } else if (program.isPresent()) {
                anyFound = true;
                anyInsecure |= insecure;
            }
        }
        if (anyFound) {
            diagnostics.security(null, "SECURITY VIOLATION - scripts are being executed but script_security not enabled."
                    + (anyInsecure ? " There are insecure scripts." : ""));
        }
    }

    /**
     * The file or any directory above it is writable by someone other than root. Also the process runner's
     * check before each run, for a file whose permissions changed since the load.
     */
    public static boolean insecure(Path program, SystemView system) {
        for (Path p = program; p != null; p = p.getParent()) {
            Optional<SystemView.FileInfo> info = system.stat(p);
            if (info.isEmpty()) {
                continue;
            }
            SystemView.FileInfo f = info.get();
            if (!f.directory() && f.writableByNonRoot()) {
                return true;
            }
            // A sticky world-writable directory (/tmp) still lets others replace the file only if they
            // own it; keepalived treats group/other write on a directory as unsafe unless sticky.
            if (f.directory() && f.uid() != 0) {
                return true;
            }
            if (f.directory() && (f.mode() & 0022) != 0 && (f.mode() & 01000) == 0) {
                return true;
            }
        }
        return false;
    }
}
