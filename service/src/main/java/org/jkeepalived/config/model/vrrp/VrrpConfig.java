package org.jkeepalived.config.model.vrrp;

import java.util.List;
import java.util.Optional;

/**
 * The VRRP part of the configuration: instances, sync groups and the static items keepalived keeps
 * configured regardless of state.
 *
 * @param instances             vrrp_instance blocks, in file order
 * @param syncGroups            vrrp_sync_group blocks that kept at least one member
 * @param staticIpaddress       static_ipaddress lines
 * @param staticRoutes          static_routes lines
 * @param staticRules           static_rules lines
 * @param trackGroups           track_group blocks
 * @param garpGroups            garp_group blocks with a delay set
 * @param linkbeatInterfaces    linkbeat_interfaces lines
 * @param interfaceUpDownDelays interface_up_down_delays lines
 */
public record VrrpConfig(List<VrrpInstance> instances, List<SyncGroup> syncGroups,
                         List<VirtualAddress> staticIpaddress, List<VirtualRoute> staticRoutes,
                         List<VirtualRule> staticRules, List<TrackGroup> trackGroups, List<GarpGroup> garpGroups,
                         List<LinkbeatInterface> linkbeatInterfaces, List<InterfaceDelay> interfaceUpDownDelays) {
    public VrrpConfig {
        instances = List.copyOf(instances);
        syncGroups = List.copyOf(syncGroups);
        staticIpaddress = List.copyOf(staticIpaddress);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
        trackGroups = List.copyOf(trackGroups);
        garpGroups = List.copyOf(garpGroups);
        linkbeatInterfaces = List.copyOf(linkbeatInterfaces);
        interfaceUpDownDelays = List.copyOf(interfaceUpDownDelays);
    }

    public static VrrpConfig empty() {
        return new VrrpConfig(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    public Optional<VrrpInstance> instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<SyncGroup> syncGroup(String name) {
        return syncGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
