package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.vrrp.VrrpConf.inst;
import static org.jkeepalived.config.vrrp.VrrpConf.instance;
import static org.jkeepalived.config.vrrp.VrrpConf.load;

import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.junit.jupiter.api.Test;

/** vrrp_sync_group (c.8): membership, group settings, and membership recorded on the instances. */
class SyncGroupTest {

    @Test
    void membersAndSettings() {
        LoadResult r = load("vrrp_sync_group G1 {\n group {\n VI_1\n VI_2\n }\n notify_backup \"/usr/local/bin/vrrp.back arg1 arg2\"\n"
                + " notify /n.sh\n smtp_alert\n notify_priority_changes\n sync_group_tracking_weight\n}\n"
                + inst("") + inst("VI_2", 2, "", "10.0.0.2") + inst("VI_3", 3, "", "10.0.0.3"));
        assertThat(r.exitCode()).as(ConfigFixture.messages(r)).isZero();
        SyncGroup g = r.config().vrrp().syncGroup("G1").orElseThrow();
        assertThat(g.members()).containsExactly("VI_1", "VI_2");
        assertThat(g.notifyScripts().backup().argv()).containsExactly("/usr/local/bin/vrrp.back", "arg1", "arg2");
        assertThat(g.notifyScripts().notifyScript().program()).isEqualTo("/n.sh");
        assertThat(g.smtpAlert()).isTrue();
        assertThat(g.notifyPriorityChanges()).isTrue();
        assertThat(g.syncGroupTrackingWeight()).isTrue();
        assertThat(instance(r, "VI_1").syncGroup()).isEqualTo("G1");
        assertThat(instance(r, "VI_2").syncGroup()).isEqualTo("G1");
        assertThat(instance(r, "VI_3").syncGroup()).isNull();
    }

    @Test
    void anInstanceBelongsToTheFirstGroupNamingIt() {
        LoadResult r = load("vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n}\nvrrp_sync_group H {\n group {\n VI_1\n"
                + " VI_3\n }\n}\nvrrp_sync_group J {\n group {\n NOPE\n }\n}\n"
                + inst("") + inst("VI_2", 2, "", "10.0.0.2") + inst("VI_3", 3, "", "10.0.0.3"));
        assertThat(r.config().vrrp().syncGroups()).extracting(SyncGroup::name).containsExactly("G", "H");
        assertThat(r.config().vrrp().syncGroup("H").orElseThrow().members()).containsExactly("VI_3");
        assertThat(instance(r, "VI_1").syncGroup()).isEqualTo("G");
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void notifyDeletedIsNotASyncGroupKeyword() {
        LoadResult r = load("vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n notify_deleted\n}\n"
                + inst("") + inst("VI_2", 2, "", "10.0.0.2"));
        VrrpConf.hasFinding(r, org.jkeepalived.config.Severity.ERROR, "Unknown keyword 'notify_deleted'");
    }
}
