package org.jkeepalived.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hand-written {@link SystemView} for tests: interfaces eth0..eth3 and lo exist, no programs exist
 * unless added, users root and nobody exist.
 */
public final class FakeSystemView implements SystemView {
    private final Set<String> interfaces = new HashSet<>(Set.of("lo", "eth0", "eth1", "eth2", "eth3"));
    private final Map<String, Path> programs = new HashMap<>();
    private final Set<String> users = new HashSet<>(Set.of("root", "nobody"));
    private final Set<String> groups = new HashSet<>(Set.of("root", "nogroup"));
    private final Map<Path, FileInfo> files = new HashMap<>();
    private String hostname = "testhost";
    private boolean root = true;

    /** The process runs as a non-root user (the packaged service). */
    public FakeSystemView notRoot() {
        root = false;
        return this;
    }

    @Override
    public boolean runningAsRoot() {
        return root;
    }

    public FakeSystemView withInterface(String name) {
        interfaces.add(name);
        return this;
    }

    public FakeSystemView withoutInterface(String name) {
        interfaces.remove(name);
        return this;
    }

    /** A program found at {@code path}, owned by root with mode 0755 unless {@link #withFile} says otherwise. */
    public FakeSystemView withProgram(String name, String path) {
        programs.put(name, Path.of(path));
        programs.put(path, Path.of(path));
        files.putIfAbsent(Path.of(path), new FileInfo(0, 0, 0755, false));
        return this;
    }

    public FakeSystemView withFile(String path, int uid, int mode, boolean directory) {
        files.put(Path.of(path), new FileInfo(uid, 0, mode, directory));
        return this;
    }

    public FakeSystemView withUser(String name) {
        users.add(name);
        return this;
    }

    public FakeSystemView withHostname(String name) {
        hostname = name;
        return this;
    }

    @Override
    public boolean interfaceExists(String name) {
        return interfaces.contains(name);
    }

    @Override
    public String hostname() {
        return hostname;
    }

    @Override
    public Optional<Path> findExecutable(String program) {
        return Optional.ofNullable(programs.get(program));
    }

    @Override
    public boolean userExists(String name) {
        return users.contains(name);
    }

    @Override
    public boolean groupExists(String name) {
        return groups.contains(name);
    }

    @Override
    public Optional<FileInfo> stat(Path path) {
        FileInfo f = files.get(path);
        if (f == null && (path.getParent() == null || path.toString().equals("/usr") || path.toString().equals("/usr/bin")
                || path.toString().equals("/bin") || path.toString().equals("/usr/local")
                || path.toString().equals("/usr/local/bin") || path.toString().equals("/etc")
                || path.toString().equals("/etc/keepalived"))) {
            return Optional.of(new FileInfo(0, 0, 0755, true));
        }
        return Optional.ofNullable(f);
    }
}
