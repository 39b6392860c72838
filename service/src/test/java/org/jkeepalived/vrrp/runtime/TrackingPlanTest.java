package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.vrrp.VrrpConf;
import org.jkeepalived.event.Event;
import org.jkeepalived.track.TrackerUpdate;
import org.jkeepalived.vrrp.TrackedPriorities.Input;
import org.jkeepalived.vrrp.TrackedPriorities.Key;
import org.jkeepalived.vrrp.TrackedPriorities.Kind;
import org.jkeepalived.vrrp.TrackedPriorities.Value;
import org.junit.jupiter.api.Test;

/** From the config model to the engine's trackers, sync groups and notify targets. */
class TrackingPlanTest {
    private static final String CONF = """
            vrrp_script up {
                script "/bin/true"
                weight -20
            }
            vrrp_script down {
                script "/bin/true"
                init_fail
            }
            vrrp_sync_group G1 {
                group {
                    VI_1
                    VI_2
                }
                track_script {
                    down
                }
                notify "/bin/true"
                smtp_alert
            }
            """ + VrrpConf.inst("VI_1", 1, "track_script {\n    up\n}\ntrack_interface {\n    eth1 weight 5\n}\n"
            + "notify_priority_changes\nnotify \"/bin/true\"", "10.0.0.1")
            + VrrpConf.inst("VI_2", 2, "priority 90", "10.0.0.2");

    private static LoadResult load() {
        return VrrpConf.load(CONF, new FakeSystemView().withInterface("eth1").withProgram("/bin/true", "/bin/true"));
    }

    @Test
    void membersTrackTheirOwnAndTheirGroupsObjects() {
        LoadResult r = load();
        TrackingPlan plan = TrackingPlan.of(r.config().vrrp(), r.config().tracking());
        // On a sync group member without sync_group_tracking_weight, keepalived (and the config layer) keeps a
        // weighted interface with weight 0 and drops a weighted script; the group's trackers are added.
        assertThat(plan.inputs().get("VI_1")).containsExactly(new Input(Kind.INTERFACE, "eth1", 0, false),
                new Input(Kind.SCRIPT, "down", 0, false));
        assertThat(plan.inputs().get("VI_2")).containsExactly(new Input(Kind.SCRIPT, "down", 0, false));
        assertThat(plan.initial()).containsEntry(new Key(Kind.SCRIPT, "down"), Value.DOWN)
                .doesNotContainKey(new Key(Kind.SCRIPT, "up"));
        assertThat(plan.groupOf("VI_2")).map(TrackingPlan.Group::name).contains("G1");
        Event.Target g = plan.groupOf("VI_1").orElseThrow().target();
        assertThat(g.type()).isEqualTo(Event.TargetType.GROUP);
        assertThat(g.smtpAlert()).isTrue();
        assertThat(g.scripts().notifyScript()).isNotNull();
        Event.Target vi1 = plan.target("VI_1");
        assertThat(vi1.notifyPriorityChanges()).isTrue();
        assertThat(plan.target("VI_2").notifyPriorityChanges()).isFalse();
    }

    @Test
    void observedStatesSeedThePlanButAScriptsInitDoesNot() {
        LoadResult r = load();
        TrackingPlan plan = TrackingPlan.of(r.config().vrrp(), r.config().tracking()).withObserved(List.of(
                TrackerUpdate.file("f", 3), TrackerUpdate.process("p", true),
                TrackerUpdate.script("up", TrackerUpdate.Status.INIT),
                TrackerUpdate.script("down", TrackerUpdate.Status.UP)));
        assertThat(plan.initial()).containsEntry(new Key(Kind.FILE, "f"), Value.file(3))
                .containsEntry(new Key(Kind.PROCESS, "p"), Value.UP)
                .containsEntry(new Key(Kind.SCRIPT, "down"), Value.UP)
                .doesNotContainKey(new Key(Kind.SCRIPT, "up"));
    }
}
