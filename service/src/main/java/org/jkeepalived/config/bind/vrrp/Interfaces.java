package org.jkeepalived.config.bind.vrrp;

import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;

/**
 * keepalived 2.2.7 reports each reference to a missing interface where it is written, then once, without
 * a place, "Non-existent interface specified in configuration" (both count as errors, exit 5).
 */
final class Interfaces {
    static final String NON_EXISTENT = "Non-existent interface specified in configuration";

    private Interfaces() {
    }

    static void missing(Location at, String message, BindContext ctx) {
        ctx.error(at, message);
        ctx.error((Location) null, NON_EXISTENT);
    }
}
