package org.jkeepalived.config.global;

import java.util.List;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.global.GlobalDefs;

/** Loads a global_defs body (and optional top-level lines) and gives the model and the findings. */
final class GlobalFixture {
    private GlobalFixture() {
    }

    static LoadResult load(String globalDefsBody) {
        return load(globalDefsBody, new FakeSystemView());
    }

    static LoadResult load(String globalDefsBody, FakeSystemView system) {
        return ConfigFixture.load("global_defs {\n" + globalDefsBody + "\n}\n", system);
    }

    static LoadResult loadText(String text) {
        return ConfigFixture.load(text);
    }

    static GlobalDefs global(LoadResult r) {
        return r.config().global();
    }

    /** The messages that count for -t (notes such as "accepted but not implemented" left out). */
    static List<String> problems(LoadResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() != Severity.NOTE).map(Diagnostic::message).toList();
    }
}
