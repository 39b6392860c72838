package org.jkeepalived.vrrp.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.testsupport.Netns;

/**
 * A LAN in network namespaces: one namespace holds a Linux bridge {@code br0}; each node has its own namespace whose
 * {@code eth0} is plugged into the bridge by a veth pair. Daemons and a capture are made through the lab so that
 * {@link #close()} ends them (by pid) and deletes every namespace it made. Namespace names start with {@code jki-}
 * and carry the JVM's pid ({@link Netns#create}).
 */
public final class InteropLab implements AutoCloseable {
    static final String BRIDGE = "br0";

    private final Path dir;
    private final String prefix;
    private final Netns bridge;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Netns> namespaces = new ArrayList<>();
    private final List<Daemon> daemons = new ArrayList<>();
    private WireCapture capture;

    private InteropLab(Path dir, String prefix, Netns bridge) {
        this.dir = dir;
        this.prefix = prefix;
        this.bridge = bridge;
        namespaces.add(bridge);
    }

    /** A bridge and {@code nodeCount} nodes named a, b, ... with host numbers 1, 2, ... */
    static InteropLab create(Path dir, int nodeCount) {
        return create(dir, nodeCount, "jki");
    }

    /**
     * The same with namespace names starting with {@code prefix} instead of {@code jki}: labs with different
     * prefixes can live side by side in one JVM (e.g. one for keepalived, one for jkeepalived).
     */
    public static InteropLab create(Path dir, int nodeCount, String prefix) {
        InteropLab lab = new InteropLab(dir, prefix, Netns.create(prefix + "-br"));
        try {
            lab.bridge.ip("link", "add", BRIDGE, "type", "bridge");
            // No IGMP/MLD snooping: nobody queries here, and the bridge must flood the VRRP groups to every port.
            lab.bridge.ip("link", "set", BRIDGE, "type", "bridge", "mcast_snooping", "0");
            lab.bridge.ip("link", "set", BRIDGE, "up");
            for (int i = 0; i < nodeCount; i++) {
                lab.addNode(String.valueOf((char) ('a' + i)), i + 1);
            }
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void addNode(String name, int index) {
        Netns ns = Netns.create(prefix + "-" + name);
        namespaces.add(ns);
        // DAD off before eth0 exists: its link-local address (the IPv6 advert source) is usable at once.
        sysctl(ns, "net/ipv6/conf/default/accept_dad", "0");
        String port = "v" + name;
        Netns.veth(ns, Node.IF, bridge, port);
        bridge.ip("link", "set", port, "master", BRIDGE);
        Node node = new Node(name, index, ns);
        ns.ip("addr", "add", node.ipv4() + "/24", "dev", Node.IF);
        ns.ip("addr", "add", node.ipv6() + "/64", "dev", Node.IF, "nodad");
        nodes.add(node);
    }

    private static void sysctl(Netns ns, String key, String value) {
        Netns.Result r = ns.run(List.of("sh", "-c", "echo " + value + " > /proc/sys/" + key), 10);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("sysctl " + key + " in " + ns.name() + ": " + r.output());
        }
    }

    public Node node(int i) {
        return nodes.get(i);
    }

    /**
     * Cuts the LAN into one piece per node, or joins it again: every node's bridge port becomes an isolated port
     * (isolated ports forward only to non-isolated ones). Links and carriers stay up, so each node only stops
     * hearing the others: a partition, not a link failure.
     */
    public void partition(boolean cut) {
        for (Node n : nodes) {
            Netns.Result r = bridge.run(List.of("bridge", "link", "set", "dev", "v" + n.name(), "isolated",
                    cut ? "on" : "off"), 10);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("bridge link set v" + n.name() + ": " + r.output());
            }
        }
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * A daemon (not started) on {@code node}; its unicast peers, when {@code conf} is unicast, are every other
     * node's address of the instance's family.
     */
    Daemon daemon(Node node, Daemon.Kind kind, VrrpConf conf, int priority) throws IOException {
        List<String> peers = new ArrayList<>();
        for (Node n : nodes) {
            if (n != node) {
                peers.add(conf.ipv6() ? n.ipv6() : n.ipv4());
            }
        }
        Daemon d = new Daemon(kind, node, conf, priority, peers, dir);
        daemons.add(d);
        return d;
    }

    /** A daemon (not started) on {@code node} that reads {@code configText} as it is. */
    public Daemon daemon(Node node, Daemon.Kind kind, String configText) throws IOException {
        Daemon d = new Daemon(kind, node, configText, dir);
        daemons.add(d);
        return d;
    }

    /** Starts tshark on the bridge: it sees every node's adverts, multicast and unicast. */
    WireCapture capture(String name) throws IOException, InterruptedException {
        if (capture != null) {
            throw new IllegalStateException("one capture per lab");
        }
        capture = WireCapture.start(bridge, BRIDGE, dir.resolve(name + ".pcapng"));
        return capture;
    }

    @Override
    public void close() {
        for (Daemon d : daemons) {
            d.destroy();
        }
        if (capture != null) {
            try {
                capture.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Netns ns : namespaces) {
            ns.close();
        }
    }

}
