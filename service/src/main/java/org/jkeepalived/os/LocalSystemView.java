package org.jkeepalived.os;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.SystemView;

/** The machine as it is: interfaces of the current network namespace, PATH, /etc/passwd, file modes. */
public final class LocalSystemView implements SystemView {
    private final Map<String, String> env;

    public LocalSystemView() {
        this(System.getenv());
    }

    public LocalSystemView(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public boolean interfaceExists(String name) {
        // NetworkInterface only lists interfaces that have an address; keepalived also accepts down,
        // address-less ones, which sysfs shows.
        if (!name.isEmpty() && name.indexOf('/') < 0 && !name.startsWith(".")
                && Files.exists(Path.of("/sys/class/net", name))) {
            return true;
        }
        try {
            return NetworkInterface.getByName(name) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    @Override
    public String hostname() {
        String h = null;
        try {
            h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            h = env.getOrDefault("HOSTNAME", "localhost");
        }
        int dot = h.indexOf('.');
        return dot > 0 ? h.substring(0, dot) : h;
    }

    @Override
    public Optional<Path> findExecutable(String program) {
        if (program.isEmpty()) {
            return Optional.empty();
        }
        if (program.contains("/")) {
            return executable(Path.of(program));
        }
        String path = env.getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Optional<Path> found = executable(Path.of(dir, program));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The real path of an executable file: keepalived resolves symbolic links before judging a
     * script's ownership (unless use_symlink_paths), so /bin/true on a merged-/usr system is judged as
     * /usr/bin/true and the /bin symlink's 0777 mode does not count.
     */
    private static Optional<Path> executable(Path p) {
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException e) {
            return Optional.of(p);
        }
    }

    @Override
    public boolean runningAsRoot() {
        return org.jkeepalived.ffi.Posix.get().euid() == 0;
    }

    @Override
    public boolean userExists(String name) {
        return hasEntry(Path.of("/etc/passwd"), name);
    }

    @Override
    public boolean groupExists(String name) {
        return hasEntry(Path.of("/etc/group"), name);
    }

    private static boolean hasEntry(Path file, String name) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith(name + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Optional<FileInfo> stat(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:uid,gid,mode,isDirectory", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FileInfo((Integer) a.get("uid"), (Integer) a.get("gid"),
                    (Integer) a.get("mode") & 07777, (Boolean) a.get("isDirectory")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
