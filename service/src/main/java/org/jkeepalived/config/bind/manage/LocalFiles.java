package org.jkeepalived.config.bind.manage;

import java.nio.file.Path;
import java.util.Optional;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.SystemView.FileInfo;
import org.jkeepalived.config.bind.BindContext;

/**
 * The files the management blocks name (Jolokia policy, JMX password and access files), checked at load as
 * keepalived checks scripts: a daemon's working directory is /, so paths must be absolute, and a missing
 * file is better reported by {@code -t} than found at start.
 */
final class LocalFiles {
    private LocalFiles() {
    }

    /** The file's status when {@code path} is absolute and names an existing regular file; reported otherwise. */
    static Optional<FileInfo> existing(String what, String path, Location at, BindContext ctx, String consequence) {
        if (!Path.of(path).isAbsolute()) {
            ctx.error(at, what + " '" + path + "' must be an absolute path - " + consequence);
            return Optional.empty();
        }
        Optional<FileInfo> info = ctx.system().stat(Path.of(path));
        if (info.isEmpty()) {
            ctx.error(at, what + " '" + path + "' does not exist - " + consequence);
        } else if (info.get().directory()) {
            ctx.error(at, what + " '" + path + "' is a directory - " + consequence);
            return Optional.empty();
        }
        return info;
    }
}
