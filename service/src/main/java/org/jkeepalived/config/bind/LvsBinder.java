package org.jkeepalived.config.bind;

import java.util.List;
import org.jkeepalived.config.bind.lvs.LvsSection;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.lvs.LvsConfig;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * virtual_server, virtual_server_group, real_server, checkers, SSL: the facade the loader calls; the
 * work is in {@link org.jkeepalived.config.bind.lvs}.
 */
public final class LvsBinder {
    private LvsBinder() {
    }

    public static void declare(Syntax root) {
        LvsSection.declare(root);
    }

    public static LvsConfig bind(List<Node> top, GlobalDefs global, TrackConfig tracking, BindContext ctx) {
        return LvsSection.bind(top, global, ctx);
    }
}
