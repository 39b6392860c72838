package org.jkeepalived.ipvs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.ipvs.kernel.IpvsSyncDaemon.State;
import org.junit.jupiter.api.Test;

/** The contract against the fake, and what only the fake can tell (how much work was asked of it). */
class FakeIpvsKernelTest extends IpvsKernelContract {
    private final FakeIpvsKernel fake = new FakeIpvsKernel();

    @Override
    IpvsKernel kernel() {
        return fake;
    }

    @Test
    void countsChangesAndBatches() throws Exception {
        fake.apply(List.of(new IpvsChange.AddService(IpvsService.of(WEB, "rr")),
                new IpvsChange.AddDestination(WEB, RS1)));
        fake.addDestination(WEB, RS2);
        assertThat(fake.changes()).isEqualTo(3);
        assertThat(fake.batches()).isEqualTo(2);
        fake.flush();
        assertThat(fake.services()).isEmpty();
    }

    @Test
    void syncDaemonsStartOnceAndStop() throws Exception {
        IpvsSyncDaemon master = IpvsSyncDaemon.of(State.MASTER, "eth0", 7);
        fake.startSyncDaemon(master);
        assertThat(errno(() -> fake.startSyncDaemon(master))).isEqualTo(17);
        assertThat(fake.syncDaemons()).containsExactly(master);
        fake.stopSyncDaemon(State.MASTER);
        assertThat(errno(() -> fake.stopSyncDaemon(State.MASTER))).isEqualTo(3);
        fake.close();
        assertThat(fake.closed()).isTrue();
    }
}
