package org.jkeepalived.config.bind.global;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.model.global.GlobalDefs.ProcessSettings;
import org.jkeepalived.config.syntax.Node;

/**
 * The top-level process keywords (net_namespace, net_namespace_ipvs, namespace_with_ipsets, instance,
 * use_pid_dir, linkbeat_use_polling, child_wait_time) and the process tuning of global_defs
 * ({vrrp,checker,bfd}_{priority,rt_priority,no_swap,cpu_affinity,rlimit_rttime}, max_auto_priority,
 * min_auto_priority_delay, process names). Tuning is validated like keepalived 2.2.7 and kept in the model,
 * but not acted on.
 */
final class ProcessBinder implements GlobalSection {
    private final Args args;
    private String netNamespace;
    private String instanceName;
    private boolean usePidDir;
    private long childWaitTimeSeconds = 5;
    private String netNamespaceIpvs;
    private boolean namespaceWithIpsets;
    private boolean linkbeatUsePolling;
    private final Child vrrp = new Child("vrrp");
    private final Child checker = new Child("checker");
    private final Child bfd = new Child("bfd");
    private int maxAutoPriority;
    private long minAutoPriorityDelayMicros = 1_000_000L;
    private String processName;

    ProcessBinder(Args args) {
        this.args = args;
    }

    /** The tuning of one child process. */
    private final class Child {
        final String name;
        int priority;
        int rtPriority;
        boolean noSwap;
        List<Integer> cpuAffinity = List.of();
        long rlimitRttimeMicros = ProcessSettings.DEFAULT_RLIMIT_RTTIME_MICROS;
        String processName;

        Child(String name) {
            this.name = name;
        }

        boolean bind(Node n, String suffix) {
            switch (suffix) {
                case "priority" -> priority(n);
                case "rt_priority" -> rtPriority(n);
                case "no_swap" -> noSwap = true;
                case "cpu_affinity" -> cpuAffinity(n);
                case "rlimit_rttime" -> rlimit(n);
                case "process_name" -> {
                    String w = args.required(n, 0);
                    processName = w != null ? w : processName;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void priority(Node n) {
            if (!n.hasArg(0)) {
                args.error(n, "No " + name + " process priority specified");
                return;
            }
            Long v = args.signed(n, n.arg(0), -20, 19);
            if (v == null) {
                args.error(n, "Invalid " + name + " process priority specified");
            } else {
                priority = v.intValue();
            }
        }

        /** Out of [1, 99] is clamped with an error, as keepalived does. */
        private void rtPriority(Node n) {
            if (!n.hasArg(0)) {
                args.error(n, "No " + name + " process real-time priority specified");
                return;
            }
            String w = n.arg(0);
            Long v = args.signed(n, w, Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (v == null) {
                args.error(n, name + " process real-time priority '" + w + "' invalid");
            } else if (v < 1) {
                args.error(n, name + " process real-time priority " + w + " less than minimum 1 - setting to minimum");
                rtPriority = 1;
            } else if (v > 99) {
                args.error(n, name + " process real-time priority " + w
                        + " greater than maximum 99 - setting to maximum");
                rtPriority = 99;
            } else {
                rtPriority = v.intValue();
            }
        }

        /** CPU ids must exist on this machine (keepalived checks against the CPUs it may run on). */
        private void cpuAffinity(Node n) {
            if (!n.hasArg(0)) {
                args.error(n, "No " + name + " cpu_id set specified");
                return;
            }
            int maxCpu = Runtime.getRuntime().availableProcessors() - 1;
            List<Integer> cpus = new ArrayList<>();
            for (String w : n.args()) {
                Long v = args.unsigned(n, w, 0, maxCpu);
                if (v == null) {
                    args.error(n, "Invalid cpu_id:" + w + " specified for " + name + " process");
                    return;
                }
                cpus.add(v.intValue());
            }
            cpuAffinity = List.copyOf(cpus);
        }

        private void rlimit(Node n) {
            if (!n.written().equals(n.keyword())) {
                // keepalived logs this without counting it as a configuration error.
                args.ctx().diagnostics().note(n.location(), "Keyword '" + n.written()
                        + "' is deprecated - please use '" + n.keyword() + "'");
            }
            String w = args.required(n, 0);
            if (w == null) {
                return;
            }
            Long v = args.unsigned(n, w, 1, Args.UINT_MAX);
            if (v == null) {
                args.error(n, "Invalid " + name + " real-time limit - " + w);
            } else {
                rlimitRttimeMicros = v;
            }
        }
    }

    @Override
    public boolean bind(Node n) {
        String k = n.keyword();
        for (Child c : List.of(vrrp, checker, bfd)) {
            if (k.startsWith(c.name + "_") && c.bind(n, k.substring(c.name.length() + 1))) {
                return true;
            }
        }
        switch (k) {
            case "net_namespace" -> {
                if (!n.hasArg(0)) {
                    args.error(n, "net_namespace name missing - ignoring");
                } else if (netNamespace != null) {
                    // Logged by keepalived, not counted as a configuration error (-t exits 0).
                    args.ctx().diagnostics().note(n.location(), "Duplicate net_namespace definition " + n.arg(0)
                            + " - ignoring");
                } else {
                    netNamespace = n.arg(0);
                }
            }
            case "net_namespace_ipvs" -> netNamespaceIpvs = n.hasArg(0) ? n.arg(0) : "";
            case "namespace_with_ipsets" -> namespaceWithIpsets = true;
            case "instance" -> {
                if (!n.hasArg(0)) {
                    args.error(n, "instance name missing - ignoring");
                } else if (instanceName != null) {
                    args.error(n, "Duplicate instance definition " + n.arg(0) + " - ignoring");
                } else {
                    instanceName = n.arg(0);
                }
            }
            case "use_pid_dir" -> usePidDir = true;
            case "linkbeat_use_polling" -> linkbeatUsePolling = true;
            case "child_wait_time" -> {
                String w = args.required(n, 0);
                Long v = w == null ? null : args.unsigned(n, w, 0, Args.UINT_MAX);
                if (w != null && v == null) {
                    args.error(n, "Invalid child_wait_time " + w);
                } else if (v != null) {
                    childWaitTimeSeconds = v;
                }
            }
            case "max_auto_priority" -> maxAutoPriority(n);
            case "min_auto_priority_delay" -> minAutoPriorityDelay(n);
            case "process_names" -> {
                vrrp.processName = "keepalived_vrrp";
                checker.processName = "keepalived_lvs";
                bfd.processName = "keepalived_bfd";
            }
            case "process_name" -> {
                String w = args.required(n, 0);
                processName = w != null ? w : processName;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The bare keyword means the highest real-time priority. */
    private void maxAutoPriority(Node n) {
        if (!n.hasArg(0)) {
            maxAutoPriority = 99;
            return;
        }
        Long v = args.signed(n, n.arg(0), -1, 99);
        if (v == null) {
            args.error(n, "max_auto_priority '" + n.arg(0) + "' must be in [0, 99] (or -1 to disable) - ignoring");
        } else {
            maxAutoPriority = v.intValue();
        }
    }

    private void minAutoPriorityDelay(Node n) {
        if (!n.hasArg(0)) {
            args.error(n, "min_auto_priority_delay requires delay time");
            return;
        }
        Long v = args.unsigned(n, n.arg(0), 1, 10_000_000L);
        if (v == null) {
            args.error(n, "min_auto_priority_delay '" + n.arg(0) + "' must be in [1, 10000000] - ignoring");
        } else {
            minAutoPriorityDelayMicros = v;
        }
    }

    /** keepalived puts its PID files (and the default reload_file) in /run/keepalived/ for these. */
    String pidDir() {
        return usePidDir || instanceName != null || netNamespace != null ? "/run/keepalived/" : "/run/";
    }

    ProcessSettings build() {
        return new ProcessSettings(netNamespace, instanceName, usePidDir,
                (int) Math.min(childWaitTimeSeconds, Integer.MAX_VALUE), vrrp.priority, vrrp.rtPriority,
                checker.priority, checker.rtPriority, netNamespaceIpvs, namespaceWithIpsets, linkbeatUsePolling,
                bfd.priority, bfd.rtPriority, vrrp.noSwap, checker.noSwap, bfd.noSwap,
                vrrp.cpuAffinity, checker.cpuAffinity, bfd.cpuAffinity,
                vrrp.rlimitRttimeMicros, checker.rlimitRttimeMicros, bfd.rlimitRttimeMicros,
                maxAutoPriority, minAutoPriorityDelayMicros,
                processName, vrrp.processName, checker.processName, bfd.processName);
    }
}
