package org.jkeepalived.config.bind;

import org.jkeepalived.config.bind.manage.ManagementBinder;
import org.jkeepalived.config.syntax.Keyword;
import org.jkeepalived.config.syntax.Syntax;

/** The whole keyword table: each section declares its own keywords. Built once; immutable after. */
public final class Grammar {
    private static final Keyword ROOT = build();

    private Grammar() {
    }

    public static Keyword root() {
        return ROOT;
    }

    private static Keyword build() {
        Syntax root = Syntax.root();
        GlobalBinder.declare(root);
        TrackBinder.declare(root);
        VrrpBinder.declare(root);
        LvsBinder.declare(root);
        ManagementBinder.declare(root);
        return root.keyword();
    }
}
