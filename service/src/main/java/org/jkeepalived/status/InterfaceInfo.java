package org.jkeepalived.status;

import java.net.InetAddress;

/**
 * One network interface as the management plane reports it (RFC MIB row indexes use the ifIndex).
 *
 * @param mac         its link-layer address (6 bytes), or an empty array when unknown
 * @param primaryV4   its primary IPv4 address, or null
 * @param primaryV6   its link-local IPv6 address, or null
 */
public record InterfaceInfo(String name, int ifIndex, byte[] mac, InetAddress primaryV4, InetAddress primaryV6) {
    public InterfaceInfo {
        mac = mac == null ? new byte[0] : mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }
}
