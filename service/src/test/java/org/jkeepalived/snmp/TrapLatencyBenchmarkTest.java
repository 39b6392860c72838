package org.jkeepalived.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.EventBus;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.snmp.mib.Mibs;
import org.jkeepalived.snmp.mib.TrapMapper;
import org.jkeepalived.status.StatusSnapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.PDU;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;

/**
 * Benchmark (tag {@code bench}, run by {@code bench/snmp-load/run.sh}; figures in docs/benchmarks.md): from an
 * instance's state change published on the event bus to its vrrpInstanceStateChange trap arriving at a receiver on
 * loopback, through the daemon's path: {@link EventBus}, {@link TrapForwarder}, {@link TrapMapper}, the agent's
 * notification sender. Issue 7's goal: within 100 ms.
 */
@Tag("bench")
class TrapLatencyBenchmarkTest {
    private static final int EVENTS = Integer.getInteger("snmp.bench.traps", 1000);
    private static final OID INSTANCE_STATE_CHANGE = new OID("1.3.6.1.4.1.9586.100.5.2.10.0.2");

    @Test
    void fromTheBusToTheReceiver() throws Exception {
        KeepalivedConfig config = ConfigFixture.load("""
                global_defs {
                  router_id bench
                  enable_traps
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
        StatusSnapshot snapshot = new StatusSnapshot(1, System.nanoTime(), System.nanoTime(), "bench", config,
                List.of(), List.of(), List.of(), null, Map.of());
        Served served = new Served(true, false, true, true, true);
        EventBus bus = new EventBus(Log.get("notify"));
        try (SnmpPeer receiver = new SnmpPeer();
             SnmpAgent agent = SnmpAgent.start(new SnmpAgentConfig(List.of("udp:127.0.0.1:0"), List.of(), List.of(),
                             List.of(new SnmpAgentConfig.TrapSink("udp:127.0.0.1:" + receiver.port(), "public", null,
                                     false)), true), () -> snapshot, Mibs.tree(served), MibWrites.NONE, "bench",
                     Log.get("snmp"))) {
            bus.subscribe("snmp-traps", new TrapForwarder(TrapMapper.of(served), () -> snapshot, agent::send));
            Event.Target target = new Event.Target(Event.TargetType.INSTANCE, "VI_1", NotifyScripts.none(), false,
                    false);
            long[] latency = new long[EVENTS];
            for (int i = 0; i < EVENTS; i++) {
                Event.NotifyState state = i % 2 == 0 ? Event.NotifyState.MASTER : Event.NotifyState.BACKUP;
                long t0 = System.nanoTime();
                bus.publish(new Event.VrrpStateChanged(target, state, 100, "bench"));
                while (true) {
                    CommandResponderEvent<?> e = receiver.received.poll(5, TimeUnit.SECONDS);
                    assertThat(e).as("trap %d", i).isNotNull();
                    PDU pdu = e.getPDU();
                    if (INSTANCE_STATE_CHANGE.equals(pdu.getVariable(SnmpConstants.snmpTrapOID))) {
                        latency[i] = System.nanoTime() - t0;
                        break;
                    }
                }
                Thread.sleep(2); // let the RFC new-master traps of a MASTER pass before the next event
                receiver.received.clear();
            }
            Arrays.sort(latency);
            System.out.printf("TRAP events=%d p50_us=%.0f p99_us=%.0f max_us=%.0f%n", EVENTS,
                    latency[EVENTS / 2] / 1e3, latency[(int) (EVENTS * 0.99)] / 1e3, latency[EVENTS - 1] / 1e3);
            assertThat(latency[EVENTS - 1]).isPositive();
        } finally {
            bus.close();
        }
    }
}
