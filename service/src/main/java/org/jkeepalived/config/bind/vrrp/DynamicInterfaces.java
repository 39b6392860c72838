package org.jkeepalived.config.bind.vrrp;

import java.nio.file.Path;
import java.util.Optional;
import org.jkeepalived.config.SystemView;

/**
 * With global {@code dynamic_interfaces}, keepalived 2.2.7 accepts interfaces that do not exist yet
 * everywhere in the VRRP sections, silently (observed). This view answers "exists" for every name.
 */
final class DynamicInterfaces implements SystemView {
    private final SystemView machine;

    DynamicInterfaces(SystemView machine) {
        this.machine = machine;
    }

    @Override
    public boolean interfaceExists(String name) {
        return true;
    }

    @Override
    public String hostname() {
        return machine.hostname();
    }

    @Override
    public Optional<Path> findExecutable(String program) {
        return machine.findExecutable(program);
    }

    @Override
    public boolean userExists(String name) {
        return machine.userExists(name);
    }

    @Override
    public boolean groupExists(String name) {
        return machine.groupExists(name);
    }

    @Override
    public Optional<FileInfo> stat(Path path) {
        return machine.stat(path);
    }
}
