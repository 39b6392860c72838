package org.jkeepalived.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.vrrp.NotifyScripts;
import org.jkeepalived.control.FakeManagementCommands;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.EventBus;
import org.jkeepalived.jmx.Notifications;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events become notifications from the MBean they are about, with the old and new values. */
class JmxNotifierTest {
    private final List<String> logged = new ArrayList<>();
    private final Log log = Log.to((level, detail, message) -> logged.add(level + " " + message));
    private final KeepalivedConfig config = Fixtures.config();
    private final Fixtures.Source source = new Fixtures.Source(Fixtures.snapshot(config, 1));
    private MBeanServer server;
    private JmxRegistry registry;
    private JmxNotifier notifier;
    private final List<Notification> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void register() throws Exception {
        server = MBeanServerFactory.newMBeanServer();
        registry = new JmxRegistry(server, source, new FakeManagementCommands(), log, null);
        registry.sync();
        notifier = new JmxNotifier(registry);
        for (ObjectName name : server.queryNames(ObjectNames.ALL, null)) {
            if (server.isInstanceOf(name, "javax.management.NotificationBroadcaster")) {
                server.addNotificationListener(name, (n, handback) -> received.add(n), null, null);
            }
        }
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private static Event.Target target(Event.TargetType type, String name) {
        return new Event.Target(type, name, NotifyScripts.none(), false, false);
    }

    private static CompositeData data(Notification n) {
        return (CompositeData) n.getUserData();
    }

    @Test
    void vrrpStateChangeIsTypedAndAnAttributeChangeFromTheInstance() {
        notifier.accept(new Event.VrrpStateChanged(target(Event.TargetType.INSTANCE, "VI_1"),
                Event.NotifyState.BACKUP, 130, "higher priority advert received"));

        assertThat(received).hasSize(2);
        Notification typed = received.get(0);
        assertThat(typed.getType()).isEqualTo(Notifications.VRRP_STATE);
        assertThat(typed.getSource()).isEqualTo(ObjectNames.vrrpInstance("VI_1"));
        assertThat(typed.getMessage()).isEqualTo("VI_1: MASTER -> BACKUP (higher priority advert received)");
        assertThat(data(typed).get("oldState")).isEqualTo("MASTER");
        assertThat(data(typed).get("newState")).isEqualTo("BACKUP");
        assertThat(data(typed).get("priority")).isEqualTo(130);
        AttributeChangeNotification change = (AttributeChangeNotification) received.get(1);
        assertThat(change.getAttributeName()).isEqualTo("State");
        assertThat(change.getOldValue()).isEqualTo("MASTER");
        assertThat(change.getNewValue()).isEqualTo("BACKUP");
        assertThat(change.getSequenceNumber()).isGreaterThan(typed.getSequenceNumber());

        received.clear();
        notifier.accept(new Event.VrrpStateChanged(target(Event.TargetType.INSTANCE, "VI_1"),
                Event.NotifyState.MASTER, 130, ""));
        assertThat(data(received.get(0)).get("oldState")).as("the last notified state is the next old").isEqualTo("BACKUP");
    }

    @Test
    void syncGroupStateFromTheGroup() {
        notifier.accept(new Event.VrrpStateChanged(target(Event.TargetType.GROUP, "G1"), Event.NotifyState.FAULT, 0,
                "member VI_2 in FAULT"));
        assertThat(received).extracting(Notification::getType)
                .containsExactly(Notifications.SYNC_GROUP_STATE, AttributeChangeNotification.ATTRIBUTE_CHANGE);
        assertThat(received).allMatch(n -> n.getSource().equals(ObjectNames.syncGroup("G1")));
        assertThat(data(received.get(0)).get("oldState")).isEqualTo("MASTER");
        assertThat(data(received.get(0)).get("newState")).isEqualTo("FAULT");
    }

    @Test
    void priorityChange() {
        notifier.accept(new Event.VrrpPriorityChanged(target(Event.TargetType.INSTANCE, "VI_1"),
                Event.NotifyState.MASTER, 110));
        assertThat(received.get(0).getType()).isEqualTo(Notifications.VRRP_PRIORITY);
        assertThat(data(received.get(0)).get("oldPriority")).isEqualTo(130);
        assertThat(data(received.get(0)).get("newPriority")).isEqualTo(110);
        AttributeChangeNotification change = (AttributeChangeNotification) received.get(1);
        assertThat(change.getAttributeName()).isEqualTo("EffectivePriority");
        assertThat(change.getNewValue()).isEqualTo(110);
    }

    @Test
    void splitBrainFromTheInstance() throws Exception {
        notifier.accept(new Event.VrrpSplitBrain("VI_1", 51, org.jkeepalived.vrrp.SplitBrainKind.MASTER_SEES_LOWER_MASTER,
                java.net.InetAddress.getByName("10.0.0.9"), 90, 130, 3));
        assertThat(received).extracting(Notification::getType)
                .containsExactly(Notifications.VRRP_SPLIT_BRAIN, AttributeChangeNotification.ATTRIBUTE_CHANGE);
        assertThat(received.get(0).getSource()).isEqualTo(ObjectNames.vrrpInstance("VI_1"));
        assertThat(received.get(0).getMessage())
                .isEqualTo("VI_1: split brain, MASTER_SEES_LOWER_MASTER from 10.0.0.9 (priority 90, ours 130)");
        CompositeData d = data(received.get(0));
        assertThat(d.get("vrid")).isEqualTo(51);
        assertThat(d.get("kind")).isEqualTo("MASTER_SEES_LOWER_MASTER");
        assertThat(d.get("peer")).isEqualTo("10.0.0.9");
        assertThat(d.get("peerPriority")).isEqualTo(90);
        assertThat(d.get("ownPriority")).isEqualTo(130);
        assertThat(d.get("episodes")).isEqualTo(3L);
        AttributeChangeNotification change = (AttributeChangeNotification) received.get(1);
        assertThat(change.getAttributeName()).isEqualTo("SplitBrains");
        assertThat(change.getOldValue()).isEqualTo(2L);
        assertThat(change.getNewValue()).isEqualTo(3L);
    }

    @Test
    void realServerAndQuorum() {
        notifier.accept(new Event.RealServerChanged(Fixtures.VS, Fixtures.RS1, false, null, false,
                "TCP connection failed", "TCP_CHECK"));
        assertThat(received.get(0).getType()).isEqualTo(Notifications.REAL_SERVER_STATE);
        assertThat(received.get(0).getSource()).isEqualTo(ObjectNames.realServer(Fixtures.VS, Fixtures.RS1));
        assertThat(data(received.get(0)).get("up")).isEqualTo(false);
        assertThat(data(received.get(0)).get("checker")).isEqualTo("TCP_CHECK");
        assertThat(((AttributeChangeNotification) received.get(1)).getOldValue()).isEqualTo(true);

        received.clear();
        notifier.accept(new Event.QuorumChanged(Fixtures.VS, false, null, false,
                "Lost quorum 1-0=1 > 2 for VS " + Fixtures.VS));
        assertThat(received.get(0).getType()).isEqualTo(Notifications.QUORUM);
        assertThat(received.get(0).getSource()).isEqualTo(ObjectNames.virtualServer(Fixtures.VS));
        assertThat(received.get(0).getMessage()).startsWith("Lost quorum");
        assertThat(((AttributeChangeNotification) received.get(1)).getAttributeName()).isEqualTo("QuorumUp");
    }

    @Test
    void anEventWithoutItsMBeanComesFromTheDaemon() {
        notifier.accept(new Event.VrrpStateChanged(target(Event.TargetType.INSTANCE, "VI_GONE"),
                Event.NotifyState.DELETED, 0, "removed by reload"));
        notifier.accept(new Event.RealServerChanged(Fixtures.VS, "[10.9.9.9]:tcp:80", false, null, false, "", null));
        assertThat(received).extracting(Notification::getSource).containsOnly(ObjectNames.daemon());
        assertThat(received).extracting(Notification::getType)
                .containsExactly(Notifications.VRRP_STATE, Notifications.REAL_SERVER_STATE);
        assertThat(data(received.get(0)).get("newState")).isEqualTo("DELETED");
    }

    @Test
    void otherEventsSayNothing() {
        notifier.accept(new Event.TrackerChanged("script", "chk", true, 0));
        notifier.accept(new Event.VrrpStatesRestated(List.of()));
        assertThat(received).isEmpty();
    }

    @Test
    void asAnEventBusSubscriber() throws Exception {
        try (EventBus bus = new EventBus(log)) {
            bus.subscribe("jmx", notifier);
            bus.publish(new Event.QuorumChanged(Fixtures.VS, false, null, false, "lost"));
            Await.await("the quorum notification", 2_000, () -> received.size() == 2);
        }
        assertThat(logged).isEmpty();
    }
}
