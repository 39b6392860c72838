package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.vrrp.VrrpConf.hasFinding;
import static org.jkeepalived.config.vrrp.VrrpConf.inst;
import static org.jkeepalived.config.vrrp.VrrpConf.load;

import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.api.Test;

/**
 * keepalived 2.2.7 judges the VRRP process's scripts only if that process gets to it: there must be a
 * vrrp_instance, and no missing interface (which ends the VRRP process after reading). Observed with -t.
 */
class VrrpScriptReachTest {
    private static FakeSystemView system() {
        return new FakeSystemView().withProgram("/bin/true", "/bin/true");
    }

    @Test
    void scriptsOfARunningVrrpProcessAreJudged() {
        LoadResult r = load("vrrp_script s1 {\n script /bin/true\n}\n" + inst(""), system());
        hasFinding(r, Severity.SECURITY, "SECURITY VIOLATION");
        assertThat(r.exitCode()).isEqualTo(6);
        LoadResult notify = load(inst("notify_master /bin/true"), system());
        assertThat(notify.exitCode()).isEqualTo(6);
    }

    @Test
    void evenAnInstanceThatFailsItsChecksRunsTheScriptPass() {
        LoadResult r = load(inst("notify_master /bin/true").replace("virtual_router_id 1\n", ""), system());
        hasFinding(r, Severity.ERROR, "(VI_1) the virtual router id must be set");
        assertThat(r.exitCode()).isEqualTo(6);
    }

    @Test
    void withoutAnInstanceVrrpScriptsAreNotJudged() {
        LoadResult r = load("vrrp_script s1 {\n script /bin/true\n}\nvrrp_script s2 {\n script /nonexistent\n}\n", system());
        assertThat(r.exitCode()).as(ConfigFixture.messages(r)).isZero();
    }

    @Test
    void aMissingInterfaceStopsTheVrrpProcessBeforeItsScripts() {
        LoadResult r = load(inst("VI_1", 1, "notify_master /bin/true", "10.0.0.1 dev eth9"), system());
        assertThat(r.diagnostics()).noneMatch(d -> d.severity() == Severity.SECURITY);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void aMissingScriptProgramIsDisabled() {
        LoadResult r = load("vrrp_script chk {\n script /nonexistent/chk\n}\n" + inst("track_script {\nchk\n}"), system());
        hasFinding(r, Severity.ERROR, "Disabling track script chk since not found/accessible");
        assertThat(VrrpConf.only(r).trackers().scripts()).hasSize(1);
        assertThat(r.exitCode()).isEqualTo(5);
    }
}
