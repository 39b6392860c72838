package org.jkeepalived.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.track.TrackFile;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.LinuxScriptRunner;
import org.jkeepalived.track.TrackerUpdate.Status;
import org.jkeepalived.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade: only tracked objects run; reload keeps unchanged trackers with their state. */
class TrackerRuntimeTest {
    @TempDir
    Path dir;

    final List<TrackerUpdate> updates = Collections.synchronizedList(new ArrayList<>());
    final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    final Log log = Log.to((l, d, m) -> logged.add(m));
    final LinuxScriptRunner runner = new LinuxScriptRunner(
            new GlobalDefs.ScriptSettings(null, null, false, null, 0, null, 0, false, false), log);
    TrackerRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.stop();
        }
        runner.close();
    }

    VrrpScript script(String name, String body, long intervalMillis, int weight) throws Exception {
        Path f = dir.resolve(name + ".sh");
        String text = "#!/bin/sh\n" + body + "\n";
        // Rewriting a script that a running tracker executes could make its exec fail (ETXTBSY).
        if (!Files.exists(f) || !Files.readString(f).equals(text)) {
            Files.writeString(f, text);
            f.toFile().setExecutable(true);
        }
        ScriptCommand c = new ScriptCommand(f.toString(), List.of(f.toString()), null, null, new Location("t", 1));
        return new VrrpScript(name, c, intervalMillis * 1000, 0, weight, false, 1, 1, null, null, false,
                new Location("t", 1));
    }

    List<TrackerUpdate> updatesOf(String name) {
        synchronized (updates) {
            return updates.stream().filter(u -> u.name().equals(name)).toList();
        }
    }

    @Test
    void trackedNamesComeFromInstancesAndSyncGroups() {
        var r = org.jkeepalived.config.vrrp.VrrpConf.load("vrrp_script a {\n script /bin/true\n}\n"
                + "vrrp_script b {\n script /bin/true\n}\nvrrp_script unused {\n script /bin/true\n}\n"
                + "track_file f {\n file /tmp/x\n}\nvrrp_track_process p {\n process sshd\n}\n"
                + org.jkeepalived.config.vrrp.VrrpConf.inst("track_script {\n a\n}\ntrack_file {\n f weight 0\n}")
                + org.jkeepalived.config.vrrp.VrrpConf.inst("VI_2", 2, "track_process {\n p\n}", "10.0.0.2")
                + "vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n track_script {\n b\n }\n}\n");
        assertThat(r.config()).as(org.jkeepalived.config.ConfigFixture.messages(r)).isNotNull();
        TrackerRuntime.Tracked t = TrackerRuntime.Tracked.of(r.config());
        assertThat(t.scripts()).containsExactlyInAnyOrder("a", "b");
        assertThat(t.files()).containsExactly("f");
        assertThat(t.processes()).containsExactly("p");
    }

    @Test
    void onlyTrackedObjectsRunAndReloadKeepsUnchangedOnes() throws Exception {
        Path ran = dir.resolve("untracked-ran");
        Path value = dir.resolve("value");
        Files.writeString(value, "3");
        VrrpScript chk = script("chk", "exit 0", 100, 0);
        VrrpScript untracked = script("untracked", "touch " + ran, 100, 0);
        TrackFile file = new TrackFile("tf", value.toString(), 1, false, false, 0, false, new Location("t", 1));
        TrackProcess pid1 = new TrackProcess("init", Files.readString(Path.of("/proc/1/comm")).trim(), List.of(),
                TrackProcess.ParamMatch.NONE, 0, false, 1, null, 0, 0, false, new Location("t", 1));
        TrackConfig config = new TrackConfig(List.of(chk, untracked), List.of(file), List.of(pid1), List.of());
        runtime = new TrackerRuntime(config, new TrackerRuntime.Tracked(Set.of("chk"), Set.of("tf"), Set.of("init")),
                runner, updates::add, log);
        runtime.start();
        Await.await("chk UP", 3000, () -> updatesOf("chk").size() == 2);
        assertThat(updatesOf("chk")).extracting(TrackerUpdate::status).containsExactly(Status.INIT, Status.UP);
        assertThat(updatesOf("tf")).containsExactly(TrackerUpdate.file("tf", 3));
        assertThat(updatesOf("init")).containsExactly(TrackerUpdate.process("init", true));
        Thread.sleep(300);
        assertThat(ran).doesNotExist();
        assertThat(runtime.current()).containsExactly(TrackerUpdate.script("chk", Status.UP),
                TrackerUpdate.file("tf", 3), TrackerUpdate.process("init", true));

        // reload: chk only changes its weight (kept, no new INIT); untracked becomes tracked; tf and init go
        VrrpScript chkWeighted = script("chk", "exit 0", 100, 10);
        runtime.reload(new TrackConfig(List.of(chkWeighted, untracked), List.of(file), List.of(pid1), List.of()),
                new TrackerRuntime.Tracked(Set.of("chk", "untracked"), Set.of(), Set.of()));
        Await.await("untracked runs now", 3000, () -> Files.exists(ran));
        Thread.sleep(200);
        assertThat(updatesOf("chk")).hasSize(2);
        assertThat(runtime.current()).containsExactly(TrackerUpdate.script("chk", Status.UP),
                TrackerUpdate.script("untracked", Status.UP));

        // a changed interval restarts it from INIT
        runtime.reload(new TrackConfig(List.of(script("chk", "exit 0", 150, 10)), List.of(), List.of(), List.of()),
                new TrackerRuntime.Tracked(Set.of("chk"), Set.of(), Set.of()));
        Await.await("chk restarted", 3000, () -> updatesOf("chk").size() == 4);
        assertThat(updatesOf("chk")).extracting(TrackerUpdate::status)
                .containsExactly(Status.INIT, Status.UP, Status.INIT, Status.UP);
        Files.delete(ran);
        Thread.sleep(300);
        assertThat(ran).doesNotExist();
    }
}
