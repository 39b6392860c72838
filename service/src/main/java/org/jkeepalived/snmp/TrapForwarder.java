package org.jkeepalived.snmp;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jkeepalived.event.Event;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.StatusSource;

/**
 * An event-bus subscriber turning events into SNMP notifications: the mapper decides which events are traps
 * (with the latest snapshot for the objects they carry), the sender ({@link SnmpAgent#send}) queues them. A
 * mapper failure is a bug: it is logged with the event and the event is skipped, never propagated (the bus
 * thread goes on).
 */
public final class TrapForwarder implements Consumer<Event> {
    private final BiFunction<Event, StatusSnapshot, List<SnmpNotification>> mapper;
    private final StatusSource status;
    private final Consumer<SnmpNotification> sender;
    private final Log log;

    public TrapForwarder(BiFunction<Event, StatusSnapshot, List<SnmpNotification>> mapper, StatusSource status,
                         Consumer<SnmpNotification> sender) {
        this(mapper, status, sender, Log.get("snmp"));
    }

    TrapForwarder(BiFunction<Event, StatusSnapshot, List<SnmpNotification>> mapper, StatusSource status,
                  Consumer<SnmpNotification> sender, Log log) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.status = Objects.requireNonNull(status, "status");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.log = log;
    }

    @Override
    public void accept(Event event) {
        List<SnmpNotification> notifications;
        try {
            notifications = mapper.apply(event, status.current());
        } catch (RuntimeException e) {
            log.error("SNMP: no notification for event " + event + ": mapping failed: " + e);
            return;
        }
        if (notifications == null) {
            return;
        }
        for (SnmpNotification n : notifications) {
            try {
                sender.accept(n);
            } catch (RuntimeException e) {
                log.error("SNMP: sending notification " + n.trapOid() + " for event " + event + " failed: " + e);
            }
        }
    }
}
