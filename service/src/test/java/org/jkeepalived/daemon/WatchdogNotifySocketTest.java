package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.ffi.UnixDatagramSocket;
import org.jkeepalived.net.FakeFrameSender;
import org.jkeepalived.net.FakeVrrpSocket;
import org.jkeepalived.netlink.FakeAddressManager;
import org.jkeepalived.netlink.FakeNetlinkMonitor;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.os.SystemdNotify;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.jkeepalived.vrrp.runtime.EngineInstance;
import org.jkeepalived.vrrp.runtime.EnginePorts;
import org.jkeepalived.vrrp.runtime.VrrpEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog wired for real, without privileges: a real {@link VrrpEngine} loop thread (with fake ports), the
 * real {@link SystemdNotify} and a real AF_UNIX datagram socket bound where {@code NOTIFY_SOCKET} points. The VRRP
 * loop is then wedged for real (a task on its thread that blocks) and the pings must stop, then resume.
 */
class WatchdogNotifySocketTest {
    private static final long INTERVAL_MICROS = 500_000; // a ping every 250 ms

    @TempDir
    Path dir;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private static VrrpEngine engine() throws Exception {
        FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
        FakeAddressManager addresses = new FakeAddressManager(monitor);
        addresses.putLink(new Link(2, "eth0", Link.IFF_UP | Link.IFF_RUNNING, new byte[] {2, 0, 0, 0, 0, 1}));
        FakeVrrpSocket socket = new FakeVrrpSocket(Vrrp.addr("10.0.0.1"), 2);
        RouterSettings settings = RouterSettings.builder("VI_1", 1, Vrrp.addr("10.0.0.1")).version(3).priority(100)
                .advertIntervalCentis(10).addresses(List.of(Vrrp.VIP), List.of(Vrrp.vip(Vrrp.VIP))).build();
        EngineInstance in = new EngineInstance(settings, "eth0", 2, InetAddress.getByName("224.0.0.18"),
                V3ChecksumMode.PSEUDO_HEADER);
        VrrpEngine e = new VrrpEngine(List.of(in),
                new EnginePorts(spec -> socket, i -> new FakeFrameSender(), addresses, monitor), System::nanoTime,
                Log.to((level, detail, message) -> { }));
        e.start();
        return e;
    }

    /** The datagrams received within {@code window}. */
    private static List<String> receive(UnixDatagramSocket s, Duration window) throws Exception {
        List<String> got = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        byte[] buf = new byte[4096];
        while (System.nanoTime() < end) {
            int n = s.receive(buf);
            if (n >= 0) {
                got.add(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        }
        return got;
    }

    @Test
    void pingsTheRealNotifySocketUntilTheRealVrrpLoopIsWedged() throws Exception {
        Path path = dir.resolve("notify.sock");
        UnixDatagramSocket listener = UnixDatagramSocket.open();
        closing.add(listener);
        listener.bind(path.toString());
        listener.receiveTimeout(Duration.ofMillis(50));
        assertThat(Files.exists(path)).isTrue();

        VrrpEngine vrrp = engine();
        closing.add(vrrp::stop);
        SystemdNotify systemd = SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()));
        List<String> logged = new CopyOnWriteArrayList<>();
        Watchdog watchdog = new Watchdog(INTERVAL_MICROS, () -> List.of(Watchdog.Loop.of("VRRP loop", vrrp::probe)),
                systemd::send, System::nanoTime, Log.to((level, detail, message) -> logged.add(message)));
        watchdog.start();
        closing.add(watchdog);

        List<String> healthy = receive(listener, Duration.ofMillis(1300));
        assertThat(healthy).containsOnly("WATCHDOG=1");
        assertThat(healthy.size()).as("a ping every 250 ms for 1.3 s").isBetween(4, 7);

        // Wedge the real loop thread: a task on it that does not return (as a blocked subscriber would).
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        assertThat(vrrp.probe(() -> {
            blocked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).isTrue();
        assertThat(blocked.await(2, TimeUnit.SECONDS)).isTrue();
        List<String> wedged = receive(listener, Duration.ofMillis(1200));
        // At most the ping already judged before the wedge, then the STATUS line and silence.
        assertThat(wedged.stream().filter(s -> s.equals("WATCHDOG=1")).count()).isLessThanOrEqualTo(1);
        assertThat(wedged).anySatisfy(s -> assertThat(s).startsWith("STATUS=Wedged: VRRP loop has not answered"));
        assertThat(wedged.subList(wedged.size() - 1, wedged.size()).get(0)).startsWith("STATUS=Wedged");
        assertThat(logged).filteredOn(m -> m.startsWith("watchdog: not pinging")).hasSize(1);

        release.countDown();
        List<String> resumed = receive(listener, Duration.ofMillis(800));
        assertThat(resumed).contains("WATCHDOG=1\nSTATUS=Running");
        assertThat(resumed.stream().filter(s -> s.startsWith("WATCHDOG=1")).count()).isGreaterThanOrEqualTo(2);
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("pings to systemd resumed"));
    }

    @Test
    void aWedgedCheckerRunnerStopsThePingsToo() throws Exception {
        Path path = dir.resolve("notify2.sock");
        UnixDatagramSocket listener = UnixDatagramSocket.open();
        closing.add(listener);
        listener.bind(path.toString());
        listener.receiveTimeout(Duration.ofMillis(50));
        var scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        closing.add(scheduler::shutdownNow);
        var runner = new org.jkeepalived.check.CheckerRunner<String>(scheduler, (rs, checker) -> null, e -> { },
                Log.to((level, detail, message) -> { }), () -> 0.5, () -> System.nanoTime() / 1000);
        closing.add(runner);
        Watchdog watchdog = new Watchdog(INTERVAL_MICROS,
                () -> List.of(Watchdog.Loop.of("checker runner", runner::probe)),
                SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()))::send, System::nanoTime,
                Log.to((level, detail, message) -> { }));
        watchdog.start();
        closing.add(watchdog);
        assertThat(receive(listener, Duration.ofMillis(700))).contains("WATCHDOG=1");

        CountDownLatch release = new CountDownLatch(1);
        scheduler.execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS); // a check that never returns, on the runner's only thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // Within two ticks: at most the ping for the probe answered before the wedge, then the STATUS line.
        List<String> first = receive(listener, Duration.ofMillis(700));
        assertThat(first).last().asString().startsWith("STATUS=Wedged: checker runner has not answered");
        assertThat(receive(listener, Duration.ofMillis(1000))).as("silence while wedged").isEmpty();
        assertThat(watchdog.wedged()).startsWith("checker runner has not answered");
        release.countDown();
        assertThat(receive(listener, Duration.ofMillis(800))).contains("WATCHDOG=1\nSTATUS=Running");
    }
}
