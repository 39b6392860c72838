package org.jkeepalived.config.bind.track;

import java.util.List;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** Declares and binds the four top-level tracking blocks, one class per block kind. */
public final class TrackSections {
    private TrackSections() {
    }

    public static void declare(Syntax root) {
        VrrpScriptBinder.declare(root);
        TrackFileBinder.declare(root);
        TrackProcessBinder.declare(root);
        BfdInstanceBinder.declare(root);
    }

    public static TrackConfig bind(List<Node> top, BindContext ctx) {
        return new TrackConfig(VrrpScriptBinder.bind(top, ctx), TrackFileBinder.bind(top, ctx),
                TrackProcessBinder.bind(top, ctx), BfdInstanceBinder.bind(top, ctx));
    }
}
