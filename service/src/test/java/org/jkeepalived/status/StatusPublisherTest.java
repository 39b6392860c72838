package org.jkeepalived.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.event.Event;
import org.jkeepalived.ipvs.runtime.LvsStatus;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.NewMasterReason;
import org.jkeepalived.vrrp.VrrpState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusPublisherTest {
    private static final KeepalivedConfig CONFIG = ConfigFixture.load("""
            vrrp_sync_group G1 {
              group {
                VI_1
              }
            }
            vrrp_instance VI_1 {
              interface eth0
              virtual_router_id 51
              priority 100
              virtual_ipaddress {
                192.0.2.10
              }
            }
            """).config();

    private final AtomicReference<VrrpState> state = new AtomicReference<>(VrrpState.BACKUP);
    private final AtomicInteger vrrpCalls = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final StatusPublisher publisher = new StatusPublisher("jkeepalived test", 0, new StatusPublisher.Sources() {
        @Override
        public KeepalivedConfig config() {
            return CONFIG;
        }

        @Override
        public List<InstanceStatus> vrrp() {
            vrrpCalls.incrementAndGet();
            if (failure.get() != null) {
                throw failure.get();
            }
            return List.of(new InstanceStatus("VI_1", 51, 2, state.get(), 100, 100, null, 0, 0, 0, 0, 0, 0, Map.of(),
                    true, NewMasterReason.NOT_MASTER, null, InstanceStatus.NEVER, InstanceStatus.NEVER));
        }

        @Override
        public LvsStatus lvs() {
            return null;
        }

        @Override
        public List<TrackerStatus> trackers() {
            return List.of();
        }

        @Override
        public Map<String, InterfaceInfo> interfaces(KeepalivedConfig config) {
            return Map.of("eth0", new InterfaceInfo("eth0", 7, new byte[6], null, null));
        }
    }, System::nanoTime, Log.to((level, detail, message) -> { }));

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void beforeAnyRefreshTheSnapshotIsEmptyAndEachRefreshIsANewGeneration() {
        assertThat(publisher.current().config()).isNull();
        assertThat(publisher.current().instances()).isEmpty();
        StatusSnapshot first = publisher.refresh();
        StatusSnapshot second = publisher.refresh();
        assertThat(second.generation()).isGreaterThan(first.generation());
        assertThat(publisher.current()).isSameAs(second);
        assertThat(second.instance("VI_1").state()).isEqualTo(VrrpState.BACKUP);
        assertThat(second.interfaces().get("eth0").ifIndex()).isEqualTo(7);
        assertThat(second.syncGroups().get("G1").state()).isEqualTo(VrrpState.INIT);
        assertThat(second.lvs().virtualServers()).isEmpty();
    }

    @Test
    void aStateChangeIsPublishedSoonAfterItsEventAndGroupsTakeTheirAnnouncedState() throws Exception {
        publisher.start(60_000); // the period alone would not refresh again during this test
        await("first snapshot", 2_000, () -> publisher.current().generation() == 1);
        state.set(VrrpState.MASTER);
        publisher.accept(new Event.VrrpStateChanged(new Event.Target(Event.TargetType.GROUP, "G1",
                NotifyScripts.none(), false, false), Event.NotifyState.MASTER, 0, "sync group"));
        await("the new state", 1_000, () -> publisher.current().instance("VI_1").state() == VrrpState.MASTER);
        assertThat(publisher.current().syncGroups().get("G1").state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void eventsThatChangeNoStateDoNotRefreshAndAFailingSourceKeepsThePreviousSnapshot() throws Exception {
        publisher.start(60_000);
        await("first snapshot", 2_000, () -> publisher.current().generation() == 1);
        int calls = vrrpCalls.get();
        publisher.accept(new Event.VrrpStatesRestated(List.of()));
        Thread.sleep(4 * StatusPublisher.EVENT_COALESCE_MILLIS);
        assertThat(vrrpCalls.get()).isEqualTo(calls);

        failure.set(new IllegalStateException("the loop did not answer"));
        publisher.accept(new Event.TrackerChanged("script", "chk", true, 0));
        await("the failing refresh ran", 1_000, () -> vrrpCalls.get() > calls);
        Thread.sleep(50);
        assertThat(publisher.current().generation()).isEqualTo(1);
        assertThat(publisher.current().instance("VI_1")).isNotNull();
    }
}
