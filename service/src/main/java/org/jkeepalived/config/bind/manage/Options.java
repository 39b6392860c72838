package org.jkeepalived.config.bind.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.syntax.Node;

/**
 * Reads the statements of a {@code jolokia} or {@code jmx_remote} block as a sequence of options with a
 * fixed number of words each. keepalived's parser makes one statement per line, so the one-line form the
 * documentation shows, {@code jmx_remote { listen 127.0.0.1:9010 password_file F access_file F ssl }},
 * arrives as a single {@code listen} statement carrying the other options as words; reading by arity
 * gives both forms the same meaning (and a value is never mistaken for an option name).
 */
final class Options {
    record Option(String name, String value, Location location) {
    }

    private Options() {
    }

    /**
     * @param arity   each option's number of values (0 or 1)
     * @param secrets options whose value must never be printed (nor a word that follows it)
     */
    static List<Option> read(String block, Node node, Map<String, Integer> arity, Set<String> secrets,
                             BindContext ctx) {
        List<Option> out = new ArrayList<>();
        for (Node statement : node.children()) {
            List<String> words = new ArrayList<>();
            words.add(statement.keyword());
            words.addAll(statement.args());
            String previous = null;
            int i = 0;
            while (i < words.size()) {
                String name = words.get(i);
                Integer n = arity.get(name);
                if (n == null) {
                    ctx.error(statement, block + ": " + (previous != null && secrets.contains(previous)
                            ? "unexpected word after " + previous + " (quote a value that contains spaces)"
                            : "unknown option '" + name + "' (expected " + String.join(", ", arity.keySet()) + ")")
                            + " - ignoring the rest of the line");
                    break;
                }
                if (n == 1 && i + 1 >= words.size()) {
                    ctx.error(statement, block + " " + name + " needs a value - ignoring");
                    break;
                }
                out.add(new Option(name, n == 1 ? words.get(i + 1) : null, statement.location()));
                previous = name;
                i += 1 + n;
            }
        }
        return out;
    }
}
