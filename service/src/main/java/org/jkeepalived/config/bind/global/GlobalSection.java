package org.jkeepalived.config.bind.global;

import org.jkeepalived.config.syntax.Node;

/** One theme of global_defs (and the top-level process keywords): takes the keywords it owns. */
interface GlobalSection {
    /** Applies {@code node} if this section owns its keyword; false otherwise. */
    boolean bind(Node node);
}
