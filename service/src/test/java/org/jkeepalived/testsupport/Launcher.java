package org.jkeepalived.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's launcher {@code bin/jkeepalived} from the module directory tests run in. */
public final class Launcher {
    private Launcher() {
    }

    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("bin/jkeepalived"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("bin/jkeepalived not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public static Path launcher() {
        Path l = repositoryRoot().resolve("bin/jkeepalived");
        if (!Files.exists(repositoryRoot().resolve("service/target/jkeepalived.jar"))) {
            throw new IllegalStateException("service/target/jkeepalived.jar is missing: run 'mvn package' first");
        }
        return l;
    }
}
