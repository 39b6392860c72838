package org.jkeepalived.ipvs.sync;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jkeepalived.ipvs.kernel.IpvsChange;
import org.jkeepalived.ipvs.kernel.IpvsDestination;
import org.jkeepalived.ipvs.kernel.IpvsForwarding;
import org.jkeepalived.ipvs.kernel.IpvsService;
import org.jkeepalived.ipvs.kernel.IpvsServiceKey;

/**
 * The difference between what one kernel service should hold and what it holds (pure): the least list of
 * {@link IpvsChange}s, and none when they agree, so that nothing churns. Existing rules are adopted in place: a
 * service or destination that exists with other settings is updated (SET), never deleted and re-added, so its
 * connections and counters survive. Destinations the configuration does not name are left alone (another tool's),
 * as keepalived leaves them; only owned ones are ever deleted.
 */
public final class IpvsReconciler {

    private IpvsReconciler() {
    }

    /** A destination's identity within a service. */
    public record DestinationKey(InetAddress address, int port) {
        public static DestinationKey of(IpvsDestination d) {
            return new DestinationKey(d.address(), d.port());
        }
    }

    /**
     * What one kernel service should hold.
     *
     * @param owned the destinations this service's configuration names (real servers and sorry server, up or down):
     *              the ones the reconciler may delete
     */
    public record Want(IpvsService service, List<IpvsDestination> destinations, Set<DestinationKey> owned) {
        public Want {
            Objects.requireNonNull(service, "service");
            destinations = List.copyOf(destinations);
            owned = Set.copyOf(owned);
        }

        public IpvsServiceKey key() {
            return service.key();
        }
    }

    /** What the kernel holds for one service (from a dump, or what was last applied). */
    public record Held(IpvsService service, List<IpvsDestination> destinations) {
        public Held {
            Objects.requireNonNull(service, "service");
            destinations = List.copyOf(destinations);
        }

        /** The state {@code want} leaves behind once its changes are applied (foreign destinations kept). */
        public static Held after(Want want, Held before) {
            Map<DestinationKey, IpvsDestination> out = new LinkedHashMap<>();
            if (before != null) {
                for (IpvsDestination d : before.destinations()) {
                    if (!want.owned().contains(DestinationKey.of(d))) {
                        out.put(DestinationKey.of(d), d);
                    }
                }
            }
            for (IpvsDestination d : want.destinations()) {
                out.put(DestinationKey.of(d), d);
            }
            return new Held(want.service(), new ArrayList<>(out.values()));
        }
    }

    /**
     * The changes that take {@code held} (null: the kernel has no such service) to {@code want}: deletions of owned
     * destinations first, then updates, then additions (a sorry server swapped in replaces the live servers).
     */
    public static List<IpvsChange> changes(Want want, Held held) {
        IpvsServiceKey key = want.key();
        List<IpvsChange> out = new ArrayList<>();
        if (held == null) {
            out.add(new IpvsChange.AddService(want.service()));
            for (IpvsDestination d : want.destinations()) {
                out.add(new IpvsChange.AddDestination(key, d));
            }
            return out;
        }
        if (!sameService(want.service(), held.service())) {
            out.add(new IpvsChange.UpdateService(want.service()));
        }
        Map<DestinationKey, IpvsDestination> wanted = new LinkedHashMap<>();
        for (IpvsDestination d : want.destinations()) {
            wanted.put(DestinationKey.of(d), d);
        }
        Map<DestinationKey, IpvsDestination> present = new LinkedHashMap<>();
        for (IpvsDestination d : held.destinations()) {
            DestinationKey k = DestinationKey.of(d);
            present.put(k, d);
            if (!wanted.containsKey(k) && want.owned().contains(k)) {
                out.add(new IpvsChange.DeleteDestination(key, d));
            }
        }
        List<IpvsChange> adds = new ArrayList<>();
        for (Map.Entry<DestinationKey, IpvsDestination> e : wanted.entrySet()) {
            IpvsDestination now = present.get(e.getKey());
            if (now == null) {
                adds.add(new IpvsChange.AddDestination(key, e.getValue()));
            } else if (!sameDestination(e.getValue(), now)) {
                out.add(new IpvsChange.UpdateDestination(key, e.getValue()));
            }
        }
        out.addAll(adds);
        return out;
    }

    /** Equal as the kernel keeps them: the HASHED flag the kernel adds in dumps does not count. */
    public static boolean sameService(IpvsService a, IpvsService b) {
        return a.key().equals(b.key()) && a.scheduler().equals(b.scheduler())
                && (a.flags() & ~IpvsService.HASHED) == (b.flags() & ~IpvsService.HASHED)
                && a.timeoutSeconds() == b.timeoutSeconds() && a.netmaskPrefixLength() == b.netmaskPrefixLength()
                && Objects.equals(a.persistenceEngine(), b.persistenceEngine());
    }

    /** Equal as the kernel keeps them; tunnel settings count only for tunnelled destinations. */
    public static boolean sameDestination(IpvsDestination a, IpvsDestination b) {
        boolean base = a.address().equals(b.address()) && a.port() == b.port() && a.forwarding() == b.forwarding()
                && a.weight() == b.weight() && a.upperThreshold() == b.upperThreshold()
                && a.lowerThreshold() == b.lowerThreshold();
        if (!base || a.forwarding() != IpvsForwarding.TUNNEL) {
            return base;
        }
        return a.tunnelType() == b.tunnelType() && a.tunnelPort() == b.tunnelPort()
                && a.tunnelFlags() == b.tunnelFlags();
    }
}
