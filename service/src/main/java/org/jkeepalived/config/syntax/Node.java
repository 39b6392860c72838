package org.jkeepalived.config.syntax;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.Location;

/**
 * One parsed statement: a keyword with the words after it, and for blocks the statements inside.
 * {@code keyword} is the canonical name, {@code written} the spelling used (an alias, perhaps).
 * For a LIST keyword, {@code items} holds its lines as words.
 */
public record Node(Keyword spec, String written, List<String> args, Location location,
                   List<Node> children, List<Item> items) {

    /** A free-form line inside a LIST block. */
    public record Item(Location location, List<String> words) {
    }

    public Node {
        args = List.copyOf(args);
        children = List.copyOf(children);
        items = List.copyOf(items);
    }

    public String keyword() {
        return spec.name();
    }

    public boolean hasArg(int i) {
        return args.size() > i;
    }

    public String arg(int i) {
        return args.get(i);
    }

    public Optional<Node> child(String canonical) {
        return children.stream().filter(n -> n.keyword().equals(canonical)).reduce((a, b) -> b);
    }

    public List<Node> childrenNamed(String canonical) {
        return children.stream().filter(n -> n.keyword().equals(canonical)).toList();
    }
}
