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
    static GarpGroup garpGroup(Node block, int index, Set<String> taken, BindContext ctx) {
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
                        garpInterface(n.arg(0), n.location(), taken, interfaces, ctx);
                    }
                }
                case "interfaces" -> {
                    aggregate = true;
                    n.items().forEach(i -> garpInterface(i.words().get(0), i.location(), taken, interfaces, ctx));
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

    /** An interface belongs to one garp_group; a missing one is reported like any missing interface. */
    private static void garpInterface(String name, Location at, Set<String> taken, List<String> into,
                                      BindContext ctx) {
        if (!ctx.system().interfaceExists(name)) {
            Interfaces.missing(at, "WARNING - interface " + name + " specified for garp_group doesn't exist", ctx);
        } else if (!taken.add(name)) {
            ctx.error(at, "garp_group already specified for " + name + " - ignoring");
        } else {
            into.add(name);
        }
    }

    static List<LinkbeatInterface> linkbeat(Node list, BindContext ctx) {
        List<LinkbeatInterface> out = new ArrayList<>();
        for (Node.Item item : list.items()) {
            String name = item.words().get(0);
            Location at = item.location();
            // keepalived 2.2.7 gives up here (exit 4), unlike other missing interfaces
            if (!ctx.system().interfaceExists(name)) {
                ctx.diagnostics().fatal(at, "unknown interface " + name + " specified for linkbeat interface");
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
                ctx.diagnostics().fatal(at, "unknown interface " + w.get(0) + " specified for up/down delay");
                continue;
            }
            if (w.size() < 2) {
                // silently ignored by keepalived 2.2.7
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
