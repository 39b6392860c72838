package org.jkeepalived.vrrp.runtime;

import org.jkeepalived.vrrp.VirtualRouter;

/** One instance in the engine: its router and its channel (null while unusable). Only the loop thread touches it. */
final class Slot {
    EngineInstance instance;
    final VirtualRouter router;
    Channel channel;

    Slot(EngineInstance instance) {
        this.instance = instance;
        this.router = new VirtualRouter(instance.settings());
    }

    String name() {
        return router.settings().name();
    }
}
