package org.jkeepalived.config.bind.track;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.vrrp.Args;
import org.jkeepalived.config.model.track.TrackFile;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** {@code track_file NAME { file; weight; init_file }} (alias {@code vrrp_track_file}, c.6). */
public final class TrackFileBinder {
    private TrackFileBinder() {
    }

    static void declare(Syntax root) {
        root.block("track_file", List.of("vrrp_track_file"), true,
                b -> b.leaf("file").leaf("weight").leaf("init_file"));
    }

    static List<TrackFile> bind(List<Node> top, BindContext ctx) {
        List<TrackFile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node n : top) {
            if (!n.keyword().equals("track_file") || !Args.require(n, 1, ctx)) {
                continue;
            }
            TrackFile f = one(n, ctx);
            if (f != null && names.add(f.name())) {
                out.add(f);
            }
        }
        return out;
    }

    private static TrackFile one(Node block, BindContext ctx) {
        String name = block.arg(0);
        String file = null;
        int weight = 1;
        boolean reverse = false;
        boolean init = false;
        long initValue = 0;
        boolean overwrite = false;
        for (Node n : block.children()) {
            switch (n.keyword()) {
                case "file" -> {
                    if (n.hasArg(0)) {
                        file = n.arg(0);
                    } else {
                        ctx.error(n, "track file file name missing");
                    }
                }
                case "weight" -> {
                    if (!n.hasArg(0)) {
                        ctx.error(n, "No weight specified for track file " + name + " - ignoring");
                    } else {
                        Long w = Args.integer(n.location(), n.arg(0), Integer.MIN_VALUE + 1L, Integer.MAX_VALUE, ctx);
                        if (w == null || w < -254 || w > 254) {
                            ctx.error(n, "Weight (" + n.arg(0) + ") for track_file " + name
                                    + " must be between [-254..254] inclusive. Ignoring...");
                        } else {
                            weight = w.intValue();
                            reverse = false;
                            if (n.hasArg(1)) {
                                if (n.arg(1).equals("reverse")) {
                                    reverse = true;
                                } else {
                                    ctx.error(n, "track_file " + name + " unknown weight option " + n.arg(1));
                                }
                            }
                        }
                    }
                }
                case "init_file" -> {
                    init = true;
                    for (String w : n.args()) {
                        if (w.equals("overwrite")) {
                            overwrite = true;
                        } else if (w.matches("-?\\d+")) {
                            initValue = Long.parseLong(w);
                        } else {
                            ctx.error(n, "Unknown track file init option " + w);
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (file == null) {
            ctx.error(block, "No file set for track_file " + name + " - ignoring");
            return null;
        }
        return new TrackFile(name, file, weight, reverse, init, initValue, overwrite, block.location());
    }
}
