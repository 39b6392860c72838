package org.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.TcpCheck;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduling shell, with fake probes and the real scheduler (short timings). */
class CheckerRunnerTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<CheckerStateChanged<String>> events = new CopyOnWriteArrayList<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Log log = Log.to((level, detail, message) -> logLines.add(message));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A probe whose answer the test switches. */
    static final class SwitchProbe implements Probe {
        final AtomicBoolean up = new AtomicBoolean(true);
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public CompletableFuture<ProbeResult> attempt() {
            attempts.incrementAndGet();
            return CompletableFuture.completedFuture(up.get() ? ProbeResult.success()
                    : ProbeResult.failure("TCP connection to [10.0.0.2]:tcp:80 failed"));
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static TcpCheck tcp(int port, boolean alpha) throws Exception {
        var timing = new CheckerTiming(20_000, 0, 1, 5_000, alpha, false);
        return new TcpCheck(timing, new CheckerConnection(InetAddress.getByName("10.0.0.2"), port, null, 0, null, 0,
                1_000_000));
    }

    private static RealServer server(List<Checker> checkers) throws Exception {
        return new RealServer(InetAddress.getByName("10.0.0.2"), 80, 1, null, 0, 0, false, false, null, null,
                false, null, null, checkers);
    }

    private CheckerRunner<String> runner(List<SwitchProbe> probes) {
        var queue = new ConcurrentLinkedQueue<>(probes);
        return new CheckerRunner<>(scheduler, (rs, checker) -> queue.poll(), events::add, log, () -> 0.0,
                () -> System.nanoTime() / 1000);
    }

    @Test
    void aRealServerGoesDownWithOneFailedCheckerAndUpWhenAllAreUp() throws Exception {
        SwitchProbe a = new SwitchProbe();
        SwitchProbe b = new SwitchProbe();
        CheckerRunner<String> runner = runner(List.of(a, b));
        runner.add("rs1", server(List.of(tcp(80, false), tcp(81, false))));
        Await.await("first attempts", 5_000, () -> a.attempts.get() >= 2 && b.attempts.get() >= 2);
        assertThat(events).isEmpty();
        assertThat(runner.realServerUp("rs1")).contains(true);

        b.up.set(false);
        Await.await("b down", 5_000, () -> !events.isEmpty());
        CheckerStateChanged<String> down = events.get(0);
        assertThat(down.checkerIndex()).isEqualTo(1);
        assertThat(down.checkerUp()).isFalse();
        assertThat(down.realServerUp()).isFalse();
        assertThat(down.realServerChanged()).isTrue();
        assertThat(down.reason()).isEqualTo("TCP connection to [10.0.0.2]:tcp:80 failed");
        assertThat(runner.realServerUp("rs1")).contains(false);
        assertThat(logLines).contains("TCP_CHECK on service [10.0.0.2]:tcp:81 failed after 1 retries.");

        a.up.set(false);
        Await.await("a down", 5_000, () -> events.size() >= 2);
        assertThat(events.get(1).realServerChanged()).isFalse();
        b.up.set(true);
        Await.await("b up", 5_000, () -> events.size() >= 3);
        assertThat(events.get(2).realServerUp()).isFalse();
        a.up.set(true);
        Await.await("a up", 5_000, () -> events.size() >= 4);
        assertThat(events.get(3).realServerUp()).isTrue();
        assertThat(events.get(3).realServerChanged()).isTrue();
        assertThat(logLines).contains("TCP connection to [10.0.0.2]:tcp:80 success.");

        runner.remove("rs1");
        Await.await("probes closed", 5_000, () -> a.closed.get() && b.closed.get());
        int attempts = a.attempts.get();
        Thread.sleep(60);
        assertThat(a.attempts.get()).isEqualTo(attempts);
        assertThat(runner.realServerUp("rs1")).isEmpty();
    }

    @Test
    void alphaStartsDownAndAFailingSinkDoesNotStopTheRunner() throws Exception {
        SwitchProbe a = new SwitchProbe();
        List<CheckerStateChanged<String>> seen = new ArrayList<>();
        var runner = new CheckerRunner<String>(scheduler, (rs, c) -> a, e -> {
            seen.add(e);
            throw new IllegalStateException("subscriber broke");
        }, log, () -> 0.0, () -> System.nanoTime() / 1000);
        a.up.set(false);
        runner.add("rs", server(List.of(tcp(80, true))));
        Await.await("first attempt", 5_000, () -> a.attempts.get() >= 1);
        Await.await("known", 5_000, () -> runner.realServerUp("rs").isPresent());
        assertThat(runner.realServerUp("rs")).contains(false);
        a.up.set(true);
        Await.await("up", 5_000, () -> runner.realServerUp("rs").orElse(false));
        assertThat(seen).hasSize(1);
        assertThat(logLines).anyMatch(l -> l.contains("subscriber broke"));
        a.up.set(false);
        Await.await("down again", 5_000, () -> !runner.realServerUp("rs").orElse(true));
        runner.close();
    }

    @Test
    void untimedCheckersCountThroughReport() throws Exception {
        SwitchProbe a = new SwitchProbe();
        CheckerRunner<String> runner = runner(List.of(a));
        runner.add("rs", server(List.of(tcp(80, false), new org.jkeepalived.config.model.lvs.FileCheck("tf", 0,
                false, false))));
        Await.await("known", 5_000, () -> runner.realServerUp("rs").isPresent());
        assertThat(runner.realServerUp("rs")).contains(true);
        runner.report("rs", 1, false, "track file tf says down");
        Await.await("file check down", 5_000, () -> events.size() == 1);
        assertThat(events.get(0)).isEqualTo(new CheckerStateChanged<>("rs", 1, "FILE_CHECK", false,
                "track file tf says down", false, true, null));
        runner.report("rs", 7, true, "");
        runner.report("rs", 1, true, "");
        Await.await("file check up", 5_000, () -> events.size() == 2);
        assertThat(events.get(1).realServerUp()).isTrue();
        assertThat(logLines).contains("no checker 7 on rs - ignoring its state");
        runner.close();
    }

    @Test
    void aProbeThatNeverAnswersIsFailedByTheGuard() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Probe hung = () -> {
            attempts.incrementAndGet();
            return new CompletableFuture<>(); // a defective probe: never completes
        };
        var runner = new CheckerRunner<String>(scheduler, (rs, c) -> hung, events::add, log, () -> 0.0,
                () -> System.nanoTime() / 1000, 50_000);
        var timing = new CheckerTiming(20_000, 0, 0, 5_000, false, false);
        runner.add("rs", server(List.of(new TcpCheck(timing, new CheckerConnection(InetAddress.getByName("10.0.0.2"),
                80, null, 0, null, 0, 100_000)))));
        Await.await("guard fails it", 5_000, () -> !events.isEmpty());
        assertThat(events.get(0).reason()).isEqualTo("TCP_CHECK probe did not answer");
        assertThat(events.get(0).realServerUp()).isFalse();
        Await.await("attempts go on", 5_000, () -> attempts.get() >= 2);
        runner.close();
    }
}
