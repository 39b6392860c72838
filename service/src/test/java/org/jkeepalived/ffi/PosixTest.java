package org.jkeepalived.ffi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The process bindings against the real kernel. */
class PosixTest {
    private final Posix posix = Posix.get();

    @Test
    void identityMatchesWhatTheJdkAndProcSay() throws Exception {
        assertThat(posix.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(posix.uid()).isEqualTo(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        assertThat(posix.euid()).isEqualTo(posix.uid());
        assertThat(posix.gid()).isEqualTo(Files.getAttribute(Path.of("/proc/self"), "unix:gid"));
    }

    @Test
    void signalsReachAWholeProcessGroup() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/setsid", "sleep", "100").start();
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!posix.signalProcessGroup(p.pid(), 0) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(posix.signalProcessGroup(p.pid(), Posix.SIGTERM)).isTrue();
        assertThat(p.waitFor()).isEqualTo(128 + Posix.SIGTERM);
        assertThat(posix.signalProcessGroup(p.pid(), 0)).isFalse();
        assertThat(posix.signalProcess(p.pid(), 0)).isFalse();
        assertThat(posix.signalProcessGroup(1, 0)).isFalse(); // never kill(-1)
    }

    @Test
    void livenessOfProcesses() throws Exception {
        assertThat(posix.processExists(ProcessHandle.current().pid())).isTrue();
        // pid 1 always exists; as non-root kill(1, 0) answers EPERM, which still means "exists".
        assertThat(posix.processExists(1)).isTrue();
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThat(posix.processExists(p.pid())).isFalse();
        assertThat(posix.processExists(0)).isFalse();
        assertThat(posix.processExists(-5)).isFalse();
        assertThat(posix.processExists(1L << 40)).isFalse();
    }
}
