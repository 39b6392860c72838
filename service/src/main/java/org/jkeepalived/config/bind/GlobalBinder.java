package org.jkeepalived.config.bind;

import java.util.List;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** global_defs and the top-level process keywords (stub until the global work lands). */
public final class GlobalBinder {
    private GlobalBinder() {
    }

    public static void declare(Syntax root) {
    }

    public static GlobalDefs bind(List<Node> top, BindContext ctx) {
        return GlobalDefs.defaults(ctx.system().hostname());
    }
}
