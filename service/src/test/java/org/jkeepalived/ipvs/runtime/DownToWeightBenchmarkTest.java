package org.jkeepalived.ipvs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.check.CheckerRunner;
import org.jkeepalived.check.SocketReactor;
import org.jkeepalived.check.tcp.TcpProbe;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.lvs.TcpCheck;
import org.jkeepalived.ipvs.kernel.FakeIpvsKernel;
import org.jkeepalived.ipvs.kernel.IpvsChange;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.AcceptCloseListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's "time from a server going down to its weight change": N real servers with TCP_CHECK every second
 * (the checker scale load), one of them on a listener of its own that is killed and restarted R times; measured
 * from the kill to the moment the LVS runtime hands the weight change (inhibit_on_failure: weight 0) to the IPVS
 * port. The real CheckerRunner, SocketReactor, TcpProbe and LvsEngine run; the kernel is the fake (the netlink
 * cost of one change is measured in the VM, bench/ipvs-rate). Run on demand:
 * {@code mvn -o -pl service test -Dsurefire.excludedGroups=kernel -Dtest=DownToWeightBenchmarkTest -Dlvs.bench.servers=10000}.
 */
@Tag("bench")
class DownToWeightBenchmarkTest {

    @Test
    void fromAServerGoingDownToItsWeightChange() throws Exception {
        int servers = Integer.getInteger("lvs.bench.servers", 0);
        assumeTrue(servers > 0, "benchmark: run with -Dlvs.bench.servers=N");
        int rounds = Integer.getInteger("lvs.bench.rounds", 5);
        AcceptCloseListener.Running loading = AcceptCloseListener.start(AcceptCloseListener.command(0));
        Process load = loading.process();
        int loadPort = loading.port();
        AcceptCloseListener.Running victimListener = AcceptCloseListener.start(AcceptCloseListener.command(0));
        Process victim = victimListener.process();
        int victimPort = victimListener.port();
        StringBuilder conf = new StringBuilder();
        String timing = "      connect_timeout 1\n      retry 1\n      delay_before_retry 1\n";
        conf.append("virtual_server 10.255.0.1 80 {\n  delay_loop 1\n  protocol TCP\n  quorum 1\n")
                .append("  real_server 127.0.0.1 ").append(victimPort).append(" {\n    inhibit_on_failure\n")
                .append("    TCP_CHECK {\n").append(timing).append("    }\n  }\n}\n");
        for (int i = 1; i < servers; i++) {
            conf.append("virtual_server 10.").append(i / 65536).append('.').append(i / 256 % 256).append('.')
                    .append(i % 256).append(" 80 {\n  delay_loop 1\n  protocol TCP\n  real_server 127.0.0.1 ")
                    .append(loadPort).append(" {\n    TCP_CHECK {\n").append(timing).append("    }\n  }\n}\n");
        }
        KeepalivedConfig config = ConfigFixture.load(conf.toString()).config();
        assertThat(config.lvs().virtualServers()).hasSize(servers);
        List<Long> appliedAtNanos = Collections.synchronizedList(new ArrayList<>());
        RecordingIpvsKernel kernel = new RecordingIpvsKernel(new FakeIpvsKernel(), c -> {
            if (c instanceof IpvsChange.UpdateDestination u && u.destination().port() == victimPort) {
                appliedAtNanos.add(System.nanoTime());
            }
        });
        ExecutorService loop = Executors.newSingleThreadExecutor();
        List<Double> seconds = new ArrayList<>();
        Log quiet = Log.to((level, detail, message) -> { });
        try (SocketReactor reactor = SocketReactor.start("bench-reactor")) {
            LvsEngine engine = new LvsEngine(kernel, loop, sink -> {
                CheckerRunner<org.jkeepalived.ipvs.sync.VirtualServers.RealServerId> runner = CheckerRunner.start(
                        (rs, c) -> TcpProbe.of(reactor, rs, (TcpCheck) c), sink, quiet);
                return new HealthCheckers() {
                    public void add(org.jkeepalived.ipvs.sync.VirtualServers.RealServerId id,
                                    org.jkeepalived.config.model.lvs.RealServer rs, Boolean up) {
                        runner.add(id, rs, up);
                    }

                    public void report(org.jkeepalived.ipvs.sync.VirtualServers.RealServerId id, int i, boolean up,
                                       String reason, Integer weight) {
                        runner.report(id, i, up, reason, weight);
                    }

                    public void suspend(org.jkeepalived.ipvs.sync.VirtualServers.RealServerId id, boolean s) {
                        runner.suspend(id, s);
                    }

                    public void remove(org.jkeepalived.ipvs.sync.VirtualServers.RealServerId id) {
                        runner.remove(id);
                    }

                    public void close() {
                        runner.close();
                    }
                };
            }, e -> { }, quiet);
            engine.start(config);
            Thread.sleep(5_000); // bootstrap, warmup spread and JIT
            for (int r = 0; r < rounds; r++) {
                int before = appliedAtNanos.size();
                long killed = System.nanoTime();
                victim.destroyForcibly();
                victim.waitFor();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (appliedAtNanos.size() == before && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(appliedAtNanos).as("the weight change of round " + r).hasSizeGreaterThan(before);
                seconds.add((appliedAtNanos.get(before) - killed) / 1e9);
                victim = AcceptCloseListener.start(AcceptCloseListener.command(victimPort)).process();
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (appliedAtNanos.size() == before + 1 && System.nanoTime() < deadline) {
                    Thread.sleep(5); // back up: weight restored
                }
                Thread.sleep(1_000);
            }
            engine.stop(true);
        } finally {
            loop.shutdownNow();
            load.destroy();
            victim.destroy();
        }
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        System.out.printf("BENCH servers=%d rounds=%d down-to-weight s: min %.3f median %.3f max %.3f all %s%n",
                servers, rounds, sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), seconds);
    }
}
