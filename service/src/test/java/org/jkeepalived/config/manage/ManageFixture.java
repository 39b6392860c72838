package org.jkeepalived.config.manage;

import java.util.List;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.manage.ManagementConfig;

/** Loads management blocks through the whole pipeline and gives the model and the findings. */
final class ManageFixture {
    private ManageFixture() {
    }

    static LoadResult load(String text) {
        return ConfigFixture.load(text);
    }

    static LoadResult load(String text, FakeSystemView system) {
        return ConfigFixture.load(text, system);
    }

    static ManagementConfig management(LoadResult r) {
        return r.config().management();
    }

    /** The findings that count for -t, as "line: message" (notes left out). */
    static List<String> problems(LoadResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() != Severity.NOTE).map(ManageFixture::shown).toList();
    }

    static List<String> notes(LoadResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() == Severity.NOTE).map(ManageFixture::shown).toList();
    }

    static String shown(Diagnostic d) {
        return (d.location() == null ? "-" : String.valueOf(d.location().line())) + ": " + d.message();
    }
}
