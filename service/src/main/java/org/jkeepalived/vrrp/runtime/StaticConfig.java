package org.jkeepalived.vrrp.runtime;

import java.util.List;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.config.model.vrrp.VirtualRoute;
import org.jkeepalived.config.model.vrrp.VirtualRule;
import org.jkeepalived.config.model.vrrp.VrrpConfig;

/**
 * What keepalived keeps configured whatever the VRRP states are (c.3): static_ipaddress, static_routes and
 * static_rules. Applied when the engine starts, diffed on reload, removed when it stops.
 */
public record StaticConfig(List<VirtualAddress> addresses, List<VirtualRoute> routes, List<VirtualRule> rules) {
    public static final StaticConfig NONE = new StaticConfig(List.of(), List.of(), List.of());

    public StaticConfig {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
    }

    public static StaticConfig of(VrrpConfig config) {
        return new StaticConfig(config.staticIpaddress(), config.staticRoutes(), config.staticRules());
    }

    public boolean isEmpty() {
        return addresses.isEmpty() && routes.isEmpty() && rules.isEmpty();
    }
}
