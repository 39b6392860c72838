package org.jkeepalived.check.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.config.model.lvs.FileCheck;
import org.jkeepalived.track.TrackerUpdate;
import org.junit.jupiter.api.Test;

class FileProbeTest {
    private static FileCheck check(long weight, boolean reverse, boolean dynamic) {
        return new FileCheck("tf", weight, reverse, dynamic);
    }

    @Test
    void weightZeroFailsOnAnyNonZeroValue() {
        FileCheck c = check(0, false, true);
        assertThat(FileProbe.judge(c, 0)).isEqualTo(ProbeResult.success());
        assertThat(FileProbe.judge(c, 3).reason()).isEqualTo("FILE_CHECK (tf) value 3 is not 0 (weight 0)");
        assertThat(FileProbe.judge(c, -1).up()).isFalse();
        assertThat(FileProbe.weightDelta(c, 0)).isZero();
    }

    @Test
    void scaledValueFailsOnlyInTheFaultRange() {
        FileCheck c = check(2, false, false);
        assertThat(FileProbe.judge(c, 5).up()).isTrue();
        assertThat(FileProbe.judge(c, -5).up()).isTrue();
        assertThat(FileProbe.judge(c, -1_073_741_823).up()).isTrue(); // -2147483646
        assertThat(FileProbe.judge(c, -1_073_741_824).reason())
                .isEqualTo("FILE_CHECK (tf) value -1073741824 x weight 2 = -2147483648 is in the fault range");
        assertThat(FileProbe.judge(check(1, true, false), 2_147_483_648L).up()).as("reverse").isFalse();
        assertThat(FileProbe.judge(check(1, false, false), Long.MIN_VALUE).up()).as("clamped, still fault").isFalse();
        assertThat(FileProbe.judge(check(1, false, false), Long.MAX_VALUE).up()).isTrue();
    }

    @Test
    void dynamicAddsTheScaledValueToTheWeight() {
        assertThat(FileProbe.weightDelta(check(3, false, true), 4)).isEqualTo(12);
        assertThat(FileProbe.weightDelta(check(3, true, true), 4)).isEqualTo(-12);
        assertThat(FileProbe.weightDelta(check(3, false, false), 4)).as("not dynamic").isZero();
        assertThat(FileProbe.weightDelta(check(1, false, true), -2_147_483_648L)).as("failing").isZero();
    }

    @Test
    void followsUpdatesOfItsOwnFileOnly() throws Exception {
        FileProbe p = new FileProbe(check(0, false, false));
        assertThat(p.attempt().get(1, TimeUnit.SECONDS).up()).as("no value yet counts as 0").isTrue();
        assertThat(p.accept(TrackerUpdate.file("other", 1))).isFalse();
        assertThat(p.result().up()).isTrue();
        assertThat(p.accept(TrackerUpdate.file("tf", 1))).isTrue();
        assertThat(p.attempt().get(1, TimeUnit.SECONDS).up()).isFalse();
        assertThat(p.accept(TrackerUpdate.script("tf", TrackerUpdate.Status.DOWN))).isFalse();
        assertThat(p.accept(TrackerUpdate.file("tf", 0))).isTrue();
        assertThat(p.result().up()).isTrue();
    }
}
