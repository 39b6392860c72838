package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
    private static final long SELF = 4242;

    @TempDir
    Path dir;

    @Test
    void writesOurPidAndRemovesTheFileOnClose() throws Exception {
        Path p = dir.resolve("k.pid");
        try (PidFile f = PidFile.acquire(p, SELF, pid -> false)) {
            assertThat(Files.readString(p)).isEqualTo("4242\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-r--r--");
            assertThat(f.path()).isEqualTo(p);
        }
        assertThat(p).doesNotExist();
    }

    @Test
    void aSecondDaemonOnALockedFileIsRefusedAndLeavesTheFileAlone() throws Exception {
        Path p = dir.resolve("k.pid");
        try (PidFile first = PidFile.acquire(p, SELF, pid -> false)) {
            assertThatThrownBy(() -> PidFile.acquire(p, 777, pid -> false))
                    .isInstanceOf(PidFile.AlreadyRunningException.class)
                    .hasMessage("daemon is already running (pid 4242): pid file " + p + " is locked");
            assertThat(Files.readString(p)).isEqualTo("4242\n");
        }
    }

    @Test
    void aLivePidInAnUnlockedFileIsRefused() throws Exception {
        // e.g. keepalived itself, which does not lock its pid file
        Path p = dir.resolve("k.pid");
        Files.writeString(p, "1234\n");
        assertThatThrownBy(() -> PidFile.acquire(p, SELF, pid -> pid == 1234))
                .isInstanceOf(PidFile.AlreadyRunningException.class)
                .hasMessage("daemon is already running (pid 1234 in pid file " + p + " is alive)");
        assertThat(Files.readString(p)).isEqualTo("1234\n");
        // and the refused attempt released its lock: once that process is gone we can start
        try (PidFile f = PidFile.acquire(p, SELF, pid -> false)) {
            assertThat(Files.readString(p)).isEqualTo("4242\n");
        }
    }

    @Test
    void aStalePidIsOverwritten() throws Exception {
        Path p = dir.resolve("k.pid");
        Files.writeString(p, "99999999999\n");
        try (PidFile f = PidFile.acquire(p, SELF, pid -> false)) {
            assertThat(Files.readString(p)).isEqualTo("4242\n");
        }
    }

    @Test
    void ourOwnPidInTheFileIsNotAnotherDaemon() throws Exception {
        Path p = dir.resolve("k.pid");
        Files.writeString(p, "4242");
        try (PidFile f = PidFile.acquire(p, SELF, pid -> true)) {
            assertThat(Files.readString(p)).isEqualTo("4242\n");
        }
    }

    @Test
    void garbageInTheFileIsStale() throws Exception {
        Path p = dir.resolve("k.pid");
        Files.writeString(p, "not a pid at all, and longer than the pid we write\n");
        try (PidFile f = PidFile.acquire(p, SELF, pid -> true)) {
            assertThat(Files.readString(p)).isEqualTo("4242\n");
        }
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        Path p = dir.resolve("k.pid");
        PidFile f = PidFile.acquire(p, SELF, pid -> false);
        f.close();
        Files.writeString(p, "someone else's\n");
        f.close();
        assertThat(p).exists();
    }

    @Test
    void aMissingDirectoryIsAnIoError() {
        assertThatThrownBy(() -> PidFile.acquire(dir.resolve("no/such/dir/k.pid"), SELF, pid -> false))
                .isInstanceOf(java.io.IOException.class);
    }
}
