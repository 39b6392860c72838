package org.jkeepalived.config.bind;

import java.util.List;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** vrrp_script, track_file, vrrp_track_process, bfd_instance (stub until the tracking work lands). */
public final class TrackBinder {
    private TrackBinder() {
    }

    public static void declare(Syntax root) {
    }

    public static TrackConfig bind(List<Node> top, GlobalDefs global, BindContext ctx) {
        return TrackConfig.empty();
    }
}
