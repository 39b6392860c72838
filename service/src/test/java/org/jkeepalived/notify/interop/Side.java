package org.jkeepalived.notify.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.vrrp.interop.Daemon;
import org.jkeepalived.vrrp.interop.InteropLab;
import org.jkeepalived.vrrp.interop.Node;

/**
 * One daemon under test (keepalived or jkeepalived) on node {@code a} of its own lab, optionally with a fixed
 * keepalived peer on node {@code b}, and the files its scenario works with:
 * <ul>
 *   <li>{@code rec.sh TAG}: the notify recorder, appends {@code "$*"} (the arguments after TAG) to
 *       {@code calls/TAG.log};</li>
 *   <li>{@code chk.sh NAME}: a check script: appends "PID EPOCH-SECONDS" to {@code NAME.runs}, writes its pid
 *       to {@code NAME.pid},
 *       hangs (exec sleep, the pid stays) once when {@code NAME.hang} exists (and removes it), or waits
 *       for a child sleep (pid in {@code NAME.child}) once when {@code NAME.hangchild} exists; fails while
 *       {@code NAME.fail} exists;</li>
 *   <li>{@code fifo}: the notify fifo, copied line by line to {@code fifo.log} by a {@code cat};</li>
 *   <li>{@code tf}, {@code tz}: track files, "0" at first;</li>
 *   <li>{@code eth1} in node a's namespace, up, for {@code track_interface};</li>
 *   <li>{@code @PROC@}: a copy of {@code /bin/sleep} under a name unique to this side, for
 *       {@code vrrp_track_process}.</li>
 * </ul>
 * Placeholders in configuration text: {@code @DIR@} (this side's directory), {@code @PROC@} (the process name),
 * {@code @REC@} ({@code @DIR@/rec.sh}), {@code @CHK@} ({@code @DIR@/chk.sh}).
 */
final class Side implements AutoCloseable {
    private static final Pattern STATE = Pattern.compile("\\((\\S+)\\) Entering (\\w+) STATE");
    private static final Pattern GROUP = Pattern.compile("VRRP_Group\\((\\S+)\\) Syncing instances to (\\w+) state");

    final Daemon.Kind kind;
    final Path dir;
    final String processName;
    private final InteropLab lab;
    private Daemon daemon;
    private Process fifoReader;
    private final List<Process> spawned = new ArrayList<>();

    Side(Daemon.Kind kind, Path dir, boolean withPeer) throws IOException {
        this(kind, dir, withPeer, kind.label.substring(0, 1));
    }

    /** {@code tag}: one letter that tells this side's namespaces and process name from a concurrent side's. */
    Side(Daemon.Kind kind, Path dir, boolean withPeer, String tag) throws IOException {
        this.kind = kind;
        this.dir = dir;
        // comm is at most 15 characters; both sides share the pid namespace, so the names differ per side.
        this.processName = "jkt" + tag + ProcessHandle.current().pid();
        Files.createDirectories(dir.resolve("calls"));
        this.lab = InteropLab.create(dir, withPeer ? 2 : 1, "jkt" + tag);
        write("rec.sh", "#!/bin/sh\ntag=$1\nshift\necho \"$*\" >> @DIR@/calls/$tag.log\n");
        write("chk.sh", "#!/bin/sh\necho \"$$ $(date +%s.%N)\" >> @DIR@/$1.runs\necho $$ > @DIR@/$1.pid\n"
                + "if [ -e @DIR@/$1.hang ]; then rm @DIR@/$1.hang; exec sleep 1000; fi\n"
                + "if [ -e @DIR@/$1.hangchild ]; then rm @DIR@/$1.hangchild\n"
                + "  sleep 1000 & echo $! > @DIR@/$1.child\n  wait\nfi\n"
                + "[ ! -e @DIR@/$1.fail ]\n");
        Files.copy(Path.of("/bin/sleep"), dir.resolve(processName));
        Files.setPosixFilePermissions(dir.resolve(processName), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("tf"), "0\n");
        Files.writeString(dir.resolve("tz"), "0\n");
        // eth1: a veth whose peer (jkp0) stays in the namespace, both up, for track_interface.
        node().ns().withInterfaces("eth1");
        node().ns().ip("link", "set", "jkp0", "up");
        Netns.Result r = Netns.runProcess(List.of("mkfifo", "-m", "600", dir.resolve("fifo").toString()), 10);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("mkfifo: " + r.output());
        }
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, expand(text));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    String expand(String text) {
        return text.replace("@REC@", "@DIR@/rec.sh").replace("@CHK@", "@DIR@/chk.sh").replace("@DIR@", dir.toString())
                .replace("@PROC@", processName);
    }

    Node node() {
        return lab.node(0);
    }

    /** Node b, where the keepalived peer runs (with a peer only). */
    Node peerNode() {
        return lab.node(1);
    }

    Daemon daemon() {
        return daemon;
    }

    /** Starts the keepalived peer on node b (its configuration is used as it is, after expansion). */
    Daemon startPeer(String config) throws IOException {
        Daemon peer = lab.daemon(lab.node(1), Daemon.Kind.KEEPALIVED, expand(config));
        peer.start();
        return peer;
    }

    /** Starts the fifo reader and the daemon under test. */
    void start(String config) throws IOException {
        fifoReader = new ProcessBuilder("cat", dir.resolve("fifo").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("fifo.log").toFile()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        daemon = lab.daemon(node(), kind, expand(config));
        daemon.start();
    }

    /** Runs a shell command in node a's namespace; it must succeed. */
    void sh(String command) {
        Netns.Result r = node().ns().run(List.of("sh", "-c", expand(command)), 10);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(command + " failed (" + r.exitCode() + "): " + r.output());
        }
    }

    /** Starts the uniquely named sleep; {@link #stopProcesses()} or {@link #close()} ends it by pid. */
    void startProcess() throws IOException {
        spawned.add(new ProcessBuilder(dir.resolve(processName).toString(), "1000").start());
    }

    void stopProcesses() throws InterruptedException {
        for (Process p : spawned) {
            p.destroyForcibly();
            p.waitFor();
        }
        spawned.clear();
    }

    /** SIGTERM to the daemon, waits for its exit and for the notify scripts it started at the end. */
    void stop() throws InterruptedException {
        daemon.terminate();
        daemon.awaitExit(15_000);
        Thread.sleep(500);
    }

    /** {@link #recording(boolean)} with everything interleaved. */
    Map<String, List<String>> recording() throws IOException {
        return recording(true);
    }

    /**
     * What the daemon told the world, channel by channel: {@code notify:TAG} (one per recorder tag, the argument
     * lines in order), {@code fifo} (the fifo's lines), {@code log} ("VI_1 MASTER", "group G1 BACKUP": the log's
     * "(VI_1) Entering MASTER STATE" and "VRRP_Group(G1) Syncing instances to MASTER state" lines). Not
     * {@code interleaved}: {@code fifo NAME} and {@code log NAME}, one channel per instance or group.
     */
    Map<String, List<String>> recording(boolean interleaved) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, List<String>> calls = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir.resolve("calls"))) {
            for (Path f : files.toList()) {
                String tag = f.getFileName().toString().replaceFirst("\\.log$", "");
                calls.put("notify:" + tag, Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        out.putAll(calls);
        Path fifoLog = dir.resolve("fifo.log");
        List<String> fifo = Files.exists(fifoLog) ? Files.readAllLines(fifoLog, StandardCharsets.UTF_8) : List.of();
        List<String> states = new ArrayList<>();
        for (String line : daemon.log().split("\n")) {
            Matcher m = STATE.matcher(line);
            if (m.find()) {
                states.add(m.group(1) + " " + m.group(2));
            }
            Matcher g = GROUP.matcher(line);
            if (g.find()) {
                states.add("group " + g.group(1) + " " + g.group(2));
            }
        }
        if (interleaved) {
            out.put("fifo", fifo);
            out.put("log", states);
        } else {
            Map<String, List<String>> split = new TreeMap<>();
            // fifo: TYPE "NAME" STATE PRIORITY; log: NAME STATE or group NAME STATE
            fifo.forEach(l -> split.computeIfAbsent("fifo " + word(l.replace("\"", ""), 1), k -> new ArrayList<>())
                    .add(l));
            states.forEach(l -> split.computeIfAbsent("log " + word(l, l.startsWith("group ") ? 1 : 0),
                    k -> new ArrayList<>()).add(l));
            out.putAll(split);
        }
        return out;
    }

    private static String word(String line, int index) {
        String[] w = line.split(" ");
        return index < w.length ? w[index] : line;
    }

    /** Lines of the daemon's log containing {@code text}. */
    List<String> logLines(String text) {
        return daemon == null ? List.of() : daemon.log().lines().filter(l -> l.contains(text)).toList();
    }

    String readFile(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            stopProcesses();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lab.close();
        if (fifoReader != null) {
            fifoReader.destroyForcibly();
        }
    }
}
