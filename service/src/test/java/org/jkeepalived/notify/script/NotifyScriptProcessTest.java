package org.jkeepalived.notify.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.Event.NotifyState;
import org.jkeepalived.event.Event.TargetType;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real scripts on disk get exactly keepalived's arguments. The expected lines are what keepalived 2.2.7
 * gave the same script (sh: {@code echo "$*"}) for the same configuration: {@code notify "/n.sh notify 'a b'"}
 * on VI_1 and group G1, observed with strace as argv {@code [n.sh, notify, a b, INSTANCE, VI_1, MASTER, 100]}.
 */
class NotifyScriptProcessTest {
    @TempDir
    Path dir;
    private NotifyScriptSubscriber sub;

    @AfterEach
    void tearDown() {
        if (sub != null) {
            sub.close(Duration.ofSeconds(1));
        }
    }

    private ScriptCommand cmd(Path script, String... args) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(script.toString());
        argv.addAll(List.of(args));
        return new ScriptCommand(String.join(" ", argv), argv, null, null, new Location("k.conf", 1));
    }

    @Test
    void notifyScriptsOnDiskGetKeepalivedsArguments() throws Exception {
        Path out = dir.resolve("notify.log");
        Path script = dir.resolve("notify.sh");
        // "$*" as operators' scripts log it, and each argument bracketed to show where one ends.
        Files.writeString(script, "#!/bin/sh\necho \"$*\" >> " + out + "\nprintf '[%s]' \"$@\" >> " + out
                + "\necho >> " + out + "\n");
        script.toFile().setExecutable(true);
        NotifyScripts vi = new NotifyScripts(cmd(script, "master"), cmd(script, "backup"), cmd(script, "fault"),
                cmd(script, "stop"), null, cmd(script, "notify", "a b"), cmd(script, "rxlower"), false);
        NotifyScripts g = new NotifyScripts(null, cmd(script, "Gbackup"), null, null, null,
                cmd(script, "Gnotify"), null, false);
        Event.Target vi1 = new Event.Target(TargetType.INSTANCE, "VI_1", vi, false, true);
        Event.Target g1 = new Event.Target(TargetType.GROUP, "G1", g, false, false);
        sub = new NotifyScriptSubscriber(RealRunner.create(), Log.to((l, d, m) -> { }));
        sub.accept(new Event.VrrpStateChanged(vi1, NotifyState.BACKUP, 100, "init"));
        sub.accept(new Event.VrrpStateChanged(vi1, NotifyState.MASTER, 100, "timeout"));
        sub.accept(new Event.MasterRxLowerPriority(vi1, 105, InetAddress.getLoopbackAddress(), 90));
        sub.accept(new Event.VrrpPriorityChanged(vi1, NotifyState.MASTER, 105));
        sub.accept(new Event.VrrpStateChanged(vi1, NotifyState.STOP, 105, "shutdown"));
        await("VI_1's 7 scripts", 10_000, () -> lines(out).size() == 14);
        sub.accept(new Event.VrrpStateChanged(g1, NotifyState.BACKUP, 0, "init"));
        await("G1's 2 scripts", 10_000, () -> lines(out).size() == 18);
        assertThat(lines(out)).containsExactly(
                "backup", "[backup]",
                "notify a b INSTANCE VI_1 BACKUP 100", "[notify][a b][INSTANCE][VI_1][BACKUP][100]",
                "master", "[master]",
                "notify a b INSTANCE VI_1 MASTER 100", "[notify][a b][INSTANCE][VI_1][MASTER][100]",
                "rxlower", "[rxlower]",
                "stop", "[stop]",
                "notify a b INSTANCE VI_1 STOP 105", "[notify][a b][INSTANCE][VI_1][STOP][105]",
                "Gbackup", "[Gbackup]",
                "Gnotify GROUP G1 BACKUP 0", "[Gnotify][GROUP][G1][BACKUP][0]");
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
