package org.jkeepalived.config.model.vrrp;

/**
 * One line of {@code linkbeat_interfaces} (polling instead of netlink; not implemented, kept for fidelity).
 *
 * @param interfaceName the interface
 * @param method        MII, ETHTOOL or IOCTL; null = keepalived's choice
 */
public record LinkbeatInterface(String interfaceName, String method) {
}
