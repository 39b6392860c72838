package org.jkeepalived.config.bind;

import java.util.List;
import org.jkeepalived.config.bind.global.GlobalDefsReader;
import org.jkeepalived.config.bind.global.GlobalKeywords;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** global_defs and the top-level process keywords: the facade the loader calls (see package bind.global). */
public final class GlobalBinder {
    private GlobalBinder() {
    }

    public static void declare(Syntax root) {
        GlobalKeywords.declare(root);
    }

    public static GlobalDefs bind(List<Node> top, BindContext ctx) {
        return GlobalDefsReader.read(top, ctx);
    }
}
