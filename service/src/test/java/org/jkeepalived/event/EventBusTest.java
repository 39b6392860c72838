package org.jkeepalived.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.testsupport.Await.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event stream: order per subscriber, isolation between subscribers, bounded queues, failures counted. */
class EventBusTest {
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final EventBus bus = new EventBus(Log.to((l, d, m) -> logged.add(m)));

    @AfterEach
    void close() {
        bus.close(500);
    }

    private static Event tracker(int i) {
        return new Event.TrackerChanged("script", "s" + i, true, i);
    }

    @Test
    void eachSubscriberSeesEveryEventInOrderWhileASlowOneHoldsOnlyItself() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Event> fast = new CopyOnWriteArrayList<>();
        List<Event> slow = new CopyOnWriteArrayList<>();
        bus.subscribe("slow", e -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            slow.add(e);
        });
        EventBus.Subscription f = bus.subscribe("fast", fast::add);
        for (int i = 0; i < 100; i++) {
            bus.publish(tracker(i)); // never waits for the slow subscriber
        }
        await("fast got all", 2_000, () -> fast.size() == 100);
        assertThat(slow).isEmpty();
        assertThat(fast).extracting(e -> ((Event.TrackerChanged) e).value()).isSorted();
        assertThat(f.delivered()).isEqualTo(100);
        release.countDown();
        await("slow got all", 2_000, () -> slow.size() == 100);
        assertThat(slow).containsExactlyElementsOf(fast);
    }

    @Test
    void aFullQueueDropsAndCountsAndAThrowingHandlerIsCountedAndSkipped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        EventBus.Subscription stuck = bus.subscribe("stuck", e -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, 4);
        List<Event> after = new CopyOnWriteArrayList<>();
        EventBus.Subscription throwing = bus.subscribe("throwing", e -> {
            if (((Event.TrackerChanged) e).value() == 1) {
                throw new IllegalStateException("boom");
            }
            after.add(e);
        });
        for (int i = 0; i < 20; i++) {
            bus.publish(tracker(i));
        }
        await("throwing subscriber went on", 2_000, () -> after.size() == 19);
        assertThat(throwing.failed()).isEqualTo(1);
        assertThat(logged).anyMatch(m -> m.contains("throwing") && m.contains("boom"));
        // One event in the handler, four queued: the rest are dropped and counted.
        assertThat(stuck.dropped()).isBetween(14L, 16L);
        release.countDown();
    }

    @Test
    void closeDeliversWhatIsQueuedThenRefusesMore() {
        List<Event> got = new CopyOnWriteArrayList<>();
        bus.subscribe("a", got::add);
        for (int i = 0; i < 50; i++) {
            bus.publish(tracker(i));
        }
        bus.close(2_000);
        assertThat(got).hasSize(50);
        bus.publish(tracker(99));
        assertThat(got).hasSize(50);
    }
}
