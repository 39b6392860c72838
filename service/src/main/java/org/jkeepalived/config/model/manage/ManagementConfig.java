package org.jkeepalived.config.model.manage;

import java.util.Objects;

/**
 * The management plane's own configuration: the top-level {@code snmp_agent}, {@code jolokia} and
 * {@code jmx_remote} blocks. keepalived has none of them (it warns and skips them); which MIBs are served and
 * whether traps go out stay with keepalived's {@code enable_snmp_*} / {@code enable_traps} keywords in
 * {@code global_defs} ({@link org.jkeepalived.config.model.global.GlobalDefs.SnmpSettings}) and {@code -x}.
 */
public record ManagementConfig(SnmpAgentConfig snmpAgent, JolokiaConfig jolokia, JmxRemoteConfig jmxRemote) {
    public ManagementConfig {
        Objects.requireNonNull(snmpAgent, "snmpAgent");
        Objects.requireNonNull(jolokia, "jolokia");
        Objects.requireNonNull(jmxRemote, "jmxRemote");
    }

    /** No block given: SNMP on loopback read-only, Jolokia on 127.0.0.1:8778 read-only, no remote JMX. */
    public static ManagementConfig defaults() {
        return new ManagementConfig(SnmpAgentConfig.defaults(), JolokiaConfig.defaults(), JmxRemoteConfig.off());
    }
}
