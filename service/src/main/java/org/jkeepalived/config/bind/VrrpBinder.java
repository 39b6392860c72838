package org.jkeepalived.config.bind;

import java.util.List;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** vrrp_instance, vrrp_sync_group, static_* and friends (stub until the VRRP work lands). */
public final class VrrpBinder {
    private VrrpBinder() {
    }

    public static void declare(Syntax root) {
    }

    public static VrrpConfig bind(List<Node> top, GlobalDefs global, TrackConfig tracking, BindContext ctx) {
        return VrrpConfig.empty();
    }
}
