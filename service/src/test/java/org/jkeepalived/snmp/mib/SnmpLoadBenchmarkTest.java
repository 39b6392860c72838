package org.jkeepalived.snmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.control.FakeManagementCommands;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.snmp.SnmpAgent;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.vrrp.InstanceStatus;
import org.jkeepalived.vrrp.VrrpState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Benchmark (tag {@code bench}, run on demand by {@code bench/snmp-load/run.sh}; figures in docs/benchmarks.md):
 * the in-process agent over loopback with 1,000 VRRP instances (all MIB parts served).
 * <ul>
 *   <li>a full GETBULK walk (max-repetitions 50) of KEEPALIVED-MIB's vrrp subtree, best of 5;</li>
 *   <li>sustained GET throughput with {@code CLIENTS} synchronous managers, each asking 10 columns of a random
 *   instance per request, for {@code SECONDS}: requests per second and latency p50 / p99 / max.</li>
 * </ul>
 */
@Tag("bench")
class SnmpLoadBenchmarkTest {
    private static final int INSTANCES = Integer.getInteger("snmp.bench.instances", 1000);
    private static final int CLIENTS = Integer.getInteger("snmp.bench.clients", 4);
    private static final int SECONDS = Integer.getInteger("snmp.bench.seconds", 10);
    private static final OID VRRP = new OID("1.3.6.1.4.1.9586.100.5.2");
    private static final OID INSTANCE_ENTRY = new OID("1.3.6.1.4.1.9586.100.5.2.3.1");

    @Test
    void walkAndThroughputWithAThousandInstances() throws Exception {
        StatusSnapshot snapshot = snapshot();
        try (SnmpAgent agent = SnmpAgent.start(new SnmpAgentConfig(List.of("udp:127.0.0.1:0"),
                        List.of(new SnmpAgentConfig.Community("public", null, false)), List.of(), List.of(), true),
                () -> snapshot, Mibs.tree(new Served(true, true, true, true, false)),
                new SnmpWrites(() -> snapshot, new FakeManagementCommands()), "jkeepalived bench", Log.get("snmp"))) {
            String bound = agent.listening().get(0);
            UdpAddress address = new UdpAddress("127.0.0.1/" + bound.substring(bound.lastIndexOf(':') + 1));
            walk(address); // warm-up: the tree is built by the first request
            long best = Long.MAX_VALUE;
            int varbinds = 0;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                varbinds = walk(address);
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("WALK instances=%d varbinds=%d best_ms=%.1f varbinds_per_s=%.0f%n", INSTANCES,
                    varbinds, best / 1e6, varbinds / (best / 1e9));
            assertThat(varbinds).isGreaterThan(INSTANCES * 30);
            throughput(address);
        }
    }

    private static StatusSnapshot snapshot() {
        StringBuilder text = new StringBuilder("global_defs {\n router_id bench\n}\n");
        List<InstanceStatus> statuses = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            int vrid = (i - 1) % 255 + 1;
            text.append("vrrp_instance V").append(i).append(" {\n interface eth").append((i - 1) / 255 % 4)
                    .append("\n virtual_router_id ").append(vrid).append("\n priority 100\n advert_int 1\n")
                    .append(" virtual_ipaddress {\n  10.").append(i / 250).append('.').append(i % 250).append(".1/24\n")
                    .append(" }\n}\n");
            statuses.add(MibFixture.status("V" + i, vrid, 2, i % 2 == 0 ? VrrpState.MASTER : VrrpState.BACKUP, 100,
                    100));
        }
        KeepalivedConfig config = MibFixture.config(text.toString());
        return MibFixture.snapshot(config, statuses);
    }

    private static CommunityTarget<UdpAddress> target(UdpAddress address) {
        CommunityTarget<UdpAddress> t = new CommunityTarget<>(address, new OctetString("public"));
        t.setVersion(SnmpConstants.version2c);
        t.setTimeout(2_000);
        t.setRetries(0);
        return t;
    }

    /** snmpbulkwalk's way: GETBULK max-repetitions 50 until the subtree ends; returns the varbinds seen. */
    private static int walk(UdpAddress address) throws Exception {
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping();
        try (Snmp snmp = new Snmp(transport)) {
            transport.listen();
            CommunityTarget<UdpAddress> target = target(address);
            OID next = VRRP;
            int count = 0;
            while (true) {
                PDU pdu = new PDU();
                pdu.setType(PDU.GETBULK);
                pdu.setMaxRepetitions(50);
                pdu.add(new VariableBinding(next));
                ResponseEvent<UdpAddress> r = snmp.send(pdu, target);
                if (r.getResponse() == null) {
                    throw new AssertionError("no answer during the walk after " + count + " varbinds");
                }
                for (VariableBinding vb : r.getResponse().getVariableBindings()) {
                    if (!vb.getOid().startsWith(VRRP) || vb.isException()) {
                        return count;
                    }
                    count++;
                    next = vb.getOid();
                }
            }
        }
    }

    private static void throughput(UdpAddress address) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] timeouts = new int[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            long[] buffer = new long[2_000_000];
            latencies.add(buffer);
            int client = c;
            Thread t = new Thread(() -> {
                int n = 0;
                try {
                    DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping();
                    try (Snmp snmp = new Snmp(transport)) {
                        transport.listen();
                        CommunityTarget<UdpAddress> target = target(address);
                        while (running.get() && n < buffer.length - 1) {
                            int row = ThreadLocalRandom.current().nextInt(1, INSTANCES + 1);
                            PDU pdu = new PDU();
                            pdu.setType(PDU.GET);
                            for (int col = 2; col <= 11; col++) {
                                pdu.add(new VariableBinding(new OID(INSTANCE_ENTRY).append(col).append(row)));
                            }
                            long t0 = System.nanoTime();
                            ResponseEvent<UdpAddress> r = snmp.send(pdu, target);
                            long took = System.nanoTime() - t0;
                            if (r.getResponse() == null) {
                                timeouts[client]++;
                            } else {
                                buffer[++n] = took;
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                buffer[0] = n;
            }, "bench-client-" + c);
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(SECONDS * 1000L);
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = 0;
        for (long[] b : latencies) {
            total += (int) b[0];
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] b : latencies) {
            System.arraycopy(b, 1, all, at, (int) b[0]);
            at += (int) b[0];
        }
        assertThat(total).as("requests answered").isPositive();
        Arrays.sort(all);
        int lost = Arrays.stream(timeouts).sum();
        System.out.printf("GET clients=%d varbinds_per_request=10 requests=%d req_per_s=%.0f p50_us=%.0f p99_us=%.0f "
                        + "max_us=%.0f timeouts=%d%n", CLIENTS, total, total / seconds, all[total / 2] / 1e3,
                all[(int) (total * 0.99)] / 1e3, all[total - 1] / 1e3, lost);
        assertThat(total).isPositive();
    }
}
