package org.jkeepalived.config.model.lvs;

import java.util.List;

/**
 * The LVS part of keepalived.conf: IPVS services with their real servers and health checkers, the
 * virtual server groups they may use, and the SSL context for SSL_GET.
 *
 * @param ssl                 the top-level {@code SSL} block; null when absent (keepalived then
 *                            generates a context of its own when an SSL_GET needs one)
 * @param virtualServerGroups {@code virtual_server_group} blocks that kept at least one entry
 * @param virtualServers      {@code virtual_server} blocks that survived validation (a service without
 *                            real servers, or using an unknown group, is dropped as keepalived does)
 */
public record LvsConfig(SslSettings ssl, List<VirtualServerGroup> virtualServerGroups,
                        List<VirtualServer> virtualServers) {
    public LvsConfig {
        virtualServerGroups = List.copyOf(virtualServerGroups);
        virtualServers = List.copyOf(virtualServers);
    }

    public static LvsConfig empty() {
        return new LvsConfig(null, List.of(), List.of());
    }
}
