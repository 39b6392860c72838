package org.jkeepalived.config.bind;

import java.util.List;
import org.jkeepalived.config.bind.vrrp.VrrpSections;
import org.jkeepalived.config.bind.vrrp.VrrpSyntax;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * vrrp_instance, vrrp_sync_group, static_ipaddress/routes/rules, track_group, garp_group,
 * linkbeat_interfaces and interface_up_down_delays. The work is in {@code config.bind.vrrp}; this is the
 * entry point the loader and the grammar call.
 */
public final class VrrpBinder {
    private VrrpBinder() {
    }

    public static void declare(Syntax root) {
        VrrpSyntax.declare(root);
    }

    public static VrrpConfig bind(List<Node> top, GlobalDefs global, TrackConfig tracking, BindContext ctx) {
        return VrrpSections.bind(top, global, tracking, ctx);
    }
}
