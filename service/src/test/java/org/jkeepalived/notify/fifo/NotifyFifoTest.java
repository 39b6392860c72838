package org.jkeepalived.notify.fifo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs.Fifo;
import org.jkeepalived.config.model.global.GlobalDefs.FifoSettings;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.Event.NotifyState;
import org.jkeepalived.event.Event.TargetType;
import org.jkeepalived.notify.script.FakeScriptRunner;
import org.jkeepalived.notify.script.RealRunner;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyFifoTest {
    @TempDir
    Path dir;
    private final FakeScriptRunner runner = new FakeScriptRunner();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Log log = Log.to((level, detail, m) -> logged.add(level + " " + m));
    private final List<Thread> readers = new ArrayList<>();
    private NotifyFifo fifo;

    @AfterEach
    void tearDown() throws Exception {
        if (fifo != null) {
            fifo.close();
        }
        for (Thread t : readers) {
            t.join(2_000);
        }
    }

    static Event.Target instance(String name, boolean priorityChanges) {
        return new Event.Target(TargetType.INSTANCE, name, NotifyScripts.none(), false, priorityChanges);
    }

    static ScriptCommand cmd(String... argv) {
        return new ScriptCommand(String.join(" ", argv), List.of(argv), null, null, new Location("k.conf", 1));
    }

    static FifoSettings settings(Fifo notify, Fifo vrrp, Fifo lvs) {
        return new FifoSettings(notify, vrrp, lvs, false, false);
    }

    /** Reads lines from {@code fifo} until EOF (the writer closed) into {@code into}. */
    private void reader(Path fifoPath, List<String> into) {
        readers.add(FifoReader.start(fifoPath, into));
    }

    static List<Event> everyKindOfEvent() {
        Event.Target vi1 = instance("VI_1", true);
        Event.Target g1 = new Event.Target(TargetType.GROUP, "G1", NotifyScripts.none(), false, false);
        InetAddress peer = InetAddress.getLoopbackAddress();
        return List.of(
                new Event.VrrpStateChanged(g1, NotifyState.BACKUP, 5, "init"),
                new Event.VrrpStateChanged(vi1, NotifyState.BACKUP, 100, "init"),
                new Event.VrrpStateChanged(vi1, NotifyState.MASTER, 100, "timeout"),
                new Event.MasterRxLowerPriority(vi1, 100, peer, 90),
                new Event.VrrpPriorityChanged(vi1, NotifyState.MASTER, 105),
                new Event.VrrpPriorityChanged(instance("VI_2", true), NotifyState.BACKUP, 57),
                new Event.VrrpPriorityChanged(instance("VI_3", false), NotifyState.BACKUP, 57),
                new Event.TrackerChanged("file", "tf", true, 5),
                new Event.VrrpStateChanged(vi1, NotifyState.FAULT, 100, "t"),
                new Event.VrrpStateChanged(vi1, NotifyState.DELETED, 100, "t"),
                new Event.VrrpStateChanged(g1, NotifyState.STOP, 0, "t"));
    }

    /** What keepalived 2.2.7 wrote for the same events (see the class doc of NotifyFifo). */
    static final List<String> EXPECTED = List.of(
            "GROUP \"G1\" BACKUP 0",
            "INSTANCE \"VI_1\" BACKUP 100",
            "INSTANCE \"VI_1\" MASTER 100",
            "INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 100",
            "INSTANCE \"VI_1\" MASTER_PRIORITY 105",
            "INSTANCE \"VI_2\" BACKUP_PRIORITY 57",
            "INSTANCE \"VI_1\" FAULT 100",
            "INSTANCE \"VI_1\" DELETED 100",
            "GROUP \"G1\" STOP 0");

    @Test
    void linesAreKeepalivedsForEveryEvent() {
        List<String> lines = everyKindOfEvent().stream().map(NotifyFifo::lineFor).filter(l -> l != null).toList();
        assertThat(lines).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void bothVrrpFifosAreCreatedAndGetEveryLineInOrder() throws Exception {
        Path nf = dir.resolve("notify.fifo");
        Path vf = dir.resolve("vrrp.fifo");
        fifo = NotifyFifo.open(settings(new Fifo(nf.toString(), null, null, null),
                new Fifo(vf.toString(), null, null, null), null), runner, log);
        for (Path p : List.of(nf, vf)) {
            assertThat((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000)
                    .isEqualTo(0010000);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        }
        List<String> fromNotify = new CopyOnWriteArrayList<>();
        List<String> fromVrrp = new CopyOnWriteArrayList<>();
        reader(nf, fromNotify);
        reader(vf, fromVrrp);
        everyKindOfEvent().forEach(fifo);
        fifo.writeLvsLine("VS [192.168.201.15]:tcp:80 UP"); // notify_fifo only, of these two
        await("lines", 3_000, () -> fromNotify.size() == EXPECTED.size() + 1 && fromVrrp.size() == EXPECTED.size());
        assertThat(fromVrrp).containsExactlyElementsOf(EXPECTED);
        List<String> withLvs = new ArrayList<>(EXPECTED);
        withLvs.add("VS [192.168.201.15]:tcp:80 UP");
        assertThat(fromNotify).containsExactlyElementsOf(withLvs);
        assertThat(fifo.writtenLines()).isEqualTo(2L * EXPECTED.size() + 1);
        assertThat(fifo.droppedLines()).isZero();
        fifo.close();
        fifo = null;
        assertThat(nf).doesNotExist(); // we created them: removed at close, as keepalived does
        assertThat(vf).doesNotExist();
    }

    @Test
    void restatedStatesAfterAReloadAreWrittenAsTheirLines() throws Exception {
        Path vf = dir.resolve("restate.fifo");
        fifo = NotifyFifo.open(settings(null, new Fifo(vf.toString(), null, null, null), null), runner, log);
        List<String> lines = new CopyOnWriteArrayList<>();
        reader(vf, lines);
        Event.Target group = new Event.Target(Event.TargetType.GROUP, "G1", null, false, false);
        fifo.accept(new Event.VrrpStatesRestated(List.of(
                new Event.VrrpStateChanged(group, Event.NotifyState.MASTER, 0, "reload"),
                new Event.VrrpStateChanged(instance("VI_1", false), Event.NotifyState.MASTER, 100, "reload"))));
        await("2 lines", 3_000, () -> lines.size() == 2);
        assertThat(lines).containsExactly("GROUP \"G1\" MASTER 0", "INSTANCE \"VI_1\" MASTER 100");
    }

    @Test
    void lvsEventsGoToTheNotifyAndLvsFifosInKeepalivedsFormat() throws Exception {
        Path nf = dir.resolve("lvs-n.fifo");
        Path vf = dir.resolve("lvs-v.fifo");
        Path lf = dir.resolve("lvs-l.fifo");
        fifo = NotifyFifo.open(settings(new Fifo(nf.toString(), null, null, null), new Fifo(vf.toString(), null, null,
                null), new Fifo(lf.toString(), null, null, null)), runner, log);
        List<String> fromNotify = new CopyOnWriteArrayList<>();
        List<String> fromVrrp = new CopyOnWriteArrayList<>();
        List<String> fromLvs = new CopyOnWriteArrayList<>();
        reader(nf, fromNotify);
        reader(vf, fromVrrp);
        reader(lf, fromLvs);
        fifo.accept(new Event.RealServerChanged("[192.168.201.15]:tcp:80", "[1.2.3.4]:tcp:80", false, null, false,
                "connection refused", "TCP_CHECK"));
        fifo.accept(new Event.QuorumChanged("[192.168.201.15]:tcp:80", true, null, false, "Gained quorum"));
        List<String> expected = List.of("RS [1.2.3.4]:tcp:80 [192.168.201.15]:tcp:80 DOWN",
                "VS [192.168.201.15]:tcp:80 UP");
        await("lines", 3_000, () -> fromNotify.size() == 2 && fromLvs.size() == 2);
        assertThat(fromNotify).containsExactlyElementsOf(expected);
        assertThat(fromLvs).containsExactlyElementsOf(expected);
        assertThat(fromVrrp).isEmpty();
    }

    @Test
    void withoutAReaderWritesNeverBlockAndAFullPipeDropsAndCountsLines() throws Exception {
        Path nf = dir.resolve("n.fifo");
        fifo = NotifyFifo.open(settings(new Fifo(nf.toString(), null, null, null), null, null), runner, log);
        Event.Target t = instance("VI_1", false);
        int total = 10_000; // ~30 bytes each: far more than a 64 KiB pipe holds
        long t0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
            fifo.accept(new Event.VrrpStateChanged(t, NotifyState.MASTER, i % 255, "t"));
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
        long written = fifo.writtenLines();
        assertThat(written).isPositive();
        assertThat(fifo.droppedLines()).isEqualTo(total - written).isPositive();
        assertThat(logged).first().isEqualTo("WARN notify fifo " + nf
                + ": Resource temporarily unavailable - line dropped (1 dropped so far)");
        assertThat(logged).hasSize((int) (fifo.droppedLines() + 999) / 1000);
        // A late reader gets exactly the lines that fitted, whole and in order (not always a prefix: once
        // the pipe is full, a shorter line may still fit in its last page); then lines flow again.
        List<String> got = new CopyOnWriteArrayList<>();
        reader(nf, got);
        await("buffered lines", 3_000, () -> got.size() == written);
        int next = 0;
        for (String line : got) {
            while (next < total && !line.equals("INSTANCE \"VI_1\" MASTER " + (next % 255))) {
                next++;
            }
            assertThat(next).as("line %s in order", line).isLessThan(total);
            next++;
        }
        assertThat(got.get(0)).isEqualTo("INSTANCE \"VI_1\" MASTER 0");
        assertThat(got.get(1)).isEqualTo("INSTANCE \"VI_1\" MASTER 1");
        fifo.accept(new Event.VrrpStateChanged(t, NotifyState.BACKUP, 7, "t"));
        await("the next line", 3_000, () -> got.size() == written + 1);
        assertThat(got.get((int) written)).isEqualTo("INSTANCE \"VI_1\" BACKUP 7");
    }

    @Test
    void anExistingFifoIsUsedAndLeftInPlace() throws Exception {
        Path nf = dir.resolve("existing.fifo");
        new ProcessBuilder("mkfifo", "-m", "0640", nf.toString()).start().waitFor();
        fifo = NotifyFifo.open(settings(null, new Fifo(nf.toString(), null, null, null), null), runner, log);
        List<String> got = new CopyOnWriteArrayList<>();
        reader(nf, got);
        fifo.accept(new Event.VrrpStateChanged(instance("VI_1", false), NotifyState.MASTER, 100, "t"));
        await("line", 3_000, () -> got.size() == 1);
        fifo.close();
        fifo = null;
        assertThat(nf).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nf))).isEqualTo("rw-r-----");
    }

    @Test
    void aRegularFileInTheWayIsRefusedWithAMessage() throws Exception {
        Path nf = dir.resolve("plain");
        Files.writeString(nf, "keep me\n");
        fifo = NotifyFifo.open(settings(new Fifo(nf.toString(), cmd("/r.sh"), null, null), null, null), runner, log);
        fifo.accept(new Event.VrrpStateChanged(instance("VI_1", false), NotifyState.MASTER, 100, "t"));
        assertThat(Files.readString(nf)).isEqualTo("keep me\n");
        assertThat(logged).containsExactly("ERROR notify_fifo: Unable to use fifo " + nf
                + ": it exists and is not a fifo");
        assertThat(runner.calls).isEmpty();
    }

    @Test
    void theOwnerFromTheSettingIsGivenToAFifoWeCreateOnly() throws Exception {
        Assumptions.assumeTrue(Privileged.isRoot(), "chown needs root");
        Path a = dir.resolve("a.fifo");
        Path b = dir.resolve("b.fifo");
        Path existing = dir.resolve("existing.fifo");
        new ProcessBuilder("mkfifo", existing.toString()).start().waitFor();
        fifo = NotifyFifo.open(settings(new Fifo(a.toString(), null, "nobody", null),
                new Fifo(b.toString(), null, "daemon", "nogroup"),
                new Fifo(existing.toString(), null, "nobody", "nogroup")), runner, log);
        assertThat(Files.getAttribute(existing, "unix:uid")).isEqualTo(0);
        assertThat(Files.getAttribute(existing, "unix:gid")).isEqualTo(0);
        assertThat(Files.getAttribute(a, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(a, "unix:gid")).isEqualTo(65534); // nobody's own group
        assertThat(Files.getAttribute(b, "unix:uid")).isEqualTo(1);
        assertThat(Files.getAttribute(b, "unix:gid")).isEqualTo(65534);
    }

    @Test
    void anUnknownOwnerIsAMessageAndNoFifo() {
        Path a = dir.resolve("a.fifo");
        fifo = NotifyFifo.open(settings(new Fifo(a.toString(), null, "jk-no-such-user", null), null, null), runner,
                log);
        assertThat(logged).containsExactly("ERROR notify_fifo: Unable to set owner of fifo " + a
                + ": unknown user jk-no-such-user");
        assertThat(a).doesNotExist();
    }

    @Test
    void fifoScriptsGetThePathAsLastArgumentAndSigtermAtClose() throws Exception {
        Path nf = dir.resolve("n.fifo");
        Path vf = dir.resolve("v.fifo");
        Path lf = dir.resolve("l.fifo");
        runner.hangWhen(argv -> true);
        fifo = NotifyFifo.open(settings(new Fifo(nf.toString(), cmd("/s.sh", "nf"), null, null),
                new Fifo(vf.toString(), cmd("/s.sh", "vnf"), null, null),
                new Fifo(lf.toString(), cmd("/s.sh", "lnf"), null, null)), runner, log);
        assertThat(runner.argvs()).containsExactly(List.of("/s.sh", "nf", nf.toString()),
                List.of("/s.sh", "vnf", vf.toString()), List.of("/s.sh", "lnf", lf.toString()));
        assertThat(runner.runningList).noneMatch(r -> r.terminated);
        fifo.close();
        fifo = null;
        assertThat(runner.runningList).allMatch(r -> r.terminated);
    }

    @Test
    void reloadKeepsAnUnchangedFifoAndReopensAChangedOne() throws Exception {
        Path nf = dir.resolve("n.fifo");
        Path vf = dir.resolve("v.fifo");
        Path vf2 = dir.resolve("v2.fifo");
        runner.hangWhen(argv -> true);
        Fifo keep = new Fifo(nf.toString(), cmd("/s.sh", "nf"), null, null);
        fifo = NotifyFifo.open(settings(keep, new Fifo(vf.toString(), cmd("/s.sh", "vnf"), null, null), null),
                runner, log);
        List<String> fromNotify = new CopyOnWriteArrayList<>();
        reader(nf, fromNotify);
        // Same notify_fifo (its line moved in the file), vrrp_notify_fifo renamed.
        Fifo keepMoved = new Fifo(nf.toString(), new ScriptCommand("/s.sh nf", List.of("/s.sh", "nf"), null, null,
                new Location("k.conf", 40)), null, null);
        fifo.reload(settings(keepMoved, new Fifo(vf2.toString(), cmd("/s.sh", "vnf"), null, null), null));
        assertThat(vf).doesNotExist();
        assertThat(vf2).exists();
        assertThat(runner.argvs()).containsExactly(List.of("/s.sh", "nf", nf.toString()),
                List.of("/s.sh", "vnf", vf.toString()), List.of("/s.sh", "vnf", vf2.toString()));
        assertThat(runner.runningList.get(0).terminated).isFalse();
        assertThat(runner.runningList.get(1).terminated).isTrue();
        fifo.accept(new Event.VrrpStateChanged(instance("VI_1", false), NotifyState.MASTER, 100, "t"));
        await("line through the kept fifo", 3_000, () -> fromNotify.size() == 1);
        assertThat(fromNotify).containsExactly("INSTANCE \"VI_1\" MASTER 100");
    }

    @Test
    void reloadingGlobalDefsWithoutFifosClosesThem() {
        Path nf = dir.resolve("n.fifo");
        fifo = NotifyFifo.open(settings(new Fifo(nf.toString(), null, null, null), null, null), runner, log);
        assertThat(nf).exists();
        fifo.reload(org.jkeepalived.config.model.global.GlobalDefs.defaults("h"));
        assertThat(nf).doesNotExist();
        fifo.accept(new Event.VrrpStateChanged(instance("VI_1", false), NotifyState.MASTER, 100, "t"));
        assertThat(fifo.writtenLines()).isZero();
    }

    @Test
    void aRealFifoScriptReadsTheLines() throws Exception {
        Path out = dir.resolve("out.txt");
        Path script = dir.resolve("reader.sh");
        Files.writeString(script, "#!/bin/sh\nwhile read -r line; do echo \"$line\" >> " + out + "; done < \"$2\"\n");
        script.toFile().setExecutable(true);
        Path nf = dir.resolve("n.fifo");
        fifo = NotifyFifo.open(settings(new Fifo(nf.toString(), cmd(script.toString(), "extra"), null, null), null,
                null), RealRunner.create(), log);
        everyKindOfEvent().forEach(fifo);
        await("the script's output", 5_000, () -> Files.exists(out) && lines(out).size() == EXPECTED.size());
        assertThat(lines(out)).containsExactlyElementsOf(EXPECTED);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }
}
