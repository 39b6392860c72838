package org.jkeepalived.config.bind.vrrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.vrrp.GarpGroup;
import org.jkeepalived.config.model.vrrp.InterfaceDelay;
import org.jkeepalived.config.model.vrrp.LinkbeatInterface;
import org.jkeepalived.config.model.vrrp.TrackGroup;
import org.jkeepalived.config.syntax.Node;

/**
 * Top-level items outside instances (b.1, c.12): track_group, garp_group, linkbeat_interfaces and
 * interface_up_down_delays, with keepalived 2.2.7's checks. static_ipaddress/routes/rules share the
 * line parsers of the instances and are read in {@link VrrpSections}.
 */
final class StaticItems {
    private static final long SECOND = 1_000_000L;
    private static final Set<String> LINKBEAT_METHODS = Set.of("MII", "ETHTOOL", "IOCTL");

    private StaticItems() {
    }

    static TrackGroup trackGroup(Node block, List<TrackGroup> existing, BindContext ctx) {
        if (!block.hasArg(0)) {
            ctx.error(block, "track_group must have a name - skipping");
            return null;
        }
        String name = block.arg(0);
        if (existing.stream().anyMatch(t -> t.name().equals(name))) {
            ctx.error(block, "track_group " + name + " already defined");
            return null;
        }
        List<String> members = new ArrayList<>();
        for (Node g : block.childrenNamed("group")) {
            g.items().forEach(i -> members.addAll(i.words()));
        }
        return new TrackGroup(name, members, block.location());
    }

    /** garp_group: a group with neither garp_interval nor gna_interval is removed. */
    static GarpGroup garpGroup(Node block, int index, BindContext ctx) {
        Long garp = null;
        Long gna = null;
        List<String> interfaces = new ArrayList<>();
        boolean aggregate = false;
        for (Node n : block.children()) {
            switch (n.keyword()) {
                case "garp_interval", "gna_interval" -> {
                    if (Args.require(n, 1, ctx)) {
                        Long v = Args.seconds(n.location(), n.arg(0), 0, Integer.MAX_VALUE, ctx);
                        if (v == null) {
                            ctx.error(n, "garp_group " + n.keyword() + " '" + n.arg(0) + "' is invalid");
                        } else if (n.keyword().equals("garp_interval")) {
                            garp = v;
                        } else {
                            gna = v;
                        }
                    }
                }
                case "interface" -> {
                    if (Args.require(n, 1, ctx)) {
                        interfaces.add(n.arg(0));
                    }
                }
                case "interfaces" -> {
                    aggregate = true;
                    n.items().forEach(i -> interfaces.addAll(i.words()));
                }
                default -> {
                }
            }
        }
        if (garp == null && gna == null) {
            ctx.error(block, "garp group " + index + " does not have any delay set - removing");
            return null;
        }
        return new GarpGroup(garp, gna, interfaces, aggregate, block.location());
    }

    static List<LinkbeatInterface> linkbeat(Node list, BindContext ctx) {
        List<LinkbeatInterface> out = new ArrayList<>();
        for (Node.Item item : list.items()) {
            String name = item.words().get(0);
            Location at = item.location();
            if (!ctx.system().interfaceExists(name)) {
                Interfaces.missing(at, "unknown interface " + name + " specified for linkbeat interface", ctx);
                continue;
            }
            String method = null;
            if (item.words().size() > 1) {
                String m = item.words().get(1);
                if (LINKBEAT_METHODS.contains(m)) {
                    method = m;
                } else {
                    ctx.error(at, "extra characters " + m + " in linkbeat interface");
                }
            }
            out.add(new LinkbeatInterface(name, method));
        }
        return out;
    }

    /** {@code IF down_delay [up_delay]}: seconds with microsecond resolution, at most 255. */
    static List<InterfaceDelay> upDownDelays(Node list, BindContext ctx) {
        List<InterfaceDelay> out = new ArrayList<>();
        for (Node.Item item : list.items()) {
            List<String> w = item.words();
            Location at = item.location();
            if (!ctx.system().interfaceExists(w.get(0))) {
                Interfaces.missing(at, "unknown interface " + w.get(0) + " specified for up/down delay", ctx);
                continue;
            }
            if (w.size() < 2) {
                ctx.error(at, "No delay specified for interface " + w.get(0) + " up/down delay");
                continue;
            }
            Long down = Args.seconds(at, w.get(1), 0, 255 * SECOND, ctx);
            Long up = w.size() > 2 ? Args.seconds(at, w.get(2), 0, 255 * SECOND, ctx) : down;
            if (down == null || up == null) {
                continue;
            }
            out.add(new InterfaceDelay(w.get(0), down, up));
        }
        return out;
    }
}
