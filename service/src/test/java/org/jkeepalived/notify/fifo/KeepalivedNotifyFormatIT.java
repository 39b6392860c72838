package org.jkeepalived.notify.fifo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs.Fifo;
import org.jkeepalived.config.model.global.GlobalDefs.FifoSettings;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.Event.NotifyState;
import org.jkeepalived.event.Event.TargetType;
import org.jkeepalived.notify.script.NotifyScriptSubscriber;
import org.jkeepalived.notify.script.RealRunner;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier 4, differential on formats: Debian's keepalived 2.2.7 runs a configuration with every notify script,
 * both VRRP FIFOs with their scripts and notify_priority_changes, against a second keepalived that makes it
 * MASTER, then sees lower-priority adverts (its peer never hears it: unicast to an absent address) and
 * priority changes (track_file). Our subscribers are then given the events of that same run and must produce
 * the same script argument lists and the same FIFO lines.
 */
class KeepalivedNotifyFormatIT {
    @TempDir
    Path dir;

    private static final String A_CONF = """
            global_defs {
             router_id nfxA
             enable_script_security
             script_user root
             notify_fifo DIR/nf.fifo
             notify_fifo_script "DIR/fifo.sh nf"
             vrrp_notify_fifo DIR/vnf.fifo
             vrrp_notify_fifo_script "DIR/fifo.sh vnf"
            }
            track_file tfA {
             file DIR/fileA
             weight 1
            }
            track_file tfA2 {
             file DIR/fileA2
             weight 1
            }
            vrrp_sync_group G1 {
             group {
              VI_2
             }
             sync_group_tracking_weight
             notify "DIR/notify.sh Gnotify"
             notify_backup "DIR/notify.sh Gbackup"
             notify_stop "DIR/notify.sh Gstop"
            }
            vrrp_instance VI_1 {
             interface veA
             virtual_router_id 51
             priority 100
             advert_int 1
             unicast_src_ip 10.77.0.1
             unicast_peer {
              10.77.0.99
             }
             virtual_ipaddress {
              10.77.0.100/24
             }
             track_file {
              tfA
             }
             notify_priority_changes
             notify "DIR/notify.sh notify 'a b'"
             notify_master "DIR/notify.sh master"
             notify_backup "DIR/notify.sh backup"
             notify_stop "DIR/notify.sh stop"
             notify_master_rx_lower_pri "DIR/notify.sh rxlower"
            }
            vrrp_instance VI_2 {
             interface veA
             virtual_router_id 52
             priority 50
             advert_int 1
             unicast_src_ip 10.77.0.1
             unicast_peer {
              10.77.0.2
             }
             virtual_ipaddress {
              10.77.0.101/24
             }
             track_file {
              tfA2
             }
             notify_priority_changes
             notify "DIR/notify.sh notify2"
            }
            """;

    private static final String B_CONF = """
            global_defs {
             router_id nfxB
            }
            vrrp_instance VI_1 {
             interface veB
             virtual_router_id 51
             priority 90
             advert_int 1
             unicast_src_ip 10.77.0.2
             unicast_peer {
              10.77.0.1
             }
             virtual_ipaddress {
              10.77.0.100/24
             }
            }
            vrrp_instance VI_2 {
             interface veB
             virtual_router_id 52
             priority 200
             advert_int 1
             unicast_src_ip 10.77.0.2
             unicast_peer {
              10.77.0.1
             }
             virtual_ipaddress {
              10.77.0.101/24
             }
            }
            """;

    @Test
    void ourScriptArgumentsAndFifoLinesAreKeepalivedsForTheSameRun() throws Exception {
        Privileged.require("ip", "keepalived");
        Path k = Files.createDirectories(dir.resolve("k"));
        Path notifyLog = k.resolve("notify.log");
        writeScripts(k, notifyLog);
        Files.writeString(k.resolve("fileA"), "0\n");
        Files.writeString(k.resolve("fileA2"), "0\n");
        Files.writeString(k.resolve("a.conf"), A_CONF.replace("DIR", k.toString()));
        Files.writeString(k.resolve("b.conf"), B_CONF);
        try (Netns a = Netns.create("jknfa"); Netns b = Netns.create("jknfb")) {
            Netns.veth(a, "veA", b, "veB");
            a.ip("addr", "add", "10.77.0.1/24", "dev", "veA");
            b.ip("addr", "add", "10.77.0.2/24", "dev", "veB");
            Process pb = keepalived(b, k, "b");
            Process pa = null;
            try {
                Thread.sleep(2_000); // B is master of both before A starts
                pa = keepalived(a, k, "a");
                await("VI_1 MASTER_RX_LOWER_PRI", 20_000, () -> lines(k.resolve("nf.log")).stream()
                        .anyMatch(l -> l.contains("MASTER_RX_LOWER_PRI 100")));
                Files.writeString(k.resolve("fileA"), "5\n");
                Files.writeString(k.resolve("fileA2"), "7\n");
                await("priority changes", 10_000, () -> lines(k.resolve("nf.log")).containsAll(List.of(
                        "INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 105", "INSTANCE \"VI_2\" BACKUP_PRIORITY 57")));
            } finally {
                stop(pa, k.resolve("a.pid"));
                stop(pb, k.resolve("b.pid"));
            }
        }
        List<String> stops = List.of("stop", "Gstop", "notify a b INSTANCE VI_1 STOP 105",
                "notify2 INSTANCE VI_2 STOP 57", "Gnotify GROUP G1 STOP 0");
        try {
            await("STOP scripts", 5_000, () -> lines(notifyLog).containsAll(stops));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; keepalived's notify log: " + lines(notifyLog)
                    + "; its output: " + lines(k.resolve("a.out")));
        }
        Set<String> theirFifo = new LinkedHashSet<>(lines(k.resolve("nf.log")));
        Set<String> theirVrrpFifo = new LinkedHashSet<>(lines(k.resolve("vnf.log")));
        Set<String> theirScripts = new LinkedHashSet<>(lines(notifyLog));

        // The same run's events, given to our subscribers.
        Path o = Files.createDirectories(dir.resolve("o"));
        Path ourLog = o.resolve("notify.log");
        writeScripts(o, ourLog);
        Event.Target vi1 = new Event.Target(TargetType.INSTANCE, "VI_1", new NotifyScripts(
                cmd(o, "master"), cmd(o, "backup"), null, cmd(o, "stop"), null, cmd(o, "notify", "a b"),
                cmd(o, "rxlower"), false), false, true);
        Event.Target vi2 = new Event.Target(TargetType.INSTANCE, "VI_2", new NotifyScripts(
                null, null, null, null, null, cmd(o, "notify2"), null, false), false, true);
        Event.Target g1 = new Event.Target(TargetType.GROUP, "G1", new NotifyScripts(
                null, cmd(o, "Gbackup"), null, cmd(o, "Gstop"), null, cmd(o, "Gnotify"), null, false), false, false);
        InetAddress peer = InetAddress.getByName("10.77.0.2");
        List<Event> events = List.of(
                new Event.VrrpStateChanged(g1, NotifyState.BACKUP, 0, "init"),
                new Event.VrrpStateChanged(vi1, NotifyState.BACKUP, 100, "init"),
                new Event.VrrpStateChanged(vi2, NotifyState.BACKUP, 50, "init"),
                new Event.VrrpStateChanged(vi1, NotifyState.MASTER, 100, "timeout"),
                new Event.MasterRxLowerPriority(vi1, 100, peer, 90),
                new Event.VrrpPriorityChanged(vi1, NotifyState.MASTER, 105),
                new Event.MasterRxLowerPriority(vi1, 105, peer, 90),
                new Event.VrrpPriorityChanged(vi2, NotifyState.BACKUP, 57),
                new Event.VrrpStateChanged(vi1, NotifyState.STOP, 105, "shutdown"),
                new Event.VrrpStateChanged(vi2, NotifyState.STOP, 57, "shutdown"),
                new Event.VrrpStateChanged(g1, NotifyState.STOP, 0, "shutdown"));
        List<String> ourFifo = new CopyOnWriteArrayList<>();
        Path ourFifoPath = o.resolve("nf.fifo");
        NotifyScriptSubscriber scripts = new NotifyScriptSubscriber(RealRunner.create(), Log.to((l, d, m) -> { }));
        try (NotifyFifo fifo = NotifyFifo.open(new FifoSettings(new Fifo(ourFifoPath.toString(), null, null, null),
                null, null, false, false), RealRunner.create(), Log.to((l, d, m) -> { }))) {
            Thread reader = reader(ourFifoPath, ourFifo);
            events.forEach(fifo);
            events.forEach(scripts);
            await("our lines", 5_000, () -> ourFifo.size() == events.size());
            fifo.close();
            reader.join(2_000);
        } finally {
            scripts.close(Duration.ofSeconds(5));
        }
        // close() has waited for every script: each ran once per event; keepalived's repeat (rx lower every second).
        assertThat(lines(ourLog)).hasSize(14);

        // keepalived kills its FIFO scripts before it writes the STOP lines (observed), so they are ours only.
        List<String> ourFifoBeforeStop = ourFifo.stream().filter(l -> !l.endsWith(" STOP 105")
                && !l.endsWith(" STOP 57") && !l.endsWith(" STOP 0")).toList();
        assertThat(theirFifo).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(ourFifoBeforeStop));
        assertThat(theirVrrpFifo).isEqualTo(theirFifo);
        assertThat(new LinkedHashSet<>(lines(ourLog))).containsExactlyInAnyOrderElementsOf(theirScripts);
    }

    /** notify.sh logs its arguments (not $0); fifo.sh copies the FIFO (its last argument) to $1.log. */
    private static void writeScripts(Path d, Path notifyLog) throws IOException {
        Path n = d.resolve("notify.sh");
        // One write per line: keepalived runs a transition's scripts concurrently, all appending here.
        Files.writeString(n, "#!/bin/sh\nl=$(for a in \"$@\"; do printf '%s ' \"$a\"; done)\necho \"${l% }\" >> "
                + notifyLog + "\n");
        Path f = d.resolve("fifo.sh");
        Files.writeString(f, "#!/bin/sh\nfor last; do :; done\nwhile read -r line; do echo \"$line\" >> "
                + d + "/$1.log; done < \"$last\"\n");
        n.toFile().setExecutable(true);
        f.toFile().setExecutable(true);
    }

    private static ScriptCommand cmd(Path d, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(d.resolve("notify.sh").toString());
        argv.addAll(List.of(args));
        return new ScriptCommand(String.join(" ", argv), argv, null, null, new Location("k.conf", 1));
    }

    private static Process keepalived(Netns ns, Path k, String name) throws IOException {
        return new ProcessBuilder(ns.exec(List.of("keepalived", "-n", "-l", "-D", "-f", k + "/" + name + ".conf",
                "-p", k + "/" + name + ".pid", "-r", k + "/" + name + ".vpid", "-c", k + "/" + name + ".cpid")))
                .redirectErrorStream(true).redirectOutput(k.resolve(name + ".out").toFile()).start();
    }

    /** SIGTERM by the pid file (the process ip-netns-exec became), then wait for it to end. */
    private static void stop(Process p, Path pidFile) throws Exception {
        if (p == null) {
            return;
        }
        long pid = Files.exists(pidFile) ? Long.parseLong(Files.readString(pidFile).trim()) : p.pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static Thread reader(Path fifoPath, List<String> into) {
        return FifoReader.start(fifoPath, into);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
