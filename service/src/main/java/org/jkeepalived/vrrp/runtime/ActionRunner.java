package org.jkeepalived.vrrp.runtime;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.config.model.vrrp.GarpGroup;
import org.jkeepalived.config.model.vrrp.UnicastPeer;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.net.FrameSender;
import org.jkeepalived.netlink.AddressSpec;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.netlink.NetlinkCodec;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.Action;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.VirtualRouter;
import org.jkeepalived.vrrp.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;
import org.jkeepalived.vrrp.packet.GratuitousArp;
import org.jkeepalived.vrrp.packet.UnsolicitedNa;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.jkeepalived.vrrp.packet.VrrpCodec;

/**
 * Carries out a router's {@link Action}s through the ports, on the engine's loop thread only (no locks).
 * Port failures are logged, never thrown: one failed send must not stop the other instances.
 */
final class ActionRunner {
    /** A given (instance, drop reason) or (instance, failure) is logged at most once per this interval. */
    static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final EnginePorts ports;
    private final Log log;
    private final LongSupplier nanoTime;
    private final Map<String, Integer> ifIndexByName = new HashMap<>();
    private final Map<Integer, String> ifNameByIndex = new HashMap<>();
    private final Map<Integer, byte[]> macs = new HashMap<>();
    private final Map<Integer, FrameSender> senders = new HashMap<>();
    private final Map<String, Long> lastLogged = new HashMap<>();

    private final OwnedItems owned;
    private final GarpPacer pacer;

    ActionRunner(EnginePorts ports, Log log, List<Link> links, LongSupplier nanoTime) {
        this(ports, log, links, nanoTime, GarpPacing.NONE);
    }

    /** @param pacing vrrp_garp_interval / vrrp_gna_interval and garp_group: how GARPs / NAs are spaced */
    ActionRunner(EnginePorts ports, Log log, List<Link> links, LongSupplier nanoTime, GarpPacing pacing) {
        this.ports = ports;
        this.nanoTime = nanoTime;
        this.log = log;
        this.owned = new OwnedItems(ports.addresses(), ports.routes(), log, this::ifIndexOf);
        this.pacer = new GarpPacer(pacing.garpIntervalNanos(), pacing.gnaIntervalNanos());
        for (Link l : links) {
            ifIndexByName.put(l.name(), l.index());
            ifNameByIndex.put(l.index(), l.name());
            if (l.mac() != null && l.mac().length == 6) {
                macs.put(l.index(), l.mac().clone());
            }
        }
        for (GarpGroup g : pacing.groups()) {
            List<Integer> indexes = g.interfaces().stream().map(this::ifIndexOf).filter(i -> i > 0).toList();
            pacer.group(indexes, g.garpIntervalMicros() == null ? null : g.garpIntervalMicros() * 1_000,
                    g.gnaIntervalMicros() == null ? null : g.gnaIntervalMicros() * 1_000, g.aggregate());
        }
    }

    void run(Slot s, Action a) {
        String name = s.name();
        if (a instanceof Action.SendAdvert send) {
            sendAdvert(s, send.priority());
        } else if (a instanceof Action.AddVips add) {
            log.settingVips(name);
            add.addresses().forEach(v -> changeAddress(s, v, true));
            // Actions run after the router decided: MASTER here means it just became (or stays) MASTER.
            // keepalived's order: VIPs, E-VIPs, then virtual routes, then virtual rules.
            if (s.router.state() == VrrpState.MASTER) {
                owned.masterEntered(name, s.instance.virtualRoutes(), s.instance.virtualRules());
            }
        } else if (a instanceof Action.RemoveVips remove) {
            if (s.router.state() != VrrpState.MASTER) {
                // Leaving MASTER: rules and routes go first (keepalived's order), and queued GARPs with them.
                owned.masterLeft(name);
                pacer.cancel(name);
            }
            log.removingVips(name);
            remove.addresses().forEach(v -> changeAddress(s, v, false));
        } else if (a instanceof Action.SendGratuitous g) {
            gratuitous(s, g.repeat(), g.addresses());
        } else if (a instanceof Action.StateChanged sc) {
            if (sc.from() == VrrpState.INIT && sc.to() != VrrpState.MASTER) {
                // keepalived 2.2.7 (observed) removes an instance's virtual rules and routes when it starts
                // as BACKUP: what a crashed run left behind must not route traffic for a non-MASTER.
                owned.removeLeftovers(name, s.instance.virtualRoutes(), s.instance.virtualRules());
            }
            stateChanged(name, sc);
        } else if (a instanceof Action.PriorityChanged pc) {
            log.effectivePriorityChanged(name, pc.from(), pc.to());
        } else if (a instanceof Action.Dropped d) {
            logDrop(name, d.reason(), d.message(), nanoTime.getAsLong());
        } else if (a instanceof Action.Mismatch m) {
            logDrop(name, m.reason(), m.message(), nanoTime.getAsLong());
        } else if (a instanceof Action.PriorityZeroReceived) {
            log.info("(" + name + ") Backup received priority 0 advertisement"); // keepalived's words
        } else if (a instanceof Action.Discarded d) {
            log.lowerPriorityAdvertDiscarded(name, d.priority(), AddressText.of(d.from()));
        } else if (a instanceof Action.SplitBrain sb) {
            log.warn("(" + name + ") Split brain: " + sb.kind().text() + " from " + AddressText.of(sb.peer())
                    + " (priority " + sb.peerPriority() + ", ours " + sb.ownPriority() + "): two masters for VRID "
                    + s.router.settings().vrid() + ", episode " + sb.episodes());
        } else if (a instanceof Action.LowerPriorityAdvert lp) {
            log.detail("(" + name + ") MASTER received lower priority (" + lp.priority() + ") advert from "
                    + AddressText.of(lp.from()));
        }
    }

    /** keepalived's wording: "(VI_1) Entering BACKUP STATE (init)", "(VI_1) Entering MASTER STATE". */
    private void stateChanged(String name, Action.StateChanged sc) {
        log.detail(sc.logLine(name));
        switch (sc.to()) {
            case BACKUP -> {
                if (sc.from() == VrrpState.INIT && sc.reason().equals(VirtualRouter.STARTUP)) {
                    log.enteringState(name, "BACKUP", "init");
                } else {
                    if (sc.reason().startsWith("master received advert")) {
                        // keepalived: "(VI_1) Master received advert from 10.0.0.3 with higher priority 150, ours 100"
                        log.info("(" + name + ") M" + sc.reason().substring(1));
                    }
                    log.enteringState(name, "BACKUP");
                }
            }
            case MASTER -> {
                if (sc.reason().contains("master down timer")) {
                    log.receiveAdvertTimeout(name);
                }
                log.enteringState(name, "MASTER");
            }
            case FAULT -> {
                // keepalived 2.2.7 (observed): no line when an instance held in INIT by its scripts starts
                // in FAULT; its notify and FIFO still say FAULT.
                if (!(sc.from() == VrrpState.INIT && sc.reason().startsWith(VirtualRouter.SCRIPTS_REPORTED))) {
                    log.enteringState(name, "FAULT");
                }
            }
            case STOP -> log.detail("(" + name + ") stopped");
            default -> {
            }
        }
    }

    /** The advert from the settings (RFC 3768 §5.1 / RFC 5798 §5.2), to the group or to each unicast peer. */
    private void sendAdvert(Slot s, int priority) {
        RouterSettings rs = s.instance.settings();
        VrrpAdvert advert = new VrrpAdvert(rs.version(), rs.vrid(), priority, rs.advertIntervalCentis(),
                rs.version() == 2 ? rs.authType() : 0, rs.version() == 2 ? rs.authPassword() : new byte[0],
                rs.advertisedAddresses(), 0);
        List<InetAddress> destinations = rs.unicast()
                ? rs.unicastPeers().stream().map(UnicastPeer::address).toList()
                : List.of(s.instance.group());
        for (InetAddress dst : destinations) {
            try {
                byte[] message = VrrpCodec.encode(advert, rs.primaryAddress(), dst, s.instance.checksumMode());
                s.channel.socket.send(message, dst);
            } catch (IOException | RuntimeException e) {
                logLimited(s.name() + "/send", "(" + s.name() + ") cannot send advert to " + AddressText.of(dst)
                        + ": " + e.getMessage(), nanoTime.getAsLong());
            }
        }
        if (priority == 0) {
            log.sentPriorityZero(s.name());
        }
    }

    /** EEXIST on add and EADDRNOTAVAIL on remove mean the kernel already has what we want. */
    private void changeAddress(Slot s, VirtualAddress v, boolean add) {
        AddressSpec spec = spec(s, v);
        if (spec == null) {
            logLimited(s.name() + "/dev/" + v.dev(), "(" + s.name() + ") no interface " + v.dev() + " for "
                    + AddressText.of(v.address().address()), nanoTime.getAsLong());
            return;
        }
        try {
            if (add) {
                ports.addresses().add(spec);
            } else {
                ports.addresses().remove(spec);
            }
        } catch (NetlinkException e) {
            if (e.errno() != (add ? Errno.EEXIST : Errno.EADDRNOTAVAIL)) {
                log.error("(" + s.name() + ") cannot " + (add ? "add " : "remove ")
                        + AddressText.of(v.address().address()) + "/" + v.address().prefixLength() + " on "
                        + ifNameByIndex.get(spec.ifIndex()) + ": " + e.getMessage());
            }
        }
    }

    private AddressSpec spec(Slot s, VirtualAddress v) {
        int ifIndex = ifIndex(s, v);
        return ifIndex <= 0 ? null : RouteMapping.address(v, ifIndex);
    }

    private int ifIndex(Slot s, VirtualAddress v) {
        if (v.dev() == null || v.dev().equals(s.instance.ifName())) {
            return s.instance.ifIndex();
        }
        return ifIndexOf(v.dev());
    }

    /** An interface's index, from the links known at start, else asked of the kernel; 0 when there is none. */
    private int ifIndexOf(String name) {
        Integer known = ifIndexByName.get(name);
        if (known != null) {
            return known;
        }
        try {
            Link l = ports.addresses().link(name).orElse(null);
            if (l == null) {
                return 0;
            }
            ifIndexByName.put(l.name(), l.index());
            ifNameByIndex.put(l.index(), l.name());
            return l.index();
        } catch (NetlinkException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Gratuitous ARP for IPv4 (RFC 5798 §6.4.2 / RFC 3768 §6.4.2) and unsolicited NA for IPv6 (RFC 4861
     * §7.2.6): {@code repeat} rounds over the addresses (keepalived's order, observed), spaced per interface
     * by vrrp_garp_interval / vrrp_gna_interval ({@link GarpPacer}; 0: back to back).
     */
    private void gratuitous(Slot s, int repeat, List<VirtualAddress> addresses) {
        List<GarpPacer.Frame> round = new ArrayList<>();
        for (VirtualAddress v : addresses) {
            int ifIndex = ifIndex(s, v);
            byte[] mac = ifIndex > 0 ? mac(ifIndex) : null;
            if (mac == null) {
                continue;
            }
            InetAddress a = v.address().address();
            byte[] frame = a instanceof Inet4Address v4 ? new GratuitousArp(mac, v4).toFrame()
                    : new UnsolicitedNa(mac, (Inet6Address) a, (Inet6Address) a, false).toFrame();
            String ifName = ifNameByIndex.getOrDefault(ifIndex, s.instance.ifName());
            log.info("(" + s.name() + ") Sending/queueing " + (a instanceof Inet4Address ? "gratuitous ARPs"
                    : "Unsolicited Neighbour Adverts") + " on " + ifName + " for " + AddressText.of(a));
            round.add(new GarpPacer.Frame(s.name(), ifIndex, !(a instanceof Inet4Address), frame));
        }
        List<GarpPacer.Frame> all = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            all.addAll(round);
        }
        pacer.submit(all);
        sendDue(nanoTime.getAsLong());
    }

    /**
     * Before an instance first needs them: opens the frame senders of its interfaces, reads their MACs,
     * encodes its address requests and builds one frame of each kind, so that the first takeover does not pay for socket creation, class
     * loading and first native calls (measured: about 10 ms each on the first advert before warm-ups).
     */
    void prepare(Slot s) {
        for (VirtualAddress v : s.router.settings().virtualAddresses()) {
            int ifIndex = ifIndex(s, v);
            byte[] mac = ifIndex > 0 ? mac(ifIndex) : null;
            if (mac == null) {
                continue;
            }
            AddressSpec spec = spec(s, v);
            if (spec != null) {
                NetlinkCodec.address(true, 0, spec); // encoded, not sent
            }
            InetAddress a = v.address().address();
            if (a instanceof Inet4Address v4) {
                new GratuitousArp(mac, v4).toFrame();
            } else {
                new UnsolicitedNa(mac, (Inet6Address) a, (Inet6Address) a, false).toFrame();
            }
            if (!senders.containsKey(ifIndex)) {
                try {
                    senders.put(ifIndex, ports.frames().open(ifIndex));
                } catch (IOException | RuntimeException e) {
                    // sendDue() tries again, and logs, when a frame is due
                }
            }
        }
    }

    private void sendDue(long nowNanos) {
        for (GarpPacer.Frame f : pacer.due(nowNanos)) {
            String ifName = ifNameByIndex.getOrDefault(f.ifIndex(), "ifindex " + f.ifIndex());
            try {
                FrameSender sender = senders.get(f.ifIndex());
                if (sender == null) {
                    sender = ports.frames().open(f.ifIndex());
                    senders.put(f.ifIndex(), sender);
                }
                sender.send(f.bytes());
            } catch (IOException | RuntimeException e) {
                logLimited(f.instance() + "/garp", "(" + f.instance() + ") cannot send gratuitous frames on "
                        + ifName + ": " + e.getMessage(), nowNanos);
            }
        }
    }

    private byte[] mac(int ifIndex) {
        byte[] mac = macs.get(ifIndex);
        if (mac == null) {
            try {
                mac = ports.addresses().link(ifIndex).map(Link::mac).filter(m -> m != null && m.length == 6)
                        .orElse(null);
            } catch (NetlinkException e) {
                mac = null;
            }
            if (mac != null) {
                macs.put(ifIndex, mac);
            }
        }
        return mac;
    }

    /** The link came back: its MAC may have changed. */
    void forgetMac(int ifIndex) {
        macs.remove(ifIndex);
    }

    void logDrop(String instance, DropReason reason, String message, long nowNanos) {
        logLimited(instance + "/" + reason, "(" + instance + ") " + message, nowNanos);
    }

    private void logLimited(String key, String message, long nowNanos) {
        Long last = lastLogged.get(key);
        if (last == null || nowNanos - last >= LOG_INTERVAL_NANOS) {
            lastLogged.put(key, nowNanos);
            log.warn(message);
        }
    }

    /** The runner's own earliest deadline (paced gratuitous ARP / NA), or {@link VirtualRouter#NEVER}. */
    long nextDeadlineNanos() {
        return pacer.nextDeadlineNanos();
    }

    /** Serves the runner's due deadlines; early calls are harmless. */
    void onTimer(long nowNanos) {
        sendDue(nowNanos);
    }

    // ------------------------------------------------ owned items (virtual/static routes, rules; restore)

    /** At engine start, before any router starts: adds the static addresses, routes and rules. */
    void applyStatic(StaticConfig statics) {
        owned.applyStatic(statics);
    }

    /** On reload: removes the static items no longer configured, adds the new ones. */
    void reloadStatic(StaticConfig previous, StaticConfig next) {
        owned.reloadStatic(next);
    }

    /** At engine stop, after every router stopped: removes the static items. */
    void removeStatic(StaticConfig statics) {
        owned.removeStatic();
    }

    /**
     * A reload changed a running instance: {@code s} now carries the new settings. Its VIPs are diffed by
     * the router ({@link Action.AddVips}/{@link Action.RemoveVips}); routes and rules of a MASTER are diffed
     * here (against what was added, so {@code previous} is not needed).
     */
    /** A reload renamed a kept instance (before its new settings apply): what it owns moves with it. */
    void instanceRenamed(String before, String after) {
        owned.renamed(before, after);
        pacer.cancel(before);
    }

    void instanceReconfigured(EngineInstance previous, Slot s) {
        if (s.router.state() == VrrpState.MASTER) {
            owned.reconfigured(s.name(), s.instance.virtualRoutes(), s.instance.virtualRules());
        }
    }

    /**
     * Every monitor event that is not about link state, on the loop thread: something deleted by someone
     * else while we own it is put back ({@link OwnedItems} for static items and virtual routes/rules). An
     * {@link NetlinkEvent.Overrun} (lost events) puts back everything owned.
     *
     * <p>A tracked VIP or eVIP of a MASTER: keepalived 2.2.7 (observed) logs "Netlink reflector reports IP
     * 10.9.0.100 removed from veth0", leaves MASTER (priority 0, removes everything) and re-elects; alone it
     * is MASTER again at once and re-adds it. Deliberate deviation until the state machine has an input for
     * it: we log the same line and put the address back directly, without the handover. A no_track VIP is
     * left deleted (keepalived does nothing either).
     */
    void onNetlinkEvent(NetlinkEvent e, List<Slot> slots) {
        if (e instanceof NetlinkEvent.Overrun) {
            // Deletions may have been lost with the dropped events: put back whatever we own (EEXIST is fine).
            for (Slot s : slots) {
                if (s.router.state() == VrrpState.MASTER) {
                    s.instance.settings().virtualAddresses().forEach(v -> changeAddress(s, v, true));
                }
            }
            owned.reassert();
            return;
        }
        if (e instanceof NetlinkEvent.AddressRemoved ar) {
            for (Slot s : slots) {
                if (s.router.state() != VrrpState.MASTER) {
                    continue;
                }
                for (VirtualAddress v : s.instance.settings().virtualAddresses()) {
                    AddressSpec spec = v.noTrack() ? null : spec(s, v);
                    if (spec != null && RouteMapping.matches(spec, ar)) {
                        log.info("Netlink reflector reports IP " + AddressText.of(ar.address()) + " removed from "
                                + ifNameByIndex.getOrDefault(ar.ifIndex(), "ifindex " + ar.ifIndex()));
                        log.info("(" + s.name() + ") restoring deleted VIP " + AddressText.of(v.address()));
                        changeAddress(s, v, true);
                    }
                }
            }
        }
        owned.onDeleted(e);
    }

    void close() {
        senders.values().forEach(FrameSender::close);
        senders.clear();
        ports.addresses().close();
        if (ports.routes() != null) {
            ports.routes().close();
        }
    }
}
