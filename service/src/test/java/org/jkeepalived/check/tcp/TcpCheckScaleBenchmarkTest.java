package org.jkeepalived.check.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletableFuture;
import org.jkeepalived.check.CheckerRunner;
import org.jkeepalived.check.CheckerStateChanged;
import org.jkeepalived.check.Probe;
import org.jkeepalived.check.ProbeResult;
import org.jkeepalived.check.SocketReactor;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.TcpCheck;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.AcceptCloseListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's checker scale figure: N real servers with TCP_CHECK every second against a local listener
 * (a python3 accept-and-close loop in its own process, so that its CPU is not counted). Runs only with
 * {@code -Dcheck.bench.servers=N}; prints the JVM's CPU share of one core and the heap in use. Tagged
 * {@code bench}, which the normal test run leaves out:
 * {@code mvn -o -pl service test -Dsurefire.excludedGroups=kernel -Dtest=TcpCheckScaleBenchmarkTest -Dcheck.bench.servers=10000}.
 */
@Tag("bench")
class TcpCheckScaleBenchmarkTest {

    @Test
    void tcpChecksPerSecond() throws Exception {
        int servers = Integer.getInteger("check.bench.servers", 0);
        assumeTrue(servers > 0, "benchmark: run with -Dcheck.bench.servers=N");
        int seconds = Integer.getInteger("check.bench.seconds", 20);
        AcceptCloseListener.Running running = AcceptCloseListener.start(AcceptCloseListener.command(0));
        Process listener = running.process();
        try {
            int port = running.port();
            InetAddress loopback = InetAddress.getLoopbackAddress();
            var timing = new CheckerTiming(1_000_000, 1_000_000, 1, 1_000_000, false, false);
            var check = new TcpCheck(timing, new CheckerConnection(loopback, port, null, 0, null, 0, 5_000_000));
            AtomicLong attempts = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            List<CheckerStateChanged<Integer>> downs = new ArrayList<>();
            try (SocketReactor reactor = SocketReactor.start("bench-reactor");
                 CheckerRunner<Integer> runner = CheckerRunner.start((rs, c) -> counting(
                         TcpProbe.of(reactor, rs, (TcpCheck) c), attempts, failures),
                         e -> {
                             synchronized (downs) {
                                 downs.add(e);
                             }
                         }, Log.to((level, detail, message) -> { }))) {
                for (int i = 0; i < servers; i++) {
                    runner.add(i, new RealServer(loopback, port, 1, null, 0, 0, false, false, null, null, false,
                            null, null, List.of(check)));
                }
                Thread.sleep(5_000); // bootstrap, warmup spread and JIT
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                var threads = ManagementFactory.getThreadMXBean();
                java.util.Map<String, long[]> before = threadTimes(threads);
                long cpu0 = os.getProcessCpuTime();
                long attempts0 = attempts.get();
                long wall0 = System.nanoTime();
                Thread.sleep(seconds * 1_000L);
                long cpu = os.getProcessCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                long done = attempts.get() - attempts0;
                java.util.Map<String, long[]> after = threadTimes(threads);
                for (String name : List.of("bench-reactor", "checkers")) {
                    long[] b = before.getOrDefault(name, new long[2]);
                    long[] a = after.getOrDefault(name, new long[2]);
                    System.out.printf("BENCH thread %s cpu=%.1f%% (user %.1f%%)%n", name, 100.0 * (a[0] - b[0]) / wall,
                            100.0 * (a[1] - b[1]) / wall);
                }
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("BENCH servers=%d checks/s=%.0f cpu=%.1f%% of one core heap-after-gc=%d MiB"
                                + " failures=%d state-changes=%d%n", servers, done * 1e9 / wall, 100.0 * cpu / wall,
                        heap >> 20, failures.get(), downs.size());
                assertThat(done).isPositive();
            }
        } finally {
            listener.destroy();
            listener.waitFor();
        }
    }

    private static java.util.Map<String, long[]> threadTimes(java.lang.management.ThreadMXBean threads) {
        java.util.Map<String, long[]> times = new java.util.HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                times.put(info.getThreadName(), new long[] {threads.getThreadCpuTime(info.getThreadId()),
                        threads.getThreadUserTime(info.getThreadId())});
            }
        }
        return times;
    }

    private static Probe counting(Probe probe, AtomicLong attempts, AtomicLong failures) {
        return new Probe() {
            @Override
            public CompletableFuture<ProbeResult> attempt() {
                return probe.attempt().thenApply(r -> {
                    attempts.incrementAndGet();
                    if (!r.up()) {
                        failures.incrementAndGet();
                    }
                    return r;
                });
            }

            @Override
            public void close() {
                probe.close();
            }
        };
    }
}
