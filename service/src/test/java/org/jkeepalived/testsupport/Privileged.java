package org.jkeepalived.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate for tier-4 tests. Outside CI they skip with a visible reason when not root or when a tool is
 * missing; in CI ({@code CI=true}) the same condition fails the test, because CI runs as root with the
 * tools installed and a silent skip there would hide a broken setup.
 */
public final class Privileged {
    private Privileged() {
    }

    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Requires root and each named program on PATH (or as an absolute path). */
    public static void require(String... programs) {
        if (!isRoot()) {
            unavailable("needs root (network namespaces); run as root to include it");
        }
        for (String p : programs) {
            if (which(p) == null) {
                unavailable("needs '" + p + "' installed (.ci/run installs it)");
            }
        }
    }

    public static Path which(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program);
            }
        }
        return null;
    }

    private static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must run privileged tests, but this one " + reason);
        }
        Assumptions.abort("skipped: " + reason);
    }
}
