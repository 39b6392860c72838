package org.jkeepalived.vrrp.sim;

import org.jkeepalived.vrrp.packet.VrrpAdvert;

/** The simulated network as the routers' runtime sees it: multicast an advert from one node. */
interface Network {
    void multicast(int fromNode, VrrpAdvert advert, long nowNanos);
}
