package org.jkeepalived.config.bind.track;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.vrrp.Args;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.config.model.track.TrackProcess.ParamMatch;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** {@code vrrp_track_process NAME { ... }} (c.7). */
public final class TrackProcessBinder {
    private static final long MAX_DELAY_MICROS = 3600L * 1_000_000L;

    private TrackProcessBinder() {
    }

    static void declare(Syntax root) {
        root.block("vrrp_track_process", b -> b.leaf("process").leaf("param_match").leaf("weight").leaf("quorum")
                .leaf("quorum_max").leaf("fork_delay").leaf("terminate_delay").leaf("delay").leaf("full_command"));
    }

    static List<TrackProcess> bind(List<Node> top, BindContext ctx) {
        List<TrackProcess> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node n : top) {
            if (!n.keyword().equals("vrrp_track_process") || !Args.require(n, 1, ctx)) {
                continue;
            }
            TrackProcess p = one(n, ctx);
            if (p != null && names.add(p.name())) {
                out.add(p);
            }
        }
        return out;
    }

    private static TrackProcess one(Node block, BindContext ctx) {
        String name = block.arg(0);
        String process = null;
        List<String> params = List.of();
        ParamMatch match = ParamMatch.NONE;
        int weight = 0;
        boolean reverse = false;
        int quorum = 1;
        Integer quorumMax = null;
        long forkDelay = 0;
        long terminateDelay = 0;
        boolean fullCommand = false;
        for (Node n : block.children()) {
            switch (n.keyword()) {
                case "process" -> {
                    if (Args.require(n, 1, ctx)) {
                        process = n.arg(0);
                        params = n.args().subList(1, n.args().size());
                    }
                }
                case "param_match" -> {
                    // without a value: the parameters must match exactly (or there must be none)
                    if (!n.hasArg(0)) {
                        match = ParamMatch.EXACT;
                    } else {
                        switch (n.arg(0)) {
                            case "initial" -> match = ParamMatch.INITIAL;
                            case "partial" -> match = ParamMatch.PARTIAL;
                            default -> ctx.error(n, "Invalid param_match type " + n.arg(0) + " - ignoring");
                        }
                    }
                }
                case "weight" -> {
                    if (!n.hasArg(0)) {
                        ctx.error(n, "No weight specified for track process " + name + " - ignoring");
                    } else {
                        Integer w = Args.intValue(n.location(), n.arg(0), -254, 254, ctx);
                        if (w == null) {
                            ctx.error(n, "Weight (" + n.arg(0) + ") for vrrp_track_process " + name
                                    + " must be between [-254..254] inclusive. Ignoring...");
                        } else {
                            weight = w;
                            reverse = n.hasArg(1) && n.arg(1).equals("reverse");
                            if (n.hasArg(1) && !reverse && !n.arg(1).equals("noreverse")) {
                                ctx.error(n, "vrrp_track_process " + name + " unknown weight option " + n.arg(1));
                            }
                        }
                    }
                }
                case "quorum" -> {
                    if (Args.require(n, 1, ctx)) {
                        Integer q = Args.intValue(n.location(), n.arg(0), 1, 65535, ctx);
                        if (q == null) {
                            ctx.error(n, "Quorum (" + n.arg(0) + ") for vrrp_track_process " + name
                                    + " must be between [1..65535] inclusive. Ignoring...");
                        } else {
                            quorum = q;
                        }
                    }
                }
                case "quorum_max" -> {
                    if (Args.require(n, 1, ctx)) {
                        Integer q = Args.intValue(n.location(), n.arg(0), 0, 65535, ctx);
                        if (q == null) {
                            ctx.error(n, "Quorum max (" + n.arg(0) + ") for vrrp_track_process " + name
                                    + " must be between [0..65535] inclusive. Ignoring...");
                        } else {
                            quorumMax = q;
                        }
                    }
                }
                case "fork_delay", "terminate_delay", "delay" -> {
                    if (Args.require(n, 1, ctx)) {
                        Long d = Args.decimal(n.location(), n.arg(0), 6, 6, 1, MAX_DELAY_MICROS, ctx);
                        if (d == null) {
                            ctx.error(n, n.keyword() + " (" + n.arg(0) + ") for vrrp_track_process " + name
                                    + " must be between [0.000001..3600] inclusive. Ignoring...");
                        } else {
                            if (!n.keyword().equals("terminate_delay")) {
                                forkDelay = d;
                            }
                            if (!n.keyword().equals("fork_delay")) {
                                terminateDelay = d;
                            }
                        }
                    }
                }
                case "full_command" -> fullCommand = true;
                default -> {
                }
            }
        }
        if (process == null) {
            ctx.error(block, "track process '" + name + "' process name not specified");
            return null;
        }
        if (quorumMax != null && quorumMax == 0) {
            // quorum_max 0: failure as soon as one such process runs
            quorum = 0;
        } else if (quorumMax != null && quorumMax < quorum) {
            ctx.error(block, "quorum_max is less than quorum - ignoring");
            quorumMax = null;
        }
        if (match == ParamMatch.NONE && !params.isEmpty()) {
            match = ParamMatch.EXACT;
        }
        return new TrackProcess(name, process, params, match, weight, reverse, quorum, quorumMax, forkDelay,
                terminateDelay, fullCommand, block.location());
    }
}
