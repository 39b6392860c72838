package org.jkeepalived.vrrp.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How a reload maps running instances onto the new configuration, as keepalived does: an instance is the
 * same when its VRID, address family, interface, unicast-or-multicast, group ({@link EngineInstance#key}) and
 * source address match;
 * its name, priority, VIPs and timers may change. Each running instance matches at most one new one (the
 * first, in file order). Pure.
 *
 * @param entries one per new instance, in the new file order, with the running instance it keeps (or null)
 * @param removed running instances no new one matched
 */
record ReloadPlan<S>(List<Entry<S>> entries, List<S> removed) {
    record Entry<S>(EngineInstance instance, S kept) {
    }

    static <S> ReloadPlan<S> of(List<S> running, Function<S, EngineInstance> instanceOf, List<EngineInstance> next) {
        List<S> left = new ArrayList<>(running);
        List<Entry<S>> entries = new ArrayList<>();
        for (EngineInstance in : next) {
            S match = left.stream().filter(s -> instanceOf.apply(s).key().equals(in.key())
                    && instanceOf.apply(s).sameSource(in)).findFirst().orElse(null);
            left.remove(match);
            entries.add(new Entry<>(in, match));
        }
        return new ReloadPlan<>(List.copyOf(entries), List.copyOf(left));
    }
}
