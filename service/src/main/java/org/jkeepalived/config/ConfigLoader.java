package org.jkeepalived.config;

import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.GlobalBinder;
import org.jkeepalived.config.bind.Grammar;
import org.jkeepalived.config.bind.LvsBinder;
import org.jkeepalived.config.bind.ScriptSecurity;
import org.jkeepalived.config.bind.TrackBinder;
import org.jkeepalived.config.bind.VrrpBinder;
import org.jkeepalived.config.bind.manage.ManagementBinder;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.lvs.LvsConfig;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.vrrp.VrrpConfig;
import org.jkeepalived.config.source.ConfigReader;
import org.jkeepalived.config.source.ReaderOptions;
import org.jkeepalived.config.source.SourceLine;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.TreeParser;

/**
 * The configuration pipeline: read (includes, parameters, conditionals), parse into a keyword tree,
 * bind each section to immutable records with keepalived's defaults and checks, then judge scripts.
 * It never throws for a bad configuration: every problem becomes a {@link Diagnostic} with its place.
 */
public final class ConfigLoader {
    private final SystemView system;
    private final ReaderOptions options;

    public ConfigLoader(SystemView system, ReaderOptions options) {
        this.system = system;
        this.options = options;
    }

    public LoadResult load(Path file) {
        Diagnostics diagnostics = new Diagnostics();
        ConfigReader reader = new ConfigReader(options, diagnostics);
        List<SourceLine> lines = ManagementBinder.bareForms(reader.read(file));
        List<Node> top = new TreeParser(Grammar.root(), diagnostics).parse(lines);
        BindContext ctx = new BindContext(diagnostics, system);
        ctx.reportNotImplemented(top);
        GlobalDefs global = GlobalBinder.bind(top, ctx);
        TrackConfig tracking = TrackBinder.bind(top, global, ctx);
        VrrpConfig vrrp = VrrpBinder.bind(top, global, tracking, ctx);
        LvsConfig lvs = LvsBinder.bind(top, global, tracking, ctx);
        ManagementConfig management = ManagementBinder.bind(top, ctx);
        ScriptSecurity.check(ctx.scripts(), global, system, diagnostics);
        return new LoadResult(new KeepalivedConfig(global, tracking, vrrp, lvs, management), diagnostics.all(),
                reader.filesRead());
    }
}
