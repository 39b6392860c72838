package org.jkeepalived.config.bind.lvs;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.syntax.Node;

/**
 * Checkers that follow another tracker (FILE_CHECK's track_file, BFD_CHECK's bfd_instance) name a
 * top-level block. keepalived resolves the name while it reads the checker, so the block must come
 * earlier in the file (observed with 2.2.7: a track_file defined after the virtual_server is
 * "not found"). Those blocks belong to the tracking section; here we only look at their names.
 */
public final class References {
    public static final String TRACK_FILE = "track_file";
    public static final String BFD_INSTANCE = "bfd_instance";

    private References() {
    }

    /** The top-level {@code keyword NAME} block defined before {@code user} (a top-level node). */
    public static Optional<Node> definedBefore(List<Node> top, Node user, String keyword, String name) {
        Node found = null;
        for (Node n : top) {
            if (n == user) {
                break;
            }
            if (n.keyword().equals(keyword) && n.hasArg(0) && n.arg(0).equals(name)) {
                found = n;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * A track_file's own {@code weight W [reverse]} (1, not reversed, when absent or unreadable: the
     * tracking section reports bad values).
     */
    public static long[] trackFileWeight(Node trackFile) {
        long weight = 1;
        long reverse = 0;
        for (Node c : trackFile.childrenNamed("weight")) {
            if (!c.hasArg(0)) {
                continue;
            }
            try {
                long w = Long.parseLong(c.arg(0));
                if (Math.abs(w) <= LvsValues.WEIGHT_LIMIT) {
                    weight = w;
                    reverse = c.hasArg(1) && c.arg(1).equals("reverse") ? 1 : 0;
                }
            } catch (NumberFormatException e) {
                // reported by the tracking section
            }
        }
        return new long[] {weight, reverse};
    }
}
