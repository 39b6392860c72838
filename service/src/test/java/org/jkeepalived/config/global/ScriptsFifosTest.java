package org.jkeepalived.config.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.global.GlobalFixture.global;
import static org.jkeepalived.config.global.GlobalFixture.load;
import static org.jkeepalived.config.global.GlobalFixture.problems;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.GlobalBinder;
import org.jkeepalived.config.bind.Grammar;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.source.SourceLine;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;
import org.jkeepalived.config.syntax.TreeParser;
import org.junit.jupiter.api.Test;

/** script_user, script security, start/stop scripts and the notify FIFOs (keepalived 2.2.7 -t). */
class ScriptsFifosTest {
    private final FakeSystemView system = new FakeSystemView().withProgram("/bin/true", "/bin/true");

    @Test
    void scriptsAndFifosAreCaptured() {
        LoadResult r = load("""
                script_user nobody nogroup
                enable_script_security
                startup_script "/bin/true start" root
                startup_script_timeout 20
                shutdown_script /bin/true
                shutdown_script_timeout 1000
                notify_fifo /run/k.fifo nobody nogroup
                notify_fifo_script "/usr/local/bin/fifo.sh -v"
                vrrp_notify_fifo /run/v.fifo
                lvs_notify_fifo /run/l.fifo
                lvs_notify_fifo_script /usr/local/bin/lvs.sh root
                fifo_write_vrrp_states_on_reload
                rs_init_notifies
                """, system);
        assertThat(problems(r)).isEmpty();
        GlobalDefs.ScriptSettings s = global(r).scripts();
        assertThat(s.scriptUser()).isEqualTo("nobody");
        assertThat(s.scriptGroup()).isEqualTo("nogroup");
        assertThat(s.enableScriptSecurity()).isTrue();
        assertThat(s.startupScript().argv()).containsExactly("/bin/true", "start");
        assertThat(s.startupScript().user()).isEqualTo("root");
        assertThat(s.startupTimeoutMicros()).isEqualTo(20_000_000L);
        assertThat(s.shutdownScript().program()).isEqualTo("/bin/true");
        assertThat(s.shutdownTimeoutMicros()).isEqualTo(1_000_000_000L);
        GlobalDefs.FifoSettings f = global(r).fifos();
        assertThat(f.notifyFifo()).isEqualTo(new GlobalDefs.Fifo("/run/k.fifo", f.notifyFifo().script(), "nobody",
                "nogroup"));
        assertThat(f.notifyFifo().script().argv()).containsExactly("/usr/local/bin/fifo.sh", "-v");
        assertThat(f.vrrpNotifyFifo().script()).isNull();
        assertThat(f.lvsNotifyFifo().script().user()).isEqualTo("root");
        assertThat(f.writeVrrpStatesOnReload()).isTrue();
        assertThat(f.rsInitNotifies()).isTrue();
    }

    @Test
    void aStartupScriptWithoutScriptSecurityIsAViolation() {
        LoadResult r = load("startup_script /bin/true", system);
        assertThat(r.exitCode()).isEqualTo(6);
        // a program that does not exist does not count (keepalived -t: 0)
        assertThat(load("startup_script /nonexistent/x", system).exitCode()).isZero();
    }

    @Test
    void withSecurityTheParentChecksTheUserOnlyIfSecurityCameFirst() {
        // observed: "enable_script_security" then "startup_script": "Unable to set default user ..." (5);
        // the other order, with no child process to judge it, exits 0
        assertThat(load("enable_script_security\nstartup_script /bin/true", system).exitCode()).isEqualTo(5);
        assertThat(load("startup_script /bin/true\nenable_script_security", system).exitCode()).isZero();
        assertThat(load("enable_script_security\nstartup_script /bin/true root", system).exitCode()).isZero();
        assertThat(load("script_user nobody\nenable_script_security\nstartup_script /bin/true", system).exitCode())
                .isZero();
    }

    @Test
    void fifoScriptsAreJudgedOnlyByTheChildThatRuns() {
        // no vrrp_instance and no virtual_server: no child judges FIFO scripts (keepalived -t: 0)
        assertThat(load("vrrp_notify_fifo /run/v\nvrrp_notify_fifo_script /bin/true", system).exitCode()).isZero();
        // with a vrrp_instance the VRRP child does, even for a script without its FIFO (6)
        assertThat(bindWith("vrrp_instance", "vrrp_notify_fifo_script /bin/true").exitCode()).isEqualTo(6);
        assertThat(bindWith("vrrp_instance", "notify_fifo_script /bin/true").exitCode()).isEqualTo(6);
        assertThat(bindWith("vrrp_instance", "lvs_notify_fifo_script /bin/true").exitCode()).isZero();
        assertThat(bindWith("virtual_server", "lvs_notify_fifo_script /bin/true").exitCode()).isEqualTo(6);
        assertThat(bindWith("virtual_server", "vrrp_notify_fifo_script /bin/true").exitCode()).isZero();
        // and then the start-up script's user is checked by the child whatever the order
        assertThat(bindWith("vrrp_instance", "startup_script /bin/true\nenable_script_security").exitCode())
                .isEqualTo(5);
    }

    @Test
    void anInvalidScriptUserDropsTheScriptsWithoutAUser() {
        // keepalived: "Error setting global script uid/gid", the notify script without a user is dropped: 5, not 6
        LoadResult r = bindWith("vrrp_instance", "script_user nosuchuser\nvrrp_notify_fifo_script /bin/true");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(problems(r)).contains("Error setting global script uid/gid");
        assertThat(bindWith("vrrp_instance", "script_user root nosuchgroup\n"
                + "vrrp_notify_fifo_script /bin/true root").exitCode()).isEqualTo(6);
        assertThat(problems(load("script_user root nosuchgroup", system)))
                .containsExactly("Error setting global script uid/gid");
        // user and group are two words: "root:nogroup" is a user name
        assertThat(problems(load("script_user root:nogroup", system)))
                .containsExactly("Error setting global script uid/gid");
        assertThat(problems(load("script_user root nogroup", system))).isEmpty();
    }

    @Test
    void duplicatesAndMissingValues() {
        LoadResult r = load("""
                startup_script /nonexistent/a
                startup_script /nonexistent/b
                notify_fifo /run/a
                notify_fifo /run/b
                vrrp_notify_fifo_script /nonexistent/a
                vrrp_notify_fifo_script /nonexistent/b
                shutdown_script
                script_user
                notify_fifo_script
                lvs_notify_fifo
                startup_script_timeout 1001
                shutdown_script_timeout
                """, system);
        assertThat(problems(r)).containsExactly(
                "startup script already specified",
                "notify_fifo already specified - ignoring /run/b",
                "vrrp_notify_fifo_script already specified - ignoring /nonexistent/b",
                "shutdown script missing",
                "No script username specified",
                "No notify_fifo_script specified",
                "No lvs_notify_fifo name specified",
                "number '1001' outside range [1, 1000]",
                "startup_script_timeout '1001' must be in [1, 1000] - ignoring",
                "shutdown_script_timeout requires value");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(global(r).scripts().startupScript().program()).isEqualTo("/nonexistent/a");
        assertThat(global(r).fifos().notifyFifo().path()).isEqualTo("/run/a");
        assertThat(global(r).scripts().startupTimeoutMicros()).isEqualTo(10_000_000L);
    }

    /** Binds a global_defs body next to a bare top-level block of another section (its grammar is not ours). */
    private LoadResult bindWith(String otherSection, String body) {
        Diagnostics diagnostics = new Diagnostics();
        List<SourceLine> lines = new ArrayList<>();
        int n = 0;
        for (String l : ("global_defs {\n" + body + "\n}").split("\n")) {
            lines.add(new SourceLine(new Location("k.conf", ++n), l));
        }
        List<Node> top = new ArrayList<>(new TreeParser(Grammar.root(), diagnostics).parse(lines));
        var spec = Syntax.root().block(otherSection, b -> { }).keyword().children().get(otherSection);
        top.add(new Node(spec, otherSection, List.of("X"), new Location("k.conf", ++n), List.of(), List.of()));
        BindContext ctx = new BindContext(diagnostics, system);
        GlobalDefs global = GlobalBinder.bind(top, ctx);
        org.jkeepalived.config.bind.ScriptSecurity.check(ctx.scripts(), global, system, diagnostics);
        return new LoadResult(null, diagnostics.all(), List.of());
    }
}
