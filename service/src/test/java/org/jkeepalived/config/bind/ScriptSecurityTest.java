package org.jkeepalived.config.bind;

import static org.assertj.core.api.Assertions.assertThat;

import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.global.GlobalDefs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules observed with keepalived 2.2.7's -t (see ScriptSecurity's javadoc). */
class ScriptSecurityTest {
    private final Diagnostics diagnostics = new Diagnostics();
    private final FakeSystemView system = new FakeSystemView().withProgram("/bin/true", "/bin/true");

    private static ScriptCommand script(String program, String user) {
        return new ScriptCommand(program, List.of(program), user, null, new Location("k.conf", 3));
    }

    private static GlobalDefs withSecurity(boolean enabled, String scriptUser) {
        GlobalDefs d = GlobalDefs.defaults("h");
        var s = d.scripts();
        return new GlobalDefs(d.routerId(), d.smtp(), d.vrrp(), d.lvs(),
                new GlobalDefs.ScriptSettings(scriptUser, null, enabled, s.startupScript(),
                        s.startupTimeoutMicros(), s.shutdownScript(), s.shutdownTimeoutMicros()),
                d.fifos(), d.snmp(), d.process(), d.dumps());
    }

    @Test
    void anExistingScriptWithoutSecurityIsAViolation() {
        ScriptSecurity.check(List.of(script("/bin/true", null)), withSecurity(false, null), system, diagnostics);
        assertThat(diagnostics.exitCode()).isEqualTo(6);
        assertThat(diagnostics.all().get(0).message())
                .isEqualTo("SECURITY VIOLATION - scripts are being executed but script_security not enabled.");
    }

    @Test
    void aMissingProgramDoesNotCount() {
        ScriptSecurity.check(List.of(script("/usr/local/bin/vrrp.sh", null)), withSecurity(false, null), system,
                diagnostics);
        assertThat(diagnostics.exitCode()).isZero();
    }

    @Test
    void insecureFilesAreNamed() {
        system.withProgram("/tmp/ww.sh", "/tmp/ww.sh").withFile("/tmp/ww.sh", 0, 0777, false);
        ScriptSecurity.check(List.of(script("/tmp/ww.sh", null)), withSecurity(false, null), system, diagnostics);
        assertThat(diagnostics.all().get(0).message()).endsWith(" There are insecure scripts.");
    }

    @Test
    void aDaemonThatIsNotRootRunsScriptsAsItselfWithoutAScriptUser() {
        ScriptSecurity.check(List.of(script("/bin/true", null)), withSecurity(true, null), system.notRoot(),
                diagnostics);
        assertThat(diagnostics.all()).isEmpty();
    }

    @Test
    void withSecurityButNoScriptUserEveryScriptNeedsAUser() {
        ScriptSecurity.check(List.of(script("/bin/true", null), script("/nonexistent", null)),
                withSecurity(true, null), system, diagnostics);
        assertThat(diagnostics.exitCode()).isEqualTo(5);
        assertThat(diagnostics.all()).hasSize(1); // same location and message: printed once
        assertThat(diagnostics.all().get(0).format())
                .isEqualTo("(k.conf: Line 3) Unable to set default user keepalived_script for script");
    }

    @Test
    void withSecurityAndAScriptUserItIsClean() {
        system.withUser("keepalived_script");
        ScriptSecurity.check(List.of(script("/bin/true", null)), withSecurity(true, null), system, diagnostics);
        assertThat(diagnostics.exitCode()).isZero();
    }

    @Test
    void unknownScriptUserIsAnError() {
        ScriptSecurity.check(List.of(), withSecurity(false, "nosuchuser"), system, diagnostics);
        assertThat(diagnostics.all()).extracting(d -> d.message())
                .containsExactly("Error setting global script uid/gid");
    }
}
