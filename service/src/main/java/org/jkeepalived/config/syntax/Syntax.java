package org.jkeepalived.config.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small builder for keyword tables, so that each section states its grammar in one readable place:
 * <pre>
 *   syntax.block("vrrp_instance", b -&gt; b.leaf("state").leaf("priority").list("virtual_ipaddress"));
 * </pre>
 */
public final class Syntax {
    private final Keyword root;

    private Syntax(Keyword root) {
        this.root = root;
    }

    /** An empty top-level table. */
    public static Syntax root() {
        return new Syntax(new Keyword("<root>", Keyword.Kind.BLOCK, List.of(), true));
    }

    public Keyword keyword() {
        return root;
    }

    public Syntax leaf(String name, String... aliases) {
        root.addChild(new Keyword(name, Keyword.Kind.LEAF, List.of(aliases), true));
        return this;
    }

    /** A keyword accepted for compatibility whose behaviour is not implemented (yet). */
    public Syntax leafNotImplemented(String name, String... aliases) {
        root.addChild(new Keyword(name, Keyword.Kind.LEAF, List.of(aliases), false));
        return this;
    }

    public Syntax list(String name, String... aliases) {
        root.addChild(new Keyword(name, Keyword.Kind.LIST, List.of(aliases), true));
        return this;
    }

    public Syntax listNotImplemented(String name, String... aliases) {
        root.addChild(new Keyword(name, Keyword.Kind.LIST, List.of(aliases), false));
        return this;
    }

    public Syntax block(String name, Consumer<Syntax> body) {
        return block(name, List.of(), true, body);
    }

    public Syntax block(String name, List<String> aliases, boolean implemented, Consumer<Syntax> body) {
        Keyword k = new Keyword(name, Keyword.Kind.BLOCK, aliases, implemented);
        body.accept(new Syntax(k));
        root.addChild(k);
        return this;
    }

    public Syntax blockNotImplemented(String name, Consumer<Syntax> body) {
        return block(name, List.of(), false, body);
    }

    /** Adds the same sub-keywords to this block (shared groups such as checker timing keys). */
    public Syntax with(Consumer<Syntax> group) {
        group.accept(this);
        return this;
    }

    /** Every keyword name reachable from this table, aliases included (for the README and tests). */
    public static List<String> allNames(Keyword k) {
        List<String> out = new ArrayList<>();
        collect(k, out);
        return out;
    }

    private static void collect(Keyword k, List<String> out) {
        for (var e : k.children().entrySet()) {
            out.add(e.getKey());
            if (e.getValue().name().equals(e.getKey())) {
                collect(e.getValue(), out);
            }
        }
    }
}
