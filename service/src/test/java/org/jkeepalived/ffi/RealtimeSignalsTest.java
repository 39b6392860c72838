package org.jkeepalived.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real-time signal binding against the kernel and glibc of this machine. */
class RealtimeSignalsTest {
    private final RealtimeSignals rt = RealtimeSignals.get();

    @Test
    void glibcsRealTimeRangeIsKeepalivedsOnLinux() {
        assertThat(rt.rtmin()).isEqualTo(34); // --signum=JSON is then 36, as keepalived 2.2.7 prints
        assertThat(rt.rtmax()).isEqualTo(64); // STATS_CLEAR 63
    }

    @Test
    void readsTheBlockedMaskOfAProcStatus() {
        String status = "Name:\tjava\nSigQ:\t0/63457\nSigPnd:\t0000000000000000\nSigBlk:\t4000000800000004\n"
                + "SigIgn:\t0000000000001000\n";
        assertThat(RealtimeSignals.blocked(status, 36)).isTrue(); // bit 35
        assertThat(RealtimeSignals.blocked(status, 63)).isTrue(); // bit 62
        assertThat(RealtimeSignals.blocked(status, 3)).isTrue();
        assertThat(RealtimeSignals.blocked(status, 35)).isFalse();
        assertThat(RealtimeSignals.blocked(status, 64)).isFalse();
        assertThat(RealtimeSignals.blocked("Name:\tx\n", 36)).isFalse();
    }

    @Test
    void theCallingThreadsMaskIsReadFromProc() throws Exception {
        // surefire's JVM was not started through the launcher: nothing real-time is blocked here
        assertThat(rt.blockedInCallingThread(rt.rtmin() + 2)).isFalse();
    }

    /**
     * SIG_IGN for real: after ignore(), the kernel reports the signal ignored, and sending it to ourselves does
     * nothing (its default action would end this JVM). A signal number nothing else here uses.
     */
    @Test
    void anIgnoredRealTimeSignalNoLongerKillsTheProcess() throws Exception {
        int sig = rt.rtmin() + 10;
        rt.ignore(sig);
        assertThat(RealtimeSignalsTest.ignoredMask() >>> (sig - 1) & 1).as("SigIgn bit of %d", sig).isEqualTo(1L);
        assertThat(Posix.get().signalProcess(Posix.get().pid(), sig)).isTrue();
        Thread.sleep(100);
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void aSignalfdWithNothingPendingTimesOut() throws Exception {
        try (RealtimeSignals.SignalFd fd = rt.open(rt.rtmin() + 11)) {
            long t0 = System.nanoTime();
            assertThat(fd.next(50)).isZero();
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(40_000_000L);
        }
        assertThatThrownBy(() -> rt.open(65)).isInstanceOf(NativeException.class).hasMessageContaining("no signal 65");
    }

    private static long ignoredMask() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        }
        throw new AssertionError("no SigIgn in /proc/self/status");
    }
}
