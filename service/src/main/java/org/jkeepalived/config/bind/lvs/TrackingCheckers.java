package org.jkeepalived.config.bind.lvs;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.lvs.BfdCheck;
import org.jkeepalived.config.model.lvs.FileCheck;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * FILE_CHECK and BFD_CHECK follow a tracker defined elsewhere (track_file, bfd_instance). They have
 * none of the common checker keys. BFD_CHECK is accepted but not implemented.
 */
final class TrackingCheckers {
    private TrackingCheckers() {
    }

    static void declare(Syntax rs) {
        rs.block("FILE_CHECK", b -> b.leaf("track_file").leaf("weight").leaf("dynamic"));
        rs.block("BFD_CHECK", List.of(), false, b -> b.leaf("name"));
    }

    static List<Drafts.Check> readFile(Node n, CheckerScope s) {
        BindContext ctx = s.ctx();
        Node file = null;
        Long weight = null;
        boolean reverse = false;
        boolean dynamic = false;
        for (Node k : n.children()) {
            switch (k.keyword()) {
                case "track_file" -> {
                    String name = CheckerKeys.arg(k);
                    Optional<Node> tf = References.definedBefore(s.top(), s.vs().node, References.TRACK_FILE, name);
                    if (tf.isEmpty()) {
                        ctx.error(k, "track_file " + name + " not found");
                    } else {
                        file = tf.get();
                    }
                }
                case "weight" -> {
                    if (!k.hasArg(0)) {
                        ctx.error(k, "track file weight missing");
                        continue;
                    }
                    Long w = LvsValues.number(k, 0, -LvsValues.WEIGHT_LIMIT, LvsValues.WEIGHT_LIMIT, ctx,
                            "weight for track file must be in [-2147483647..2147483647] inclusive. Ignoring...");
                    if (w == null) {
                        continue;
                    }
                    boolean rev = false;
                    if (k.hasArg(1)) {
                        if (k.arg(1).equals("reverse")) {
                            rev = true;
                        } else if (!k.arg(1).equals("noreverse")) {
                            ctx.error(k, "unknown track file weight option " + k.arg(1) + " - ignoring");
                            continue;
                        }
                    }
                    weight = w;
                    reverse = rev;
                }
                case "dynamic" -> dynamic = true;
                default -> ctx.error(k, "Unknown keyword '" + k.written() + "'");
            }
        }
        if (file == null) {
            ctx.error(n, "FILE_CHECK has no track_file specified - ignoring");
            return List.of();
        }
        long[] own = References.trackFileWeight(file);
        long w = weight != null ? weight : own[0];
        boolean rev = weight != null ? reverse : own[1] != 0;
        String name = file.arg(0);
        boolean dyn = dynamic;
        Drafts.Check c = new Drafts.Check("FILE_CHECK");
        c.build = (timing, connection) -> new FileCheck(name, w, rev, dyn);
        return List.of(c);
    }

    static List<Drafts.Check> readBfd(Node n, CheckerScope s) {
        BindContext ctx = s.ctx();
        String name = null;
        for (Node k : n.childrenNamed("name")) {
            if (!k.hasArg(0)) {
                ctx.error(k, "BFD_CHECK name missing");
                continue;
            }
            if (References.definedBefore(s.top(), s.vs().node, References.BFD_INSTANCE, k.arg(0)).isEmpty()) {
                ctx.error(k, "(" + s.rsName() + ") BFD_CHECK - BFD " + k.arg(0) + " not configured");
                continue;
            }
            name = k.arg(0);
        }
        if (name == null) {
            if (n.childrenNamed("name").isEmpty()) {
                ctx.error(n, "(" + s.rsName() + ") No name has been specified for BFD_CHECKER - skipping");
            }
            return List.of();
        }
        String bfd = name;
        Drafts.Check c = new Drafts.Check("BFD_CHECK");
        c.build = (timing, connection) -> new BfdCheck(bfd);
        return List.of(c);
    }
}
