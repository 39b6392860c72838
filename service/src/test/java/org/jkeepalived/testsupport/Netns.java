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

    /** The namespace's file, as {@code ip netns} mounts it (for setns(2)). */
    public String path() {
        return "/var/run/netns/" + name;
    }

    /**
     * Joins two namespaces by a veth pair, {@code ifA} in {@code a} and {@code ifB} in {@code b},
     * both set up.
     */
    public static void veth(Netns a, String ifA, Netns b, String ifB) {
        run(List.of("ip", "-n", a.name, "link", "add", ifA, "type", "veth", "peer", "name", ifB,
                "netns", b.name), false);
        run(List.of("ip", "-n", a.name, "link", "set", ifA, "up"), false);
        run(List.of("ip", "-n", b.name, "link", "set", ifB, "up"), false);
    }

    /** Runs {@code ip -n NAME args...}, failing on a non-zero exit; returns the output. */
    public String ip(String... args) {
        List<String> c = new ArrayList<>(List.of("ip", "-n", name));
        c.addAll(List.of(args));
        Result r = runProcess(c, 30);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(c + " failed (" + r.exitCode() + "): " + r.output());
        }
        return r.output();
    }

    /**
     * Runs {@code action} in this namespace, in this JVM: on a fresh thread that has called setns(2)
     * (see {@link org.jkeepalived.ffi.NetNamespace}). Sockets it opens stay in the namespace.
     */
    public <T> T call(java.util.concurrent.Callable<T> action) throws Exception {
        return org.jkeepalived.ffi.NetNamespace.call(path(), action);
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
