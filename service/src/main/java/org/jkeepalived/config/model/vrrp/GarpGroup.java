package org.jkeepalived.config.model.vrrp;

import java.util.List;
import org.jkeepalived.config.Location;

/**
 * A {@code garp_group}: rate limits for gratuitous ARP / unsolicited NA on some interfaces.
 *
 * @param garpIntervalMicros gap between gratuitous ARPs, null when not set
 * @param gnaIntervalMicros  gap between unsolicited NAs, null when not set
 * @param interfaces         the interfaces it applies to
 * @param aggregate          given as an {@code interfaces} block: the limit is shared by all of them
 * @param location           where the block starts
 */
public record GarpGroup(Long garpIntervalMicros, Long gnaIntervalMicros, List<String> interfaces,
                        boolean aggregate, Location location) {
    public GarpGroup {
        interfaces = List.copyOf(interfaces);
    }
}
