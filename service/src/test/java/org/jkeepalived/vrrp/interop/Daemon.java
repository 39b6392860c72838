package org.jkeepalived.vrrp.interop;

import org.jkeepalived.testsupport.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.testsupport.Launcher;

/**
 * keepalived or jkeepalived on one {@link Node}, started with {@code -n -l -D} in the node's namespace; its console
 * log is appended across restarts, so counts of "Entering X STATE" lines cover the daemon's whole life in a test.
 */
public final class Daemon {
    public enum Kind {
        KEEPALIVED("keepalived"), JKEEPALIVED("jkeepalived");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static final String MASTER = "(VI_1) Entering MASTER STATE";
    static final String BACKUP = "(VI_1) Entering BACKUP STATE";

    private final Kind kind;
    private final Node node;
    private final VrrpConf conf;
    private final int priority;
    private final Path conffile;
    private final Path log;
    private final Path pidFile;
    private final Path vrrpPidFile;
    private final Path checkPidFile;
    private final Path tmpDir;
    private Process process;
    private Long vrrpChildPid;

    Daemon(Kind kind, Node node, VrrpConf conf, int priority, List<String> unicastPeers, Path dir) throws IOException {
        this(kind, node, conf, priority, dir);
        String src = conf.ipv6() ? node.ipv6() : node.ipv4();
        Files.writeString(conffile, conf.render(node.name(), Node.IF, priority, src, unicastPeers));
    }

    /** A daemon reading {@code configText} as it is (no {@link VrrpConf}: {@link #hasVip()} is not available). */
    Daemon(Kind kind, Node node, String configText, Path dir) throws IOException {
        this(kind, node, null, 0, dir);
        Files.writeString(conffile, configText);
    }

    private Daemon(Kind kind, Node node, VrrpConf conf, int priority, Path dir) throws IOException {
        this.kind = kind;
        this.node = node;
        this.conf = conf;
        this.priority = priority;
        String base = node.name() + "-" + kind.label;
        this.conffile = dir.resolve(base + ".conf");
        this.log = dir.resolve(base + ".log");
        this.pidFile = dir.resolve(base + ".pid");
        this.vrrpPidFile = dir.resolve(base + "-vrrp.pid");
        this.checkPidFile = dir.resolve(base + "-check.pid");
        this.tmpDir = dir.resolve(base + "-tmp");
        Files.createDirectories(tmpDir);
    }

    public Kind kind() {
        return kind;
    }

    public Node node() {
        return node;
    }

    int priority() {
        return priority;
    }

    /** Starts the daemon (again); the log is appended to. */
    public void start() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException(this + " is already running");
        }
        List<String> command = new ArrayList<>();
        if (kind == Kind.KEEPALIVED) {
            // -R: when the VRRP child is SIGKILLed the parent must not start a new one (a crash stays a crash).
            command.addAll(List.of("keepalived", "-n", "-l", "-D", "-R", "-f", conffile.toString(), "-p",
                    pidFile.toString(), "-r", vrrpPidFile.toString(), "-c", checkPidFile.toString()));
        } else {
            command.addAll(List.of(Launcher.launcher().toString(), "-n", "-l", "-D", "-f", conffile.toString(),
                    "-p", pidFile.toString()));
        }
        try {
            Files.deleteIfExists(vrrpPidFile);
        } catch (IOException e) {
            // a stale pid file only matters if it is read, and it is deleted before every start
        }
        vrrpChildPid = null;
        // `ip netns exec` execs the command, so the Process is the daemon itself (its pid, its signals).
        ProcessBuilder pb = new ProcessBuilder(node.ns().exec(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("TMPDIR", tmpDir.toString()); // keepalived's stats file, not a shared /tmp one
        process = pb.start();
        process.getOutputStream().close();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: nothing is sent, nothing cleaned up (the VIP stays on the interface, as after a crash). */
    public void kill() throws InterruptedException {
        if (kind == Kind.KEEPALIVED) {
            // The VRRP child first: killed after its parent, it would be told to stop and send priority 0.
            vrrpChild().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, not waiting: a graceful stop sends priority 0 and removes the VIPs. */
    public void terminate() {
        if (process != null) {
            vrrpChild(); // remembered while the pid file still exists
            process.destroy();
        }
    }

    /** Waits for the process (and keepalived's VRRP child) to exit after {@link #terminate()}. */
    public void awaitExit(long timeoutMillis) throws InterruptedException {
        if (process != null && !process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new AssertionError(this + " did not exit within " + timeoutMillis + " ms of SIGTERM\n" + log());
        }
        Optional<ProcessHandle> child = vrrpChildPid == null ? Optional.empty() : ProcessHandle.of(vrrpChildPid);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (child.isPresent() && child.get().isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(this + "'s VRRP child did not exit\n" + log());
            }
            Thread.sleep(10);
        }
    }

    /** Whatever is left, by pid, forcibly (clean-up). */
    public void destroy() {
        vrrpChild().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Optional<Long> vrrpChild() {
        if (kind != Kind.KEEPALIVED) {
            return Optional.empty();
        }
        if (vrrpChildPid == null) {
            try {
                vrrpChildPid = Long.parseLong(Files.readString(vrrpPidFile).trim());
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(vrrpChildPid);
    }

    /**
     * Its statistics after SIGUSR2 ({@code $TMPDIR/keepalived.stats}, the same layout from both), as {@code "section/key"}
     * to value, e.g. {@code "Packet Errors/TTL" -> 0}, {@code "Advertisements/Received" -> 41}.
     */
    java.util.Map<String, Long> stats() throws IOException, InterruptedException {
        if (!isRunning()) {
            throw new IllegalStateException(this + " is not running");
        }
        Path file = tmpDir.resolve("keepalived.stats");
        Files.deleteIfExists(file);
        org.jkeepalived.testsupport.Netns.runProcess(List.of("kill", "-USR2", Long.toString(process.pid())), 10);
        Await.await(this + "'s stats file", 5_000,
                () -> Files.exists(file) && read(file).contains("Priority Zero:") && read(file).endsWith("\n")
                        && read(file).substring(read(file).indexOf("Priority Zero:")).contains("Sent:"));
        java.util.Map<String, Long> stats = new java.util.LinkedHashMap<>();
        String section = "";
        for (String line : read(file).split("\n")) {
            String t = line.trim();
            if (t.endsWith(":")) {
                section = t.substring(0, t.length() - 1);
            } else if (line.startsWith("    ") || line.startsWith("  ") && t.contains(": ")) {
                int c = t.lastIndexOf(": ");
                if (c > 0 && t.substring(c + 2).matches("\\d+")) {
                    String key = line.startsWith("    ") ? section + "/" + t.substring(0, c) : t.substring(0, c);
                    stats.put(key, Long.parseLong(t.substring(c + 2)));
                }
            }
        }
        return stats;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** How many times the whole log says the instance entered MASTER. */
    int masters() {
        return count(log(), MASTER);
    }

    /** How many times it entered BACKUP (keepalived and jkeepalived: "(init)" at start, none afterwards). */
    int backups() {
        return count(log(), BACKUP);
    }

    /** MASTER or BACKUP, whichever of the two lines is the last in the log; "" before either. */
    String lastState() {
        String l = log();
        int m = l.lastIndexOf(MASTER);
        int b = l.lastIndexOf(BACKUP);
        return m < 0 && b < 0 ? "" : m > b ? "MASTER" : "BACKUP";
    }

    /**
     * Lines of the instance that complain about a received packet. keepalived 2.2.7's wording ("(VI_1) received
     * an invalid passwd!", observed) and jkeepalived's drop messages ("(VI_1) wrong password from ...", "TTL ...",
     * "advert interval ...", "address list ...", "received version ...", "auth type ...", checksum, ...).
     */
    List<String> complaints() {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(?i)invalid|mismatch|wrong|error|bad|incorrect"
                + "|\\bttl\\b|auth type|advert interval|address list|received version|unicast advert|checksum"
                + "|passw|for vrid");
        return log().lines().filter(l -> l.contains("(VI_1)") && p.matcher(l).find()).toList();
    }

    boolean hasVip() {
        return node.has(conf.vipWithPrefix());
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public String toString() {
        return kind.label + "@" + node.name() + "(prio " + priority + ")";
    }
}
