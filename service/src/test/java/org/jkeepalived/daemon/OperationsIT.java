package org.jkeepalived.daemon;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.ffi.UnixDatagramSocket;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daemon operations end to end: {@code bin/jkeepalived} runs a VRRP instance in a network namespace made here,
 * with {@code NOTIFY_SOCKET} pointing at a real AF_UNIX datagram socket this test binds (as systemd does) and
 * {@code WATCHDOG_USEC} set. Asserted: READY, WATCHDOG=1 at half the interval, RELOADING (with MONOTONIC_USEC)
 * and READY around SIGHUP, the data/stats/JSON dumps on SIGUSR1/SIGUSR2/signal 36 (parsed), signal 63 writing the stats and clearing them,
 * and STOPPING on SIGTERM. Everything is signalled by pid.
 */
@Timeout(180)
class OperationsIT {
    private static final long WATCHDOG_USEC = 1_000_000; // pings every 500 ms

    @TempDir
    Path dir;
    private Netns ns;
    private Process daemon;
    private UnixDatagramSocket systemd;
    private volatile boolean listening = true;
    private final List<Datagram> received = new CopyOnWriteArrayList<>();

    record Datagram(long atNanos, String text) {
    }

    @AfterEach
    void cleanUp() throws Exception {
        listening = false;
        if (daemon != null && daemon.isAlive()) {
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
        if (systemd != null) {
            Thread.sleep(300); // the reader's receive timeout
            systemd.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void notifyWatchdogReloadDumpsAndStopAgainstARealNotifySocket() throws Exception {
        Privileged.require("ip", "env");
        ns = Netns.create("jkops").withInterfaces("eth0");
        ns.ip("link", "set", "jkp0", "up"); // the veth's peer: without it eth0 has no carrier (FAULT)
        ns.ip("addr", "add", "10.231.0.1/24", "dev", "eth0");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path json = dir.resolve("dumps").resolve("ops.json");
        Files.createDirectories(json.getParent());
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, """
                global_defs {
                  router_id ops-it
                  json_dump_file %s
                }
                vrrp_instance VI_1 {
                  state BACKUP
                  interface eth0
                  virtual_router_id 61
                  priority 150
                  advert_int 1
                  authentication {
                    auth_type PASS
                    auth_pass s3cret
                  }
                  virtual_ipaddress {
                    10.231.0.100/24
                  }
                }
                """.formatted(json));
        Path pid = dir.resolve("jk.pid");
        Path log = dir.resolve("jk.log");

        Path socket = dir.resolve("notify.sock"); // a path: abstract sockets belong to a network namespace
        systemd = UnixDatagramSocket.open();
        systemd.bind(socket.toString());
        systemd.receiveTimeout(Duration.ofMillis(200));
        Thread reader = new Thread(this::listen, "notify-reader");
        reader.setDaemon(true);
        reader.start();

        ProcessBuilder b = new ProcessBuilder(ns.exec(List.of(Launcher.launcher().toString(), "-l", "-G", "-n",
                "-p", pid.toString(), "-f", conf.toString())));
        Map<String, String> env = b.environment();
        env.put("NOTIFY_SOCKET", socket.toString());
        env.put("WATCHDOG_USEC", String.valueOf(WATCHDOG_USEC));
        env.remove("WATCHDOG_PID");
        env.put("TMPDIR", tmp.toString());
        env.put("JKEEPALIVED_STATE_DIR", dir.resolve("state").toString());
        daemon = b.redirectErrorStream(true).redirectOutput(log.toFile()).start();

        await("READY=1", 30_000, () -> texts().contains("READY=1\nSTATUS=Running"));
        await("a pid file", 10_000, () -> Files.exists(pid));
        long daemonPid = Long.parseLong(Files.readString(pid).strip());
        try {
            await("VI_1 MASTER", 20_000, () -> read(log).contains("(VI_1) Entering MASTER STATE"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the daemon's log:\n" + read(log), e);
        }
        assertThat(read(log)).contains("systemd watchdog: 1.000 s, pinging every 0.500 s",
                "Signals: JSON dump on signal 36 (SIGRTMIN+2); STATS_CLEAR on signal 63");

        // WATCHDOG=1 every half interval: count over 3 s, and no gap near the interval.
        int before = pings().size();
        Thread.sleep(3000);
        List<Long> pings = pings();
        assertThat(pings.size() - before).as("pings in 3 s at one per 0.5 s").isBetween(5, 8);
        for (int i = Math.max(1, before); i < pings.size(); i++) {
            assertThat(pings.get(i) - pings.get(i - 1)).as("gap between pings (ns)")
                    .isLessThan(TimeUnit.MILLISECONDS.toNanos(800));
        }
        assertThat(texts()).noneMatch(t -> t.startsWith("STATUS=Wedged"));

        // SIGHUP: RELOADING=1 with MONOTONIC_USEC (our CLOCK_MONOTONIC too), then READY=1.
        int mark = received.size();
        kill(daemonPid, "HUP");
        await("RELOADING then READY", 20_000, () -> after(mark).contains("READY=1\nSTATUS=Running"));
        List<String> reload = after(mark).stream().filter(t -> !t.equals("WATCHDOG=1")).toList();
        assertThat(reload).hasSize(2);
        assertThat(reload.get(0)).matches("RELOADING=1\nMONOTONIC_USEC=\\d+");
        long monotonicUsec = Long.parseLong(reload.get(0).substring(reload.get(0).indexOf('=', 12) + 1));
        assertThat(Math.abs(System.nanoTime() / 1000 - monotonicUsec)).isLessThan(20_000_000L);
        assertThat(reload.get(1)).isEqualTo("READY=1\nSTATUS=Running");

        // The dumps, by pid, at keepalived's default paths under $TMPDIR and at json_dump_file.
        kill(daemonPid, "USR1");
        String data = waitForFile(tmp.resolve("keepalived.data"));
        assertThat(data).contains("------< VRRP Topology >------\n VRRP Instance = VI_1\n", "   State = MASTER\n",
                "     10.231.0.100/24 dev eth0 scope global set\n", " Reloads = 1\n");
        kill(daemonPid, "USR2");
        assertThat(waitForFile(tmp.resolve("keepalived.stats"))).contains("VRRP Instance: VI_1\n", "  Became master: 1\n");
        kill(daemonPid, "36");
        String dump = waitForFile(json);
        @SuppressWarnings("unchecked")
        var parsed = (List<Map<String, Map<String, Object>>>) MiniJson.parse(dump);
        assertThat(parsed).hasSize(1);
        Map<String, Object> vi = parsed.get(0).get("data");
        assertThat(vi).containsEntry("iname", "VI_1").containsEntry("ifp_ifname", "eth0")
                .containsEntry("vrid", new MiniJson.Num("61")).containsEntry("state", new MiniJson.Num("2"))
                .containsEntry("vipset", true).containsEntry("auth_type", new MiniJson.Num("1"))
                .containsEntry("vips", List.of("10.231.0.100/24 dev eth0 scope global set"));
        assertThat(parsed.get(0).get("stats")).containsEntry("become_master", new MiniJson.Num("1"));
        for (Path f : List.of(tmp.resolve("keepalived.data"), tmp.resolve("keepalived.stats"), json)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(tmp.resolve("keepalived.json")).as("json_dump_file wins over the default").doesNotExist();
        if (Privileged.which("python3") != null) {
            Netns.Result py = Netns.runProcess(List.of("python3", "-m", "json.tool", json.toString()), 30);
            assertThat(py.exitCode()).as("python3 -m json.tool: %s", py.output()).isZero();
        }

        // STATS_CLEAR (SIGRTMAX-1), as keepalived 2.2.7 does it: the stats file with the counters as they were, then
        // the counters restart from 0 (and the signal's default action, ending the process, never runs).
        Files.delete(tmp.resolve("keepalived.stats"));
        kill(daemonPid, "63");
        assertThat(waitForFile(tmp.resolve("keepalived.stats"))).contains("  Became master: 1\n");
        await("STATS_CLEAR logged", 10_000,
                () -> read(log).contains("Printing and clearing VRRP stats for process(" + daemonPid + ") on signal"));
        Files.delete(tmp.resolve("keepalived.stats"));
        kill(daemonPid, "USR2");
        assertThat(waitForFile(tmp.resolve("keepalived.stats"))).contains("  Became master: 0\n",
                "  Released master: 0\n");
        assertThat(daemon.isAlive()).isTrue();

        int stopMark = received.size();
        kill(daemonPid, "TERM");
        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isZero();
        await("STOPPING=1", 5_000, () -> after(stopMark).contains("STOPPING=1"));
        List<String> tail = after(stopMark);
        assertThat(tail.subList(tail.indexOf("STOPPING=1") + 1, tail.size()))
                .as("no ping after STOPPING").doesNotContain("WATCHDOG=1");
        assertThat(read(log)).doesNotContain("Exception").doesNotContain("watchdog: not pinging");
    }

    private void listen() {
        byte[] buf = new byte[4096];
        while (listening) {
            try {
                int n = systemd.receive(buf);
                if (n >= 0) {
                    received.add(new Datagram(System.nanoTime(), new String(buf, 0, n, UTF_8)));
                }
            } catch (Exception e) {
                return;
            }
        }
    }

    private List<String> texts() {
        return received.stream().map(Datagram::text).toList();
    }

    private List<String> after(int mark) {
        List<String> all = texts();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    private List<Long> pings() {
        List<Long> at = new ArrayList<>();
        received.stream().filter(d -> d.text().equals("WATCHDOG=1")).forEach(d -> at.add(d.atNanos()));
        return at;
    }

    private static void kill(long pid, String signal) throws Exception {
        Process k = new ProcessBuilder("kill", "-s", signal, String.valueOf(pid)).inheritIO().start();
        assertThat(k.waitFor(10, TimeUnit.SECONDS) && k.exitValue() == 0).as("kill -s %s %d", signal, pid).isTrue();
    }

    private static String waitForFile(Path f) throws Exception {
        await(f.toString(), 10_000, () -> Files.exists(f));
        return Files.readString(f);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "";
        }
    }
}
