package org.jkeepalived.config.model.track;

import java.net.InetAddress;
import org.jkeepalived.config.Location;

/**
 * A {@code bfd_instance} block (c.13). The BFD runtime is not implemented; the settings are kept so that
 * track_bfd references resolve as keepalived resolves them.
 *
 * @param name          the block's name
 * @param neighborIp    neighbor_ip (alias neighbour_ip)
 * @param sourceIp      source_ip, null when not given
 * @param minRxMicros   min_rx (10 ms)
 * @param minTxMicros   min_tx (10 ms)
 * @param idleTxMicros  idle_tx (1000 ms)
 * @param multiplier    multiplier (5)
 * @param passive       passive mode
 * @param ttl           ttl for IPv4 (255)
 * @param hoplimit      hop limit for IPv6 (64)
 * @param maxHops       max_hops (0; 255 disables the check)
 * @param multihop      multihop (port 4784)
 * @param weight        default tracking weight (0, range -253..253)
 * @param reverse       default reverse
 * @param toVrrp        events go to the VRRP process (both unless {@code vrrp}/{@code checker} given)
 * @param toChecker     events go to the checker process
 * @param location      where the block starts
 */
public record BfdInstance(String name, InetAddress neighborIp, InetAddress sourceIp, long minRxMicros,
                          long minTxMicros, long idleTxMicros, int multiplier, boolean passive, int ttl,
                          int hoplimit, int maxHops, boolean multihop, int weight, boolean reverse,
                          boolean toVrrp, boolean toChecker, Location location) {
}
