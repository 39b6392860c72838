package org.jkeepalived.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What validating a configuration needs to know about the machine, as keepalived checks it at load:
 * which interfaces exist, where a script's program is, who a user is, file ownership for script
 * security. A port: {@code os.LocalSystemView} is the real one, tests use a hand-written fake.
 */
public interface SystemView {
    boolean interfaceExists(String name);

    /** The short host name: the default config-id and router_id. */
    String hostname();

    /** Resolves a program as execve with PATH search would; empty when it is not an executable file. */
    Optional<Path> findExecutable(String program);

    boolean userExists(String name);

    boolean groupExists(String name);

    /**
     * Whether this process runs as root: only root can switch scripts to another user. Default true (keepalived's
     * case, and the fakes').
     */
    default boolean runningAsRoot() {
        return true;
    }

    /** Owner uid, group gid and permission bits of a file or directory, if it exists. */
    Optional<FileInfo> stat(Path path);

    record FileInfo(int uid, int gid, int mode, boolean directory) {
        public boolean writableByNonRoot() {
            return uid != 0 || (mode & 0022) != 0;
        }
    }
}
