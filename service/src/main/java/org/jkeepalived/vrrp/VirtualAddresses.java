package org.jkeepalived.vrrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jkeepalived.config.model.vrrp.VirtualAddress;

/** Set arithmetic on virtual addresses by what the kernel sees, not by where they were written. */
final class VirtualAddresses {
    private VirtualAddresses() {
    }

    /** The addresses of {@code a} that {@code b} does not configure identically (same kernel address). */
    static List<VirtualAddress> minus(List<VirtualAddress> a, List<VirtualAddress> b) {
        List<VirtualAddress> out = new ArrayList<>();
        for (VirtualAddress x : a) {
            if (b.stream().noneMatch(y -> sameOnKernel(x, y))) {
                out.add(x);
            }
        }
        return out;
    }

    /** Equal in every field that reaches the kernel (the words and location of the line do not). */
    static boolean sameOnKernel(VirtualAddress x, VirtualAddress y) {
        return x.address().equals(y.address()) && Objects.equals(x.dev(), y.dev())
                && Objects.equals(x.broadcast(), y.broadcast()) && x.scope() == y.scope()
                && Objects.equals(x.label(), y.label()) && Objects.equals(x.peer(), y.peer())
                && x.home() == y.home() && x.noDad() == y.noDad() && x.mngtmpaddr() == y.mngtmpaddr()
                && x.noprefixroute() == y.noprefixroute() && x.autojoin() == y.autojoin()
                && Objects.equals(x.preferredLftSeconds(), y.preferredLftSeconds());
    }
}
