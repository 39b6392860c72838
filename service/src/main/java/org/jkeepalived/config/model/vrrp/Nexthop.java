package org.jkeepalived.config.model.vrrp;

import java.net.InetAddress;
import java.util.List;

/**
 * One {@code nexthop} of a multipath route (or one gateway of the deprecated {@code or} form).
 *
 * @param via    gateway, null when none
 * @param dev    device, null when none
 * @param weight weight 1..256, null when not given
 * @param onlink {@code onlink}
 * @param realms realms as written, null when none
 * @param words  the nexthop's words as written
 */
public record Nexthop(InetAddress via, String dev, Integer weight, boolean onlink, String realms, List<String> words) {
    public Nexthop {
        words = List.copyOf(words);
    }
}
