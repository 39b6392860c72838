package org.jkeepalived.config.bind.vrrp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.vrrp.GarpGroup;
import org.jkeepalived.config.model.vrrp.InterfaceDelay;
import org.jkeepalived.config.model.vrrp.LinkbeatInterface;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.config.model.vrrp.TrackGroup;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.config.syntax.Node;

/**
 * Binds the VRRP sections in keepalived's order: every top-level item in file order (rules without a
 * preference are numbered in that order), then the completion of each instance, then sync groups, then
 * the cross-instance checks (track_group references, duplicate VRIDs).
 */
public final class VrrpSections {
    private VrrpSections() {
    }

    public static VrrpConfig bind(List<Node> top, GlobalDefs global, TrackConfig tracking, BindContext machineCtx) {
        // Scripts are registered on the loader's context; everything else may see dynamic interfaces.
        BindContext ctx = global.vrrp().dynamicInterfaces()
                ? new BindContext(machineCtx.diagnostics(), new DynamicInterfaces(machineCtx.system())) : machineCtx;
        RuleLines.PreferenceCounter preferences = new RuleLines.PreferenceCounter();
        List<InstanceDraft> drafts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<SyncGroups.Draft> groups = new ArrayList<>();
        List<VirtualAddress> staticAddresses = new ArrayList<>();
        List<VirtualRoute> staticRoutes = new ArrayList<>();
        List<VirtualRule> staticRules = new ArrayList<>();
        List<TrackGroup> trackGroups = new ArrayList<>();
        List<GarpGroup> garpGroups = new ArrayList<>();
        List<LinkbeatInterface> linkbeat = new ArrayList<>();
        List<InterfaceDelay> delays = new ArrayList<>();
        int garpIndex = 0;
        Set<String> garpInterfaces = new HashSet<>();
        String defaultDev = global.vrrp().defaultInterface();
        for (Node n : top) {
            switch (n.keyword()) {
                case "vrrp_instance" -> {
                    if (!n.hasArg(0)) {
                        ctx.error(n, "vrrp_instance must have a name");
                    } else if (!names.add(n.arg(0))) {
                        ctx.error(n, "vrrp instance " + n.arg(0) + " already defined");
                    } else {
                        InstanceDraft d = new InstanceDraft(n.arg(0), n.location());
                        new InstanceParser(d, tracking, preferences, ctx).read(n);
                        drafts.add(d);
                    }
                }
                case "vrrp_sync_group" -> {
                    SyncGroups.Draft g = SyncGroups.read(n, tracking, ctx);
                    if (g != null) {
                        groups.add(g);
                    }
                }
                case "static_ipaddress" -> n.items().forEach(i -> add(staticAddresses,
                        AddressLines.parse(i.words(), i.location(), defaultDev, true, ctx)));
                case "static_routes" -> n.items().forEach(i -> add(staticRoutes,
                        RouteLines.parse(i.words(), i.location(), true, ctx)));
                case "static_rules" -> n.items().forEach(i -> add(staticRules,
                        RuleLines.parse(i.words(), i.location(), true, preferences, ctx)));
                case "track_group" -> add(trackGroups, StaticItems.trackGroup(n, trackGroups, ctx));
                case "garp_group" -> add(garpGroups, StaticItems.garpGroup(n, garpIndex++, garpInterfaces, ctx));
                case "linkbeat_interfaces" -> linkbeat.addAll(StaticItems.linkbeat(n, ctx));
                case "interface_up_down_delays" -> delays.addAll(StaticItems.upDownDelays(n, ctx));
                default -> {
                }
            }
        }
        checkTrackGroups(staticAddresses, staticRoutes, staticRules, trackGroups, ctx);

        Map<String, VrrpInstance> instances = new LinkedHashMap<>();
        for (InstanceDraft d : drafts) {
            VrrpInstance i = new InstanceChecks(d, global, ctx).complete();
            if (i != null) {
                instances.put(i.name(), i);
            }
        }
        List<SyncGroup> syncGroups = SyncGroups.resolve(groups, instances, global, ctx);
        checkDuplicateVrids(instances.values(), ctx);
        List<VrrpInstance> resolved = new ArrayList<>(instances.values());
        VrrpScripts.register(tracking, drafts, groups, machineCtx);
        return new VrrpConfig(resolved, syncGroups, staticAddresses, staticRoutes,
                staticRules, trackGroups, garpGroups, linkbeat, delays);
    }

    private static <T> void add(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }

    private static void checkTrackGroups(List<VirtualAddress> addresses, List<VirtualRoute> routes,
                                         List<VirtualRule> rules, List<TrackGroup> groups, BindContext ctx) {
        Set<String> known = new HashSet<>();
        groups.forEach(g -> known.add(g.name()));
        addresses.stream().filter(a -> a.trackGroup() != null && !known.contains(a.trackGroup()))
                .forEach(a -> ctx.error(a.location(), "track_group " + a.trackGroup() + " not found"));
        routes.stream().filter(r -> r.trackGroup() != null && !known.contains(r.trackGroup()))
                .forEach(r -> ctx.error(r.location(), "track_group " + r.trackGroup() + " not found"));
        rules.stream().filter(r -> r.trackGroup() != null && !known.contains(r.trackGroup()))
                .forEach(r -> ctx.error(r.location(), "track_group " + r.trackGroup() + " not found"));
    }

    /**
     * Two multicast instances may not share a VRID on the same interface, family and group (unicast
     * instances are not compared by keepalived 2.2.7).
     */
    private static void checkDuplicateVrids(Iterable<VrrpInstance> instances, BindContext ctx) {
        record Key(String dev, Object family, int vrid, Object group) {
        }
        Map<Key, VrrpInstance> seen = new HashMap<>();
        for (VrrpInstance i : instances) {
            if (i.unicast()) {
                continue;
            }
            Key k = new Key(i.interfaceName(), i.family(), i.virtualRouterId(), i.mcastDstIp());
            VrrpInstance other = seen.putIfAbsent(k, i);
            if (other != null && !Objects.equals(other.name(), i.name())) {
                ctx.error((Location) null, other.name() + " and " + i.name() + " both use VRID " + i.virtualRouterId()
                        + " with " + (i.family().name().equals("IPV4") ? "IPv4" : "IPv6") + " on interface "
                        + i.interfaceName());
            }
        }
    }
}
