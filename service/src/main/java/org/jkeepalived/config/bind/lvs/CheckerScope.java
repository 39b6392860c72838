package org.jkeepalived.config.bind.lvs;

import java.util.List;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.syntax.Node;

/**
 * What a checker binder may look at: the bind context, the top-level nodes (for track_file and
 * bfd_instance references, which must precede the virtual server), and the servers it belongs to.
 */
record CheckerScope(BindContext ctx, List<Node> top, Drafts.Vs vs, Drafts.Rs rs) {
    /** keepalived's "(RS)" prefix for BFD_CHECK messages. */
    String rsName() {
        return LvsFormat.rs(rs, vs);
    }
}
