package org.jkeepalived.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.track.TrackFile;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** track_file: keepalived's value parsing, init_file, and change events from writes, renames and deletes. */
class FileTrackerTest {
    @TempDir
    Path dir;

    final List<TrackerUpdate> updates = Collections.synchronizedList(new ArrayList<>());
    final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    FileTracker tracker;

    @AfterEach
    void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    // Observed with keepalived 2.2.7 (priority 100 + values): "12abc" 12, "  -7\n" -7, "abc" 0, "" 0, "0x10" 16.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12abc|12", "'  -7\n'|-7", "abc|0", "''|0", "0x10|16", "010|8", "09|0",
        "+3|3", "0x|0", "'\t42 17'|42", "99999999999999999999999|9223372036854775807", "-0x8|-8"})
    void valuesParseAsStrtolBaseZero(String text, long value) {
        assertThat(FileTracker.parseValue(text.replace("\\n", "\n"))).isEqualTo(value);
    }

    static TrackFile file(String name, Path p, boolean init, long initValue, boolean overwrite) {
        return new TrackFile(name, p.toString(), 1, false, init, initValue, overwrite, new Location("t", 1));
    }

    List<Long> values() {
        synchronized (updates) {
            return updates.stream().map(TrackerUpdate::value).toList();
        }
    }

    @Test
    void changesByWriteRenameAndDeleteReachTheSink() throws Exception {
        Path f = dir.resolve("prio");
        Files.writeString(f, "12\n");
        tracker = new FileTracker(updates::add, Log.to((l, d, m) -> logged.add(m)));
        tracker.start();
        tracker.add(file("tf", f, false, 0, false));
        assertThat(updates).containsExactly(TrackerUpdate.file("tf", 12));

        // echo 5 > f: truncate then write; the empty file in between is not reported
        new ProcessBuilder("/bin/sh", "-c", "echo 5 > " + f).start().waitFor();
        long writeMillis = Await.await("5", 2000, () -> values().contains(5L));
        // rename over the file, as editors and `mv tmp f` do
        Path tmp = dir.resolve("prio.tmp");
        Files.writeString(tmp, "9\n");
        long renameStart = System.nanoTime();
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
        Await.await("9", 2000, () -> values().contains(9L));
        long renameMillis = (System.nanoTime() - renameStart) / 1_000_000;
        Files.delete(f);
        Await.await("0 after delete", 2000, () -> values().size() == 4);
        Files.writeString(f, "-3");
        Await.await("-3 after re-create", 2000, () -> values().size() == 5);
        assertThat(values()).containsExactly(12L, 5L, 9L, 0L, -3L);
        assertThat(tracker.current()).containsEntry("tf", TrackerUpdate.file("tf", -3));
        assertThat(writeMillis).isLessThan(500);
        assertThat(renameMillis).isLessThan(500);
        System.out.println("track_file: write seen in " + writeMillis + " ms, rename in " + renameMillis + " ms");
    }

    @Test
    void initFileCreatesOrOverwrites() throws Exception {
        Path fresh = dir.resolve("fresh");
        Path kept = dir.resolve("kept");
        Path over = dir.resolve("over");
        Files.writeString(kept, "4\n");
        Files.writeString(over, "4\n");
        tracker = new FileTracker(updates::add, Log.to((l, d, m) -> logged.add(m)));
        tracker.start();
        tracker.add(file("fresh", fresh, true, 7, false));
        tracker.add(file("kept", kept, true, 7, false));
        tracker.add(file("over", over, true, 7, true));
        assertThat(Files.readString(fresh)).isEqualTo("7\n");
        assertThat(Files.readString(kept)).isEqualTo("4\n");
        assertThat(Files.readString(over)).isEqualTo("7\n");
        assertThat(values()).containsExactly(7L, 4L, 7L);
    }

    @Test
    void aDirectoryCreatedLaterIsWatchedWhenItAppears() throws Exception {
        Path sub = dir.resolve("later");
        Path f = sub.resolve("v");
        tracker = new FileTracker(updates::add, Log.to((l, d, m) -> logged.add(m)));
        tracker.start();
        tracker.add(file("tf", f, false, 0, false));
        assertThat(values()).containsExactly(0L);
        Files.createDirectory(sub);
        Files.writeString(f, "3");
        Await.await("3", 3000, () -> values().contains(3L));
        tracker.remove("tf");
        Files.writeString(f, "8");
        Thread.sleep(200);
        assertThat(values()).containsExactly(0L, 3L);
    }
}
