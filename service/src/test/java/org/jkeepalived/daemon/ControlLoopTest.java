package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.daemon.ControlLoop.Command;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.Test;

class ControlLoopTest {
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final ControlLoop loop = new ControlLoop(Log.to((level, detail, m) -> logged.add(m)));
    private final List<String> done = new CopyOnWriteArrayList<>();

    private final ControlLoop.Handler handler = new ControlLoop.Handler() {
        @Override
        public void reload() {
            done.add("reload");
        }

        @Override
        public void dumpData() {
            done.add("data");
        }

        @Override
        public void dumpStats() {
            done.add("stats");
        }

        @Override
        public void dumpJson() {
            done.add("json");
        }

        @Override
        public void clearStats() {
            done.add("clear");
        }
    };

    @Test
    void runsCommandsInOrderUntilStop() throws Exception {
        loop.submit(Command.DUMP_DATA);
        loop.submit(Command.RELOAD);
        loop.submit(Command.DUMP_STATS);
        loop.submit(Command.STOP);
        loop.submit(Command.DUMP_DATA);
        // STOP is pending from the start: it wins over the queued work.
        loop.run(handler);
        assertThat(done).isEmpty();
    }

    @Test
    void reloadsQueuedBeforeAReloadStartsCollapseIntoIt() throws Exception {
        loop.submit(Command.RELOAD);
        loop.submit(Command.DUMP_DATA);
        loop.submit(Command.RELOAD);
        loop.submit(Command.RELOAD);
        loop.submit(Command.DUMP_STATS);
        Thread t = runInBackground(handler, null);
        waitFor(() -> done.size() >= 3);
        loop.submit(Command.STOP);
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
        assertThat(done).containsExactly("reload", "data", "stats");
    }

    @Test
    void aStopArrivingDuringAReloadIsHandledWhenTheReloadEnds() throws Exception {
        CountDownLatch inReload = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        ControlLoop.Handler slow = new ControlLoop.Handler() {
            @Override
            public void reload() {
                inReload.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.add("reload finished");
            }

            @Override
            public void dumpData() {
                order.add("data");
            }

            @Override
            public void dumpStats() {
                order.add("stats");
            }

            @Override
            public void dumpJson() {
            }

            @Override
            public void clearStats() {
            }
        };
        loop.submit(Command.RELOAD);
        Thread t = runInBackground(slow, () -> order.add("stopped"));
        assertThat(inReload.await(5, TimeUnit.SECONDS)).isTrue();
        loop.submit(Command.RELOAD);
        loop.submit(Command.STOP);
        loop.submit(Command.DUMP_DATA);
        release.countDown();
        t.join(5000);
        assertThat(order).containsExactly("reload finished", "stopped");
    }

    @Test
    void aFailingCommandIsLoggedAndTheLoopGoesOn() throws Exception {
        ControlLoop.Handler failing = new ControlLoop.Handler() {
            @Override
            public void reload() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void dumpData() {
                done.add("data");
            }

            @Override
            public void dumpStats() {
            }

            @Override
            public void dumpJson() {
            }

            @Override
            public void clearStats() {
            }
        };
        loop.submit(Command.RELOAD);
        Thread t = runInBackground(failing, null);
        waitFor(() -> !logged.isEmpty());
        loop.submit(Command.DUMP_DATA);
        waitFor(() -> !done.isEmpty());
        loop.submit(Command.STOP);
        t.join(5000);
        assertThat(logged).containsExactly("Error handling RELOAD: java.lang.IllegalStateException: boom");
        assertThat(done).containsExactly("data");
    }

    @Test
    void submittingFromManyThreadsAtOnceLosesNothing() throws Exception {
        Thread[] senders = new Thread[8];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = new Thread(() -> {
                for (int j = 0; j < 100; j++) {
                    loop.submit(Command.DUMP_STATS);
                }
            });
            senders[i].start();
        }
        for (Thread s : senders) {
            s.join();
        }
        int n = 0;
        while (n < 800) {
            assertThat(loop.next()).isEqualTo(Command.DUMP_STATS);
            n++;
        }
    }

    @Test
    void theRealTimeSignalsCommandsRunTheirHandlers() throws Exception {
        loop.submit(Command.DUMP_JSON);
        loop.submit(Command.CLEAR_STATS);
        Thread t = runInBackground(handler, null);
        waitFor(() -> done.size() == 2);
        loop.submit(Command.STOP);
        t.join(5000);
        assertThat(done).containsExactly("json", "clear");
    }

    /** Runs the loop on its own thread, then {@code afterStop} (if any) once it returned. */
    private Thread runInBackground(ControlLoop.Handler h, Runnable afterStop) {
        Thread t = new Thread(() -> {
            try {
                loop.run(h);
                if (afterStop != null) {
                    afterStop.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
