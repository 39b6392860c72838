package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.net.FakeFrameSender;
import org.jkeepalived.net.FakeVrrpSocket;
import org.jkeepalived.net.VrrpSocketSpec;
import org.jkeepalived.netlink.FakeAddressManager;
import org.jkeepalived.netlink.FakeNetlinkMonitor;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.LinuxScriptRunner;
import org.jkeepalived.track.TrackerRuntime;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.TrackedPriorities.Input;
import org.jkeepalived.vrrp.TrackedPriorities.Kind;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Isolation (issue 5): a tracked script that hangs never delays adverts. A real script on disk, run by the
 * real {@link LinuxScriptRunner} through the real {@link TrackerRuntime}, hangs for its 1.5 s timeout; the
 * engine (fake sockets) keeps advertising every 10 cs meanwhile, and the script's timeout then counts as a
 * failure that lowers the priority.
 */
class HungScriptIsolationTest {
    static final InetAddress SELF = Vrrp.addr("10.0.0.1");
    static final InetAddress GROUP = Vrrp.addr("224.0.0.18");

    @TempDir
    Path dir;
    private final Map<VrrpSocketSpec, FakeVrrpSocket> sockets = new ConcurrentHashMap<>();
    private VrrpEngine engine;
    private TrackerRuntime trackers;
    private LinuxScriptRunner runner;

    @AfterEach
    void stop() {
        if (trackers != null) {
            trackers.stop();
        }
        if (engine != null) {
            engine.stop();
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aHungScriptDoesNotDelayAdverts() throws Exception {
        Path flag = dir.resolve("hang");
        Path script = dir.resolve("chk.sh");
        Files.writeString(script, "#!/bin/sh\n[ -e " + flag + " ] && exec sleep 30\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        ScriptCommand cmd = new ScriptCommand(script.toString(), List.of(script.toString()), null, null, null);
        TrackConfig track = new TrackConfig(List.of(new VrrpScript("chk", cmd, 1_000_000, 1_500_000, -30, false, 1, 1,
                null, null, false, null)), List.of(), List.of(), List.of());

        FakeNetlinkMonitor monitor = new FakeNetlinkMonitor();
        FakeAddressManager addresses = new FakeAddressManager(monitor);
        addresses.putLink(new Link(2, "eth0", Link.IFF_UP | Link.IFF_RUNNING, new byte[] {2, 0, 0, 0, 0, 1}));
        EngineInstance in = new EngineInstance(RouterSettings.builder("VI_1", 1, SELF).version(3).priority(100)
                .advertIntervalCentis(10).addresses(List.of(), List.of()).build(), "eth0", 2, GROUP,
                V3ChecksumMode.PSEUDO_HEADER);
        engine = new VrrpEngine(List.of(in), StaticConfig.NONE, VrrpEngine.Resolver.NONE,
                new EnginePorts(spec -> sockets.computeIfAbsent(spec, s -> new FakeVrrpSocket(s.source(), s.ifIndex())),
                        i -> new FakeFrameSender(), addresses, monitor), System::nanoTime, Log.to((l, d, m) -> { }));
        runner = new LinuxScriptRunner(GlobalDefs.defaults("localhost").scripts(), Log.to((l, d, m) -> { }));
        trackers = new TrackerRuntime(track, new TrackerRuntime.Tracked(java.util.Set.of("chk"), java.util.Set.of(),
                java.util.Set.of()), runner, engine::tracked, Log.to((l, d, m) -> { }));
        engine.coordinate(new TrackingPlan(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", -30, false))),
                Map.of(), Map.of(), List.of()), e -> { });
        trackers.start();
        engine.start();
        await("MASTER", 3_000, () -> engine.states().get("VI_1") == VrrpState.MASTER);

        Files.createFile(flag); // the next run hangs until its 1.5 s timeout
        FakeVrrpSocket socket = sockets.values().iterator().next();
        List<Long> gapsMillis = new ArrayList<>();
        int last = socket.sent().size();
        long lastAt = System.nanoTime();
        long end = System.nanoTime() + 3_500_000_000L; // covers a whole hung run and its timeout
        while (System.nanoTime() < end) {
            int n = socket.sent().size();
            if (n != last) {
                long now = System.nanoTime();
                gapsMillis.add((now - lastAt) / 1_000_000);
                last = n;
                lastAt = now;
            }
            Thread.sleep(5);
        }
        assertThat(gapsMillis).as("adverts keep going while the script hangs (every 100 ms; the bound is loose for a loaded CI host)").hasSizeGreaterThan(25)
                .allMatch(g -> g < 1_000); // a loop waiting on the script would show a gap of 1.5 s or more
        await("the timeout counted as a failure: 100 - 30", 3_000,
                () -> engine.status().get(0).effectivePriority() == 70);
    }
}
