package org.jkeepalived.config.syntax;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.source.SourceLine;
import org.jkeepalived.config.source.Tokenizer;

/**
 * Turns logical lines into a {@link Node} tree, following keepalived 2.2.7's observed block rules
 * rather than an idealised grammar, because configs in the field rely on them:
 * <ul>
 * <li>{@code {} ends a statement and {@code }} is a statement of its own, so
 *     {@code a { b c }} is three statements;</li>
 * <li>a block keyword takes its {@code {} on its line or as the next statement; otherwise
 *     "Missing '{' at beginning of configuration block" and the following lines still form the block;
 *     a value block (addresses, e-mails, ...) silently reads the following lines without one;</li>
 * <li>an unknown keyword is reported and its {@code {} is "Unexpected '{' - ignoring": keepalived does
 *     not skip the block, so its contents are read at the current level;</li>
 * <li>braces are also counted globally: "Extra '}' found" and "There are N missing '}'s or extra '{'s".</li>
 * </ul>
 */
public final class TreeParser {
    private final Keyword root;
    private final Diagnostics diagnostics;
    private List<Statement> statements;
    private int pos;

    public TreeParser(Keyword root, Diagnostics diagnostics) {
        this.root = root;
        this.diagnostics = diagnostics;
    }

    /** The top-level statements of the configuration. */
    public List<Node> parse(List<SourceLine> lines) {
        statements = split(lines);
        pos = 0;
        countBraces();
        List<Node> top = new ArrayList<>();
        while (pos < statements.size()) {
            parseBlockBody(root, top, true);
        }
        return top;
    }

    private record Statement(Location location, List<String> words) {
        boolean is(String w) {
            return words.size() == 1 && words.get(0).equals(w);
        }

        boolean opens() {
            return !words.isEmpty() && words.get(words.size() - 1).equals("{");
        }
    }

    private List<Statement> split(List<SourceLine> lines) {
        List<Statement> out = new ArrayList<>();
        for (SourceLine line : lines) {
            List<String> words = Tokenizer.words(line.text(), line.location(), diagnostics);
            List<String> current = new ArrayList<>();
            for (String w : words) {
                if (w.equals("}")) {
                    if (!current.isEmpty()) {
                        out.add(new Statement(line.location(), current));
                        current = new ArrayList<>();
                    }
                    out.add(new Statement(line.location(), List.of("}")));
                } else {
                    current.add(w);
                    if (w.equals("{")) {
                        out.add(new Statement(line.location(), current));
                        current = new ArrayList<>();
                    }
                }
            }
            if (!current.isEmpty()) {
                out.add(new Statement(line.location(), current));
            }
        }
        return out;
    }

    private void countBraces() {
        int depth = 0;
        for (Statement s : statements) {
            for (String w : s.words) {
                if (w.equals("{")) {
                    depth++;
                } else if (w.equals("}")) {
                    if (depth == 0) {
                        diagnostics.error(s.location, "Extra '}' found");
                    } else {
                        depth--;
                    }
                }
            }
        }
        if (depth > 0) {
            diagnostics.error(null, "There are " + depth + " missing '}'s or extra '{'s");
        }
    }

    /** Reads statements into {@code into} until the block's closing brace (or the end). */
    private void parseBlockBody(Keyword block, List<Node> into, boolean topLevel) {
        while (pos < statements.size()) {
            Statement s = statements.get(pos++);
            if (s.is("}")) {
                if (topLevel) {
                    diagnostics.error(s.location, "Unknown keyword '}'");
                    continue;
                }
                return;
            }
            if (s.is("{")) {
                diagnostics.error(s.location, "Unexpected '{' - ignoring");
                continue;
            }
            String word = s.words.get(0);
            Keyword k = block.children().get(word);
            List<String> args = argsOf(s);
            if (k == null) {
                diagnostics.error(s.location, "Unknown keyword '" + word + "'");
                if (s.opens()) {
                    diagnostics.error(s.location, "Unexpected '{' - ignoring");
                }
                continue;
            }
            switch (k.kind()) {
                case LEAF -> {
                    if (s.opens()) {
                        diagnostics.error(s.location, "Unexpected '{' - ignoring");
                    }
                    into.add(new Node(k, word, args, s.location, List.of(), List.of()));
                }
                case BLOCK -> {
                    openBlock(s);
                    List<Node> children = new ArrayList<>();
                    parseBlockBody(k, children, false);
                    into.add(new Node(k, word, args, s.location, children, List.of()));
                }
                case LIST -> {
                    // keepalived reads a value block's lines up to '}' whether or not '{' is there.
                    if (!s.opens() && pos < statements.size() && statements.get(pos).is("{")) {
                        pos++;
                    }
                    into.add(new Node(k, word, args, s.location, List.of(), readItems()));
                }
            }
        }
    }

    private static List<String> argsOf(Statement s) {
        int end = s.opens() ? s.words.size() - 1 : s.words.size();
        return s.words.subList(1, end);
    }

    private void openBlock(Statement s) {
        if (s.opens()) {
            return;
        }
        if (pos < statements.size() && statements.get(pos).is("{")) {
            pos++;
            return;
        }
        Location where = pos < statements.size() ? statements.get(pos).location : s.location;
        diagnostics.error(where, "Missing '{' at beginning of configuration block");
    }

    private List<Node.Item> readItems() {
        List<Node.Item> items = new ArrayList<>();
        int nested = 0;
        while (pos < statements.size()) {
            Statement s = statements.get(pos++);
            if (s.is("}")) {
                if (nested == 0) {
                    return items;
                }
                nested--;
                continue;
            }
            if (s.opens()) {
                nested++;
            }
            List<String> words = s.opens() ? s.words.subList(0, s.words.size() - 1) : s.words;
            if (!words.isEmpty()) {
                items.add(new Node.Item(s.location, List.copyOf(words)));
            }
        }
        return items;
    }
}
