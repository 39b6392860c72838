package org.jkeepalived.config.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.vrrp.VrrpConf.hasFinding;
import static org.jkeepalived.config.vrrp.VrrpConf.load;

import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.track.BfdInstance;
import org.jkeepalived.config.model.track.TrackConfig;
import org.jkeepalived.config.model.track.TrackFile;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.config.model.track.VrrpScript;
import org.junit.jupiter.api.Test;

/** vrrp_script, track_file, vrrp_track_process and bfd_instance blocks (c.5-c.7, c.13), checked against keepalived 2.2.7. */
class TrackBlocksTest {

    private static TrackConfig tracking(LoadResult r) {
        return r.config().tracking();
    }

    @Test
    void vrrpScriptDefaults() {
        LoadResult r = load("vrrp_script chk {\n script /bin/true\n}\n");
        assertThat(r.exitCode()).as(ConfigFixture.messages(r)).isZero();
        VrrpScript s = tracking(r).script("chk").orElseThrow();
        assertThat(s.intervalMicros()).isEqualTo(1_000_000L);
        assertThat(s.timeoutMicros()).isEqualTo(1_000_000L);
        assertThat(s.weight()).isZero();
        assertThat(s.reverse()).isFalse();
        assertThat(s.rise()).isEqualTo(1);
        assertThat(s.fall()).isEqualTo(1);
        assertThat(s.initFail()).isFalse();
    }

    @Test
    void vrrpScriptEveryKeyword() {
        LoadResult r = load("vrrp_script chk {\n script \"/bin/true arg1 'arg 2'\"\n interval 3\n timeout 5\n"
                + " weight -10 reverse\n rise 2\n fall 4\n user nobody\n init_fail\n}\n");
        VrrpScript s = tracking(r).script("chk").orElseThrow();
        assertThat(s.script().argv()).containsExactly("/bin/true", "arg1", "arg 2");
        assertThat(s.script().user()).isEqualTo("nobody");
        assertThat(s.intervalMicros()).isEqualTo(3_000_000L);
        assertThat(s.timeoutMicros()).isEqualTo(5_000_000L);
        assertThat(s.weight()).isEqualTo(-10);
        assertThat(s.reverse()).isTrue();
        assertThat(s.rise()).isEqualTo(2);
        assertThat(s.fall()).isEqualTo(4);
        assertThat(s.user()).isEqualTo("nobody");
        assertThat(s.initFail()).isTrue();
    }

    @Test
    void vrrpScriptChecks() {
        LoadResult r = load("vrrp_script s1 {\n script /bin/true\n interval 2.5\n weight 300\n rise 0\n fall abc\n"
                + " timeout 0\n}\nvrrp_script s2 {\n interval 2\n}\nvrrp_script s3 {\n script /bin/true\n"
                + " interval 0\n weight 5 foo\n user nosuchuser\n}\n");
        hasFinding(r, Severity.ERROR, "(s1): vrrp script interval '2.5' must be between 1 and 4294 - ignoring");
        hasFinding(r, Severity.ERROR, "vrrp_script s1 weight 300 must be in [-253, 253]");
        hasFinding(r, Severity.ERROR, "(s1): vrrp script rise value '0' invalid, defaulting to 1");
        hasFinding(r, Severity.ERROR, "(s1): vrrp script fall value 'abc' invalid, defaulting to 1");
        hasFinding(r, Severity.ERROR, "(s1): vrrp script timeout must be greater than 0, setting to 1");
        hasFinding(r, Severity.ERROR, "No script set for vrrp_script s2 - removing");
        hasFinding(r, Severity.ERROR, "(s3): vrrp script interval must be greater than 0, setting to 1");
        hasFinding(r, Severity.ERROR, "vrrp_script s3 unknown weight option foo");
        hasFinding(r, Severity.ERROR, "Unable to set uid/gid for script '/bin/true'");
        assertThat(tracking(r).scripts()).extracting(VrrpScript::name).containsExactly("s1");
        assertThat(tracking(r).scripts().get(0).weight()).isZero();
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void aRepeatedScriptNameKeepsTheFirstSilently() {
        LoadResult r = load("vrrp_script s1 {\n script /bin/true\n}\nvrrp_script s1 {\n script /bin/false\n}\n");
        assertThat(r.exitCode()).isZero();
        assertThat(tracking(r).scripts()).singleElement()
                .satisfies(s -> assertThat(s.script().program()).isEqualTo("/bin/true"));
    }

    @Test
    void vrrpScriptWithoutNameStopsKeepalived() {
        LoadResult r = load("vrrp_script {\n script /bin/true\n}\n");
        hasFinding(r, Severity.ABORT, "is missing a parameter after keyword `vrrp_script` at word position 2");
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void trackFile() {
        LoadResult r = load("track_file f1 {\n file /run/f1\n weight -5 reverse\n init_file 7 overwrite\n}\n"
                + "vrrp_track_file f2 {\n file \"/run/f 2\"\n}\n");
        assertThat(r.exitCode()).as(ConfigFixture.messages(r)).isZero();
        TrackFile f1 = tracking(r).file("f1").orElseThrow();
        assertThat(f1.file()).isEqualTo("/run/f1");
        assertThat(f1.weight()).isEqualTo(-5);
        assertThat(f1.reverse()).isTrue();
        assertThat(f1.initFile()).isTrue();
        assertThat(f1.initValue()).isEqualTo(7);
        assertThat(f1.initOverwrite()).isTrue();
        TrackFile f2 = tracking(r).file("f2").orElseThrow();
        assertThat(f2.file()).isEqualTo("/run/f 2");
        assertThat(f2.weight()).isEqualTo(1);
        assertThat(f2.initFile()).isFalse();
    }

    @Test
    void trackFileChecks() {
        LoadResult r = load("track_file f1 {\n file /run/f1\n weight 2147483648\n init_file abc\n}\n"
                + "track_file f2 {\n weight 3\n}\ntrack_file f3 {\n file /run/f3\n weight 3 noreverse\n weight\n}\n"
                + "track_file f4 {\n file\n}\n");
        hasFinding(r, Severity.ERROR, "Weight (2147483648) for track_file f1 must be between [-254..254] inclusive. Ignoring...");
        hasFinding(r, Severity.ERROR, "Unknown track file init option abc");
        hasFinding(r, Severity.ERROR, "No file set for track_file f2 - ignoring");
        hasFinding(r, Severity.ERROR, "track_file f3 unknown weight option noreverse");
        hasFinding(r, Severity.ERROR, "No weight specified for track file f3 - ignoring");
        hasFinding(r, Severity.ERROR, "track file file name missing");
        assertThat(tracking(r).files()).extracting(TrackFile::name).containsExactly("f1", "f3");
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void trackProcess() {
        LoadResult r = load("vrrp_track_process p1 {\n process \"/usr/sbin/sshd\" -D \"a b\"\n param_match partial\n"
                + " weight 254 reverse\n quorum 2\n quorum_max 5\n fork_delay 1.5\n terminate_delay 2.5\n"
                + " full_command\n}\nvrrp_track_process p2 {\n process sshd\n quorum_max 0\n delay 3\n}\n"
                + "vrrp_track_process p3 {\n process sshd\n param_match\n}\n");
        assertThat(r.exitCode()).as(ConfigFixture.messages(r)).isZero();
        TrackProcess p1 = tracking(r).process("p1").orElseThrow();
        assertThat(p1.process()).isEqualTo("/usr/sbin/sshd");
        assertThat(p1.parameters()).containsExactly("-D", "a b");
        assertThat(p1.paramMatch()).isEqualTo(TrackProcess.ParamMatch.PARTIAL);
        assertThat(p1.weight()).isEqualTo(254);
        assertThat(p1.reverse()).isTrue();
        assertThat(p1.quorum()).isEqualTo(2);
        assertThat(p1.quorumMax()).isEqualTo(5);
        assertThat(p1.forkDelayMicros()).isEqualTo(1_500_000L);
        assertThat(p1.terminateDelayMicros()).isEqualTo(2_500_000L);
        assertThat(p1.fullCommand()).isTrue();
        TrackProcess p2 = tracking(r).process("p2").orElseThrow();
        assertThat(p2.quorum()).isZero();
        assertThat(p2.quorumMax()).isZero();
        assertThat(p2.forkDelayMicros()).isEqualTo(3_000_000L);
        assertThat(p2.terminateDelayMicros()).isEqualTo(3_000_000L);
        assertThat(p2.paramMatch()).isEqualTo(TrackProcess.ParamMatch.NONE);
        assertThat(tracking(r).process("p3").orElseThrow().paramMatch()).isEqualTo(TrackProcess.ParamMatch.EXACT);
    }

    @Test
    void trackProcessChecks() {
        LoadResult r = load("vrrp_track_process p1 {\n process sshd\n param_match foo\n weight 255\n quorum 0\n"
                + " fork_delay abc\n}\nvrrp_track_process p2 {\n quorum 2\n}\nvrrp_track_process p3 {\n process sshd\n"
                + " quorum 5\n quorum_max 2\n weight\n}\n");
        hasFinding(r, Severity.ERROR, "Invalid param_match type foo - ignoring");
        hasFinding(r, Severity.ERROR, "Weight (255) for vrrp_track_process p1 must be between [-254..254] inclusive. Ignoring...");
        hasFinding(r, Severity.ERROR, "Quorum (0) for vrrp_track_process p1 must be between [1..65535] inclusive. Ignoring...");
        hasFinding(r, Severity.ERROR, "fork_delay (abc) for vrrp_track_process p1 must be between [0.000001..3600] inclusive.");
        hasFinding(r, Severity.ERROR, "track process 'p2' process name not specified");
        hasFinding(r, Severity.ERROR, "quorum_max is less than quorum - ignoring");
        hasFinding(r, Severity.ERROR, "No weight specified for track process p3 - ignoring");
        assertThat(tracking(r).processes()).extracting(TrackProcess::name).containsExactly("p1", "p3");
        assertThat(tracking(r).process("p3").orElseThrow().quorumMax()).isNull();
    }

    @Test
    void bfdInstanceIsAcceptedButNotImplemented() {
        LoadResult r = load("bfd_instance b1 {\n neighbour_ip 10.0.0.9\n source_ip 10.0.0.8\n min_rx 20\n min_tx 30\n"
                + " idle_tx 2000\n multiplier 3\n passive\n ttl 64\n hoplimit 32\n max_hops 5\n weight 10 reverse\n"
                + " vrrp\n}\nbfd_instance b2 {\n neighbor_ip 10.0.0.7\n min_rx 3.312\n}\n");
        assertThat(r.exitCode()).as(ConfigFixture.messages(r)).isZero();
        hasFinding(r, Severity.NOTE, "'bfd_instance' accepted but not implemented");
        BfdInstance b1 = tracking(r).bfd("b1").orElseThrow();
        assertThat(b1.neighborIp().getHostAddress()).isEqualTo("10.0.0.9");
        assertThat(b1.minRxMicros()).isEqualTo(20_000L);
        assertThat(b1.minTxMicros()).isEqualTo(30_000L);
        assertThat(b1.idleTxMicros()).isEqualTo(2_000_000L);
        assertThat(b1.multiplier()).isEqualTo(3);
        assertThat(b1.passive()).isTrue();
        assertThat(b1.weight()).isEqualTo(10);
        assertThat(b1.reverse()).isTrue();
        assertThat(b1.toVrrp()).isTrue();
        assertThat(b1.toChecker()).isFalse();
        BfdInstance b2 = tracking(r).bfd("b2").orElseThrow();
        assertThat(b2.minRxMicros()).isEqualTo(3312L);
        assertThat(b2.idleTxMicros()).isEqualTo(1_000_000L);
        assertThat(b2.ttl()).isEqualTo(255);
        assertThat(b2.hoplimit()).isEqualTo(64);
        assertThat(b2.toVrrp() && b2.toChecker()).isTrue();
    }

    @Test
    void bfdChecks() {
        LoadResult r = load("bfd_instance b1 {\n neighbor_ip 10.0.0.9\n min_rx 0\n multiplier 0\n weight 300\n}\n"
                + "bfd_instance b2 {\n min_rx 5\n}\n");
        hasFinding(r, Severity.ERROR, "Configuration error: BFD instance b1 min_rx value 0 is not valid (must be in range [1-4294967]), ignoring");
        hasFinding(r, Severity.ERROR, "Configuration error: BFD instance b1 multiplier value 0 not valid (must be in range [1-255]), ignoring");
        hasFinding(r, Severity.ERROR, "Configuration error: BFD instance b1 weight value 300 not valid (must be in range [-253-253]), ignoring");
        hasFinding(r, Severity.ERROR, "Configuration error: BFD instance b2 has no neighbor address set, disabling instance");
        assertThat(tracking(r).bfdInstances()).extracting(BfdInstance::name).containsExactly("b1");
    }
}
