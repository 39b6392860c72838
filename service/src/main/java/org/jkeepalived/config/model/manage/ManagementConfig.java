package org.jkeepalived.config.model.manage;

import java.util.Objects;

/**
 * The management plane's own configuration: the top-level {@code snmp_agent}, {@code jolokia},
 * {@code jmx_remote} and {@code prometheus} blocks. keepalived has none of them (it warns and skips them); which MIBs are served and
 * whether traps go out stay with keepalived's {@code enable_snmp_*} / {@code enable_traps} keywords in
 * {@code global_defs} ({@link org.jkeepalived.config.model.global.GlobalDefs.SnmpSettings}) and {@code -x}.
 */
public record ManagementConfig(SnmpAgentConfig snmpAgent, JolokiaConfig jolokia, JmxRemoteConfig jmxRemote,
                               PrometheusConfig prometheus) {
    public ManagementConfig {
        Objects.requireNonNull(snmpAgent, "snmpAgent");
        Objects.requireNonNull(jolokia, "jolokia");
        Objects.requireNonNull(jmxRemote, "jmxRemote");
        Objects.requireNonNull(prometheus, "prometheus");
    }

    /** The three older blocks, with the Prometheus endpoint's default. */
    public ManagementConfig(SnmpAgentConfig snmpAgent, JolokiaConfig jolokia, JmxRemoteConfig jmxRemote) {
        this(snmpAgent, jolokia, jmxRemote, PrometheusConfig.defaults());
    }

    /**
     * No block given: SNMP on loopback read-only, Jolokia on 127.0.0.1:8778 read-only, no remote JMX, the
     * Prometheus endpoint on 127.0.0.1:9165.
     */
    public static ManagementConfig defaults() {
        return new ManagementConfig(SnmpAgentConfig.defaults(), JolokiaConfig.defaults(), JmxRemoteConfig.off(),
                PrometheusConfig.defaults());
    }
}
