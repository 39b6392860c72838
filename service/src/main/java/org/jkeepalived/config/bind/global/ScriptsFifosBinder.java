package org.jkeepalived.config.bind.global;

import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Scripts;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs.Fifo;
import org.jkeepalived.config.model.global.GlobalDefs.FifoSettings;
import org.jkeepalived.config.model.global.GlobalDefs.ScriptSettings;
import org.jkeepalived.config.syntax.Node;

/**
 * Who runs scripts (script_user, enable_script_security), the start-up and shut-down scripts, and the notify
 * FIFOs with their scripts. Every script goes through {@link Scripts#parse}. It is registered for the
 * script-security pass when keepalived 2.2.7's {@code -t} judges it, which depends on the child processes
 * the configuration starts (observed): the VRRP child (any vrrp_instance) judges notify_fifo_script and
 * vrrp_notify_fifo_script, the checker child (any virtual_server) notify_fifo_script and
 * lvs_notify_fifo_script, even one without its FIFO; start/stop scripts are a violation without
 * enable_script_security in any case, but their run-as user is only checked when a child runs. Whether
 * script_user exists is judged in that pass too ("Error setting global script uid/gid").
 */
final class ScriptsFifosBinder implements GlobalSection {
    private static final long SECOND = 1_000_000L;

    private final Args args;
    private final boolean vrrpRuns;
    private final boolean checkerRuns;
    private String scriptUser;
    private String scriptGroup;
    private boolean enableScriptSecurity;
    private ScriptCommand startupScript;
    /** enable_script_security came before the start/stop script: the parent checks its user at once. */
    private boolean oneShotCheckedByParent;
    private long startupTimeoutMicros = 10 * SECOND;
    private ScriptCommand shutdownScript;
    private long shutdownTimeoutMicros = 10 * SECOND;
    private boolean setSupplementaryGroups;
    private boolean useSymlinkPaths;
    private final FifoBuilder notifyFifo;
    private final FifoBuilder vrrpNotifyFifo;
    private final FifoBuilder lvsNotifyFifo;
    private boolean writeVrrpStatesOnReload;
    private boolean rsInitNotifies;

    ScriptsFifosBinder(Args args, boolean vrrpRuns, boolean checkerRuns) {
        this.args = args;
        this.vrrpRuns = vrrpRuns;
        this.checkerRuns = checkerRuns;
        this.notifyFifo = new FifoBuilder("notify_fifo", vrrpRuns || checkerRuns);
        this.vrrpNotifyFifo = new FifoBuilder("vrrp_notify_fifo", vrrpRuns);
        this.lvsNotifyFifo = new FifoBuilder("lvs_notify_fifo", checkerRuns);
    }

    @Override
    public boolean bind(Node n) {
        switch (n.keyword()) {
            case "script_user" -> {
                // Two separate words, as keepalived reads them: "root:nogroup" is a user name that does not exist.
                if (!n.hasArg(0)) {
                    args.error(n, "No script username specified");
                } else {
                    scriptUser = n.arg(0);
                    scriptGroup = n.hasArg(1) ? n.arg(1) : null;
                }
            }
            case "enable_script_security" -> enableScriptSecurity = true;
            case "set_supplementary_groups" -> setSupplementaryGroups = true;
            case "use_symlink_paths" -> useSymlinkPaths = Args.or(args.globalBool(n), useSymlinkPaths);
            case "startup_script" -> startupScript = oneShot(n, startupScript, "startup");
            case "shutdown_script" -> shutdownScript = oneShot(n, shutdownScript, "shutdown");
            case "startup_script_timeout" -> startupTimeoutMicros = timeout(n, startupTimeoutMicros);
            case "shutdown_script_timeout" -> shutdownTimeoutMicros = timeout(n, shutdownTimeoutMicros);
            case "notify_fifo" -> notifyFifo.fifo(n);
            case "notify_fifo_script" -> notifyFifo.script(n);
            case "vrrp_notify_fifo" -> vrrpNotifyFifo.fifo(n);
            case "vrrp_notify_fifo_script" -> vrrpNotifyFifo.script(n);
            case "lvs_notify_fifo" -> lvsNotifyFifo.fifo(n);
            case "lvs_notify_fifo_script" -> lvsNotifyFifo.script(n);
            case "fifo_write_vrrp_states_on_reload" -> writeVrrpStatesOnReload = true;
            case "rs_init_notifies" -> rsInitNotifies = Args.or(args.globalBool(n), rsInitNotifies);
            default -> {
                return false;
            }
        }
        return true;
    }

    private ScriptCommand oneShot(Node n, ScriptCommand previous, String which) {
        if (!n.hasArg(0)) {
            args.error(n, which + " script missing");
            return previous;
        }
        if (previous != null) {
            args.error(n, which + " script already specified");
            return previous;
        }
        oneShotCheckedByParent |= enableScriptSecurity;
        return parse(n);
    }

    private long timeout(Node n, long previous) {
        if (!n.hasArg(0)) {
            args.error(n, n.written() + " requires value");
            return previous;
        }
        Long v = args.unsigned(n, n.arg(0), 1, 1000);
        if (v == null) {
            args.error(n, n.written() + " '" + n.arg(0) + "' must be in [1, 1000] - ignoring");
            return previous;
        }
        return v * SECOND;
    }

    /** One FIFO keyword and its *_script companion; keepalived keeps the first of each. */
    private final class FifoBuilder {
        private final String name;
        private final boolean judged;
        private String path;
        private String user;
        private String group;
        private ScriptCommand script;

        FifoBuilder(String name, boolean judged) {
            this.name = name;
            this.judged = judged;
        }

        void fifo(Node n) {
            if (!n.hasArg(0)) {
                args.error(n, "No " + name + " name specified");
                return;
            }
            if (path != null) {
                args.error(n, name + " already specified - ignoring " + n.arg(0));
                return;
            }
            path = n.arg(0);
            user = n.hasArg(1) ? n.arg(1) : null;
            group = n.hasArg(2) ? n.arg(2) : null;
        }

        void script(Node n) {
            if (!n.hasArg(0)) {
                args.error(n, "No " + name + "_script specified");
                return;
            }
            if (script != null) {
                args.error(n, name + "_script already specified - ignoring " + n.arg(0));
                return;
            }
            script = parse(n);
        }

        void register() {
            if (judged && script != null) {
                args.ctx().registerScript(script);
            }
        }

        /** A script without its FIFO is still judged but keepalived never starts it. */
        Fifo build() {
            return path == null ? null : new Fifo(path, script, user, group);
        }
    }

    /**
     * Parses a script without registering it yet: whether keepalived judges it depends on keywords that
     * may come later (enable_script_security) and is decided in {@link #registerJudgedScripts()}.
     */
    private ScriptCommand parse(Node n) {
        BindContext scratch = new BindContext(new Diagnostics(), args.ctx().system());
        ScriptCommand sc = Scripts.parse(n, 0, scratch);
        scratch.diagnostics().all().forEach(d -> args.ctx().diagnostics().add(d.severity(), d.location(), d.message()));
        return sc;
    }

    /** Registers, once everything is read, the scripts keepalived's {@code -t} would judge. */
    void registerJudgedScripts() {
        // Start/stop scripts always count as scripts without enable_script_security; with it, their run-as
        // user is checked by the parent when security was enabled before them, else only by a child process.
        if (!enableScriptSecurity || oneShotCheckedByParent || vrrpRuns || checkerRuns) {
            for (ScriptCommand sc : new ScriptCommand[] {startupScript, shutdownScript}) {
                if (sc != null) {
                    args.ctx().registerScript(sc);
                }
            }
        }
        notifyFifo.register();
        vrrpNotifyFifo.register();
        lvsNotifyFifo.register();
    }

    ScriptSettings scripts() {
        return new ScriptSettings(scriptUser, scriptGroup, enableScriptSecurity, startupScript, startupTimeoutMicros,
                shutdownScript, shutdownTimeoutMicros, setSupplementaryGroups, useSymlinkPaths);
    }

    FifoSettings fifos() {
        return new FifoSettings(notifyFifo.build(), vrrpNotifyFifo.build(), lvsNotifyFifo.build(),
                writeVrrpStatesOnReload, rsInitNotifies);
    }
}
