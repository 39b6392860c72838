package org.jkeepalived.config.bind.lvs;

import java.util.List;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.lvs.SslSettings;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** The top-level {@code SSL { password ca certificate key }} block; a later block replaces an earlier one. */
final class SslBinder {
    private SslBinder() {
    }

    static void declare(Syntax root) {
        root.block("SSL", b -> b.leaf("password").leaf("ca").leaf("certificate").leaf("key"));
    }

    static SslSettings bind(List<Node> top, BindContext ctx) {
        SslSettings ssl = null;
        for (Node n : top) {
            if (!n.keyword().equals("SSL")) {
                continue;
            }
            if (ssl != null) {
                ctx.error(n, "SSL context already specified - replacing");
            }
            String[] v = new String[4];
            for (Node k : n.children()) {
                int i = switch (k.keyword()) {
                    case "password" -> 0;
                    case "ca" -> 1;
                    case "certificate" -> 2;
                    default -> 3;
                };
                // keepalived's own names for the messages
                String type = switch (i) {
                    case 0 -> "password";
                    case 1 -> "cafile";
                    case 2 -> "certfile";
                    default -> "keyfile";
                };
                if (!k.hasArg(0)) {
                    ctx.error(k, "SSL " + type + " missing");
                    continue;
                }
                if (v[i] != null) {
                    ctx.error(k, "SSL " + type + " already specified - replacing");
                }
                v[i] = LvsValues.text(k);
            }
            ssl = new SslSettings(v[0], v[1], v[2], v[3]);
        }
        return ssl;
    }
}
