package org.jkeepalived.config.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.jkeepalived.config.vrrp.VrrpConf.hasFinding;
import static org.jkeepalived.config.vrrp.VrrpConf.inst;
import static org.jkeepalived.config.vrrp.VrrpConf.instance;
import static org.jkeepalived.config.vrrp.VrrpConf.load;

import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.track.TrackRef;
import org.jkeepalived.config.model.track.Trackers;
import org.junit.jupiter.api.Test;

/**
 * track_* blocks of instances and sync groups (c.4): defaults from the tracked object, keepalived 2.2.7's
 * handling of bad lines, and the address-owner / sync-group weight rules.
 */
class TrackerLinesTest {
    private static final String OBJECTS = "vrrp_script chk {\n script /bin/true\n weight 10 reverse\n}\n"
            + "vrrp_script chk0 {\n script /bin/true\n}\n"
            + "track_file tf {\n file /run/tf\n weight 5\n}\n"
            + "vrrp_track_process tp {\n process sshd\n weight 7 reverse\n}\n"
            + "bfd_instance b1 {\n neighbor_ip 10.0.0.9\n weight 3\n}\n";

    private static FakeSystemView system() {
        return new FakeSystemView().withProgram("/bin/true", "/bin/true");
    }

    private static Trackers trackers(LoadResult r, String name) {
        return instance(r, name).trackers();
    }

    @Test
    void linesTakeTheObjectsWeightUnlessTheyGiveOne() {
        LoadResult r = load(OBJECTS + inst("track_interface {\neth1\neth2 weight 10\neth3 weight -10 reverse\n}\n"
                + "track_script {\nchk\nchk0 weight 20 reverse\n}\ntrack_file {\ntf weight 3 noreverse\n}\n"
                + "track_process {\ntp\n}\ntrack_bfd {\nb1\n}"), system());
        Trackers t = trackers(r, "VI_1");
        assertThat(t.interfaces()).extracting(TrackRef::name, TrackRef::weight, TrackRef::reverse)
                .containsExactly(tuple("eth1", 0, false), tuple("eth2", 10, false), tuple("eth3", -10, true));
        assertThat(t.scripts()).extracting(TrackRef::name, TrackRef::weight, TrackRef::reverse)
                .containsExactly(tuple("chk", 10, true), tuple("chk0", 20, true));
        assertThat(t.files()).extracting(TrackRef::weight, TrackRef::reverse).containsExactly(tuple(3, false));
        assertThat(t.processes()).extracting(TrackRef::weight, TrackRef::reverse).containsExactly(tuple(7, true));
        assertThat(t.bfds()).extracting(TrackRef::weight).containsExactly(3);
    }

    @Test
    void badLines() {
        LoadResult r = load(OBJECTS + inst("track_interface {\neth1 weight 300\neth2 foo\n}\n"
                + "track_script {\nchk weight 300\nchk0 noreverse\nnochk\n}\ntrack_file {\ntf noreverse\n}\n"
                + "track_process {\ntp reverse\n}"), system());
        hasFinding(r, Severity.ERROR, "(VI_1) weight 300 for eth1 must be between [-253..253] inclusive. Ignoring...");
        hasFinding(r, Severity.ERROR, "(VI_1) unknown track_interface eth2 option foo - ignoring");
        hasFinding(r, Severity.ERROR, "(VI_1) track script chk: weight must be between [-253..253] inclusive, ignoring...");
        hasFinding(r, Severity.ERROR, "(VI_1) unknown track script option noreverse - ignoring");
        hasFinding(r, Severity.ERROR, "(VI_1) track script nochk not found, ignoring...");
        hasFinding(r, Severity.ERROR, "(VI_1) unknown track file option noreverse - ignoring");
        hasFinding(r, Severity.ERROR, "(VI_1) unknown track process option reverse - ignoring");
        Trackers t = trackers(r, "VI_1");
        // a bad interface weight falls back to 0, a bad script weight to the script's own
        assertThat(t.interfaces()).extracting(TrackRef::name, TrackRef::weight).containsExactly(tuple("eth1", 0));
        assertThat(t.scripts()).extracting(TrackRef::name, TrackRef::weight).containsExactly(tuple("chk", 10));
        assertThat(t.files()).isEmpty();
        assertThat(t.processes()).isEmpty();
        // the scripts exist and enable_script_security is not set: 6 wins over 5
        assertThat(r.exitCode()).isEqualTo(6);
    }

    @Test
    void aBfdInstanceForTheCheckerOnlyIsNotVisibleToVrrp() {
        LoadResult r = load("bfd_instance b1 {\n neighbor_ip 10.0.0.9\n checker\n}\n" + inst("track_bfd {\nb1\n}"));
        hasFinding(r, Severity.ERROR, "(VI_1) track bfd b1 not found, ignoring...");
        assertThat(trackers(r, "VI_1").bfds()).isEmpty();
    }

    @Test
    void theAddressOwnerDropsWeightedTrackersButProcesses() {
        LoadResult r = load(OBJECTS + inst("priority 255\ntrack_interface {\neth1 weight 10\neth2\n}\n"
                + "track_script {\nchk\n}\ntrack_file {\ntf\n}\ntrack_process {\ntp\n}"), system());
        hasFinding(r, Severity.ERROR, "(VI_1) ignoring eth1 tracked interface due to address owner");
        hasFinding(r, Severity.ERROR, "(VI_1) ignoring tracked script chk with weights due to address_owner");
        hasFinding(r, Severity.ERROR, "(VI_1) ignoring tracked file tf with weight 5 due to address_owner");
        Trackers t = trackers(r, "VI_1");
        assertThat(t.interfaces()).extracting(TrackRef::name).containsExactly("eth2");
        assertThat(t.scripts()).isEmpty();
        assertThat(t.files()).isEmpty();
        assertThat(t.processes()).hasSize(1);
    }

    @Test
    void syncGroupMembersLoseWeightsUnlessTheGroupAllowsThem() {
        String members = inst("VI_1", 1, "track_interface {\neth1 weight 10\n}\ntrack_script {\nchk\n}\n"
                + "track_file {\ntf\n}\ntrack_process {\ntp\n}", "10.0.0.1") + inst("VI_2", 2, "", "10.0.0.2");
        LoadResult r = load(OBJECTS + "vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n track_interface {\n eth3 weight 4\n"
                + " }\n track_script {\n chk weight 3\n }\n}\n" + members, system());
        hasFinding(r, Severity.ERROR, "(VI_1) ignoring eth1 tracked interface weight due to SYNC group");
        hasFinding(r, Severity.ERROR, "(VI_1) ignoring tracked script chk with weights due to SYNC group");
        hasFinding(r, Severity.ERROR, "(VI_1) ignoring tracked file tf with weight 5 due to SYNC group");
        Trackers t = trackers(r, "VI_1");
        assertThat(t.interfaces()).extracting(TrackRef::name, TrackRef::weight).containsExactly(tuple("eth1", 0));
        assertThat(t.scripts()).isEmpty();
        assertThat(t.files()).isEmpty();
        assertThat(t.processes()).hasSize(1);
        Trackers group = r.config().vrrp().syncGroup("G").orElseThrow().trackers();
        assertThat(group.interfaces()).extracting(TrackRef::weight).containsExactly(4);
        assertThat(group.scripts()).extracting(TrackRef::weight).containsExactly(3);

        LoadResult allowed = load(OBJECTS + "vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n"
                + " sync_group_tracking_weight\n}\n" + members, system());
        assertThat(trackers(allowed, "VI_1").scripts()).extracting(TrackRef::weight).containsExactly(10);
        assertThat(trackers(allowed, "VI_1").interfaces()).extracting(TrackRef::weight).containsExactly(10);
    }
}
