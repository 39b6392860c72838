package org.jkeepalived.vrrp.runtime;

import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.Scheduling;
import org.jkeepalived.os.log.Log;

/**
 * keepalived's {@code vrrp_rt_priority} (SCHED_RR) and {@code vrrp_priority} (nice), applied to each VRRP
 * thread (the loop, the receivers, the netlink monitor) as it starts: keepalived applies them to its VRRP
 * process, whose only threads these are. A failure (no CAP_SYS_NICE) is logged once; VRRP runs on.
 */
final class ThreadTuning implements VrrpEngine.ThreadTuner {
    private final int nice;
    private final int rtPriority;
    private final Log log;
    private volatile boolean failureLogged;

    /** {@code nice} 0 and {@code rtPriority} 0 change nothing. */
    ThreadTuning(int nice, int rtPriority, Log log) {
        this.nice = nice;
        this.rtPriority = rtPriority;
        this.log = log;
    }

    @Override
    public void tune(String thread) {
        try {
            if (rtPriority > 0) {
                Scheduling.realtime(rtPriority);
            } else if (nice != 0) {
                Scheduling.nice(nice);
            }
        } catch (NativeException | RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                log.warn("cannot set the " + (rtPriority > 0 ? "real-time priority " + rtPriority : "nice value " + nice)
                        + " of the VRRP threads: " + e.getMessage());
            }
        }
    }
}
