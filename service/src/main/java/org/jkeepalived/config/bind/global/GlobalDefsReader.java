package org.jkeepalived.config.bind.global;

import java.util.List;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.syntax.Node;

/**
 * Reads global_defs blocks (there may be several; later values win as in keepalived) and the top-level
 * process keywords, in file order, handing each keyword to the section that owns it. Reading stops where
 * keepalived 2.2.7 stops reading the configuration (a missing required parameter: exit 2).
 */
public final class GlobalDefsReader {
    private GlobalDefsReader() {
    }

    public static GlobalDefs read(List<Node> top, BindContext ctx) {
        Args args = new Args(ctx);
        EmailSettingsBinder email = new EmailSettingsBinder(args);
        VrrpDefaultsBinder vrrp = new VrrpDefaultsBinder(args);
        LvsGlobalsBinder lvs = new LvsGlobalsBinder(args);
        ScriptsFifosBinder scripts = new ScriptsFifosBinder(args, any(top, "vrrp_instance"), any(top, "virtual_server"));
        SnmpDbusBinder snmp = new SnmpDbusBinder(args);
        ProcessBinder process = new ProcessBinder(args);
        BuffersBinder buffers = new BuffersBinder(args);
        FirewallBinder firewall = new FirewallBinder(args);
        MiscBinder misc = new MiscBinder(args, process);
        List<GlobalSection> sections = List.of(email, vrrp, lvs, scripts, snmp, process, buffers, firewall, misc);

        for (Node n : top) {
            if (args.aborted()) {
                break;
            }
            if (n.keyword().equals("global_defs")) {
                for (Node c : n.children()) {
                    if (args.aborted()) {
                        break;
                    }
                    dispatch(sections, c);
                }
            } else {
                process.bind(n); // top-level process keywords; other sections' nodes are not ours
            }
        }
        scripts.registerJudgedScripts();
        String hostname = ctx.system().hostname();
        return new GlobalDefs(email.routerId(hostname), email.build(hostname), vrrp.build(), lvs.build(),
                scripts.scripts(), scripts.fifos(), snmp.snmp(), process.build(), misc.dumps(), snmp.dbus(),
                firewall.build(), buffers.build(), misc.reload(), misc.misc());
    }

    private static boolean any(List<Node> top, String keyword) {
        return top.stream().anyMatch(n -> n.keyword().equals(keyword));
    }

    private static void dispatch(List<GlobalSection> sections, Node n) {
        for (GlobalSection s : sections) {
            if (s.bind(n)) {
                return;
            }
        }
    }
}
