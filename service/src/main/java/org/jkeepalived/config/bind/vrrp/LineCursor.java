package org.jkeepalived.config.bind.vrrp;

import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;

/**
 * Reads the words of one route or rule line from left to right. keepalived drops a whole route or
 * rule line at its first bad word, so a bad word ends the parse with {@link Drop} once it is reported.
 */
abstract class LineCursor {
    /** Ends the parse of a line; the reason has been reported already. */
    static final class Drop extends Exception {
        private static final long serialVersionUID = 1L;

        Drop() {
            super(null, null, false, false);
        }
    }

    protected final List<String> words;
    protected final Location at;
    protected final BindContext ctx;
    protected int i;

    LineCursor(List<String> words, Location at, BindContext ctx) {
        this.words = words;
        this.at = at;
        this.ctx = ctx;
    }

    /** The word after {@code keyword}; a missing one is keepalived's "missing a parameter" abort. */
    protected String value(String keyword) throws Drop {
        if (i + 1 >= words.size()) {
            Args.missing(at, words.get(0), keyword, i + 2, ctx);
            throw new Drop();
        }
        return words.get(++i);
    }

    /** Reports {@code message} at this line; throw the result to drop the line. */
    protected Drop drop(String message) {
        ctx.error(at, message);
        return new Drop();
    }
}
