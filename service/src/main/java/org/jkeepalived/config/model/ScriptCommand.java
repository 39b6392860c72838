package org.jkeepalived.config.model;

import java.util.List;
import org.jkeepalived.config.Location;

/**
 * A script as keepalived takes it: the quoted command line split into arguments (single quotes keep
 * spaces inside one argument, escapes interpreted), and an optional run-as user and group from the
 * unquoted words after it. {@code user} and {@code group} are null when not given (script_user applies).
 */
public record ScriptCommand(String commandLine, List<String> argv, String user, String group, Location location) {
    public ScriptCommand {
        argv = List.copyOf(argv);
    }

    public String program() {
        return argv.isEmpty() ? "" : argv.get(0);
    }
}
