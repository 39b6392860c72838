package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.RealtimeSignals;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalsTest {
    /** The numbers keepalived 2.2.7 prints for --signum=NAME on Linux (checked on the installed one). */
    @ParameterizedTest
    @CsvSource({"RELOAD,1", "STOP,15", "DATA,10", "STATS,12", "STATS_CLEAR,63", "JSON,36", "reload,1"})
    void signumNumbersAreKeepalivedsOnLinux(String name, int number) {
        assertThat(Signals.number(name)).isEqualTo(OptionalInt.of(number));
    }

    @Test
    void unknownFunctionsHaveNoNumber() {
        assertThat(Signals.number("TDATA")).isEmpty();
        assertThat(Signals.number("FOO")).isEmpty();
    }

    /** Real-time signals as a hand-written fake: which are blocked, what is ignored, what the signalfd delivers. */
    static final class FakeRealtime implements RealtimeSignals {
        final Set<Integer> blocked;
        final List<Integer> ignored = new ArrayList<>();
        final LinkedBlockingQueue<Integer> delivered = new LinkedBlockingQueue<>();
        int[] opened;

        FakeRealtime(Set<Integer> blocked) {
            this.blocked = blocked;
        }

        @Override
        public int rtmin() {
            return 34;
        }

        @Override
        public int rtmax() {
            return 64;
        }

        @Override
        public boolean blockedInCallingThread(int signal) {
            return blocked.contains(signal);
        }

        @Override
        public void ignore(int signal) {
            ignored.add(signal);
        }

        @Override
        public SignalFd open(int... signals) throws NativeException {
            opened = signals;
            return new SignalFd() {
                @Override
                public int next(int timeoutMillis) {
                    try {
                        Integer s = delivered.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                        return s == null ? 0 : s;
                    } catch (InterruptedException e) {
                        return 0;
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void blockedRealTimeSignalsAreReadAndBecomeCommands() throws Exception {
        FakeRealtime rt = new FakeRealtime(Set.of(36, 63));
        ControlLoop loop = new ControlLoop(Log.to((l, d, m) -> { }));
        String how = Signals.installRealtime(loop, rt);
        assertThat(how).isEqualTo("JSON dump on signal 36 (SIGRTMIN+2); STATS_CLEAR on signal 63");
        assertThat(rt.opened).containsExactly(36, 63);
        assertThat(rt.ignored).isEmpty();
        rt.delivered.add(36);
        assertThat(loop.next()).isEqualTo(ControlLoop.Command.DUMP_JSON);
        rt.delivered.add(63);
        assertThat(loop.next()).isEqualTo(ControlLoop.Command.CLEAR_STATS);
    }

    @Test
    void withoutTheLaunchersBlockTheyAreIgnoredAndThatIsSaid() {
        FakeRealtime rt = new FakeRealtime(Set.of());
        String how = Signals.installRealtime(new ControlLoop(Log.to((l, d, m) -> { })), rt);
        assertThat(rt.ignored).containsExactly(36, 63);
        assertThat(rt.opened).isNull();
        assertThat(how).startsWith("JSON dumps by signal unavailable: signal 36 (SIGRTMIN+2) is not blocked")
                .endsWith("; signal 63 (STATS_CLEAR) ignored");
    }
}
