package org.jkeepalived.config.model.lvs;

import java.net.InetAddress;

/**
 * Where a network checker connects and from where.
 *
 * @param connectIp            {@code connect_ip} (the real server's address)
 * @param connectPort          {@code connect_port} (the real server's port as written; 0 when it has
 *                             none, as keepalived leaves it)
 * @param bindto               {@code bindto}: source address, null when unset
 * @param bindPort             {@code bind_port}: source port, 0 when unset
 * @param bindIf               {@code bind_if}: source interface, null when unset (needed for IPv6
 *                             link-local targets)
 * @param fwmark               {@code fwmark}: SO_MARK for the checker's packets, 0 when unset
 * @param connectTimeoutMicros {@code connect_timeout} (else the real/virtual server's, 5 s)
 */
public record CheckerConnection(InetAddress connectIp, int connectPort, InetAddress bindto, int bindPort,
                                String bindIf, long fwmark, long connectTimeoutMicros) {
}
