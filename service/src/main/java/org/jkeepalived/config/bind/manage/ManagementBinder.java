package org.jkeepalived.config.bind.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.jkeepalived.config.source.SourceLine;
import org.jkeepalived.config.source.Tokenizer;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * The management plane's top-level blocks, which keepalived does not have: {@code snmp_agent},
 * {@code jolokia}, {@code jmx_remote} and {@code prometheus} (see docs/management.md). keepalived 2.2.7 reports each of their
 * lines as an unknown keyword and runs without them (-t exits 5); here they are the only place the
 * agents' transports and credentials are configured. Absent blocks give the model's defaults.
 */
public final class ManagementBinder {
    /**
     * Blocks that also have a one-word form, {@code jolokia off}, {@code prometheus off}. {@code snmp_agent} has none (SNMP runs by
     * enable_snmp_* and -x), but an {@code snmp_agent off} written by analogy is reported, not left to swallow
     * the next block.
     */
    private static final Set<String> BARE_FORMS = Set.of("jolokia", "jmx_remote", "snmp_agent", "prometheus");

    private ManagementBinder() {
    }

    public static void declare(Syntax root) {
        root.block("snmp_agent", b -> b.leaf("listen").leaf("community").leaf("user").leaf("trap_sink"))
                .block("jolokia", b -> b.leaf("listen").leaf("user").leaf("password").leaf("policy"))
                .block("jmx_remote", b -> b.leaf("listen").leaf("password_file").leaf("access_file").leaf("ssl"))
                .block("prometheus", b -> b.leaf("listen"));
    }

    public static ManagementConfig bind(List<Node> top, BindContext ctx) {
        SnmpAgentBinder snmp = new SnmpAgentBinder(ctx);
        JolokiaBinder jolokia = new JolokiaBinder(ctx);
        JmxRemoteBinder jmx = new JmxRemoteBinder(ctx);
        PrometheusBinder prometheus = new PrometheusBinder(ctx);
        for (Node n : top) {
            switch (n.keyword()) {
                case "snmp_agent" -> snmp.read(n);
                case "jolokia" -> jolokia.read(n);
                case "jmx_remote" -> jmx.read(n);
                case "prometheus" -> prometheus.read(n);
                default -> {
                    // other sections' nodes
                }
            }
        }
        return new ManagementConfig(snmp.build(), jolokia.build(), jmx.build(), prometheus.build());
    }

    /**
     * Gives a top-level {@code jolokia off} (no brace on its line nor on the next) an empty block, so the
     * tree parser, whose block keywords always open a block, reads it as {@code jolokia off { }} instead
     * of taking the following statements as its contents. Every other line is passed through unchanged.
     */
    public static List<SourceLine> bareForms(List<SourceLine> lines) {
        Diagnostics scratch = new Diagnostics(); // the tree parser reports tokenising problems itself
        List<List<String>> words = new ArrayList<>(lines.size());
        List<Boolean> clean = new ArrayList<>(lines.size());
        for (SourceLine l : lines) {
            int before = scratch.all().size();
            words.add(Tokenizer.words(l.text(), l.location(), scratch));
            clean.add(scratch.all().size() == before);
        }
        List<SourceLine> out = new ArrayList<>(lines.size());
        int depth = 0;
        for (int i = 0; i < lines.size(); i++) {
            List<String> w = words.get(i);
            boolean bare = depth == 0 && clean.get(i) && w.size() >= 2 && BARE_FORMS.contains(w.get(0))
                    && !w.contains("{") && !w.contains("}") && !nextOpens(words, i);
            out.add(bare ? new SourceLine(lines.get(i).location(), lines.get(i).text() + " { }") : lines.get(i));
            for (String x : w) {
                if (x.equals("{")) {
                    depth++;
                } else if (x.equals("}") && depth > 0) {
                    depth--;
                }
            }
        }
        return out;
    }

    private static boolean nextOpens(List<List<String>> words, int i) {
        for (int j = i + 1; j < words.size(); j++) {
            if (!words.get(j).isEmpty()) {
                return words.get(j).get(0).equals("{");
            }
        }
        return false;
    }

    /** True for {@code NAME off}; any other words after the block name are reported and ignored. */
    static boolean isOff(Node block, String name, BindContext ctx) {
        List<String> args = block.args();
        if (args.isEmpty()) {
            return false;
        }
        if (args.size() == 1 && args.get(0).equals("off")) {
            if (!block.children().isEmpty()) {
                ctx.error(block, name + " off takes no block - its contents are ignored");
            }
            return true;
        }
        ctx.error(block, name + ": unexpected '" + String.join(" ", args) + "' (only '" + name
                + " off' or a block) - ignoring the words");
        return false;
    }
}
