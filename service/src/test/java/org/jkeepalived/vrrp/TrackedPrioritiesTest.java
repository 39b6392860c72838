package org.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jkeepalived.vrrp.TrackedPriorities.Input;
import org.jkeepalived.vrrp.TrackedPriorities.Key;
import org.jkeepalived.vrrp.TrackedPriorities.Kind;
import org.jkeepalived.vrrp.TrackedPriorities.Value;
import org.junit.jupiter.api.Test;

/** Tier 2: tracked objects' states into priorities (reference c.4, c.10). */
class TrackedPrioritiesTest {
    private static final Key CHK = new Key(Kind.SCRIPT, "chk");
    private static final Key ETH1 = new Key(Kind.INTERFACE, "eth1");

    @Test
    void weight0ScriptsHoldTheirInstancesInInitUntilTheyReport() {
        TrackedPriorities t = new TrackedPriorities(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", 0, false)),
                "VI_2", List.of()), Map.of());
        assertThat(t.waiting("VI_1")).isTrue();
        assertThat(t.waiting("VI_2")).isFalse();
        assertThat(t.set(CHK, Value.DOWN)).containsExactly("VI_1");
        assertThat(t.waiting("VI_1")).isFalse();
        assertThat(t.result("VI_1", 100)).isEqualTo(new PriorityCalculator.Result(100, true));
    }

    @Test
    void aWeightedScriptInInitHoldsNothingAndCountsNothingUntilItReports() {
        // keepalived 2.2.7 (observed, scenario init-failing): "Entering BACKUP STATE (init)" at the base
        // priority before the script's first result, then BACKUP_PRIORITY once it failed.
        TrackedPriorities t = new TrackedPriorities(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", -10, false))),
                Map.of());
        assertThat(t.waiting("VI_1")).isFalse();
        assertThat(t.result("VI_1", 100)).isEqualTo(new PriorityCalculator.Result(100, false));
        assertThat(t.set(CHK, Value.DOWN)).containsExactly("VI_1");
        assertThat(t.result("VI_1", 100)).isEqualTo(new PriorityCalculator.Result(90, false));
        assertThat(t.set(CHK, Value.DOWN)).as("no change, nobody affected").isEmpty();
    }

    @Test
    void initFailScriptsDoNotWait() {
        TrackedPriorities t = new TrackedPriorities(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", 0, false))),
                Map.of(CHK, Value.DOWN));
        assertThat(t.waiting("VI_1")).isFalse();
        assertThat(t.result("VI_1", 100).fault()).isTrue();
    }

    @Test
    void everyKindCountsWithItsOwnRule() {
        TrackedPriorities t = new TrackedPriorities(Map.of("VI_1", List.of(
                new Input(Kind.INTERFACE, "eth1", 5, false),
                new Input(Kind.FILE, "f", -2, false),
                new Input(Kind.PROCESS, "p", 0, true),
                new Input(Kind.BFD, "b", -7, false))), Map.of());
        // Defaults: interface down (+0), file 0, process down (reverse weight 0: fault only when up), BFD up.
        assertThat(t.result("VI_1", 100)).isEqualTo(new PriorityCalculator.Result(100, false));
        t.set(ETH1, Value.UP);
        t.set(new Key(Kind.FILE, "f"), Value.file(4));
        assertThat(t.result("VI_1", 100)).isEqualTo(new PriorityCalculator.Result(97, false));
        t.set(new Key(Kind.PROCESS, "p"), Value.UP);
        assertThat(t.result("VI_1", 100).fault()).isTrue();
        assertThat(t.result("VI_1", 255).effectivePriority()).as("the owner is never adjusted").isEqualTo(255);
    }

    @Test
    void aReloadKeepsTheStatesOfObjectsStillTracked() {
        TrackedPriorities t = new TrackedPriorities(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", -10, false))),
                Map.of());
        t.set(CHK, Value.DOWN);
        TrackedPriorities next = t.withInputs(Map.of("VI_1", List.of(new Input(Kind.SCRIPT, "chk", -30, false)),
                "VI_2", List.of(new Input(Kind.SCRIPT, "new", 0, false))), Map.of());
        assertThat(next.waiting("VI_1")).isFalse();
        assertThat(next.result("VI_1", 100).effectivePriority()).isEqualTo(70);
        assertThat(next.waiting("VI_2")).isTrue();
        assertThat(next.trackedKeys()).containsExactlyInAnyOrder(CHK, new Key(Kind.SCRIPT, "new"));
    }
}
