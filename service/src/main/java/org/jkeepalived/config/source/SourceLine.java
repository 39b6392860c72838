package org.jkeepalived.config.source;

import org.jkeepalived.config.Location;

/** One logical line after includes, conditionals, parameters and repetition: ready to tokenise. */
public record SourceLine(Location location, String text) {
}
