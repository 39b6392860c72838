package org.jkeepalived.config.bind.track;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Scripts;
import org.jkeepalived.config.bind.vrrp.Args;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** {@code vrrp_script NAME { ... }} (c.5), with keepalived 2.2.7's checks and defaults. */
public final class VrrpScriptBinder {
    static final long SECOND = 1_000_000L;

    private VrrpScriptBinder() {
    }

    static void declare(Syntax root) {
        root.block("vrrp_script", b -> b.leaf("script").leaf("interval").leaf("timeout").leaf("weight")
                .leaf("rise").leaf("fall").leaf("user").leaf("init_fail"));
    }

    static List<VrrpScript> bind(List<Node> top, BindContext ctx) {
        List<VrrpScript> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node n : top) {
            if (!n.keyword().equals("vrrp_script") || !Args.require(n, 1, ctx)) {
                continue;
            }
            VrrpScript s = one(n, ctx);
            // A second block with the same name is silently shadowed: keepalived finds the first by name.
            if (s != null && names.add(s.name())) {
                out.add(s);
            }
        }
        return out;
    }

    private static VrrpScript one(Node block, BindContext ctx) {
        String name = block.arg(0);
        Node scriptNode = null;
        long interval = SECOND;
        Long timeout = null;
        int weight = 0;
        boolean reverse = false;
        int rise = 1;
        int fall = 1;
        String user = null;
        String group = null;
        boolean userFailed = false;
        boolean initFail = false;
        for (Node n : block.children()) {
            switch (n.keyword()) {
                case "script" -> scriptNode = n.hasArg(0) ? n : scriptNode;
                case "interval" -> {
                    if (Args.require(n, 1, ctx)) {
                        Long v = seconds(n, name, "interval", ctx);
                        interval = v == null ? interval : v;
                    }
                }
                case "timeout" -> {
                    if (Args.require(n, 1, ctx)) {
                        Long v = seconds(n, name, "timeout", ctx);
                        timeout = v == null ? timeout : v;
                    }
                }
                case "weight" -> {
                    if (Args.require(n, 1, ctx)) {
                        Integer w = Args.intValue(n.location(), n.arg(0), -253, 253, ctx);
                        if (w == null) {
                            ctx.error(n, "vrrp_script " + name + " weight " + n.arg(0) + " must be in [-253, 253]");
                        } else {
                            weight = w;
                            reverse = false;
                            if (n.hasArg(1)) {
                                if (n.arg(1).equals("reverse")) {
                                    reverse = true;
                                } else {
                                    ctx.error(n, "vrrp_script " + name + " unknown weight option " + n.arg(1));
                                }
                            }
                        }
                    }
                }
                case "rise", "fall" -> {
                    if (Args.require(n, 1, ctx)) {
                        Integer v = Args.intValue(n.location(), n.arg(0), 1, Integer.MAX_VALUE, ctx);
                        if (v == null) {
                            ctx.error(n, "(" + name + "): vrrp script " + n.keyword() + " value '" + n.arg(0)
                                    + "' invalid, defaulting to 1");
                            v = 1;
                        }
                        if (n.keyword().equals("rise")) {
                            rise = v;
                        } else {
                            fall = v;
                        }
                    }
                }
                case "user" -> {
                    if (Args.require(n, 1, ctx)) {
                        user = n.arg(0);
                        group = n.hasArg(1) ? n.arg(1) : null;
                        // keepalived resolves the user at load and drops the script when it cannot.
                        userFailed = !ctx.system().userExists(user)
                                || (group != null && !ctx.system().groupExists(group));
                    }
                }
                case "init_fail" -> initFail = true;
                default -> {
                }
            }
        }
        if (scriptNode == null) {
            ctx.error(block, "No script set for vrrp_script " + name + " - removing");
            return null;
        }
        ScriptCommand command = parseWithUser(scriptNode, user, group, ctx);
        if (command == null) {
            return null;
        }
        if (userFailed) {
            ctx.error(scriptNode.location(), "Unable to set uid/gid for script '" + command.commandLine() + "'");
            return null;
        }
        return new VrrpScript(name, command, interval, timeout == null ? interval : timeout, weight, reverse,
                rise, fall, user, group, initFail, block.location());
    }

    /** vrrp_script's run-as user comes from its {@code user} keyword, not from words after the command. */
    private static ScriptCommand parseWithUser(Node scriptNode, String user, String group, BindContext ctx) {
        List<String> args = new ArrayList<>();
        args.add(scriptNode.arg(0));
        if (user != null) {
            args.add(user);
            if (group != null) {
                args.add(group);
            }
        } else {
            args.addAll(scriptNode.args().subList(1, scriptNode.args().size()));
        }
        Node synthetic = new Node(scriptNode.spec(), scriptNode.written(), args, scriptNode.location(),
                List.of(), List.of());
        // Registered for the security pass by the VRRP binder, only if keepalived's VRRP process gets
        // that far (see VrrpScripts).
        return Scripts.parse(synthetic, 0, new BindContext(ctx.diagnostics(), ctx.system()));
    }

    /** interval / timeout: whole seconds 0..4294 in 2.2.7; 0 becomes 1 with a warning. */
    private static Long seconds(Node n, String name, String what, BindContext ctx) {
        Long v = Args.integer(n.location(), n.arg(0), 0, 4294, ctx);
        if (v == null) {
            ctx.error(n, "(" + name + "): vrrp script " + what + " '" + n.arg(0) + "' must be between 1 and 4294"
                    + " - ignoring");
            return null;
        }
        if (v == 0) {
            ctx.error(n, "(" + name + "): vrrp script " + what + " must be greater than 0, setting to 1");
            v = 1L;
        }
        return v * SECOND;
    }
}
