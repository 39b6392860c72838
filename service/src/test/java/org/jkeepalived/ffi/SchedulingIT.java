package org.jkeepalived.ffi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Test;

/** Tier 4: the calling thread's scheduling, read back from /proc/thread-self/stat (fields 19 nice, 41 policy). */
class SchedulingIT {
    /** The fields of /proc/thread-self/stat after the command name (field 3 is the first). */
    static String[] stat() throws Exception {
        String s = Files.readString(Path.of("/proc/thread-self/stat"));
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    static int field(String[] afterComm, int field) {
        return Integer.parseInt(afterComm[field - 3]);
    }

    private static String[] onFreshThread(ThrowingRunnable r) throws Exception {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                r.run();
                out.set(stat());
            } catch (Exception e) {
                out.set(e);
            }
        });
        t.start();
        t.join();
        if (out.get() instanceof Exception e) {
            throw e;
        }
        return (String[]) out.get();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void niceAndRealTimeApplyToTheCallingThreadOnly() throws Exception {
        Privileged.require();
        String[] mine = stat();
        String[] niced = onFreshThread(() -> Scheduling.nice(7));
        assertThat(field(niced, 19)).isEqualTo(7);
        String[] rt = onFreshThread(() -> Scheduling.realtime(10));
        assertThat(field(rt, 41)).isEqualTo(Scheduling.SCHED_RR);
        assertThat(field(rt, 40)).isEqualTo(10); // rt_priority
        assertThat(field(stat(), 19)).isEqualTo(field(mine, 19)); // this thread is untouched
        assertThat(field(stat(), 41)).isZero();
    }
}
