package org.jkeepalived.config.model.lvs;

import java.net.InetAddress;

/** What a {@code virtual_server} line names: an address and port, a firewall mark, or a group. */
public sealed interface ServiceTarget {

    /**
     * {@code virtual_server IP [PORT]}.
     *
     * @param address the virtual address
     * @param port    the port; 0 only for persistent services (keepalived forces persistence otherwise)
     */
    record Address(InetAddress address, int port) implements ServiceTarget {
    }

    /** {@code virtual_server fwmark N}. */
    record Fwmark(long fwmark) implements ServiceTarget {
    }

    /** {@code virtual_server group NAME}: one IPVS service per entry of the group. */
    record Group(String group) implements ServiceTarget {
    }
}
