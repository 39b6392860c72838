package org.jkeepalived.config.bind;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.source.Tokenizer;
import org.jkeepalived.config.syntax.Node;

/** Parses script keywords ({@code script}, {@code notify_*}, {@code misc_path}, ...) and registers them. */
public final class Scripts {
    private Scripts() {
    }

    /**
     * The script named by {@code node}'s arguments from {@code first}: the first word is the whole
     * command line (quoted in the config when it has spaces), the optional next words
     * {@code user [:][group]}. Returns null (with an error) when there is no command.
     */
    public static ScriptCommand parse(Node node, int first, BindContext ctx) {
        if (!node.hasArg(first)) {
            ctx.error(node, "No script specified for " + node.written());
            return null;
        }
        String line = node.arg(first);
        List<String> argv = splitCommand(Tokenizer.unescape(line));
        if (argv.isEmpty()) {
            ctx.error(node, "Empty script specified for " + node.written());
            return null;
        }
        String user = null;
        String group = null;
        List<String> rest = node.args().subList(first + 1, node.args().size());
        if (!rest.isEmpty()) {
            String joined = String.join(" ", rest).replace(" :", ":").replace(": ", ":");
            String[] ug = joined.split("[:\\s]+", 2);
            user = ug[0].isEmpty() ? null : ug[0];
            group = ug.length > 1 && !ug[1].isEmpty() ? ug[1] : null;
        }
        ScriptCommand sc = new ScriptCommand(line, argv, user, group, node.location());
        ctx.registerScript(sc);
        return sc;
    }

    /** Splits on whitespace; single quotes group one argument (keepalived's script string rule). */
    static List<String> splitCommand(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
