package org.jkeepalived.config.bind;

import java.util.List;
import org.jkeepalived.config.bind.track.TrackSections;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * vrrp_script, track_file (vrrp_track_file), vrrp_track_process and bfd_instance: the tracked objects
 * that instances, sync groups and real servers refer to by name. The work is in
 * {@code config.bind.track}; this is the entry point the loader and the grammar call.
 */
public final class TrackBinder {
    private TrackBinder() {
    }

    public static void declare(Syntax root) {
        TrackSections.declare(root);
    }

    public static TrackConfig bind(List<Node> top, GlobalDefs global, BindContext ctx) {
        return TrackSections.bind(top, ctx);
    }
}
