package org.jkeepalived.ffi;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;

/**
 * CPU scheduling of the CALLING thread. On Linux the nice value and the scheduling policy are per-thread
 * attributes, and {@code sched_setscheduler(0, ...)} / {@code setpriority(PRIO_PROCESS, 0, ...)} act on the
 * calling thread only (sched_setscheduler(2), setpriority(2) "BUGS"), which is what keepalived's
 * {@code vrrp_rt_priority} / {@code vrrp_priority} mean for our VRRP threads.
 */
public final class Scheduling {
    /** Public only for jnr's class loader; use the static methods. */
    public interface SchedLib {
        int sched_setscheduler(int pid, int policy, @In int[] param);

        int setpriority(int which, int who, int prio);
    }

    static final int SCHED_RR = 2;
    /** Children (scripts) must not inherit real-time scheduling (sched(7)). */
    static final int SCHED_RESET_ON_FORK = 0x40000000;
    static final int PRIO_PROCESS = 0;

    private static final SchedLib LIB = LibraryLoader.create(SchedLib.class)
            .load(Platform.getNativePlatform().getStandardCLibraryName());
    private static final Runtime RUNTIME = Runtime.getRuntime(LIB);

    private Scheduling() {
    }

    /** SCHED_RR at {@code priority} (1..99) for the calling thread; needs CAP_SYS_NICE. */
    public static void realtime(int priority) throws NativeException {
        if (priority < 1 || priority > 99) {
            throw new IllegalArgumentException("real-time priority " + priority + " outside 1..99");
        }
        check("sched_setscheduler", LIB.sched_setscheduler(0, SCHED_RR | SCHED_RESET_ON_FORK, new int[] {priority}));
    }

    /** The nice value (-20..19) of the calling thread; lowering it needs CAP_SYS_NICE. */
    public static void nice(int value) throws NativeException {
        if (value < -20 || value > 19) {
            throw new IllegalArgumentException("nice value " + value + " outside -20..19");
        }
        check("setpriority", LIB.setpriority(PRIO_PROCESS, 0, value));
    }

    private static void check(String call, int rc) throws NativeException {
        if (rc < 0) {
            int errno = LastError.getLastError(RUNTIME);
            String reason = Syscalls.LIBC.strerror(errno);
            throw new NativeException(call, errno, reason == null ? "errno " + errno : reason);
        }
    }
}
