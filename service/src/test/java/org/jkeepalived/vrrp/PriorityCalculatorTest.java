package org.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.vrrp.PriorityCalculator.Result;
import org.jkeepalived.vrrp.PriorityCalculator.Tracker.FileValue;
import org.jkeepalived.vrrp.PriorityCalculator.Tracker.State;
import org.junit.jupiter.api.Test;

/** c.10 / c.4 arithmetic. */
class PriorityCalculatorTest {

    @Test
    void positiveWeightAddsWhileUpNegativeWeightSubtractsWhileDown() {
        assertThat(PriorityCalculator.compute(100, List.of(new State(20, false, true), new State(-30, false, true))))
                .isEqualTo(new Result(120, false));
        assertThat(PriorityCalculator.compute(100, List.of(new State(20, false, false), new State(-30, false, false))))
                .isEqualTo(new Result(70, false));
    }

    @Test
    void reverseNegatesTheContribution() {
        assertThat(PriorityCalculator.compute(100, List.of(new State(20, true, true)))).isEqualTo(new Result(80, false));
        assertThat(PriorityCalculator.compute(100, List.of(new State(-20, true, false)))).isEqualTo(new Result(120, false));
    }

    @Test
    void clampedTo1Through254() {
        assertThat(PriorityCalculator.compute(250, List.of(new State(50, false, true))).effectivePriority()).isEqualTo(254);
        assertThat(PriorityCalculator.compute(10, List.of(new State(-50, false, false))).effectivePriority()).isEqualTo(1);
    }

    @Test
    void ownerNeverAdjusted() {
        assertThat(PriorityCalculator.compute(255, List.of(new State(-50, false, false)))).isEqualTo(new Result(255, false));
    }

    @Test
    void weightZeroFailureIsFault() {
        assertThat(PriorityCalculator.compute(100, List.of(new State(0, false, false)))).isEqualTo(new Result(100, true));
        assertThat(PriorityCalculator.compute(100, List.of(new State(0, false, true))).fault()).isFalse();
        assertThat(PriorityCalculator.compute(100, List.of(new State(0, true, true))).fault()).isTrue();
        assertThat(PriorityCalculator.compute(255, List.of(new State(0, false, false))).fault()).isTrue();
    }

    @Test
    void trackFileValueTimesWeight() {
        assertThat(PriorityCalculator.compute(100, List.of(new FileValue(2, false, 5)))).isEqualTo(new Result(110, false));
        assertThat(PriorityCalculator.compute(100, List.of(new FileValue(2, true, 5)))).isEqualTo(new Result(90, false));
        assertThat(PriorityCalculator.compute(100, List.of(new FileValue(0, false, 1))).fault()).isTrue();
        assertThat(PriorityCalculator.compute(100, List.of(new FileValue(-1, false, 254))).fault()).isTrue();
    }
}
