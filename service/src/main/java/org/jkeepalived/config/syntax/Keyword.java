package org.jkeepalived.config.syntax;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One keyword of keepalived's grammar. {@link Kind#LEAF} takes its arguments on its line;
 * {@link Kind#BLOCK} opens a block of further keywords; {@link Kind#LIST} opens a block of free-form
 * lines (addresses, peers, tracked names) that the binder interprets.
 */
public final class Keyword {
    public enum Kind { LEAF, BLOCK, LIST }

    private final String name;
    private final Kind kind;
    private final Map<String, Keyword> children = new LinkedHashMap<>();
    private final List<String> aliases;
    private final boolean implemented;

    Keyword(String name, Kind kind, List<String> aliases, boolean implemented) {
        this.name = name;
        this.kind = kind;
        this.aliases = List.copyOf(aliases);
        this.implemented = implemented;
    }

    /** The canonical name, as keepalived's documentation spells it. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** False for keywords accepted for compatibility but not acted on yet (logged once, listed in README). */
    public boolean implemented() {
        return implemented;
    }

    /** Sub-keywords of a BLOCK, by every accepted spelling (aliases included). */
    public Map<String, Keyword> children() {
        return Collections.unmodifiableMap(children);
    }

    void addChild(Keyword k) {
        children.put(k.name, k);
        for (String a : k.aliases) {
            children.put(a, k);
        }
    }

    @Override
    public String toString() {
        return name + "(" + kind + ")";
    }
}
