package org.jkeepalived.config.bind.lvs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.lvs.LvsConfig;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.SslSettings;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.config.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * The LVS section: reads SSL, the groups and every virtual server (in file order, as keepalived's
 * parser does), then validates each service as keepalived does once the file is read.
 */
public final class LvsSection {
    private LvsSection() {
    }

    public static void declare(Syntax root) {
        SslBinder.declare(root);
        GroupBinder.declare(root);
        VirtualServerBinder.declare(root);
    }

    public static LvsConfig bind(List<Node> top, GlobalDefs global, BindContext ctx) {
        SslSettings ssl = SslBinder.bind(top, ctx);
        List<VirtualServerGroup> groups = GroupBinder.bind(top, ctx);
        List<Drafts.Vs> drafts = new ArrayList<>();
        for (Node n : top) {
            if (n.keyword().equals("virtual_server")) {
                Drafts.Vs vs = VirtualServerBinder.read(n, top, ctx);
                if (vs != null) {
                    drafts.add(vs);
                }
            }
        }
        List<VirtualServer> out = new ArrayList<>();
        for (Drafts.Vs vs : drafts) {
            if (vs.target instanceof ServiceTarget.Group g) {
                Optional<VirtualServerGroup> group = groups.stream()
                        .filter(x -> x.name().equals(g.group())).findFirst();
                if (group.isEmpty()) {
                    // keepalived only logs this when it starts the service (not a -t error, observed).
                    ctx.note(vs.node, "Virtual server group " + g.group() + " specified but not configured"
                            + " - ignoring virtual server " + LvsFormat.vs(vs));
                    continue;
                }
                vs.group = group.get();
            }
            if (ServiceValidation.validate(vs, global, ctx)) {
                out.add(ServiceValidation.build(vs, global));
            }
        }
        return new LvsConfig(ssl, groups, out);
    }
}
