package org.jkeepalived.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hand-written fake of the {@link ManagementCommands} port: records every call, in order, as
 * {@code setBasePriority VI_1 200}, {@code setPreempt VI_1 false}, {@code setRealServerWeight VS RS 5},
 * {@code reload}, {@code dump}, and answers {@link #answer}. Thread-safe (JMX and SNMP call from their own threads).
 */
public final class FakeManagementCommands implements ManagementCommands {
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile Outcome answer = Outcome.DONE;

    @Override
    public Outcome setBasePriority(String instance, int priority) {
        calls.add("setBasePriority " + instance + " " + priority);
        return answer;
    }

    @Override
    public Outcome setPreempt(String instance, boolean preempt) {
        calls.add("setPreempt " + instance + " " + preempt);
        return answer;
    }

    @Override
    public Outcome setRealServerWeight(String virtualServer, String realServer, int weight) {
        calls.add("setRealServerWeight " + virtualServer + " " + realServer + " " + weight);
        return answer;
    }

    @Override
    public Outcome reload() {
        calls.add("reload");
        return answer;
    }

    @Override
    public String dump() {
        calls.add("dump");
        return "/tmp/keepalived.data";
    }
}
