package org.jkeepalived.vrrp.interop;

import java.util.Arrays;
import org.jkeepalived.testsupport.Netns;

/**
 * One host of an {@link InteropLab}: a namespace whose {@code eth0} is a veth pair's end, the other end a port of
 * the lab's bridge. Addresses {@code 10.9.0.N/24} and {@code fd00:9::N/64}, plus the kernel's link-local one (DAD
 * is off in the namespace, so it is usable at once: VRRPv3 over IPv6 sends from it, RFC 5798 §5.1.2.1).
 */
public final class Node {
    public static final String IF = "eth0";

    private final String name;
    private final int index;
    private final Netns ns;

    Node(String name, int index, Netns ns) {
        this.name = name;
        this.index = index;
        this.ns = ns;
    }

    public String name() {
        return name;
    }

    public Netns ns() {
        return ns;
    }

    public String ipv4() {
        return "10.9.0." + index;
    }

    String ipv6() {
        return "fd00:9::" + index;
    }

    /** The link-local address of {@code eth0}, the source of this node's IPv6 adverts. */
    String linkLocal() {
        String out = ns.ip("-6", "-br", "addr", "show", "dev", IF, "scope", "link");
        return Arrays.stream(out.trim().split("\\s+")).filter(t -> t.startsWith("fe80:")).findFirst()
                .map(t -> t.substring(0, t.indexOf('/')))
                .orElseThrow(() -> new IllegalStateException(name + " has no link-local address: " + out));
    }

    /** The MAC address of {@code eth0}, lower case. */
    String mac() {
        String[] f = ns.ip("-br", "link", "show", "dev", IF).trim().split("\\s+");
        return f[2].toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether {@code ip -br addr} lists exactly this address with prefix (e.g. {@code 10.9.0.100/24}). */
    public boolean has(String addressWithPrefix) {
        return Arrays.asList(ns.ip("-br", "addr", "show", "dev", IF).trim().split("\\s+")).contains(addressWithPrefix);
    }

    @Override
    public String toString() {
        return name;
    }
}
