package org.jkeepalived.daemon;

import java.util.function.Supplier;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.vrrp.runtime.LinuxVrrpEngine;

/**
 * The management plane's commands on the running daemon: SETs go to the owning engine's loop (and return once
 * it applied them, or after a second), reload and dumps go through the control loop as the signals do, so they
 * never overlap a signal's.
 */
final class DaemonCommands implements ManagementCommands {
    private final Supplier<LinuxVrrpEngine> vrrp;
    private final Supplier<LvsServices> lvs;
    private final ControlLoop control;
    private final Supplier<String> dumpFiles;

    DaemonCommands(Supplier<LinuxVrrpEngine> vrrp, Supplier<LvsServices> lvs, ControlLoop control,
                   Supplier<String> dumpFiles) {
        this.vrrp = vrrp;
        this.lvs = lvs;
        this.control = control;
        this.dumpFiles = dumpFiles;
    }

    @Override
    public Outcome setBasePriority(String instance, int priority) {
        if (priority < 1 || priority > 255) {
            return Outcome.BAD_VALUE; // keepalived refuses 0: priority 0 is the resignation advert (RFC 5798 §5.2.4)
        }
        return adjust(instance, priority, null);
    }

    @Override
    public Outcome setPreempt(String instance, boolean preempt) {
        return adjust(instance, null, preempt);
    }

    private Outcome adjust(String instance, Integer priority, Boolean preempt) {
        LinuxVrrpEngine running = vrrp.get();
        if (running == null) {
            return Outcome.UNAVAILABLE;
        }
        if (!running.engine().states().containsKey(instance)) {
            return Outcome.NO_SUCH_OBJECT;
        }
        return running.engine().adjust(instance, priority, preempt) ? Outcome.DONE : Outcome.UNAVAILABLE;
    }

    @Override
    public Outcome setRealServerWeight(String virtualServer, String realServer, int weight) {
        if (weight < 0 || weight > 65535) {
            return Outcome.BAD_VALUE;
        }
        LvsServices running = lvs.get();
        if (running == null) {
            return Outcome.UNAVAILABLE;
        }
        return running.engine().setWeight(virtualServer, realServer, weight) ? Outcome.DONE : Outcome.NO_SUCH_OBJECT;
    }

    @Override
    public Outcome reload() {
        control.submit(ControlLoop.Command.RELOAD);
        return Outcome.DONE;
    }

    @Override
    public String dump() {
        control.submit(ControlLoop.Command.DUMP_DATA);
        control.submit(ControlLoop.Command.DUMP_STATS);
        return dumpFiles.get();
    }
}
