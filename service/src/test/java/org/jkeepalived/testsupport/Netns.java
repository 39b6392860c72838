package org.jkeepalived.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace made by a test, removed by {@link #close()}. The name carries this JVM's pid
 * so that parallel or leftover runs never collide; only namespaces the test created are deleted.
 */
public final class Netns implements AutoCloseable {
    private final String name;

    private Netns(String name) {
        this.name = name;
    }

    public static Netns create(String prefix) {
        Netns ns = new Netns(prefix + "-" + ProcessHandle.current().pid());
        run(List.of("ip", "netns", "del", ns.name), true);
        run(List.of("ip", "netns", "add", ns.name), false);
        run(List.of("ip", "-n", ns.name, "link", "set", "lo", "up"), false);
        return ns;
    }

    public String name() {
        return name;
    }

    /**
     * Adds interfaces with the given names, as veth pairs whose peers stay in the namespace (this
     * kernel has neither dummy nor vlan; any name, such as {@code eth0.1}, is fine for a veth).
     */
    public Netns withInterfaces(String... names) {
        int i = 0;
        for (String n : names) {
            String peer = "jkp" + (i++);
            run(List.of("ip", "-n", name, "link", "add", n, "type", "veth", "peer", "name", peer), false);
            run(List.of("ip", "-n", name, "link", "set", n, "up"), false);
        }
        return this;
    }

    /** The command prefixed with {@code ip netns exec NAME}. */
    public List<String> exec(List<String> command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name));
        c.addAll(command);
        return c;
    }

    /** Runs a command in the namespace and returns its exit code and combined output. */
    public Result run(List<String> command, long timeoutSeconds) {
        return runProcess(exec(command), timeoutSeconds);
    }

    public record Result(int exitCode, String output) {
    }

    public static Result runProcess(List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command, boolean ignoreFailure) {
        Result r = runProcess(command, 30);
        if (r.exitCode() != 0 && !ignoreFailure) {
            throw new IllegalStateException(command + " failed (" + r.exitCode() + "): " + r.output());
        }
    }

    @Override
    public void close() {
        run(List.of("ip", "netns", "del", name), true);
    }
}
