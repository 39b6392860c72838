package org.jkeepalived.config.bind.track;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.vrrp.Args;
import org.jkeepalived.config.model.track.BfdInstance;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * {@code bfd_instance NAME { ... }} (c.13). The BFD runtime is out of scope (declared not implemented),
 * but the settings are checked as keepalived checks them and kept so track_bfd resolves.
 */
public final class BfdInstanceBinder {
    private static final long MS = 1000L;

    private BfdInstanceBinder() {
    }

    static void declare(Syntax root) {
        root.blockNotImplemented("bfd_instance", b -> b.leaf("neighbor_ip", "neighbour_ip").leaf("source_ip")
                .leaf("min_rx").leaf("min_tx").leaf("idle_tx").leaf("multiplier").leaf("passive").leaf("ttl")
                .leaf("hoplimit").leaf("max_hops").leaf("multihop").leaf("weight").leaf("vrrp").leaf("checker"));
    }

    static List<BfdInstance> bind(List<Node> top, BindContext ctx) {
        List<BfdInstance> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node n : top) {
            if (!n.keyword().equals("bfd_instance") || !Args.require(n, 1, ctx)) {
                continue;
            }
            BfdInstance b = one(n, ctx);
            if (b != null && names.add(b.name())) {
                out.add(b);
            }
        }
        return out;
    }

    private static BfdInstance one(Node block, BindContext ctx) {
        String name = block.arg(0);
        String prefix = "Configuration error: BFD instance " + name + " ";
        InetAddress neighbor = null;
        InetAddress source = null;
        long minRx = 10 * MS;
        long minTx = 10 * MS;
        long idleTx = 1000 * MS;
        int multiplier = 5;
        boolean passive = false;
        int ttl = 255;
        int hoplimit = 64;
        int maxHops = 0;
        boolean multihop = false;
        int weight = 0;
        boolean reverse = false;
        boolean vrrp = false;
        boolean checker = false;
        for (Node n : block.children()) {
            String k = n.keyword();
            switch (k) {
                case "neighbor_ip", "source_ip" -> {
                    if (Args.require(n, 1, ctx)) {
                        InetAddress a = Args.address(n.arg(0));
                        if (a == null) {
                            ctx.error(n, prefix + k + " value " + n.arg(0) + " is not a valid IP address, ignoring");
                        } else if (k.equals("neighbor_ip")) {
                            neighbor = a;
                        } else {
                            source = a;
                        }
                    }
                }
                case "min_rx", "min_tx", "idle_tx" -> {
                    if (Args.require(n, 1, ctx)) {
                        // milliseconds with microsecond resolution, 1..4294967 ms
                        Long v = Args.decimal(n.location(), n.arg(0), 3, 3, 1000, 4294967000L, ctx);
                        if (v == null) {
                            ctx.error(n, prefix + k + " value " + n.arg(0)
                                    + " is not valid (must be in range [1-4294967]), ignoring");
                        } else if (k.equals("min_rx")) {
                            minRx = v;
                        } else if (k.equals("min_tx")) {
                            minTx = v;
                        } else {
                            idleTx = v;
                        }
                    }
                }
                case "multiplier", "ttl", "hoplimit", "max_hops" -> {
                    if (Args.require(n, 1, ctx)) {
                        int min = k.equals("max_hops") ? 0 : 1;
                        Integer v = Args.intValue(n.location(), n.arg(0), min, 255, ctx);
                        if (v == null) {
                            ctx.error(n, prefix + k + " value " + n.arg(0) + " not valid (must be in range ["
                                    + min + "-255]), ignoring");
                        } else {
                            switch (k) {
                                case "multiplier" -> multiplier = v;
                                case "ttl" -> ttl = v;
                                case "hoplimit" -> hoplimit = v;
                                default -> maxHops = v;
                            }
                        }
                    }
                }
                case "weight" -> {
                    if (Args.require(n, 1, ctx)) {
                        Integer v = Args.intValue(n.location(), n.arg(0), -253, 253, ctx);
                        if (v == null) {
                            ctx.error(n, prefix + "weight value " + n.arg(0)
                                    + " not valid (must be in range [-253-253]), ignoring");
                        } else {
                            weight = v;
                            reverse = n.hasArg(1) && n.arg(1).equals("reverse");
                        }
                    }
                }
                case "passive" -> passive = true;
                case "multihop" -> multihop = true;
                case "vrrp" -> vrrp = true;
                case "checker" -> checker = true;
                default -> {
                }
            }
        }
        if (neighbor == null) {
            ctx.error(block, prefix + "has no neighbor address set, disabling instance");
            return null;
        }
        // Without vrrp/checker, events go to both processes.
        boolean both = !vrrp && !checker;
        return new BfdInstance(name, neighbor, source, minRx, minTx, idleTx, multiplier, passive, ttl, hoplimit,
                maxHops, multihop, weight, reverse, both || vrrp, both || checker, block.location());
    }
}
