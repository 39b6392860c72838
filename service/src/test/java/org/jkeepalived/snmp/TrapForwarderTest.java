package org.jkeepalived.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.event.Event;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

class TrapForwarderTest {
    final StatusSnapshot snapshot = StatusSnapshot.empty("test", 0);
    final List<String> logged = new ArrayList<>();
    final List<SnmpNotification> sent = new ArrayList<>();
    final Event event = new Event.VrrpStateChanged(new Event.Target(Event.TargetType.INSTANCE, "VI_1", null, false,
            false), Event.NotifyState.MASTER, 100, "test");

    @Test
    void theMapperSeesTheEventAndTheLatestSnapshotAndEveryNotificationIsSent() {
        List<Object> seen = new ArrayList<>();
        TrapForwarder f = new TrapForwarder((e, s) -> {
            seen.add(e);
            seen.add(s);
            return List.of(new SnmpNotification(new OID("1.2.3"), List.of()),
                    new SnmpNotification(new OID("1.2.4"), List.of()));
        }, () -> snapshot, sent::add, Log.to((l, d, m) -> logged.add(m)));
        f.accept(event);
        assertThat(seen).containsExactly(event, snapshot);
        assertThat(sent).extracting(SnmpNotification::trapOid).containsExactly(new OID("1.2.3"), new OID("1.2.4"));
        assertThat(logged).isEmpty();
    }

    @Test
    void aFailingMapperIsLoggedWithTheEventAndNotPropagated() {
        TrapForwarder f = new TrapForwarder((e, s) -> {
            throw new IllegalStateException("no such instance row");
        }, () -> snapshot, sent::add, Log.to((l, d, m) -> logged.add(l + " " + m)));
        f.accept(event);
        assertThat(sent).isEmpty();
        assertThat(logged).singleElement().asString().startsWith("ERROR").contains("VI_1")
                .contains("no such instance row");
    }

    @Test
    void aFailingSenderDoesNotStopTheOtherNotifications() {
        List<SnmpNotification> delivered = new ArrayList<>();
        TrapForwarder f = new TrapForwarder((e, s) -> List.of(new SnmpNotification(new OID("1.2.3"), List.of()),
                new SnmpNotification(new OID("1.2.4"), List.of())), () -> snapshot, n -> {
                    if (n.trapOid().equals(new OID("1.2.3"))) {
                        throw new IllegalStateException("boom");
                    }
                    delivered.add(n);
                }, Log.to((l, d, m) -> logged.add(m)));
        f.accept(event);
        assertThat(delivered).extracting(SnmpNotification::trapOid).containsExactly(new OID("1.2.4"));
        assertThat(logged).hasSize(1);
    }
}
