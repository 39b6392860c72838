package org.jkeepalived.vrrp.runtime;

import java.util.List;
import org.jkeepalived.config.model.global.VrrpDefaults;
import org.jkeepalived.config.model.vrrp.GarpGroup;
import org.jkeepalived.config.model.vrrp.VrrpConfig;

/**
 * How gratuitous ARPs / unsolicited NAs are spaced (c.4): the global {@code vrrp_garp_interval} and
 * {@code vrrp_gna_interval}, and the {@code garp_group} blocks that override them for some interfaces (an
 * {@code interfaces} block shares one limit among all of its interfaces).
 */
public record GarpPacing(long garpIntervalNanos, long gnaIntervalNanos, List<GarpGroup> groups) {
    /** keepalived's default: no spacing, back to back. */
    public static final GarpPacing NONE = new GarpPacing(0, 0, List.of());

    public GarpPacing {
        groups = List.copyOf(groups);
    }

    public static GarpPacing of(VrrpDefaults defaults, VrrpConfig config) {
        return new GarpPacing(defaults.garpIntervalMicros() * 1_000, defaults.gnaIntervalMicros() * 1_000,
                config.garpGroups());
    }
}
