package org.jkeepalived.jmx.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * An MXBean that emits notifications: each change as one typed notification (details in a CompositeData) and,
 * for the attribute it changes, one standard attribute-change notification. Listeners are called on the
 * caller's thread, which is the JMX event subscriber's, never a protocol loop; the RMI connector buffers for
 * its remote clients, so a slow client delays nobody.
 */
abstract class EmittingBean extends NotificationBroadcasterSupport {
    private final ObjectName objectName;
    private final AtomicLong sequence = new AtomicLong();

    EmittingBean(ObjectName objectName, MBeanNotificationInfo... infos) {
        super(infos);
        this.objectName = objectName;
    }

    ObjectName objectName() {
        return objectName;
    }

    static MBeanNotificationInfo typed(String type, String description) {
        return new MBeanNotificationInfo(new String[] {type}, Notification.class.getName(), description);
    }

    static MBeanNotificationInfo attributeChanges(String description) {
        return new MBeanNotificationInfo(new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE},
                AttributeChangeNotification.class.getName(), description);
    }

    /** Emits a typed notification with {@code items} as its CompositeData user data. */
    void emit(String type, String message, Map<String, Object> items) {
        Notification n = new Notification(type, objectName, sequence.incrementAndGet(), System.currentTimeMillis(),
                message);
        n.setUserData(composite(type, items));
        sendNotification(n);
    }

    /**
     * An instance's or sync group's state change: the typed notification ({@code name: OLD -> NEW (reason)}, items
     * name, oldState, newState, priority, reason) and the State attribute change.
     */
    void emitStateChange(String type, String name, String old, String state, int priority, String reason) {
        String message = name + ": " + old + " -> " + state + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("name", name);
        items.put("oldState", old);
        items.put("newState", state);
        items.put("priority", priority);
        items.put("reason", text(reason));
        emit(type, message, items);
        emitChange("State", String.class.getName(), old, state, message);
    }

    /** Emits the standard notification that {@code attribute} changed from {@code old} to {@code now}. */
    void emitChange(String attribute, String attributeType, Object old, Object now, String message) {
        sendNotification(new AttributeChangeNotification(objectName, sequence.incrementAndGet(),
                System.currentTimeMillis(), message, attribute, attributeType, old, now));
    }

    /** Ordered items as an open CompositeData whose item types follow the values (String, Integer, Long, Boolean). */
    static CompositeData composite(String typeName, Map<String, Object> items) {
        Map<String, Object> values = new LinkedHashMap<>(items);
        String[] names = values.keySet().toArray(new String[0]);
        OpenType<?>[] types = new OpenType<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            Object v = values.get(names[i]);
            if (v == null) {
                values.put(names[i], "");
                v = "";
            }
            types[i] = v instanceof Integer ? SimpleType.INTEGER : v instanceof Long ? SimpleType.LONG
                    : v instanceof Boolean ? SimpleType.BOOLEAN : SimpleType.STRING;
            if (types[i] == SimpleType.STRING && !(v instanceof String)) {
                values.put(names[i], v.toString());
            }
        }
        try {
            CompositeType type = new CompositeType(typeName, typeName, names, names, types);
            return new CompositeDataSupport(type, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("notification data " + typeName + ": " + e.getMessage(), e);
        }
    }

    /** {@code ""} for null: open-type strings should not be null, so that every console shows them. */
    static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
