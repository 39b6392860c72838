package org.jkeepalived.config.bind.lvs;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Scripts;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.lvs.MiscCheck;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * MISC_CHECK: misc_path, misc_timeout, misc_dynamic, user, and only the timing keys (keepalived 2.2.7
 * rejects connect_* here). Default retry 0.
 */
final class MiscChecker {
    private MiscChecker() {
    }

    static void declare(Syntax rs) {
        rs.block("MISC_CHECK", b -> {
            CheckerKeys.declare(b, false);
            b.leaf("misc_path").leaf("misc_timeout").leaf("misc_dynamic").leaf("user");
        });
    }

    static List<Drafts.Check> read(Node n, CheckerScope s) {
        BindContext ctx = s.ctx();
        Drafts.Check c = new Drafts.Check("MISC_CHECK");
        c.defaultRetry = 0;
        Node path = null;
        Node user = null;
        long timeout = 0;
        boolean dynamic = false;
        for (Node k : n.children()) {
            if (CheckerKeys.read(k, c.timing, null, s.rs().address, ctx)) {
                continue;
            }
            switch (k.keyword()) {
                // Only the command counts: keepalived 2.2.7 ignores unquoted words after it here (they
                // are not a user, unlike other script keywords).
                case "misc_path" -> path = k.hasArg(0) ? k : path;
                case "misc_timeout" -> {
                    Long v = LvsValues.number(k, 0, 0, LvsValues.UINT_MAX / LvsValues.SECOND, ctx,
                            "Invalid misc_timeout value '" + CheckerKeys.arg(k) + "'");
                    if (v != null) {
                        timeout = v * LvsValues.SECOND;
                    }
                }
                case "misc_dynamic" -> dynamic = true;
                case "user" -> {
                    if (!k.hasArg(0)) {
                        ctx.error(k, "No user specified for misc checker script " + command(path));
                    } else if (!ctx.system().userExists(k.arg(0))
                            || k.hasArg(1) && !ctx.system().groupExists(k.arg(1))) {
                        ctx.error(k, "Failed to set uid/gid for misc checker script " + command(path) + " - removing");
                        return List.of();
                    } else {
                        user = k;
                    }
                }
                default -> ctx.error(k, "Unknown keyword '" + k.written() + "'");
            }
        }
        if (path == null) {
            ctx.error(n, "No script path has been specified for MISC_CHECKER - skipping");
            return List.of();
        }
        // The command with the run-as user, whether given after it or by 'user', so that the script
        // security pass sees who runs it.
        List<String> args = new ArrayList<>();
        args.add(path.arg(0));
        if (user != null) {
            args.addAll(user.args().subList(0, Math.min(2, user.args().size())));
        }
        Node scriptNode = new Node(path.spec(), path.written(), args, path.location(), List.of(), List.of());
        ScriptCommand script = Scripts.parse(scriptNode, 0, ctx);
        if (script == null) {
            return List.of();
        }
        long t = timeout;
        boolean d = dynamic;
        // misc_timeout 0 means the virtual server's delay loop (keepalived's run-time fallback).
        c.build = (timing, connection) -> new MiscCheck(timing, script, t != 0 ? t : s.vs().delayLoop, d);
        return List.of(c);
    }

    private static String command(Node path) {
        return path == null ? "" : path.arg(0);
    }
}
