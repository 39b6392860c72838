package org.jkeepalived.config.bind.lvs;

import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.model.lvs.Forwarding;
import org.jkeepalived.config.model.lvs.Forwarding.Method;
import org.jkeepalived.config.model.lvs.Forwarding.TunnelChecksum;
import org.jkeepalived.config.model.lvs.Forwarding.TunnelType;
import org.jkeepalived.config.syntax.Node;

/**
 * {@code lvs_method NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]} for virtual, real
 * and sorry servers. As keepalived 2.2.7 does, the method is taken as soon as it is recognised, while the
 * tunnel options are only applied when the whole line is valid.
 */
final class Forwardings {
    private Forwardings() {
    }

    /**
     * The forwarding this line sets, starting from {@code current} (null = not set yet).
     *
     * @param serverType "virtual", "real" or "sorry", as keepalived words its messages
     */
    static Forwarding parse(Node node, Forwarding current, String serverType, BindContext ctx) {
        if (!Values.requireArgs(node, 1, ctx)) {
            return current; // keepalived stops reading here (exit 2)
        }
        Method method;
        switch (node.arg(0)) {
            case "NAT" -> method = Method.NAT;
            case "DR" -> method = Method.DR;
            case "TUN" -> method = Method.TUN;
            default -> {
                ctx.error(node, "PARSER : unknown [" + node.arg(0) + "] routing method for " + serverType
                        + " server.");
                return current;
            }
        }
        Forwarding kept = current == null
                ? new Forwarding(method, TunnelType.IPIP, 0, TunnelChecksum.NOCSUM)
                : new Forwarding(method, current.tunnelType(), current.tunnelPort(), current.checksum());
        TunnelType type = TunnelType.IPIP;
        int port = 0;
        TunnelChecksum csum = TunnelChecksum.NOCSUM;
        for (int i = 1; i < node.args().size(); i++) {
            String w = node.arg(i);
            switch (w) {
                case "type" -> {
                    if (!node.hasArg(i + 1)) {
                        ctx.error(node, "Missing tunnel type for " + serverType + " server.");
                        return kept;
                    }
                    String t = node.arg(++i);
                    switch (t) {
                        case "ipip" -> type = TunnelType.IPIP;
                        case "gue" -> type = TunnelType.GUE;
                        case "gre" -> type = TunnelType.GRE;
                        default -> {
                            ctx.error(node, "Unknown tunnel type " + t + " for " + serverType + " server.");
                            return kept;
                        }
                    }
                }
                case "port" -> {
                    if (!node.hasArg(i + 1)) {
                        ctx.error(node, "Missing port for " + serverType + " server gue tunnel.");
                        return kept;
                    }
                    Long p = LvsValues.integer(node, node.arg(++i), 1, 65535, ctx);
                    if (p == null) {
                        ctx.error(node, "Invalid gue tunnel port " + node.arg(i) + " for " + serverType + " server.");
                        return kept;
                    }
                    port = p.intValue();
                }
                case "nocsum" -> csum = TunnelChecksum.NOCSUM;
                case "csum" -> csum = TunnelChecksum.CSUM;
                case "remcsum" -> csum = TunnelChecksum.REMCSUM;
                default -> {
                    ctx.error(node, "Invalid tunnel option " + w + " for " + serverType + " server.");
                    return kept;
                }
            }
        }
        if ((type == TunnelType.GUE) != (port != 0)) {
            ctx.error(node, "gue tunnels require port, otherwise cannot have port.");
            return kept;
        }
        if (type == TunnelType.IPIP && csum != TunnelChecksum.NOCSUM) {
            ctx.error(node, "ipip tunnels do not support checksum option.");
            return kept;
        }
        if (type == TunnelType.GRE && csum == TunnelChecksum.REMCSUM) {
            ctx.error(node, "gre tunnels do not support remote checksum option.");
            return kept;
        }
        return new Forwarding(method, type, port, csum);
    }
}
