package org.jkeepalived.vrrp.runtime;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jkeepalived.net.VrrpSocketSpec;
import org.jkeepalived.os.log.Log;

/**
 * The engine's VRRP sockets: one {@link Channel} per (interface, source, group), shared by the instances
 * using it and demuxed by VRID. Only the loop thread changes it after {@link VrrpEngine#start}.
 */
final class Channels {
    private final Map<VrrpSocketSpec, Channel> bySpec = new LinkedHashMap<>();
    private final EnginePorts ports;
    private final Receivers receivers;
    private final Log log;

    Channels(EnginePorts ports, Receivers receivers, Log log) {
        this.ports = ports;
        this.receivers = receivers;
        this.log = log;
    }

    static VrrpSocketSpec spec(EngineInstance in) {
        return new VrrpSocketSpec(in.ifName(), in.ifIndex(), in.settings().primaryAddress(), in.group());
    }

    /** Before start: joins {@code s} to its channel, opened later by {@link #openAll}. */
    void plan(Slot s) {
        Channel c = bySpec.computeIfAbsent(spec(s.instance), Channel::new);
        if (c.byVrid.putIfAbsent(s.instance.settings().vrid(), s) != null) {
            throw new IllegalArgumentException(s.name() + ": VRID " + s.instance.settings().vrid()
                    + " is already used on " + s.instance.ifName());
        }
        s.channel = c;
    }

    /** Opens every planned socket (so that EPERM reaches the caller of start). */
    void openAll() throws IOException {
        for (Channel c : bySpec.values()) {
            c.socket = ports.sockets().open(c.spec);
        }
    }

    Collection<Channel> all() {
        return bySpec.values();
    }

    /** The channel for {@code spec}, opened now if new; null (logged) when the socket cannot be opened. */
    Channel open(VrrpSocketSpec spec, String instance) {
        Channel c = bySpec.get(spec);
        if (c != null) {
            return c;
        }
        c = new Channel(spec);
        try {
            c.socket = ports.sockets().open(spec);
        } catch (IOException | RuntimeException e) {
            log.error("(" + instance + ") cannot open the VRRP socket on " + spec.ifName() + ": " + e.getMessage());
            return null;
        }
        bySpec.put(spec, c);
        receivers.start(c);
        return c;
    }

    /** {@code s} leaves its channel; the last one out retires it. */
    void leave(Slot s) {
        Channel c = s.channel;
        if (c == null) {
            return;
        }
        c.byVrid.values().remove(s);
        s.channel = null;
        if (c.byVrid.isEmpty()) {
            bySpec.remove(c.spec);
            c.retired = true; // its receiver closes the socket within one receive slice
        }
    }

    /** Closes every socket and the link monitor. */
    void closeAll() {
        for (Channel c : bySpec.values()) {
            if (c.socket != null) {
                c.socket.close();
            }
        }
        if (ports.monitor() != null) {
            ports.monitor().close();
        }
    }
}
